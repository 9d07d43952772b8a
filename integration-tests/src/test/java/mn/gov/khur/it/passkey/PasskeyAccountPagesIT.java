package mn.gov.khur.it.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.SoftwarePasskey;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.DonePage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.NewPasswordPage;
import mn.gov.khur.it.support.pages.PasskeysManagePage;
import mn.gov.khur.it.support.pages.PhoneChangePage;
import mn.gov.khur.it.support.pages.RecoveryPage;
import mn.gov.khur.it.support.pages.SelfServiceFields;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The citizen's passkey page (required action khur-passkeys): rename and remove, only one's own passkeys, reached
 * through one stable link; and password recovery and phone change keep the passkeys and name them on the done page.
 */
@ExtendWith(KhurServerExtension.class)
class PasskeyAccountPagesIT {

    private final AdminApi admin = new AdminApi();
    private final OidcRelyingParty rp = OidcRelyingParty.demo();
    private final InboundSmsClient phone = new InboundSmsClient();

    @Test
    void aCitizenRenamesAndRemovesTheirPasskey() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        SoftwarePasskey passkey = PasskeyJourney.passkeyAfterSmsLogin(rp, citizen);
        HttpBrowser device = PasskeyJourney.capableDevice();
        HttpBrowser.Page page = passkeyPage(device, passkey);
        assertThat(page.text(PasskeysManagePage.name(1))).isEqualTo("IT passkey");

        HttpBrowser.Page tooLong = device.submit(PasskeysManagePage.form(1), Map.of("label", "я".repeat(65), "khur-action", "rename"), null);
        assertThat(tooLong.body()).contains("Нэр 1-ээс 64 тэмдэгт байна");
        assertThat(PasskeyJourney.passkeyLabels(admin, userId)).containsExactly("IT passkey");

        HttpBrowser.Page markup = device.submit(PasskeysManagePage.form(1), Map.of("label", "<img src=x onerror=alert(1)>", "khur-action", "rename"), null);
        assertThat(markup.body()).as("a name is text, never markup").doesNotContain("<img src=x").contains("&lt;img src=x");
        HttpBrowser.Page renamed = device.submit(PasskeysManagePage.form(1), Map.of("label", "  Ээжийн утас  ", "khur-action", "rename"), null);
        assertThat(renamed.text(PasskeysManagePage.name(1))).isEqualTo("Ээжийн утас");
        assertThat(PasskeyJourney.passkeyLabels(admin, userId)).containsExactly("Ээжийн утас");
        assertThat(admin.events(userId, "UPDATE_CREDENTIAL").get(0).at("/details/credential_user_label").asText()).isEqualTo("Ээжийн утас");

        HttpBrowser.Page confirm = device.submit(PasskeysManagePage.form(1), Map.of("khur-action", "remove"), null);
        assertThat(confirm.text(PasskeysManagePage.REMOVE_QUESTION)).contains("Ээжийн утас");
        assertThat(PasskeyJourney.passkeyLabels(admin, userId)).as("nothing removed before the confirmation").hasSize(1);
        HttpBrowser.Page removed = device.submit(PasskeysManagePage.REMOVE_FORM, Map.of("khur-action", "remove-confirmed"), null);
        assertThat(removed.has(PasskeysManagePage.NONE)).isTrue();
        assertThat(PasskeyJourney.passkeyLabels(admin, userId)).isEmpty();
        assertThat(admin.events(userId, "REMOVE_CREDENTIAL").get(0).at("/details/credential_type").asText())
                .isEqualTo("webauthn-passwordless");

