package mn.gov.khur.smsgateway.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mn.gov.khur.smsgateway.webhook.InboundSms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldMessagesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void whatIsHeldSurvivesARestartOwnerOnlyWithItsIdTextAndTime() throws Exception {
        HeldMessages held = new HeldMessages(directory.resolve("held"), 10, Duration.ofHours(24), CLOCK);
        assertThat(held.hold(sms("sandbox-0001", "0"), 401)).isTrue();

        HeldMessages afterRestart = new HeldMessages(directory.resolve("held"), 10, Duration.ofHours(24), CLOCK);

        assertThat(afterRestart.oldestFirst()).singleElement().satisfies(kept -> {
            assertThat(kept.sms()).isEqualTo(sms("sandbox-0001", "0"));
            assertThat(kept.heldAt()).isEqualTo(CLOCK.instant());
            assertThat(kept.lastStatus()).isEqualTo(401);
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("held")))).isEqualTo("rwx------");
        try (var files = Files.list(directory.resolve("held"))) {
            assertThat(files).singleElement().satisfies(file ->
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
        }
    }

    @Test
    void beyondItsBoundItSaysNoSoTheSmscKeepsTheSms() {
        HeldMessages held = new HeldMessages(directory, 2, Duration.ofHours(24), CLOCK);

        assertThat(held.hold(sms("sandbox-0001", "1"), 401)).isTrue();
        assertThat(held.hold(sms("sandbox-0002", "2"), 401)).isTrue();
        assertThat(held.hold(sms("sandbox-0003", "3"), 401)).isFalse();
        assertThat(held.hold(sms("sandbox-0002", "2"), 404)).as("the same one again").isTrue();
        assertThat(held.count()).isEqualTo(2);
    }

    @Test
    void aRefusalAgainKeepsTheFirstTimeAndOldOnesExpire() {
        HeldMessages held = new HeldMessages(directory, 10, Duration.ofHours(24), CLOCK);
        held.hold(sms("sandbox-0001", "1"), 401);
        HeldMessages.Held first = held.oldestFirst().getFirst();

        held.refusedAgain(first, 404);

        assertThat(held.oldestFirst().getFirst().lastStatus()).isEqualTo(404);
        assertThat(held.oldestFirst().getFirst().heldAt()).isEqualTo(first.heldAt());
        assertThat(held.expired(first)).isFalse();
        HeldMessages dayLater = new HeldMessages(directory, 10, Duration.ofHours(24),
                Clock.offset(CLOCK, Duration.ofHours(24).plusSeconds(1)));
        assertThat(dayLater.expired(dayLater.oldestFirst().getFirst())).isTrue();
    }

    @Test
    void anUnusableDirectoryStopsTheStart() throws Exception {
        Path file = Files.writeString(directory.resolve("a-file"), "x");
        assertThatThrownBy(() -> new HeldMessages(file.resolve("held"), 10, Duration.ofHours(1), CLOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hold-directory");
    }

    static InboundSms sms(String id, String text) {
        return new InboundSms(id, "+97699112233", "130092", text, "2026-11-24T10:14:00Z");
    }
}
