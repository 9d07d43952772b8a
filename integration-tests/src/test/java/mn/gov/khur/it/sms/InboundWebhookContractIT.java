package mn.gov.khur.it.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/CONTRACTS.md §2 from the outside: authentication, validation, idempotency, limits. */
@ExtendWith(KhurServerExtension.class)
class InboundWebhookContractIT {

    private final InboundSmsClient gateway = new InboundSmsClient();
    private final AdminApi admin = new AdminApi();

    @Test
    void authenticUnmatchedMessageIsAcceptedAsUnmatched() {
        HttpResponse<String> response = gateway.send("+97699" + randomDigits(6), "123456");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body()).get("status").asText()).isEqualTo("unmatched");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/json");
    }

    @Test
    void sameMessageIdTwiceIsADuplicate() {
        String body = InboundSmsClient.body("dup-" + UUID.randomUUID(), "+97699" + randomDigits(6), "130092", "654321");
        assertThat(Json.parse(gateway.sendSigned(body).body()).get("status").asText()).isEqualTo("unmatched");
        HttpResponse<String> again = gateway.sendSigned(body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.parse(again.body()).get("status").asText()).isEqualTo("duplicate");
    }

    @Test
    void wrongSecretIsRejected() {
        HttpResponse<String> response = new InboundSmsClient("not-the-secret").send("+97699" + randomDigits(6), "123456");
        assertInvalidSignature(response);
    }

    @Test
    void staleTimestampIsRejectedEvenWhenSignedCorrectly() {
        byte[] body = InboundSmsClient.body("stale-" + UUID.randomUUID(), "+97699112233", "130092", "123456")
                .getBytes(StandardCharsets.UTF_8);
        long stale = Instant.now().getEpochSecond() - 301;
        assertInvalidSignature(gateway.sendRaw(body, "application/json", String.valueOf(stale),
                InboundSmsClient.signature(KeycloakServer.SMS_SECRET, stale, body)));
    }

    @Test
    void missingSignatureIsRejected() {
        byte[] body = InboundSmsClient.body("nosig-" + UUID.randomUUID(), "+97699112233", "130092", "123456")
                .getBytes(StandardCharsets.UTF_8);
        assertInvalidSignature(gateway.sendRaw(body, "application/json", String.valueOf(Instant.now().getEpochSecond()), null));
    }

    @Test
    void bodyTamperedAfterSigningIsRejected() {
        byte[] signed = InboundSmsClient.body("tamper-" + UUID.randomUUID(), "+97699112233", "130092", "123456")
                .getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String signature = InboundSmsClient.signature(KeycloakServer.SMS_SECRET, now, signed);
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("+97699112233", "+97699112234")
                .getBytes(StandardCharsets.UTF_8);
        assertInvalidSignature(gateway.sendRaw(tampered, "application/json", String.valueOf(now), signature));
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("not JSON", "{\"messageId\":", 400),
                Arguments.of("JSON array", "[]", 400),
                Arguments.of("missing messageId", "{\"from\":\"+97699112233\",\"to\":\"130092\",\"text\":\"123456\"}", 400),
                Arguments.of("empty messageId", "{\"messageId\":\"\",\"from\":\"+97699112233\",\"to\":\"130092\",\"text\":\"123456\"}", 400),
                Arguments.of("messageId too long", "{\"messageId\":\"" + "x".repeat(129) + "\",\"from\":\"+97699112233\",\"to\":\"130092\",\"text\":\"123456\"}", 400),
                Arguments.of("missing from", "{\"messageId\":\"m1\",\"to\":\"130092\",\"text\":\"123456\"}", 400),
                Arguments.of("from not a Mongolian mobile", "{\"messageId\":\"m2\",\"from\":\"+14155550100\",\"to\":\"130092\",\"text\":\"123456\"}", 400),
                Arguments.of("wrong short number", "{\"messageId\":\"m3\",\"from\":\"+97699112233\",\"to\":\"130093\",\"text\":\"123456\"}", 400),
                Arguments.of("no 6-digit code in text", "{\"messageId\":\"m4\",\"from\":\"+97699112233\",\"to\":\"130092\",\"text\":\"hello\"}", 400),
                Arguments.of("bad receivedAt", "{\"messageId\":\"m5\",\"from\":\"+97699112233\",\"to\":\"130092\",\"text\":\"123456\",\"receivedAt\":\"yesterday\"}", 400),
                Arguments.of("from is a number type", "{\"messageId\":\"m6\",\"from\":97699112233,\"to\":\"130092\",\"text\":\"123456\"}", 400));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("malformedBodies")
    void malformedSignedBodiesGetAClearJsonError(String name, String body, int status) {
        HttpResponse<String> response = gateway.sendSigned(body);
        assertThat(response.statusCode()).as(name).isEqualTo(status);
        JsonNode error = Json.parse(response.body());
        assertThat(error.get("error").asText()).isEqualTo("invalid_request");
        assertThat(error.get("error_description").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at org.", "at mn.");
    }

    @Test
    void bodyOver4KiBIs413() {
        String big = InboundSmsClient.body("big-" + UUID.randomUUID(), "+97699112233", "130092", "123456 " + "x".repeat(4200));
        HttpResponse<String> response = gateway.sendSigned(big);
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void nonJsonContentTypeIs415() {
        byte[] body = "messageId=m&from=99112233".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> response = gateway.sendRaw(body, "application/x-www-form-urlencoded", String.valueOf(now),
                InboundSmsClient.signature(KeycloakServer.SMS_SECRET, now, body));
        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void nationalAndPrefixedSenderFormsAreAccepted() {
        String national = randomDigits(6);
        for (String from : new String[] {"99" + national, "97699" + national, "+97699" + national}) {
            HttpResponse<String> response = gateway.sendSigned(InboundSmsClient.body("form-" + UUID.randomUUID(), from, "130092", "code 111222 thanks"));
            assertThat(response.statusCode()).as(from).isEqualTo(200);
        }
    }

    @Test
    void aMessageSignedForKhurIsNotFoundInRealmsWithoutAnSmsGateway() {
        String body = InboundSmsClient.body("elsewhere-" + UUID.randomUUID(), "+97699" + randomDigits(6), "130092", "123456");
        for (String realm : List.of("master", "sandbox-bank-khan")) {
            for (InboundSmsClient signed : List.of(gateway, gateway.signingV2For(KeycloakServer.REALM), gateway.signingV2For(realm))) {
                HttpResponse<String> response = signed.toRealm(realm).sendSigned(body);
                assertThat(response.statusCode()).as(realm + ": " + response.body()).isEqualTo(404);
                assertThat(Json.parse(response.body()).path("error").asText()).isEqualTo("not_found");
            }
        }
    }

    @Test
    void aV2SignatureNamesItsRealmSoAnotherRealmSharingTheSecretRefusesIt() {
        String other = "khur-it-other-" + randomDigits(8);
        assertThat(admin.post("/admin/realms", Json.write(Map.of("realm", other, "enabled", true))).statusCode()).isEqualTo(201);
        try {
            // the SMS tab saved without a secret of its own: an SMS gateway configured with the server's secret
            String realmId = Json.parse(admin.get("/admin/realms/" + other).body()).path("id").asText();
            HttpResponse<String> tab = admin.post("/admin/realms/" + other + "/components", Json.write(Map.of(
                    "name", "khur-sms-gateway", "providerId", "khur-sms-gateway",
                    "providerType", "org.keycloak.services.ui.extend.UiTabProvider", "parentId", realmId,
                    "config", Map.of("realm", List.of(other), "tab", List.of("khur-sms-gateway"), "short-number", List.of("130092")))));
            assertThat(tab.statusCode()).as(tab.body()).isEqualTo(201);
            String sender = "+97699" + randomDigits(6);

            HttpResponse<String> forKhur = gateway.signingV2For(KeycloakServer.REALM).send(sender, "123456");
            assertThat(forKhur.statusCode()).as(forKhur.body()).isEqualTo(200);
            assertInvalidSignature(gateway.signingV2For(KeycloakServer.REALM).toRealm(other).send(sender, "123456"));
            assertThat(gateway.signingV2For(other).toRealm(other).send(sender, "123456").statusCode()).isEqualTo(200);
            assertInvalidSignature(gateway.signingV2For(other).send(sender, "123456"));
            // v1 names no realm: still accepted during the transition, in every realm with that secret (README)
            assertThat(gateway.toRealm(other).send(sender, "123456").statusCode()).isEqualTo(200);
        } finally {
            admin.delete("/admin/realms/" + other);
        }
    }

    private static void assertInvalidSignature(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Json.parse(response.body()).get("error").asText()).isEqualTo("invalid_signature");
    }

    static String randomDigits(int count) {
        StringBuilder digits = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }
}