        HttpBrowser.Page back = device.submit("form:has(#khur-passkeys-done)", Map.of("khur-action", "done"), null);
        assertThat(back.leftIdp()).as("done: back to the site that asked").isTrue();
    }

    @Test
    void aRemovalOrRenamePostedByAnotherSiteChangesNothing() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        SoftwarePasskey passkey = PasskeyJourney.passkeyAfterSmsLogin(rp, citizen);
        HttpBrowser device = PasskeyJourney.capableDevice();
        passkeyPage(device, passkey);
        String evil = "https://evil.example";
        // another site's hidden copy of the confirmed removal, auto-submitted with the citizen's cookies
        HttpBrowser.Page removal = device.submitWithHeaders(PasskeysManagePage.form(1),
                Map.of("khur-action", "remove-confirmed"), null, Map.of("Origin", evil));
        assertThat(removal.status()).isEqualTo(403);
        assertThat(removal.body()).contains("өөр вэб сайтаас").doesNotContain("Exception");
        assertThat(PasskeyJourney.passkeyLabels(admin, userId)).as("the passkey stays").containsExactly("IT passkey");
        JsonNode refused = admin.events(userId, "CUSTOM_REQUIRED_ACTION_ERROR").get(0);
        assertThat(refused.at("/details/khur_reason").asText()).isEqualTo("cross_site_post");
        assertThat(refused.at("/details/khur_origin").asText()).isEqualTo(evil);

        HttpBrowser other = PasskeyJourney.capableDevice();
        passkeyPage(other, passkey);
        HttpBrowser.Page rename = other.submitWithHeaders(PasskeysManagePage.form(1),
                Map.of("label", "attacker's", "khur-action", "rename"), null, Map.of("Referer", evil + "/page"));
        assertThat(rename.status()).isEqualTo(403);
        assertThat(PasskeyJourney.passkeyLabels(admin, userId)).containsExactly("IT passkey");
    }

    @Test
    void anotherCitizensPasskeyCanBeNeitherRenamedNorRemoved() {
        TestCitizen victim = TestCitizen.random();
        String victimId = admin.createCitizen(victim);
        PasskeyJourney.passkeyAfterSmsLogin(rp, victim);
        String victimsPasskey = PasskeyJourney.passkeyCredentialIds(admin, victimId).get(0);
        TestCitizen attacker = TestCitizen.random();
        String attackerId = admin.createCitizen(attacker);
        SoftwarePasskey attackersPasskey = PasskeyJourney.passkeyAfterSmsLogin(rp, attacker);

        HttpBrowser device = PasskeyJourney.capableDevice();
        passkeyPage(device, attackersPasskey);
        HttpBrowser.Page rename = device.submit(PasskeysManagePage.form(1),
                Map.of("credentialId", victimsPasskey, "label", "taken", "khur-action", "rename"), null);
        assertThat(rename.body()).contains("Энэ passkey таны бүртгэлд алга");
        HttpBrowser.Page remove = device.submit(PasskeysManagePage.form(1),
                Map.of("credentialId", victimsPasskey, "khur-action", "remove-confirmed"), null);
        assertThat(remove.body()).contains("Энэ passkey таны бүртгэлд алга");

        assertThat(PasskeyJourney.passkeyLabels(admin, victimId)).containsExactly("IT passkey");
        assertThat(PasskeyJourney.passkeyLabels(admin, attackerId)).containsExactly("IT passkey");
        JsonNode refused = admin.events(attackerId, "REMOVE_CREDENTIAL_ERROR").get(0);
        assertThat(refused.at("/details/khur_reason").asText()).isEqualTo("passkey_not_found");
    }

    @Test
    void theStableLinkStartsThePasskeyPageOfTheAccountConsole() {
        HttpResponse<String> link = new HttpBrowser().get(URI.create(KeycloakServer.BASE_URL + "/realms/khur/khur-passkeys/page?lang=en"));
        assertThat(link.statusCode()).isEqualTo(303);
        String location = link.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(KeycloakServer.BASE_URL + "/realms/khur/protocol/openid-connect/auth?")
                .contains("client_id=account-console", "response_mode=query", "kc_action=khur-passkeys", "ui_locales=en")
                .contains("redirect_uri=" + java.net.URLEncoder.encode(KeycloakServer.BASE_URL + "/realms/khur/account/account-security/signing-in",
                        java.nio.charset.StandardCharsets.UTF_8));

        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        SoftwarePasskey passkey = PasskeyJourney.passkeyAfterSmsLogin(rp, citizen);
        HttpBrowser device = PasskeyJourney.capableDevice();
        HttpBrowser.Page entry = device.open(URI.create(KeycloakServer.BASE_URL + "/realms/khur/khur-passkeys/page"));
        HttpBrowser.Page page = device.submit(LoginPage.PASSKEY_ASSERTION_FORM, passkey.sign(entry.body()), null);
        assertThat(page.text(PasskeysManagePage.name(1))).as("after logging in, the passkey page: %s", page.body()).isEqualTo("IT passkey");
        HttpBrowser.Page console = device.submit("form:has(#khur-passkeys-done)", Map.of("khur-action", "done"), null);
        assertThat(console.uri().getPath()).isEqualTo("/realms/khur/account/account-security/signing-in");
        assertThat(console.body()).contains("id=\"environment\"");
        // keycloak-js (query mode) strips these from the address; the code is worthless: its PKCE verifier is gone
        Map<String, String> returned = new LinkedHashMap<>();
        for (String pair : console.uri().getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            returned.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(returned.keySet()).as("only what keycloak-js strips").isSubsetOf("code", "state", "session_state", "iss", "kc_action_status", "kc_action")
                .contains("code", "state");
        HttpResponse<String> redeemed = redeem(returned.get("code"));
        assertThat(redeemed.statusCode()).as("the code cannot be exchanged for tokens: %s", redeemed.body()).isEqualTo(400);
        assertThat(redeemed.body()).contains("invalid_grant").doesNotContain("access_token");
    }

    /** The account console's token request for a code, as anyone who found it in an address or a log would send it. */
    private static HttpResponse<String> redeem(String code) {
        String form = "grant_type=authorization_code&client_id=account-console&code="
                + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8) + "&redirect_uri="
                + java.net.URLEncoder.encode(KeycloakServer.BASE_URL + "/realms/khur/account/account-security/signing-in",
                        java.nio.charset.StandardCharsets.UTF_8);
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            return client.send(java.net.http.HttpRequest.newBuilder(URI.create(KeycloakServer.BASE_URL
                            + "/realms/khur/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void passwordRecoveryKeepsThePasskeysAndTheDonePageNamesThem() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        SoftwarePasskey passkey = PasskeyJourney.passkeyAfterSmsLogin(rp, citizen);
        SandboxSubscribers.registerOwner(citizen.phoneE164(), citizen.registerNumber()); // recovery checks the phone's owner

        HttpBrowser browser = new HttpBrowser();
        HttpBrowser.Page form = fromTheLoginPage(browser, LoginPage.RESET_PASSWORD);
        HttpBrowser.Page sms = browser.submit(RecoveryPage.FORM,
                Map.of("registerNumber", citizen.registerNumber(), "captcha", captchaAnswer(form)), "submitRecovery");
        assertThat(phone.send(citizen.phoneE164(), CitizenLogin.shownCode(sms)).body()).contains("\"matched\"");
        CitizenLogin.pressContinue(browser);
        HttpBrowser.Page done = browser.submit(NewPasswordPage.FORM,
                Map.of("password-new", "Shine1234nuuts", "password-confirm", "Shine1234nuuts"), "submitPassword");

        assertThat(DonePage.outcome(done)).isEqualTo("password-reset");
        assertThat(done.text(DonePage.PASSKEY_LIST)).contains("IT passkey");
        assertThat(done.document().selectFirst(DonePage.PASSKEYS_MANAGE).attr("href"))
                .isEqualTo(KeycloakServer.BASE_URL + "/realms/khur/khur-passkeys/page");
        assertPasskeyStillLogsIn(passkey);
    }

    @Test
    void phoneChangeKeepsThePasskeysAndTheDonePageNamesThem() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        SoftwarePasskey passkey = PasskeyJourney.passkeyAfterSmsLogin(rp, citizen);
        String newPhone = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(newPhone, citizen.registerNumber());

        HttpBrowser browser = new HttpBrowser();
        HttpBrowser.Page form = fromTheLoginPage(browser, LoginPage.CHANGE_PHONE);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("registerNumber", citizen.registerNumber());
        fields.put("phone", newPhone);
        fields.put("captcha", captchaAnswer(form));
        HttpBrowser.Page sms = browser.submit(PhoneChangePage.FORM, fields, "submitPhoneChange");
        assertThat(phone.send(newPhone, CitizenLogin.shownCode(sms)).body()).contains("\"matched\"");
        HttpBrowser.Page done = CitizenLogin.pressContinue(browser);

        assertThat(DonePage.outcome(done)).isEqualTo("phone-change");
        assertThat(done.text(DonePage.PASSKEY_LIST)).contains("IT passkey");
        assertThat(done.has(DonePage.PASSKEYS_MANAGE)).isTrue();
        assertPasskeyStillLogsIn(passkey);
    }

    /** The passkey page through a relying party's kc_action, after a passkey login (fresh, so no second login asked). */
    private HttpBrowser.Page passkeyPage(HttpBrowser device, SoftwarePasskey passkey) {
        HttpBrowser.Page entry = device.open(rp.begin("openid", Map.of("kc_action", "khur-passkeys")).authorizationUri());
        HttpBrowser.Page page = device.submit(LoginPage.PASSKEY_ASSERTION_FORM, passkey.sign(entry.body()), null);
        assertThat(page.has(PasskeysManagePage.LIST)).as("the passkey page: %s", page.body()).isTrue();
        return page;
    }

    private void assertPasskeyStillLogsIn(SoftwarePasskey passkey) {
        HttpBrowser device = PasskeyJourney.capableDevice();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser.Page entry = device.open(login.authorizationUri());
        HttpBrowser.Page back = device.submit(LoginPage.PASSKEY_ASSERTION_FORM, passkey.sign(entry.body()), null);
        assertThat(back.leftIdp()).as("the passkey was kept").isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("acr")).isEqualTo("substantial");
    }

    private HttpBrowser.Page fromTheLoginPage(HttpBrowser browser, String linkId) {
        HttpBrowser.Page login = browser.open(rp.begin().authorizationUri());
        return browser.open(login.uri().resolve(URI.create(login.document().selectFirst(linkId).attr("href"))));
    }

    private static String captchaAnswer(HttpBrowser.Page page) {
        String answer = page.document().selectFirst(SelfServiceFields.CAPTCHA_IMAGE).attr("data-khur-test-answer");
        assertThat(answer).as("captcha test seam (dev mode)").matches("[A-Z0-9]{5}");
        return answer;
    }
}
