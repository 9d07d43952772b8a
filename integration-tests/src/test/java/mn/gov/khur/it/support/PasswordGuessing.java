package mn.gov.khur.it.support;

import java.time.Duration;
import java.time.Instant;

/**
 * An attacker typing wrong passwords for a citizen's register number from one or several networks. Each network is
 * a client address of its own on loopback ({@code 127.0.0.n}, see {@link HttpBrowser#from}), which Keycloak takes as
 * the client's address exactly as it would a real one: no forwarded header is involved.
 */
public final class PasswordGuessing {

    /** What the password page says to a network that has used up its wrong passwords for an account (Mongolian). */
    public static final String THROTTLED_MN = "Энэ сүлжээнээс энэ бүртгэлд хэт олон удаа буруу нууц үг оруулсан";
    /** The same in English. */
    public static final String THROTTLED_EN = "Too many wrong passwords for this account from your network";

    private static final Duration LOCK_PATIENCE = Duration.ofSeconds(1);

    private PasswordGuessing() {
    }

    /** One login page opened from {@code network}, then {@code attempts} wrong passwords in a row; the last page. */
    public static HttpBrowser.Page guess(int network, String registerNumber, int attempts, String language) {
        HttpBrowser browser = HttpBrowser.from(HttpBrowser.loopback(network), language);
        HttpBrowser.Page page = browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        for (int i = 0; i < attempts; i++) {
            page = CitizenLogin.passwordStep(browser, registerNumber, "Wrong1234x" + network + "x" + i);
        }
        return page;
    }

    /** Whether the password page told this network to stop for now. */
    public static boolean throttled(HttpBrowser.Page page) {
        return page.document() != null && (page.body().contains(THROTTLED_MN) || page.body().contains(THROTTLED_EN));
    }

    /**
     * From networks {@code first}, {@code first + 1}, …: wrong passwords from each until that network is throttled or
     * Keycloak reports the account locked, network after network until it is. Returns how many networks it took.
     */
    public static int lockFromManyNetworks(AdminApi admin, String userId, String registerNumber, int first) {
        for (int network = first; network < first + 60; network++) {
            HttpBrowser browser = HttpBrowser.from(HttpBrowser.loopback(network), "mn");
            HttpBrowser.Page page = browser.open(OidcRelyingParty.demo().begin().authorizationUri());
            for (int i = 0; i < 50 && !throttled(page); i++) {
                page = CitizenLogin.passwordStep(browser, registerNumber, "Wrong1234x" + network + "x" + i);
                if (page.has("#khur-sms-code")) {
                    throw new AssertionError("a wrong password reached the SMS step");
                }
                if (locked(admin, userId)) {
                    return network - first + 1;
                }
            }
            if (awaitLocked(admin, userId)) {
                return network - first + 1;
            }
        }
        throw new AssertionError("the account was never locked");
    }

    public static boolean locked(AdminApi admin, String userId) {
        return admin.attackDetection(userId).path("disabled").asBoolean();
    }

    /** Keycloak counts failures on a thread of its own: a lock may show a moment after the answer that caused it. */
    private static boolean awaitLocked(AdminApi admin, String userId) {
        Instant deadline = Instant.now().plus(LOCK_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (locked(admin, userId)) {
                return true;
            }
            sleep();
        }
        return false;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
