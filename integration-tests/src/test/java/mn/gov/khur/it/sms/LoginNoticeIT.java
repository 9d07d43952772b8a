package mn.gov.khur.it.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.BackChannelLogoutReceiver;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.OutboundSmsLink;
import mn.gov.khur.it.support.SmsGatewayProcess;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.sandbox.smsc.SmscMessage;
import mn.gov.khur.sandbox.smsc.SmscSimulator;
import mn.gov.khur.sandbox.smsc.SmscSimulatorConfig;
import mn.gov.khur.sandbox.smsc.SubmittedMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The login notice (docs/SECURITY.md, "Login notices"), on the real protocols: a citizen logs in by password + reverse SMS (MO through the
 * sandbox SMSC and the SMPP bridge); Keycloak sends the login notice to the bridge's POST /mt, the bridge sends it as
 * submit_sm to the SMSC; the citizen's "0" revokes exactly that login (back-channel logout included).
 */
@ExtendWith(KhurServerExtension.class)
class LoginNoticeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static SmscSimulator smsc;
    private static SmsGatewayProcess gateway;
    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient webhook = new InboundSmsClient();
    private final BackChannelLogoutReceiver backChannel = BackChannelLogoutReceiver.instance();
    /** demo-rp-2: the relying party with a back-channel logout URL. */
    private final OidcRelyingParty site = new OidcRelyingParty("demo-rp-2", "demo-rp-2-secret",
            URI.create("http://localhost:8094/callback"));

    @BeforeAll
    static void mobileNetwork() throws Exception {
        smsc = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(0).withRetryInterval(Duration.ofSeconds(1)));
        gateway = SmsGatewayProcess.startWithMt(KeycloakServer.BASE_URL + InboundSmsClient.PATH, smsc.port());
    }

    @AfterAll
    static void shutDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void replyZeroFromTheNoticedPhoneRevokesThatLoginOnceAndNothingElseDoes() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        OidcRelyingParty.LoginResult tokens = logInThroughTheBridge(citizen);
        assertThat(sessions(userId)).as("the login's session").hasSize(1);

        SubmittedMessage notice = awaitValue(() -> smsc.submittedTo(citizen.phoneE164()).stream().findFirst().orElse(null),
                "a submit_sm to " + citizen.phoneE164());
        assertThat(notice.from()).isEqualTo("130092");
        assertThat(notice.dataCoding()).as("UCS-2").isEqualTo((byte) 0x08);
        assertThat(notice.text())
                .matches("ХУР: \\d\\d/\\d\\d \\d\\d:\\d\\d-д таны бүртгэлээр нэвтэрлээ \\(.+\\)\\. "
                        + "Та биш бол 130092 руу 0 гэж илгээнэ үү\\.")
                .doesNotContainPattern("https?://");
        assertThat(gateway.log()).contains("event=mt_submitted").doesNotContain(citizen.phoneE164()).doesNotContain("нэвтэрлээ");
        String acceptedCounter = awaitValue(() -> metricsLine("khur_sms_outbound_messages_total\\{[^}]*outcome=\"accepted\"[^}]*\\} .*"),
                "the accepted outbound SMS counter");
        assertThat(Double.parseDouble(acceptedCounter.substring(acceptedCounter.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1);

        String otherPhone = citizen.phoneE164().endsWith("7") ? citizen.phoneE164().substring(0, 11) + "8"
                : citizen.phoneE164().substring(0, 11) + "7";
        assertThat(status(webhook.send(otherPhone, "0"))).as("a 0 from another phone").isEqualTo("unmatched");
        assertThat(sessions(userId)).as("untouched by another phone's 0").hasSize(1);
        TokenResponse beforeTheZero = refresh(tokens);
        assertThat(beforeTheZero.indicatesSuccess()).isTrue();
        // refresh tokens rotate: from here on the site holds the new one (the old one would be refused as a replay)
        com.nimbusds.oauth2.sdk.token.RefreshToken current = beforeTheZero.toSuccessResponse().getTokens().getRefreshToken();

        backChannel.clear();
        String messageId = "it-" + UUID.randomUUID();
        String reply = InboundSmsClient.body(messageId, citizen.phoneE164(), "130092", " 0 ");
        HttpResponse<String> revoked = webhook.sendSigned(reply);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(Json.parse(revoked.body()).path("status").asText()).isEqualTo("revoked");

        assertThat(sessions(userId)).as("the user's sessions after the 0").isEmpty();
        assertThat(refresh(current).indicatesSuccess()).as("the relying party's refresh token").isFalse();
        String logoutToken = backChannel.next(PATIENCE)
                .orElseThrow(() -> new AssertionError("demo-rp-2 received no back-channel logout"));
        assertThat(logoutToken).isNotBlank();

        assertThat(status(webhook.sendSigned(InboundSmsClient.body(messageId, citizen.phoneE164(), "130092", " 0 "))))
                .as("the same messageId again").isEqualTo("duplicate");
        assertThat(status(webhook.send(citizen.phoneE164(), "0"))).as("a second 0").isEqualTo("unmatched");

        JsonNode logouts = admin.events(userId, "LOGOUT");
        assertThat(logouts).anySatisfy(event -> {
            assertThat(event.path("details").path("khur_reason").asText()).isEqualTo("citizen_denied_login");
            assertThat(event.path("details").path("khur_phone").asText()).contains("****")
                    .doesNotContain(citizen.phoneE164().substring(4));
        });
        JsonNode audit = Json.parse(admin.get("/admin/realms/khur/khur-sms-audit?phone="
                + URLEncoder.encode(citizen.phoneE164(), StandardCharsets.UTF_8)).body());
        assertThat(audit.findValuesAsText("outcome")).contains("matched", "revoked", "duplicate", "unmatched");
    }

    @Test
    void aNewLoginAfterTheRevokeWorksAndOnlyItsOwnNoticeCounts() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        logInThroughTheBridge(citizen);
        awaitValue(() -> smsc.submittedTo(citizen.phoneE164()).isEmpty() ? null : Boolean.TRUE, "the first notice");
        assertThat(status(webhook.send(citizen.phoneE164(), "0"))).isEqualTo("revoked");
        assertThat(sessions(userId)).isEmpty();

        OidcRelyingParty.LoginResult again = logInThroughTheBridge(citizen);
        awaitValue(() -> smsc.submittedTo(citizen.phoneE164()).size() >= 2 ? Boolean.TRUE : null, "the second notice");
        assertThat(sessions(userId)).hasSize(1);
        assertThat(refresh(again).indicatesSuccess()).isTrue();
    }

    @Test
    void withTheSwitchOffInTheStepsConfigThereIsNoNoticeAndAZeroChangesNothing() throws Exception {
        String configPath = "/admin/realms/khur/authentication/config/" + reverseSmsConfigId();
        String original = admin.get(configPath).body();
        ObjectNode off = (ObjectNode) Json.parse(original);
        ((ObjectNode) off.path("config")).put("khur.sms.loginNotice", "false");
        assertThat(admin.put(configPath, Json.write(off)).statusCode()).isEqualTo(204);
        try {
            TestCitizen citizen = TestCitizen.random();
            String userId = admin.createCitizen(citizen);
            OidcRelyingParty.LoginResult tokens = logInThroughTheBridge(citizen);

            assertThat(status(webhook.send(citizen.phoneE164(), "0"))).isEqualTo("unmatched");
            assertThat(sessions(userId)).hasSize(1);
            assertThat(refresh(tokens).indicatesSuccess()).isTrue();
            assertThat(smsc.submittedTo(citizen.phoneE164())).isEmpty();
        } finally {
            assertThat(admin.put(configPath, original).statusCode()).isEqualTo(204);
        }
    }

    /** The config id of the reverse-SMS step in the browser flow (what ⚙ opens in the admin console). */
    private String reverseSmsConfigId() {
        JsonNode executions = Json.parse(admin.get("/admin/realms/khur/authentication/flows/khur%20browser/executions").body());
        for (JsonNode execution : executions) {
            if ("khur-reverse-sms".equals(execution.path("providerId").asText())
                    && execution.hasNonNull("authenticationConfig")) {
                return execution.path("authenticationConfig").asText();
            }
        }
        throw new AssertionError("no configured khur-reverse-sms step in khur browser: " + executions);
    }

    @Test
    void theBridgesMtEndpointAnswersBadRequestsWithJsonAndSendsNothing() throws Exception {
        int before = smsc.submittedMessages().size();
        String notice = "{\"messageId\":\"it-1\",\"to\":\"+97699000001\",\"from\":\"130092\",\"text\":\"x\"}";

        HttpResponse<String> unsigned = postToBridge(notice, null, null);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(Json.parse(unsigned.body()).path("error").asText()).isEqualTo("invalid_signature");

        String big = "{\"text\":\"" + "x".repeat(5000) + "\"}";
        HttpResponse<String> tooLarge = postToBridge(big, null, null);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(Json.parse(tooLarge.body()).path("error").asText()).isEqualTo("payload_too_large");

        String toAForeignNumber = notice.replace("+97699000001", "+15551234567");
        String ts = Long.toString(Instant.now().getEpochSecond());
        HttpResponse<String> invalid = postToBridge(toAForeignNumber, ts,
                InboundSmsClient.signature(OutboundSmsLink.SECRET, Long.parseLong(ts), toAForeignNumber.getBytes(StandardCharsets.UTF_8)));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(Json.parse(invalid.body()).path("error").asText()).isEqualTo("invalid_request");

        assertThat(smsc.submittedMessages()).hasSize(before);
    }

    private static HttpResponse<String> postToBridge(String body, String timestamp, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + OutboundSmsLink.port() + "/mt"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Khur-Timestamp", timestamp).header("X-Khur-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Password, then the shown code texted through SMSC → bridge → webhook, then Continue; back at the site. */
    private OidcRelyingParty.LoginResult logInThroughTheBridge(TestCitizen citizen) throws Exception {
        HttpBrowser browser = new HttpBrowser();
        OidcRelyingParty.PendingLogin login = site.begin();
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        SmscMessage sms = smsc.deliverMo(citizen.phoneE164(), "130092", code);
        assertThat(sms.result().get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("deliver_sm_resp status").isZero();
        HttpBrowser.Page back = awaitValue(() -> {
            HttpBrowser.Page page = CitizenLogin.pressContinue(browser);
            return page.leftIdp() ? page : null;
        }, "the login to complete");
        return site.finish(login, back.uri());
    }

    private List<JsonNode> sessions(String userId) {
        HttpResponse<String> response = admin.get("/admin/realms/khur/users/" + userId + "/sessions");
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> list = new java.util.ArrayList<>();
        Json.parse(response.body()).forEach(list::add);
        return list;
    }

    private TokenResponse refresh(OidcRelyingParty.LoginResult tokens) throws Exception {
        return refresh(tokens.tokens().getRefreshToken());
    }

    private TokenResponse refresh(com.nimbusds.oauth2.sdk.token.RefreshToken refreshToken) throws Exception {
        TokenRequest request = new TokenRequest(site.provider().getTokenEndpointURI(),
                new ClientSecretBasic(site.clientId(), site.secret()),
                new RefreshTokenGrant(refreshToken));
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    /** The Prometheus line matching {@code regex} once its value is above zero, else null. */
    private static String metricsLine(String regex) {
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(KeycloakServer.MANAGEMENT_URL + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(line -> line.matches(regex))
                    .filter(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) > 0).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String status(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body()).path("status").asText();
    }

    /** Bounded polling: the value once non-null, or a failure after {@link #PATIENCE}. */
    private static <T> T awaitValue(Supplier<T> probe, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
