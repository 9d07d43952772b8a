package mn.gov.khur.it.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What operators see of a citizen through the admin REST API: login events telling which method
 * was used and from which (masked) phone, the inbound-SMS audit, and admin events for their own
 * actions.
 */
@ExtendWith(KhurServerExtension.class)
class OperatorEventsIT {

    private final AdminApi admin = new AdminApi();

    @Test
    void loginEventsShowTheMethodAndTheMaskedPhoneOnly() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        OidcRelyingParty.PendingLogin login = OidcRelyingParty.demo().begin();
        CitizenLogin.logIn(new HttpBrowser(), login, citizen);

        JsonNode logins = admin.events(userId, "LOGIN");

        assertThat(logins).hasSize(1);
        JsonNode details = logins.get(0).get("details");
        assertThat(details.get("auth_method").asText()).isEqualTo("khur-reverse-sms");
        assertThat(details.get("khur_phone").asText())
                .isEqualTo(MongolianMobileNumber.parse(citizen.phoneE164()).masked());
        assertThat(logins.get(0).get("clientId").asText()).isEqualTo("demo-rp");
        assertThat(logins.toString()).doesNotContain(citizen.phoneE164()).doesNotContain(citizen.phoneE164().substring(4));
    }

    @Test
    void aWrongPasswordIsAnEventTooWithoutThePassword() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        HttpBrowser browser = new HttpBrowser();
        browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        CitizenLogin.passwordStep(browser, citizen.registerNumber(), "Wrong1234pw");

        JsonNode errors = admin.events(userId, "LOGIN_ERROR");

        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).get("error").asText()).isEqualTo("invalid_user_credentials");
        assertThat(errors.toString()).doesNotContain("Wrong1234pw");
    }

    @Test
    void smsAuditOfACitizenAfterALogin() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        CitizenLogin.logIn(new HttpBrowser(), OidcRelyingParty.demo().begin(), citizen);

        JsonNode byUser = auditRows("user=" + userId);
        JsonNode byNationalNumber = auditRows("phone=" + citizen.phoneE164().substring(4));

        assertThat(byUser).hasSize(1);
        assertThat(byUser.get(0).get("outcome").asText()).isEqualTo("matched");
        assertThat(byUser.get(0).get("userId").asText()).isEqualTo(userId);
        assertThat(byUser.get(0).get("sender").asText()).isEqualTo(MongolianMobileNumber.parse(citizen.phoneE164()).masked());
        assertThat(byNationalNumber.findValuesAsText("id")).isEqualTo(byUser.findValuesAsText("id"));
    }

    @Test
    void smsAuditRefusesBadQueriesPolitely() {
        for (String query : new String[] {"", "phone=" + encode("not a phone"), "phone=" + encode("+1 202 555 0100"),
                "phone=" + encode("<script>"), "user=&phone="}) {
            HttpResponse<String> response = admin.get("/admin/realms/khur/khur-sms-audit?" + query);
            assertThat(response.statusCode()).as("query %s", query).isEqualTo(400);
            assertThat(response.body()).as("query %s", query).contains("invalid_request")
                    .doesNotContain("Exception").doesNotContain("<script>");
        }
        HttpResponse<String> notNumbers = admin.get("/admin/realms/khur/khur-sms-audit?user=x&max=lots&first=abc");
        assertThat(notNumbers.statusCode()).isBetween(400, 499);
        assertThat(notNumbers.body()).doesNotContain("Exception");
    }

    @Test
    void adminEventsAreOnAndRecordOperatorsChangesWithoutSecrets() {
        JsonNode realm = admin.realm();
        assertThat(realm.get("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("adminEventsDetailsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("eventsEnabled").asBoolean()).isTrue();
        TestCitizen citizen = TestCitizen.random();

        String userId = admin.createCitizen(citizen);

        HttpResponse<String> response = admin.get("/admin/realms/khur/admin-events?operationTypes=CREATE&resourceTypes=USER"
                + "&resourcePath=" + encode("users/" + userId));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode events = Json.parse(response.body());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).at("/authDetails/realmId").asText()).isNotBlank();
        assertThat(events.get(0).get("representation").asText()).contains(citizen.registerNumber())
                .doesNotContain(citizen.password());
    }

    private JsonNode auditRows(String query) {
        HttpResponse<String> response = admin.get("/admin/realms/khur/khur-sms-audit?" + query);
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
