package mn.gov.khur.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cross-site form posts (issue 14.8): another site's page auto-submits a copy of one of our forms in the citizen's
 * browser, with the citizen's cookies. The state-changing posts of the SMS page and of the self-service forms are
 * refused when their {@code Origin} (or, without one, {@code Referer}) is not this server's, with a clear page and
 * an event; the citizen's own page goes on as if nothing happened.
 */
@ExtendWith(KhurServerExtension.class)
class CrossSitePostIT {

    private static final String REFUSED_MN = "өөр вэб сайтаас";

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient phone = new InboundSmsClient();

    @Test
    void theSmsPagesContinuePostedByAnotherSiteIsRefusedAndTheCitizensOwnPageGoesOn() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser();
        browser.open(login.authorizationUri());
        HttpBrowser.Page smsPage = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        assertThat(phone.send(citizen.phoneE164(), CitizenLogin.shownCode(smsPage)).body()).contains("\"matched\"");

        String evil = evilOrigin();
        HttpBrowser.Page refused = browser.submitWithHeaders("#khur-sms-form", Map.of(), "continue", Map.of("Origin", evil));
        assertRefusedPage(refused);
        JsonNode event = refusalEvent(evil);
        assertThat(event.path("type").asText()).isEqualTo("LOGIN_ERROR");
        assertThat(event.path("userId").asText()).isEqualTo(userId);
        assertThat(event.path("details").path("auth_method").asText()).isEqualTo("khur-reverse-sms");

        browser.returnTo(smsPage);
        browser.submit("#khur-sms-form", Map.of(), "continue");
        assertThat(browser.current().leftIdp()).as("the citizen's own Continue completes the login").isTrue();
        assertThat(rp.finish(login, browser.current().uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
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
        assertRefusedPage(browser.submitWithHeaders("#khur-sms-form", Map.of(), "continue", headers));
    }

    @Test
    void aPostWithNeitherOriginNorRefererIsLetThroughAsFromANonBrowserClient() {
        HttpBrowser browser = onTheSmsPageWithAMatchedCode();
        assertThat(browser.submitWithHeaders("#khur-sms-form", Map.of(), "continue", Map.of()).leftIdp()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "#khur-register, #khur-register-form, submitRegistration",
            "#khur-reset-password, #khur-recovery-form, submitRecovery",
            "#khur-change-phone, #khur-change-phone-form, submitPhoneChange"})
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
    void theRecoverySmsPageAndNewPasswordFormRefuseAPostFromAnotherSite() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        HttpBrowser browser = new HttpBrowser();
        HttpBrowser.Page form = openFromLoginPage(browser, "#khur-reset-password");
        HttpBrowser.Page sms = browser.submit("#khur-recovery-form", Map.of("registerNumber", citizen.registerNumber(),
                "captcha", captchaAnswer(form)), "submitRecovery");
        assertThat(phone.send(citizen.phoneE164(), CitizenLogin.shownCode(sms)).body()).contains("\"matched\"");
        assertRefusedPage(browser.submitWithHeaders("#khur-sms-form", Map.of(), "continue", Map.of("Origin", evilOrigin())));

        browser.returnTo(sms);
        HttpBrowser.Page newPasswordPage = browser.submit("#khur-sms-form", Map.of(), "continue");
        assertThat(newPasswordPage.has("#khur-new-password-form")).as(newPasswordPage.body()).isTrue();
        String newPassword = "Shine2024Nuuts";
        assertRefusedPage(browser.submitWithHeaders("#khur-new-password-form", Map.of("password-new", newPassword,
                "password-confirm", newPassword), "submitPassword", Map.of("Origin", evilOrigin())));
        browser.returnTo(newPasswordPage);
        HttpBrowser.Page done = browser.submit("#khur-new-password-form", Map.of("password-new", newPassword,
                "password-confirm", newPassword), "submitPassword");
        assertThat(done.document().selectFirst("#khur-done").attr("data-khur-done")).isEqualTo("password-reset");
    }

    private HttpBrowser onTheSmsPageWithAMatchedCode() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        HttpBrowser browser = new HttpBrowser();
        browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertThat(phone.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        return browser;
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
        return page.document().selectFirst("#khur-captcha-image").attr("data-khur-test-answer");
    }
}
