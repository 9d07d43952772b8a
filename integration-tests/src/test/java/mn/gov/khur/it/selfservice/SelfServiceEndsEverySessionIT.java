package mn.gov.khur.it.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.DemoSiteOfflineAccess;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.PlainHttp;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.DonePage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.NewPasswordPage;
import mn.gov.khur.it.support.pages.PhoneChangePage;
import mn.gov.khur.it.support.pages.RecoveryPage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After a password recovery or a phone change nothing from before survives: not the browser sessions,
 * and not an offline token a site holds (the attacker the change shuts out may hold one). A site is given
 * offline access here the way an operator would: the {@code offline_access} scope on its client and the
 * role for the citizen.
 */
@ExtendWith(KhurServerExtension.class)
class SelfServiceEndsEverySessionIT {

    private static final String NEW_PASSWORD = "Shine2026Nuuts";

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient gateway = new InboundSmsClient();
    private TestCitizen citizen;
    private String userId;
    private String demoRp;
    private DemoSiteOfflineAccess offlineAccess;

    @BeforeEach
    void citizenWithAnOfflineTokenAtASite() {
        citizen = TestCitizen.random();
        userId = admin.createCitizen(citizen);
        SandboxSubscribers.registerOwner(citizen.phoneE164(), citizen.registerNumber());
        offlineAccess = DemoSiteOfflineAccess.grantTo(admin, userId);
        demoRp = offlineAccess.clientInternalId();
    }

    @AfterEach
    void siteLosesOfflineAccessAgain() {
        offlineAccess.close();
    }

    @Test
    void passwordRecoveryEndsOfflineSessionsToo() {
        HttpResponse<String> before = refresh(offlineTokenOfDemoRp());
        assertThat(before.statusCode()).as("the offline token works before").isEqualTo(200);
        // refresh tokens rotate: the site now holds the new one (the old one would be refused as a replay)
        String offlineToken = Json.parse(before.body()).path("refresh_token").asText();

        HttpBrowser browser = new HttpBrowser();
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.RESET_PASSWORD);
        HttpBrowser.Page sms = browser.submit(RecoveryPage.FORM, Map.of("registerNumber", citizen.registerNumber(),
                "captcha", SelfServicePages.captchaAnswer(form)), "submitRecovery");
        assertThat(gateway.send(citizen.phoneE164(), CitizenLogin.shownCode(sms)).body()).contains("\"matched\"");
        CitizenLogin.pressContinue(browser);
        HttpBrowser.Page done = browser.submit(NewPasswordPage.FORM,
                Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD), "submitPassword");
        assertThat(DonePage.outcome(done)).isEqualTo("password-reset");

        assertThat(refresh(offlineToken).statusCode()).as("the offline token is dead after recovery").isEqualTo(400);
        assertThat(offlineSessions()).isZero();
        JsonNode details = admin.events(userId, "RESET_PASSWORD").get(0).path("details");
        assertThat(details.path("khur_offline_sessions_signed_out").asText()).isEqualTo("1");
    }

    @Test
    void phoneChangeEndsEverySession() {
        String offlineToken = offlineTokenOfDemoRp();
        String newPhone = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(newPhone, citizen.registerNumber());

        HttpBrowser browser = new HttpBrowser();
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.CHANGE_PHONE);
        Map<String, String> fields = new HashMap<>();
        fields.put("registerNumber", citizen.registerNumber());
        fields.put("phone", newPhone);
        fields.put("captcha", SelfServicePages.captchaAnswer(form));
        HttpBrowser.Page sms = browser.submit(PhoneChangePage.FORM, fields, "submitPhoneChange");
        assertThat(gateway.send(newPhone, CitizenLogin.shownCode(sms)).body()).contains("\"matched\"");
        HttpBrowser.Page done = CitizenLogin.pressContinue(browser);
        assertThat(DonePage.outcome(done)).isEqualTo("phone-change");
        assertThat(refresh(offlineToken).statusCode()).as("the offline token is dead after a phone change").isEqualTo(400);
        assertThat(done.text(DonePage.DONE)).contains("Бусад бүх төхөөрөмж дээрх нэвтрэлт хаагдсан");
        assertThat(offlineSessions()).isZero();
        assertThat(Json.parse(admin.get("/admin/realms/khur/users/" + userId + "/sessions").body()).size()).isZero();
    }

    private String offlineTokenOfDemoRp() {
        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin("openid offline_access", Map.of());
        HttpBrowser.Page back = CitizenLogin.logIn(new HttpBrowser(), login, citizen);
        String token = rp.finish(login, back.uri()).tokens().getRefreshToken().getValue();
        try {
            assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("typ")).isEqualTo("Offline");
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
        assertThat(offlineSessions()).isEqualTo(1);
        return token;
    }

    private int offlineSessions() {
        return Json.parse(admin.get("/admin/realms/khur/users/" + userId + "/offline-sessions/" + demoRp).body()).size();
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return PlainHttp.postForm(KeycloakServer.BASE_URL + "/realms/khur/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "client_id", "demo-rp", "client_secret", "demo-rp-secret",
                "refresh_token", refreshToken));
    }
}
