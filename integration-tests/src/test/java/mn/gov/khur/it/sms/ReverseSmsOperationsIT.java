package mn.gov.khur.it.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What operators rely on: the audit trail, metrics, and the code lifetime they configure. */
@ExtendWith(KhurServerExtension.class)
class ReverseSmsOperationsIT {

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient gateway = new InboundSmsClient();

    @Test
    void everyInboundMessageLeavesAnAuditRowOperatorsFindByPhoneAndUser() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        HttpBrowser browser = new HttpBrowser();
        OidcRelyingParty.PendingLogin login = OidcRelyingParty.demo().begin();
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        String wrong = code.equals("999999") ? "999998" : "999999";
        gateway.send(citizen.phoneE164(), wrong);
        String body = InboundSmsClient.body("audit-" + java.util.UUID.randomUUID(), citizen.phoneE164(), "130092", code);
        gateway.sendSigned(body);
        gateway.sendSigned(body);

        HttpResponse<String> byPhone = admin.get("/admin/realms/khur/khur-sms-audit?phone="
                + URLEncoder.encode(citizen.phoneE164(), StandardCharsets.UTF_8));
        assertThat(byPhone.statusCode()).isEqualTo(200);
        JsonNode rows = Json.parse(byPhone.body());
        assertThat(rows).hasSize(3);
        assertThat(rows.findValuesAsText("outcome")).containsExactlyInAnyOrder("unmatched", "matched", "duplicate");
        assertThat(byPhone.body()).doesNotContain(citizen.phoneE164()).contains("****");

        JsonNode byUser = Json.parse(admin.get("/admin/realms/khur/khur-sms-audit?user=" + userId).body());
        assertThat(byUser.findValuesAsText("outcome")).contains("matched", "unmatched");
    }

    @Test
    void auditNeedsAnAdminToken() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(KeycloakServer.BASE_URL + "/admin/realms/khur/khur-sms-audit?phone=99112233")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void metricsCountInboundMessagesByOutcome() throws Exception {
        gateway.send("+97699" + InboundWebhookContractIT.randomDigits(6), "123456");
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(KeycloakServer.MANAGEMENT_URL + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("khur_sms_inbound_messages_total\\{[^}]*outcome=\"unmatched\"");
    }

    @Test
    void expiredCodeOffersANewOneThatWorks() throws Exception {
        JsonNode config = reverseSmsConfig();
        String original = config.get("config").get("khur.sms.codeLifetimeSeconds").asText();
        try {
            setLifetime(config, "10");
            TestCitizen citizen = TestCitizen.random();
            admin.createCitizen(citizen);
            HttpBrowser browser = new HttpBrowser();
            OidcRelyingParty rp = OidcRelyingParty.demo();
            OidcRelyingParty.PendingLogin login = rp.begin();
            browser.open(login.authorizationUri());
            String oldCode = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
            Thread.sleep(11_000);
            HttpBrowser.Page expired = CitizenLogin.pressContinue(browser);
            assertThat(expired.has(ReverseSmsPage.RESEND)).isTrue();
            assertThat(expired.has(ReverseSmsPage.EXPIRED) || expired.body().contains("khurSmsExpired") || expired.has(".pf-m-danger, .alert-error, [class*=danger]"))
                    .as("the page says the code expired").isTrue();
            assertThat(Json.parse(gateway.send(citizen.phoneE164(), oldCode).body()).get("status").asText()).isEqualTo("unmatched");

            String newCode = CitizenLogin.shownCode(browser.submit(ReverseSmsPage.FORM, Map.of(), "resend"));
            assertThat(Json.parse(gateway.send(citizen.phoneE164(), newCode).body()).get("status").asText()).isEqualTo("matched");
            HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
            assertThat(back.leftIdp()).isTrue();
            rp.finish(login, back.uri());
        } finally {
            setLifetime(reverseSmsConfig(), original);
        }
    }

    private JsonNode reverseSmsConfig() {
        JsonNode executions = Json.parse(admin.get("/admin/realms/khur/authentication/flows/"
                + URLEncoder.encode("khur substantial", StandardCharsets.UTF_8).replace("+", "%20") + "/executions").body());
        for (JsonNode execution : executions) {
            if ("khur-reverse-sms".equals(execution.path("providerId").asText())) {
                String configId = execution.get("authenticationConfig").asText();
                return Json.parse(admin.get("/admin/realms/khur/authentication/config/" + configId).body());
            }
        }
        throw new AssertionError("no khur-reverse-sms execution in " + executions);
    }

    private void setLifetime(JsonNode config, String seconds) {
        ObjectNode updated = config.deepCopy();
        ((ObjectNode) updated.get("config")).put("khur.sms.codeLifetimeSeconds", seconds);
        HttpResponse<String> response = admin.put("/admin/realms/khur/authentication/config/" + config.get("id").asText(),
                Json.write(updated));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
}
