package mn.gov.khur.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxRegistry;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.NewPasswordPage;
import mn.gov.khur.it.support.pages.PhoneChangePage;
import mn.gov.khur.it.support.pages.RecoveryPage;
import mn.gov.khur.it.support.pages.RegistrationPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;
import mn.gov.khur.it.support.pages.SelfServiceFields;
import mn.gov.khur.sandbox.xyp.RegistryPerson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cross-site form posts (issue 14.8): another site's page auto-submits a copy of one of our forms in the citizen's
 * browser, with the citizen's cookies. The state-changing posts of the SMS page and of the self-service forms are
 * refused when their {@code Origin} (or, without one, {@code Referer}) is not this server's, with a clear page and
 * an event, before the step does anything (a matched SMS stays matched, a password stays unchanged).
 */
@ExtendWith(KhurServerExtension.class)
class CrossSitePostIT {

    private static final String REFUSED_MN = "өөр вэб сайтаас";

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient phone = new InboundSmsClient();

    @Test
    void theSmsPagesContinuePostedByAnotherSiteIsRefusedAndConsumesNothing() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        HttpBrowser browser = new HttpBrowser();
        browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        HttpBrowser.Page smsPage = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        assertThat(phone.send(citizen.phoneE164(), CitizenLogin.shownCode(smsPage)).body()).contains("\"matched\"");

