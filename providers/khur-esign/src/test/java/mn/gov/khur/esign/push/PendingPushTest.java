package mn.gov.khur.esign.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The waiting request survives the round trip through the auth notes, and nothing of it leaks into logs. */
class PendingPushTest {

    private static final Instant DEADLINE = Instant.parse("2026-11-24T10:02:00Z");
    private final Map<String, String> notes = new HashMap<>();

    private final AuthenticationSessionModel authSession = (AuthenticationSessionModel) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {AuthenticationSessionModel.class}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "getAuthNote" -> notes.get((String) args[0]);
                        case "setAuthNote" -> notes.put((String) args[0], (String) args[1]);
                        case "removeAuthNote" -> notes.remove((String) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });

    @Test
    void aPushedRequestIsReadBackAsItWasSaved() {
        PendingPush pushed = PendingPush.pushed("tx-1", "УБ99112233", "+97699112233", "0427", DEADLINE);
        pushed.save(authSession);
        assertThat(PendingPush.of(authSession)).contains(pushed);
        assertThat(pushed.decoy()).isFalse();
    }

    @Test
    void aDecoyIsReadBackAsADecoy() {
        PendingPush.decoy("УБ99112233", "+97699112233", "0427", DEADLINE).save(authSession);
        assertThat(PendingPush.of(authSession)).hasValueSatisfying(p -> {
            assertThat(p.decoy()).isTrue();
            assertThat(p.verificationCode()).isEqualTo("0427");
        });
    }

    @Test
    void noTransactionNoPendingRequest() {
        assertThat(PendingPush.of(authSession)).isEmpty();
    }

    @Test
    void aBrokenDeadlineNoteHasPassed() {
        PendingPush.pushed("tx-1", "УБ99112233", "+97699112233", "0427", DEADLINE).save(authSession);
        notes.put("khur.esign.push.deadline", "soon");
        assertThat(PendingPush.of(authSession).orElseThrow().pastDeadline(DEADLINE.minusSeconds(60))).isTrue();
    }

    @Test
    void theDeadlineSecondItselfStillWaits() {
        PendingPush pending = PendingPush.pushed("tx-1", "УБ99112233", "+97699112233", "0427", DEADLINE);
        assertThat(pending.pastDeadline(DEADLINE)).isFalse();
        assertThat(pending.pastDeadline(DEADLINE.plusSeconds(1))).isTrue();
    }

    @Test
    void toStringShowsNoTransactionPhoneOrCode() {
        String text = PendingPush.pushed("tx-secret", "УБ99112233", "+97699112233", "0427", DEADLINE).toString();
        assertThat(text).doesNotContain("tx-secret").doesNotContain("99112233").doesNotContain("0427");
    }
}
