package mn.gov.khur.selfservice.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPhoneOwnershipLookupTest {

    private static final MongolianMobileNumber PHONE = MongolianMobileNumber.parse("99112233");
    private static final RegisterNumber REGNUM = RegisterNumber.parse("УБ99112233");

    private HttpServer server;
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<String> answer = new AtomicReference<>("{\"result\":\"match\"}");
    private final AtomicReference<String> seenBody = new AtomicReference<>();
    private final AtomicReference<String> seenAuth = new AtomicReference<>();
    private final AtomicReference<Long> delayMillis = new AtomicReference<>(0L);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/lookup", exchange -> {
            try (exchange) {
                seenBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                seenAuth.set(exchange.getRequestHeaders().getFirst("Authorization"));
                Thread.sleep(delayMillis.get());
                byte[] bytes = answer.get().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status.get(), bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpPhoneOwnershipLookup lookup(String token, Duration timeout) {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/lookup");
        return new HttpPhoneOwnershipLookup(new PhoneOwnershipSettings(endpoint, token, timeout), HttpClient.newHttpClient());
    }

    @Test
    void sendsMsisdnAndRegisterNumberWithTheTokenAndReadsTheAnswer() throws Exception {
        assertThat(lookup("s3cret", Duration.ofSeconds(2)).lookup(PHONE, REGNUM)).isEqualTo(PhoneOwnership.MATCH);
        assertThat(seenBody.get()).contains("\"msisdn\":\"+97699112233\"").contains("\"registerNumber\":\"УБ99112233\"");
        assertThat(seenAuth.get()).isEqualTo("Bearer s3cret");
        answer.set("{\"result\":\"no_match\"}");
        assertThat(lookup(null, Duration.ofSeconds(2)).lookup(PHONE, REGNUM)).isEqualTo(PhoneOwnership.NO_MATCH);
        assertThat(seenAuth.get()).isNull();
        answer.set("{\"result\":\"unknown\"}");
        assertThat(lookup(null, Duration.ofSeconds(2)).lookup(PHONE, REGNUM)).isEqualTo(PhoneOwnership.UNKNOWN);
    }

    @Test
    void readsTheLastSimChangeWhenTheOperatorReportsIt() throws Exception {
        answer.set("{\"result\":\"match\",\"simChangedAt\":\"2026-11-20T08:00:00+08:00\"}");
        SubscriberStatus status = lookup(null, Duration.ofSeconds(2)).status(PHONE, REGNUM);
        assertThat(status.ownership()).isEqualTo(PhoneOwnership.MATCH);
        assertThat(status.simChangedAt()).isEqualTo(java.time.Instant.parse("2026-11-20T00:00:00Z"));
        answer.set("{\"result\":\"match\",\"simChangedAt\":null}");
        assertThat(lookup(null, Duration.ofSeconds(2)).status(PHONE, REGNUM).simChangedAt()).isNull();
        answer.set("{\"result\":\"match\",\"simChangedAt\":\"last week\"}");
        assertThatThrownBy(() -> lookup(null, Duration.ofSeconds(2)).status(PHONE, REGNUM))
                .isInstanceOf(PhoneOwnershipUnavailableException.class);
    }

    @Test
    void everythingElseIsUnavailableNeverAMatch() {
        status.set(503);
        assertThatThrownBy(() -> lookup(null, Duration.ofSeconds(2)).lookup(PHONE, REGNUM))
                .isInstanceOf(PhoneOwnershipUnavailableException.class);
        status.set(200);
        for (String body : new String[] {"", "not json", "{}", "{\"result\":\"MATCH\"}", "{\"result\":true}"}) {
            answer.set(body);
            assertThatThrownBy(() -> lookup(null, Duration.ofSeconds(2)).lookup(PHONE, REGNUM))
                    .as(body).isInstanceOf(PhoneOwnershipUnavailableException.class);
        }
    }

    @Test
    void slowOrUnreachableOrUnconfiguredIsUnavailable() {
        delayMillis.set(1500L);
        assertThatThrownBy(() -> lookup(null, Duration.ofMillis(300)).lookup(PHONE, REGNUM))
                .isInstanceOf(PhoneOwnershipUnavailableException.class);
        server.stop(0);
        assertThatThrownBy(() -> lookup(null, Duration.ofMillis(500)).lookup(PHONE, REGNUM))
                .isInstanceOf(PhoneOwnershipUnavailableException.class);
        HttpPhoneOwnershipLookup unconfigured = new HttpPhoneOwnershipLookup(
                PhoneOwnershipSettings.from(name -> null, Map.of()), HttpClient.newHttpClient());
        assertThatThrownBy(() -> unconfigured.lookup(PHONE, REGNUM)).isInstanceOf(PhoneOwnershipUnavailableException.class);
    }

    @Test
    void settingsComeFromTheEnvironmentThenSpiOptions() {
        PhoneOwnershipSettings fromEnv = PhoneOwnershipSettings.from(name -> null, Map.of(
                "KHUR_PHONE_OWNERSHIP_URL", "https://lookup.example.mn/v1", "KHUR_PHONE_OWNERSHIP_TOKEN", "t",
                "KHUR_PHONE_OWNERSHIP_TIMEOUT_MS", "1500"));
        assertThat(fromEnv.endpoint()).hasToString("https://lookup.example.mn/v1");
        assertThat(fromEnv.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(fromEnv.toString()).doesNotContain("token=t,");
        PhoneOwnershipSettings both = PhoneOwnershipSettings.from(
                name -> name.equals("url") ? "http://10.0.0.5/lookup" : null, Map.of("KHUR_PHONE_OWNERSHIP_URL", "http://x/"));
        assertThat(both.endpoint()).hasToString("http://x/");
        PhoneOwnershipSettings fromSpi = PhoneOwnershipSettings.from(
                name -> name.equals("url") ? "http://10.0.0.5/lookup" : null, Map.of());
        assertThat(fromSpi.endpoint()).hasToString("http://10.0.0.5/lookup");
        assertThatThrownBy(() -> PhoneOwnershipSettings.from(name -> null, Map.of("KHUR_PHONE_OWNERSHIP_URL", "ftp://x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