        String evil = evilOrigin();
        HttpBrowser.Page refused = browser.submitWithHeaders(ReverseSmsPage.FORM, Map.of(), "continue", Map.of("Origin", evil));
        assertRefusedPage(refused);
        JsonNode event = refusalEvent(evil);
        assertThat(event.path("type").asText()).isEqualTo("LOGIN_ERROR");
        assertThat(event.path("userId").asText()).isEqualTo(userId);
        assertThat(event.path("details").path("auth_method").asText()).isEqualTo("khur-reverse-sms");
        assertThat(stillMatched(browser, smsPage)).as("the match still waits for the citizen's own page").isTrue();
    }

    @Test
    void ourLoginPagesLetBrowsersTellUsTheirOrigin() {
        // with Keycloak's default "no-referrer", browsers send Origin: null on every form post (docs/SECURITY.md)
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> login = browser.get(OidcRelyingParty.demo().begin().authorizationUri());
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Referer of another site, no Origin | | https://evil.example/phish.html",
            "opaque Origin (sandboxed frame, data: URL) | null | ",
            "Origin of another port on our host | http://localhost:1 | ",
            "Origin of our host over https instead of http | https://localhost | "})
    void otherProvenancesAreRefusedToo(String name, String origin, String referer) {
        HttpBrowser browser = onTheSmsPageWithAMatchedCode();
        Map<String, String> headers = new java.util.HashMap<>();
        if (origin != null) {
            headers.put("Origin", origin);
        }
        if (referer != null) {
            headers.put("Referer", referer);
        }
        assertRefusedPage(browser.submitWithHeaders(ReverseSmsPage.FORM, Map.of(), "continue", headers));
    }

    @Test
    void aPostWithNeitherOriginNorRefererIsLetThroughAsFromANonBrowserClient() {
        HttpBrowser browser = onTheSmsPageWithAMatchedCode();
        assertThat(browser.submitWithHeaders(ReverseSmsPage.FORM, Map.of(), "continue", Map.of()).leftIdp()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            LoginPage.REGISTER + ", " + RegistrationPage.FORM + ", submitRegistration",
            LoginPage.RESET_PASSWORD + ", " + RecoveryPage.FORM + ", submitRecovery",
            LoginPage.CHANGE_PHONE + ", " + PhoneChangePage.FORM + ", submitPhoneChange"})
    void theSelfServiceFormsRefuseAPostFromAnotherSite(String link, String form, String button) {
        HttpBrowser browser = new HttpBrowser();
        openFromLoginPage(browser, link);
        String evil = evilOrigin();
        HttpBrowser.Page refused = browser.submitWithHeaders(form, Map.of("registerNumber", TestCitizen.random().registerNumber(),
                "phone", TestCitizen.random().phoneE164(), "captcha", captchaAnswer(browser.current())), button,
                Map.of("Origin", evil));
        assertRefusedPage(refused);
        assertThat(refusalEvent(evil).path("details").path("auth_method").asText()).startsWith("khur-");
    }

    @Test
    void theRecoverySmsPageRefusesAPostFromAnotherSite() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        HttpBrowser browser = new HttpBrowser();
        HttpBrowser.Page sms = recoverySmsPage(browser, citizen);
        assertThat(phone.send(citizen.phoneE164(), CitizenLogin.shownCode(sms)).body()).contains("\"matched\"");

        assertRefusedPage(browser.submitWithHeaders(ReverseSmsPage.FORM, Map.of(), "continue", Map.of("Origin", evilOrigin())));
        assertThat(stillMatched(browser, sms)).isTrue();
    }

    @Test
    void theNewPasswordFormRefusesAPostFromAnotherSite() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        HttpBrowser browser = new HttpBrowser();
        HttpBrowser.Page sms = recoverySmsPage(browser, citizen);
        assertThat(phone.send(citizen.phoneE164(), CitizenLogin.shownCode(sms)).body()).contains("\"matched\"");
        HttpBrowser.Page newPasswordPage = browser.submit(ReverseSmsPage.FORM, Map.of(), "continue");
        assertThat(newPasswordPage.has(NewPasswordPage.FORM)).as(newPasswordPage.body()).isTrue();

        String chosenByTheAttacker = "Attacker2024Pass";
        assertRefusedPage(browser.submitWithHeaders(NewPasswordPage.FORM, Map.of("password-new", chosenByTheAttacker,
                "password-confirm", chosenByTheAttacker), "submitPassword", Map.of("Origin", evilOrigin())));
        HttpBrowser elsewhere = new HttpBrowser();
        elsewhere.open(OidcRelyingParty.demo().begin().authorizationUri());
        assertThat(CitizenLogin.passwordStep(elsewhere, citizen.registerNumber(), citizen.password()).has(ReverseSmsPage.CODE))
                .as("the citizen's password is unchanged").isTrue();
    }

    @Test
    void theRegistryApprovalStepAfterARegistrationRefusesAPostFromAnotherSite() {
        TestCitizen citizen = TestCitizen.random();
        SandboxSubscribers.registerOwner(citizen.phoneE164(), citizen.registerNumber());
        SandboxRegistry.register(registryPerson(citizen));
        HttpBrowser browser = new HttpBrowser();
        HttpBrowser.Page form = openFromLoginPage(browser, "#khur-register");
        HttpBrowser.Page sms = browser.submit("#khur-register-form", Map.of("registerNumber", citizen.registerNumber(),
                "phone", citizen.phoneE164(), "password-new", citizen.password(), "password-confirm", citizen.password(),
                "captcha", captchaAnswer(form)), "submitRegistration");
        assertThat(phone.send(citizen.phoneE164(), CitizenLogin.shownCode(sms)).body()).contains("\"matched\"");
        HttpBrowser.Page approval = CitizenLogin.pressContinue(browser);
        JsonNode event = laterPostedFromAnotherSiteIsRefused(browser, approval);
        assertThat(event.path("details").path("auth_method").asText()).isEqualTo("khur-registry-approval");
        String userId = admin.usersByAttribute("register_number", citizen.registerNumber()).get(0).path("id").asText();
        assertThat(registryState(userId).path("attempts").asInt()).as("the cross-site \"later\" postponed nothing").isZero();
    }

    @Test
    void theRegistryNamesRequiredActionRefusesAPostFromAnotherSite() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        SandboxRegistry.register(registryPerson(citizen));
        assertThat(admin.post("/admin/realms/khur/khur-registry/users/" + userId + "/refresh", "").statusCode()).isEqualTo(202);
        HttpBrowser browser = onTheSmsPageWithAMatchedCode(citizen);
        HttpBrowser.Page approval = CitizenLogin.pressContinue(browser);
        JsonNode event = laterPostedFromAnotherSiteIsRefused(browser, approval);
        assertThat(event.path("userId").asText()).isEqualTo(userId);
        assertThat(event.path("details").path("custom_required_action").asText()).isEqualTo("khur-registry-names");
        assertThat(registryState(userId).path("state").asText()).as("the cross-site \"later\" postponed nothing")
                .isEqualTo("awaiting_citizen");
    }

    private JsonNode registryState(String userId) {
        var response = admin.get("/admin/realms/khur/khur-registry/users/" + userId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static RegistryPerson registryPerson(TestCitizen citizen) {
        return RegistryPerson.answering(citizen.registerNumber(), "Боржигон", "Төмөрбаатар", "Ану-Ужин",
                java.time.LocalDate.of(1990, 6, 15), "Эмэгтэй");
    }

    private static HttpBrowser.Page recoverySmsPage(HttpBrowser browser, TestCitizen citizen) {
        // recovery asks the operators after the SMS: the stored phone is the citizen's own
        SandboxSubscribers.registerOwner(citizen.phoneE164(), citizen.registerNumber());
        HttpBrowser.Page form = openFromLoginPage(browser, LoginPage.RESET_PASSWORD);
        return browser.submit(RecoveryPage.FORM, Map.of("registerNumber", citizen.registerNumber(),
                "captcha", captchaAnswer(form)), "submitRecovery");
    }

    /** The challenge of an SMS page is still matched, i.e. no post consumed its match. */
    private static boolean stillMatched(HttpBrowser browser, HttpBrowser.Page smsPage) {
        String statusUrl = smsPage.document().selectFirst("[data-status-url]").attr("data-status-url");
        return Json.parse(browser.get(URI.create(statusUrl)).body()).path("status").asText().equals("matched");
    }

    private HttpBrowser onTheSmsPageWithAMatchedCode() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        return onTheSmsPageWithAMatchedCode(citizen);
    }

    private HttpBrowser onTheSmsPageWithAMatchedCode(TestCitizen citizen) {
        HttpBrowser browser = new HttpBrowser();
        browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertThat(phone.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        return browser;
    }

    /** The registry approval page's "later" posted from another site: the refused page; its event. */
    private JsonNode laterPostedFromAnotherSiteIsRefused(HttpBrowser browser, HttpBrowser.Page approval) {
        assertThat(approval.has("#khur-registry-other-form")).as(approval.body()).isTrue();
        String evil = evilOrigin();
        assertRefusedPage(browser.submitWithHeaders("#khur-registry-other-form", Map.of("action", "skip"), null,
                Map.of("Origin", evil)));
        return refusalEvent(evil);
    }

    private static void assertRefusedPage(HttpBrowser.Page page) {
        assertThat(page.leftIdp()).as("a cross-site post must not complete anything").isFalse();
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains(REFUSED_MN).doesNotContain("Exception");
    }

    /** The refusal event, found by the (unique) origin it names. */
    private JsonNode refusalEvent(String origin) {
        JsonNode events = Json.parse(admin.get("/admin/realms/khur/events?max=200").body());
        for (JsonNode event : events) {
            if (origin.equals(event.path("details").path("khur_origin").asText())) {
                assertThat(event.path("details").path("khur_reason").asText()).isEqualTo("cross_site_post");
                assertThat(event.path("error").asText()).isNotBlank();
                return event;
            }
        }
        throw new AssertionError("no event names the origin " + origin + ": " + events);
    }

    private static String evilOrigin() {
        return "https://evil-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    private static HttpBrowser.Page openFromLoginPage(HttpBrowser browser, String linkId) {
        HttpBrowser.Page login = browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        return browser.open(login.uri().resolve(URI.create(login.document().selectFirst(linkId).attr("href"))));
    }

    private static String captchaAnswer(HttpBrowser.Page page) {
        return page.document().selectFirst(SelfServiceFields.CAPTCHA_IMAGE).attr("data-khur-test-answer");
    }
}
