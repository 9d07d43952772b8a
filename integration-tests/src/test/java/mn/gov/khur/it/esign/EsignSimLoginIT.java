package mn.gov.khur.it.esign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import mn.gov.khur.it.esign.EsignTokenFixture.Citizen;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.SignatureChoicePage;
import mn.gov.khur.it.support.pages.SignaturePushPage;
import mn.gov.khur.sandbox.mssp.MsspSimulator;
import mn.gov.khur.sandbox.mssp.MsspSimulator.Behaviour;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIM-based signature login over plain HTTP against the sandbox MSSP (ETSI TS 102 204 JSON
 * binding): the test plays the browser (and the page's polling), the simulator plays the operator
 * and the citizen's SIM (approve / decline / timeout / forged answer per phone).
 */
@ExtendWith(KhurServerExtension.class)
class EsignSimLoginIT {

    private static RevocationServer revocation;
    private static EsignTokenFixture fixture;
    private static MsspSimulator mssp;

    @BeforeAll
    static void start() throws Exception {
        revocation = RevocationServer.start(KhurServerExtension.esignPki(), "127.0.0.1", 0);
        fixture = new EsignTokenFixture(revocation);
        mssp = KhurServerExtension.mssp();
    }

    @AfterAll
    static void stop() {
        revocation.close();
    }

    /** A registered citizen (by phone) whose SIM holds a valid certificate for their own register number. */
    private static Citizen citizenWithSim(KeyKind kind) {
        Citizen citizen = fixture.registeredCitizen();
        mssp.register(citizen.person().phoneE164(), fixture.validCertificate(citizen.person(), kind));
        return citizen;
    }

    private record Login(OidcRelyingParty.PendingLogin pending, HttpBrowser browser, HttpBrowser.Page page) {
    }

    /** acr=high login, SIM method chosen, register number and phone sent: the waiting page (or an error). */
    private static Login startSimLogin(String registerNumber, String phone) {
        HttpBrowser browser = new HttpBrowser("mn");
        OidcRelyingParty.PendingLogin pending = fixture.rp.begin("openid", Map.of("acr_values", "high"));
        HttpBrowser.Page choice = browser.open(pending.authorizationUri());
        assertThat(choice.has(LoginPage.METHOD_ESIGN_SIM)).as(choice.body()).isTrue();
        HttpBrowser.Page form = browser.submit(SignatureChoicePage.FORM, Map.of("method", "sim"), null);
        assertThat(form.text(SignaturePushPage.SIGN)).contains("Тоон гарын үсгээр нэвтрэх");
        HttpBrowser.Page page = browser.submit(SignaturePushPage.FORM,
                Map.of("registerNumber", registerNumber, "phone", phone), "start");
        assertThat(page.status()).isLessThan(500);
        return new Login(pending, browser, page);
    }

    /** Plays the page's script: re-submits the waiting form until the login ends one way or the other. */
    private static HttpBrowser.Page waitForResult(Login login, Duration max) {
        HttpBrowser.Page page = login.page();
        Instant deadline = Instant.now().plus(max);
        while (!page.leftIdp() && page.has(SignaturePushPage.WAIT) && Instant.now().isBefore(deadline)) {
            sleep(300);
            page = login.browser().submit(SignaturePushPage.WAIT, Map.of(), null);
            assertThat(page.status()).isLessThan(500);
        }
        return page;
    }

    @Test
    void simSignatureLogsInWithAcrHighAndSimAmr() {
        Citizen citizen = citizenWithSim(KeyKind.RSA_PKCS1);
        String phone = citizen.person().phoneE164();
        Login login = startSimLogin(citizen.person().registerNumber(), phone.substring(4)); // national form
        assertThat(login.page().has(SignaturePushPage.WAIT)).as(login.page().body()).isTrue();
        String code = login.page().text(SignaturePushPage.VERIFICATION_CODE);
        assertThat(code).matches("\\d{4}");
        assertThat(mssp.lastDisplayedText(phone)).as("the phone shows the same code").contains(code);
        assertThat(login.page().document().selectFirst(SignaturePushPage.STATUS).attr("aria-live")).isEqualTo("polite");

        HttpBrowser.Page done = waitForResult(login, Duration.ofSeconds(15));
        assertThat(done.leftIdp()).as(done.body()).isTrue();
        var result = fixture.finish(login.pending(), done.uri());
        assertThat(result.idToken().getClaim("acr")).isEqualTo("high");
        assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("esign_sim", "sc"));
        assertThat(result.idToken().getClaim("register_number")).isEqualTo(citizen.person().registerNumber());
    }

    @Test
    void ecdsaAndPssSimsWorkToo() {
        for (KeyKind kind : List.of(KeyKind.EC_P256, KeyKind.RSA_PSS)) {
            Citizen citizen = citizenWithSim(kind);
            Login login = startSimLogin(citizen.person().registerNumber(), citizen.person().phoneE164());
            HttpBrowser.Page done = waitForResult(login, Duration.ofSeconds(15));
            assertThat(done.leftIdp()).as(kind + ": " + done.body()).isTrue();
        }
    }

    @Test
    void declineOnThePhoneIsReportedAndCitizenCanRetry() {
        Citizen citizen = citizenWithSim(KeyKind.EC_P256);
        mssp.behaviour(citizen.person().phoneE164(), Behaviour.DECLINE);
        HttpBrowser.Page page = waitForResult(startSimLogin(citizen.person().registerNumber(), citizen.person().phoneE164()),
                Duration.ofSeconds(15));
        assertRefused(page, "татгалзлаа");
        assertThat(fixture.admin.attackDetection(citizen.userId()).get("numFailures").asInt()).isZero();
    }

    @Test
    void timeoutIsReported() {
        Citizen citizen = citizenWithSim(KeyKind.EC_P256);
        mssp.behaviour(citizen.person().phoneE164(), Behaviour.TIMEOUT);
        mssp.transactionLifetime(Duration.ofSeconds(2));
        try {
            HttpBrowser.Page page = waitForResult(
                    startSimLogin(citizen.person().registerNumber(), citizen.person().phoneE164()), Duration.ofSeconds(15));
            assertRefused(page, "хугацаа дууссан");
        } finally {
            mssp.transactionLifetime(Duration.ofSeconds(120));
        }
    }

    @Test
    void aPhoneWithoutSimSignatureLooksLikeARequestNobodyAnswers() {
        // issue 13 item 6: an own message here would tell a stranger that this number owns this phone
        Citizen citizen = fixture.registeredCitizen(); // no SIM signature registered for this phone
        Login login = startSimLogin(citizen.person().registerNumber(), citizen.person().phoneE164());
        assertThat(login.page().has(SignaturePushPage.WAIT)).as(login.page().body()).isTrue();
        assertThat(mssp.pushesTo(citizen.person().phoneE164())).isZero();
        var event = fixture.admin.events(citizen.userId(), "LOGIN_ERROR").get(0);
        assertThat(event.path("error").asText()).isEqualTo("khur_esign_push_not_sent");
        assertThat(event.path("details").path("khur_reason").asText()).isEqualTo("unknown_subscriber");
    }

    @Test
    void revokedCertificateIsRefused() {
        Citizen citizen = fixture.registeredCitizen();
        IssuedCertificate sim = fixture.validCertificate(citizen.person(), KeyKind.EC_P256);
        mssp.register(citizen.person().phoneE164(), sim);
        fixture.pki.revoke(sim.certificate());
        HttpBrowser.Page page = waitForResult(startSimLogin(citizen.person().registerNumber(), citizen.person().phoneE164()),
                Duration.ofSeconds(15));
        assertRefused(page, "хүчингүй болсон");
    }

    @Test
    void anotherCitizensSimIsRefusedAndCountsAgainstTheAccountEntered() {
        // a shared phone: the victim's account is registered with the phone whose SIM holds the attacker's key
        // (any other phone is never pushed to: PushBombingIT)
        Citizen attacker = citizenWithSim(KeyKind.EC_P256);
        TestCitizen someone = TestCitizen.random();
        TestCitizen victimPerson = new TestCitizen(someone.registerNumber(), attacker.person().phoneE164(), someone.password(),
                someone.givenName(), someone.familyName());
        Citizen victim = new Citizen(victimPerson, fixture.admin.createCitizen(victimPerson));
        HttpBrowser.Page page = waitForResult(startSimLogin(victim.person().registerNumber(), attacker.person().phoneE164()),
                Duration.ofSeconds(15));
        assertRefused(page, "таарахгүй");
        assertThat(fixture.admin.attackDetection(victim.userId()).get("numFailures").asInt()).isEqualTo(1);
    }

    @Test
    void signatureOverAForeignHashIsRefused() {
        Citizen citizen = citizenWithSim(KeyKind.EC_P256);
        mssp.behaviour(citizen.person().phoneE164(), Behaviour.FORGED);
        HttpBrowser.Page page = waitForResult(startSimLogin(citizen.person().registerNumber(), citizen.person().phoneE164()),
                Duration.ofSeconds(15));
        assertRefused(page, "баталгаажсангүй");
    }

    @Test
    void atMostThreePushesPerRegisterNumberInTenMinutes() {
        Citizen citizen = citizenWithSim(KeyKind.EC_P256);
        mssp.behaviour(citizen.person().phoneE164(), Behaviour.DECLINE);
        for (int i = 0; i < 3; i++) {
            Login login = startSimLogin(citizen.person().registerNumber(), citizen.person().phoneE164());
            assertThat(login.page().has(SignaturePushPage.WAIT)).as("push " + (i + 1)).isTrue();
        }
        String before = mssp.lastDisplayedText(citizen.person().phoneE164());
        Login fourth = startSimLogin(citizen.person().registerNumber(), citizen.person().phoneE164());
        assertRefused(fourth.page(), "хэт олон хүсэлт");
        assertThat(mssp.lastDisplayedText(citizen.person().phoneE164())).as("no fourth push reached the phone").isEqualTo(before);
    }

    @Test
    void badInputIsAFieldErrorNotAServerError() {
        Citizen citizen = citizenWithSim(KeyKind.EC_P256);
        Login badPhone = startSimLogin(citizen.person().registerNumber(), "12<script>");
        assertRefused(badPhone.page(), "Утасны дугаар буруу");
        Login badRn = startSimLogin("АБ1", citizen.person().phoneE164());
        assertRefused(badRn.page(), "Регистрийн дугаар буруу");
    }

    private static void assertRefused(HttpBrowser.Page page, String expectedMessage) {
        assertThat(page.leftIdp()).as("login must not complete").isFalse();
        assertThat(page.status()).isLessThan(500);
        assertThat(page.body()).contains(expectedMessage);
        assertThat(page.has(SignaturePushPage.SIGN)).as("the citizen can try again").isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
