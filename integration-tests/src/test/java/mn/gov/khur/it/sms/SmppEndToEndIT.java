package mn.gov.khur.it.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;

import mn.gov.khur.demorp.DemoRpConfig;
import mn.gov.khur.demorp.DemoRpServer;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.SmsGatewayProcess;
import mn.gov.khur.it.support.SwitchableProxy;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.DemoSitePage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;
import mn.gov.khur.sandbox.smsc.SmscMessage;
import mn.gov.khur.sandbox.smsc.SmscSimulator;
import mn.gov.khur.sandbox.smsc.SmscSimulatorConfig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole chain on loopback: phone (SMSC simulator, SMPP 3.4 deliver_sm) → SMPP bridge (the
 * packaged Quarkus jar) → signed webhook → Keycloak → the citizen's waiting page → relying party.
 */
@ExtendWith(KhurServerExtension.class)
class SmppEndToEndIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static SmscSimulator smsc;
    private static SwitchableProxy idpLink;
    private static SmsGatewayProcess gateway;
    private static DemoRpServer demoRp;
    private final AdminApi admin = new AdminApi();

    @BeforeAll
    static void mobileNetwork() throws Exception {
        smsc = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(0).withRetryInterval(Duration.ofSeconds(1)));
        idpLink = new SwitchableProxy(KeycloakServer.HTTP_PORT);
        // with MT on: the login notice, whose "0" reply is the second identical SMS of a test below
        gateway = SmsGatewayProcess.startWithMt("http://127.0.0.1:" + idpLink.port() + "/realms/khur/sms-gateway/inbound", smsc.port());
        demoRp = DemoRpServer.start(new DemoRpConfig(8092, new Issuer(KeycloakServer.BASE_URL + "/realms/khur"),
                new ClientID("demo-rp"), new Secret("demo-rp-secret"), URI.create("http://localhost:8092")));
    }

    @AfterAll
    static void shutDown() throws Exception {
        if (demoRp != null) {
            demoRp.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (idpLink != null) {
            idpLink.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void citizenLogsInInChromiumByTextingTheCodeAndThePageContinuesByItself() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        idpLink.setUp(true);
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            browser.get("http://localhost:8092/login");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME))).sendKeys(citizen.registerNumber());
            browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys(citizen.password());
            browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
            assertThat(code).matches("\\d{6}");
            assertThat(browser.findElement(By.cssSelector(ReverseSmsPage.NUMBER)).getText()).isEqualTo("130092");
            Screenshots.save(browser, "sms-challenge-desktop-mn");

            SmscMessage sms = smsc.deliverMo(citizen.phoneE164(), "130092", code);
            assertThat(sms.result().get(30, TimeUnit.SECONDS)).as("deliver_sm_resp status").isZero();

            // no click on Continue: the waiting page polls and moves on by itself
            wait.until(ExpectedConditions.urlContains("localhost:8092/me"));
            assertThat(browser.findElement(By.cssSelector(DemoSitePage.CLAIM_REGISTER_NUMBER)).getText()).isEqualTo(citizen.registerNumber());
            assertThat(browser.findElement(By.cssSelector(DemoSitePage.CLAIM_ACR)).getText()).isEqualTo("substantial");
            assertThat(browser.findElement(By.cssSelector(DemoSitePage.CLAIM_AMR)).getText()).isEqualTo("pwd sms mfa");
            Screenshots.save(browser, "demo-rp-claims");
        } finally {
            browser.quit();
        }
    }

    @Test
    void smsArrivingWhileTheIdpIsUnreachableIsRedeliveredAndTheWaitingLoginCompletes() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser();
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));

        idpLink.setUp(false);
        SmscMessage sms = smsc.deliverMo(citizen.phoneE164(), "130092", "Код " + code);
        Thread.sleep(3000);
        assertThat(sms.result()).as("the bridge must not acknowledge what the IdP did not accept").isNotDone();
        assertThat(sms.attempts()).isGreaterThanOrEqualTo(2);
        assertThat(CitizenLogin.pressContinue(browser).leftIdp()).isFalse();

        idpLink.setUp(true);
        assertThat(sms.result().get(30, TimeUnit.SECONDS)).isZero();
        HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
        assertThat(back.leftIdp()).isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
    }

    @Test
    void aForeignSenderWhoseDigitsReadAsAMongolianNumberCannotApproveTheLogin() throws Exception {
        // the Falklands' +500 5XXXX arrives as TON international digits 5005XXXX, which read as national digits are the
        // Mongolian mobile +976 5005XXXX: this citizen's phone
        String last4 = String.format("%04d", RANDOM.nextInt(10_000));
        TestCitizen someone = TestCitizen.random();
        TestCitizen citizen = new TestCitizen(someone.registerNumber(), "+9765005" + last4, someone.password(),
                someone.givenName(), someone.familyName());
        admin.createCitizen(citizen);
        idpLink.setUp(true);
        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser();
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));

        SmscMessage fromAbroad = smsc.deliverMo("+5005" + last4, "130092", code);
        assertThat(fromAbroad.result().get(30, TimeUnit.SECONDS)).as("deliver_sm_resp status").isZero();
        assertThat(CitizenLogin.pressContinue(browser).leftIdp()).as("a foreign number approved the login").isFalse();
        assertThat(auditRows(citizen.phoneE164())).as("nothing reached the identity provider as this phone").isEmpty();
        assertThat(gateway.log()).contains("reason=not_mongolian_mobile");

        SmscMessage fromThePhone = smsc.deliverMo(citizen.phoneE164(), "130092", code);
        assertThat(fromThePhone.result().get(30, TimeUnit.SECONDS)).isZero();
        HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
        assertThat(back.leftIdp()).isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
    }

    @Test
    void withoutAnOperatorIdARedeliveryOfAnSmsTheIdpAlreadyHadIsStillOneMessage() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        idpLink.setUp(true);
        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser();
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));

        // the identity provider gets the SMS and matches it, but its answer is lost: the bridge must let the SMSC redeliver
        idpLink.loseNextAnswer();
        SmscMessage sms = smsc.deliverMoWithoutReference(citizen.phoneE164(), "130092", code);
        assertThat(sms.result().get(30, TimeUnit.SECONDS)).isZero();
        assertThat(sms.attempts()).as("delivered again after the lost answer").isGreaterThanOrEqualTo(2);

        List<JsonNode> rows = auditRows(citizen.phoneE164());
        assertThat(rows).extracting(row -> row.path("outcome").asText()).containsOnly("matched", "duplicate")
                .containsOnlyOnce("matched").contains("duplicate");
        assertThat(rows).extracting(row -> row.path("messageIdHash").asText()).as("one message").containsOnly(
                rows.get(0).path("messageIdHash").asText());
        HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
        assertThat(back.leftIdp()).isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
    }

    @Test
    void withoutAnOperatorIdTheSameTextSentAgainIsANewMessageSoASecondZeroRevokesTheLogin() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        idpLink.setUp(true);
        // a "0" before any login: nothing to revoke
        SmscMessage early = smsc.deliverMoWithoutReference(citizen.phoneE164(), "130092", "0");
        assertThat(early.result().get(30, TimeUnit.SECONDS)).isZero();
        assertThat(auditRows(citizen.phoneE164())).extracting(row -> row.path("outcome").asText()).containsExactly("unmatched");

        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser();
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertThat(smsc.deliverMoWithoutReference(citizen.phoneE164(), "130092", code).result().get(30, TimeUnit.SECONDS)).isZero();
        HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
        assertThat(back.leftIdp()).isTrue();
        rp.finish(login, back.uri());
        assertThat(sessions(userId)).hasSize(1);
        awaitNoticeTo(citizen.phoneE164());

        // the citizen did not log in: "0" again, the same PDU content as the first one
        SmscMessage again = smsc.deliverMoWithoutReference(citizen.phoneE164(), "130092", "0");
        assertThat(again.result().get(30, TimeUnit.SECONDS)).isZero();
        assertThat(auditRows(citizen.phoneE164())).extracting(row -> row.path("outcome").asText())
                .as("the second 0 is a new message, not a duplicate").contains("revoked").doesNotContain("duplicate");
        assertThat(sessions(userId)).as("the login the citizen denied").isEmpty();
    }

    private List<JsonNode> auditRows(String phone) {
        HttpResponse<String> response = admin.get("/admin/realms/khur/khur-sms-audit?phone="
                + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        Json.parse(response.body()).forEach(rows::add);
        return rows;
    }

    private JsonNode sessions(String userId) {
        return Json.parse(admin.get("/admin/realms/khur/users/" + userId + "/sessions").body());
    }

    private static void awaitNoticeTo(String phone) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (smsc.submittedTo(phone).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no login notice (submit_sm) to " + phone);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void deliveryReceiptsAreIgnoredByTheBridge() throws Exception {
        idpLink.setUp(true);
        SmscMessage receipt = smsc.deliverReceipt("+97699000001", "130092", "abc123");
        assertThat(receipt.result().get(30, TimeUnit.SECONDS)).isZero();
        assertThat(gateway.log()).doesNotContain("97699000001");
    }
}
