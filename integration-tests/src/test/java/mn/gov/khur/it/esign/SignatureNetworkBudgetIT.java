package mn.gov.khur.it.esign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import mn.gov.khur.it.esign.EsignTokenFixture.Citizen;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.PasswordGuessing;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.EsignTokenPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lockout abuse through the signature steps (follow-up of issue 13 item 8): a failed signature login with a
 * citizen's register number counts against that citizen's account in Keycloak's brute-force protector, like a wrong
 * password. Without a per-network budget, one network could lock the citizen's password login with signatures alone
 * (register numbers are not secret; any certificate and a signature over the wrong data will do). The signature
 * steps spend the same budget as the password step: per network and account, shared by both.
 */
@ExtendWith(KhurServerExtension.class)
class SignatureNetworkBudgetIT {

    /** What the signature pages say to a network that has used up its failures for a register number (Mongolian). */
    static final String THROTTLED_MN = "Энэ сүлжээнээс энэ регистрийн дугаараар хэт олон удаа амжилтгүй оролдсон";

    private static RevocationServer revocation;
    private static EsignTokenFixture fixture;

    @BeforeAll
    static void startRevocationServer() throws Exception {
        revocation = RevocationServer.start(KhurServerExtension.esignPki(), "127.0.0.1", 0);
        fixture = new EsignTokenFixture(revocation);
    }

    @AfterAll
    static void stopRevocationServer() {
        revocation.close();
    }

    @Test
    void badSignaturesFromOneNetworkDoNotLockTheCitizenOut() {
        Citizen victim = fixture.registeredCitizen();
        int failureFactor = fixture.admin.realm().path("failureFactor").asInt();
        HttpBrowser attacker = HttpBrowser.from(HttpBrowser.loopback(31), "mn");

        HttpBrowser.Page last = badSignatures(attacker, victim, failureFactor + 5);

        int failures = settledFailures(victim.userId());
        assertThat(PasswordGuessing.locked(fixture.admin, victim.userId())).as("the account is not locked").isFalse();
        assertThat(failures).as("failures one network could count").isLessThan(failureFactor).isPositive();
        assertThat(last.body()).as("the attacker's network is told to wait: %s", last.body()).contains(THROTTLED_MN);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.has(EsignTokenPage.FORM)).as("the token page again, not an error page").isTrue();
        assertThat(fixture.admin.events(victim.userId(), "LOGIN_ERROR")).anySatisfy(event -> {
            assertThat(event.path("error").asText()).isEqualTo("slow_down");
            assertThat(event.path("details").path("khur_esign_outcome").asText()).isEqualTo("network_throttled");
            assertThat(event.path("details").path("auth_method").asText()).isEqualTo("khur-esign-token");
            assertThat(event.path("ipAddress").asText()).isEqualTo("127.0.0.31");
        });

        // the citizen, from their own network, still logs in with the password (and gets to the SMS step)
        HttpBrowser citizensBrowser = HttpBrowser.from(HttpBrowser.loopback(33), "mn");
        citizensBrowser.open(fixture.rp.begin().authorizationUri());
        HttpBrowser.Page challenge = CitizenLogin.passwordStep(citizensBrowser, victim.person().registerNumber(),
                victim.person().password());
        assertThat(challenge.has(ReverseSmsPage.CODE)).as("page was: %s", challenge.body()).isTrue();
    }

    /** Signatures and passwords draw on one budget: switching methods gives a network no fresh failures to count. */
    @Test
    void aNetworkThrottledForSignaturesIsThrottledForPasswordsToo() {
        Citizen victim = fixture.registeredCitizen();
        int failureFactor = fixture.admin.realm().path("failureFactor").asInt();
        HttpBrowser attacker = HttpBrowser.from(HttpBrowser.loopback(32), "mn");
        badSignatures(attacker, victim, failureFactor + 5);

        HttpBrowser sameNetwork = HttpBrowser.from(HttpBrowser.loopback(32), "mn");
        sameNetwork.open(fixture.rp.begin().authorizationUri());
        HttpBrowser.Page page = CitizenLogin.passwordStep(sameNetwork, victim.person().registerNumber(), "Wrong1234x32");
        assertThat(PasswordGuessing.throttled(page)).as("page was: %s", page.body()).isTrue();
    }

    /** The signature budget is per register number, known or not, like the password's: nothing tells which exist. */
    @Test
    void anUnknownRegisterNumberIsThrottledTheSameWay() {
        HttpBrowser attacker = HttpBrowser.from(HttpBrowser.loopback(34), "mn");
        IssuedCertificate strangers = fixture.validCertificate(TestCitizen.random(), KeyKind.EC_P256);
        HttpBrowser.Page page = fixture.openTokenPage(attacker).page();
        String unknown = TestCitizen.random().registerNumber();
        for (int i = 0; i < 10; i++) {
            page = EsignTokenFixture.post(attacker, unknown, strangers, signatureOverTheWrongData(strangers, i));
        }
        assertThat(page.body()).contains(THROTTLED_MN);
    }

    /** A stranger's certificate and a signature over something else than the page's challenge: a counted failure. */
    private static HttpBrowser.Page badSignatures(HttpBrowser attacker, Citizen victim, int attempts) {
        IssuedCertificate strangers = fixture.validCertificate(TestCitizen.random(), KeyKind.EC_P256);
        HttpBrowser.Page page = fixture.openTokenPage(attacker).page();
        for (int i = 0; i < attempts; i++) {
            page = EsignTokenFixture.post(attacker, victim.person().registerNumber(), strangers,
                    signatureOverTheWrongData(strangers, i));
            assertThat(page.leftIdp()).isFalse();
        }
        return page;
    }

    private static byte[] signatureOverTheWrongData(IssuedCertificate credential, int attempt) {
        return credential.sign(("not the challenge " + attempt).getBytes(StandardCharsets.UTF_8));
    }

    /** Keycloak counts failures on a thread of its own: the count once it has stopped changing. */
    private static int settledFailures(String userId) {
        int last = -1;
        for (int i = 0; i < 20; i++) {
            int now = fixture.admin.attackDetection(userId).path("numFailures").asInt();
            if (now == last) {
                return now;
            }
            last = now;
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return last;
    }
}
