package mn.gov.khur.it.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.PasswordGuessing;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 21 item 3, the invisible lockout: a citizen whose account is locked (wrong passwords from many networks) typed
 * the right password and was told "wrong register number or password". Now the right password gets a notice: locked
 * for now, for how long, and which ways in still work. Only the right password gets it, so a stranger learns nothing
 * about which register numbers have accounts, and a locked account's password is checked no more often than Keycloak
 * would check it once the lock ends: once per lock period, a wrong one counted like any wrong password.
 */
@ExtendWith(KhurServerExtension.class)
class LockedAccountNoticeIT {

    private final AdminApi admin = new AdminApi();
    private final OidcRelyingParty rp = OidcRelyingParty.demo();

    @Test
    void theRightPasswordOfALockedAccountIsToldTheLockItsLengthAndTheWaysStillOpen() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        PasswordGuessing.lockFromManyNetworks(admin, userId, citizen.registerNumber(), 150);

        HttpBrowser.Page page = passwordFrom(221, "en", citizen.registerNumber(), citizen.password());

        assertThat(page.has(ReverseSmsPage.CODE)).as("a locked account gets no code").isFalse();
        assertThat(page.has(LoginPage.ACCOUNT_LOCKED)).as("the lock notice: %s", page.body()).isTrue();
        String notice = page.text(LoginPage.ACCOUNT_LOCKED);
        assertThat(notice).contains("temporarily locked").containsPattern("try again in \\d+ minutes?");
        assertThat(page.document().select(LoginPage.ACCOUNT_LOCKED + " a[href=" + LoginPage.BANKS + "]").text()).isEqualTo("Log in with your bank");
        assertThat(page.document().select(LoginPage.ACCOUNT_LOCKED + " a[href=" + LoginPage.SIGNATURES + "]").text())
                .isEqualTo("Log in with a digital signature");
        assertThat(page.has(LoginPage.USERNAME_ERROR + ", " + LoginPage.PASSWORD_ERROR)).as("no 'wrong password' next to the fields").isFalse();

        assertThat(admin.events(userId, "LOGIN_ERROR")).anySatisfy(event -> {
            assertThat(event.path("error").asText()).isEqualTo("user_temporarily_disabled");
            assertThat(event.path("details").path("khur_reason").asText()).isEqualTo("account_locked");
            assertThat(event.path("details").path("auth_method").asText()).isEqualTo("khur-username-password-form");
        });
        assertThat(PasswordGuessing.locked(admin, userId)).as("telling the lock does not lift it").isTrue();
    }

    @Test
    void theNoticeIsInMongolianToo() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        PasswordGuessing.lockFromManyNetworks(admin, userId, citizen.registerNumber(), 150);

        HttpBrowser.Page page = passwordFrom(222, "mn", citizen.registerNumber(), citizen.password());

        assertThat(page.text(LoginPage.ACCOUNT_LOCKED)).contains("түр хаагдсан").containsPattern("\\d+ минутын дараа");
        assertThat(page.document().select(LoginPage.ACCOUNT_LOCKED + " a[href=" + LoginPage.BANKS + "]").text()).isEqualTo("Банкны эрхээр нэвтрэх");
        assertThat(page.document().select(LoginPage.ACCOUNT_LOCKED + " a[href=" + LoginPage.SIGNATURES + "]").text())
                .isEqualTo("Тоон гарын үсгээр нэвтрэх");
    }

    @Test
    void aWrongPasswordForALockedAccountLooksLikeAnUnknownRegisterNumber() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        PasswordGuessing.lockFromManyNetworks(admin, userId, citizen.registerNumber(), 150);

        HttpBrowser.Page locked = passwordFrom(223, "mn", citizen.registerNumber(), "Wrong1234x223");
        HttpBrowser.Page unknown = passwordFrom(224, "mn", TestCitizen.random().registerNumber(), "Wrong1234x224");

        assertThat(locked.has(LoginPage.ACCOUNT_LOCKED)).isFalse();
        assertThat(locked.text(LoginPage.USERNAME_ERROR)).isNotEmpty().isEqualTo(unknown.text(LoginPage.USERNAME_ERROR));
        assertThat(locked.has(LoginPage.PASSWORD_ERROR)).isEqualTo(unknown.has(LoginPage.PASSWORD_ERROR));
        assertThat(locked.document().selectFirst(LoginPage.USERNAME).attr("aria-invalid")).isEqualTo("true");
        assertThat(unknown.document().selectFirst(LoginPage.USERNAME).attr("aria-invalid")).isEqualTo("true");
    }

    /**
     * Keycloak itself checks no password while an account is locked, and after the lock each wrong password locks it
     * again: about one guess per lock period. To tell the lock to the right password, a locked account's password is
     * checked, but only once per lock period: the wrong guess of one network spends the check, and a second network's
     * guess (here even the right password) is answered without it, like Keycloak answers a locked account.
     */
    @Test
    void aLockedAccountsPasswordIsCheckedOncePerLockPeriod() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        PasswordGuessing.lockFromManyNetworks(admin, userId, citizen.registerNumber(), 150);
        int failures = settledFailures(userId);

        HttpBrowser.Page guess = passwordFrom(225, "mn", citizen.registerNumber(), "Wrong1234x225");
        assertThat(guess.has(LoginPage.ACCOUNT_LOCKED)).isFalse();
        assertThat(settledFailures(userId)).as("the checked wrong password counts like any wrong password")
                .isEqualTo(failures + 1);

        HttpBrowser.Page second = passwordFrom(226, "mn", citizen.registerNumber(), citizen.password());
        assertThat(second.has(LoginPage.ACCOUNT_LOCKED)).as("the lock period's check is spent").isFalse();
        assertThat(second.has(ReverseSmsPage.CODE)).isFalse();
        assertThat(second.text(LoginPage.USERNAME_ERROR)).isNotEmpty().isEqualTo(guess.text(LoginPage.USERNAME_ERROR));
        assertThat(settledFailures(userId)).as("an unchecked password counts for nothing").isEqualTo(failures + 1);
    }

    private HttpBrowser.Page passwordFrom(int network, String language, String registerNumber, String password) {
        HttpBrowser browser = HttpBrowser.from(HttpBrowser.loopback(network), language);
        browser.open(rp.begin("openid", Map.of("ui_locales", language)).authorizationUri());
        return CitizenLogin.passwordStep(browser, registerNumber, password);
    }

    /** Keycloak counts failures on a thread of its own: the count once it has stopped changing. */
    private int settledFailures(String userId) {
        int last = -1;
        for (int i = 0; i < 20; i++) {
            JsonNode attacks = admin.attackDetection(userId);
            int now = attacks.path("numFailures").asInt();
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
