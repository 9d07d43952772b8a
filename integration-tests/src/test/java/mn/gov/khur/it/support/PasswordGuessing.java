package mn.gov.khur.it.support;

import java.time.Duration;
import java.time.Instant;

import mn.gov.khur.it.support.pages.ReverseSmsPage;

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

    private static final Duration COUNT_PATIENCE = Duration.ofSeconds(5);

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
     * Each wrong password is sent only once Keycloak has counted the one before, so none lands on a lock that is not
     * visible yet: the guessing stops with the very failure that locks the account.
     */
    public static int lockFromManyNetworks(AdminApi admin, String userId, String registerNumber, int first) {
        int counted = failures(admin, userId);
        for (int network = first; network < first + 60; network++) {
            HttpBrowser browser = HttpBrowser.from(HttpBrowser.loopback(network), "mn");
            browser.open(OidcRelyingParty.demo().begin().authorizationUri());
            for (int i = 0; i < 50; i++) {
                HttpBrowser.Page page = CitizenLogin.passwordStep(browser, registerNumber, "Wrong1234x" + network + "x" + i);
                if (page.has(ReverseSmsPage.CODE)) {
                    throw new AssertionError("a wrong password reached the SMS step");
                }
                if (throttled(page)) {
                    break;
                }
                counted++;
                awaitFailures(admin, userId, counted);
                if (locked(admin, userId)) {
                    return network - first + 1;
                }
            }
        }
        throw new AssertionError("the account was never locked");
    }

    public static boolean locked(AdminApi admin, String userId) {
        return admin.attackDetection(userId).path("disabled").asBoolean();
    }

    private static int failures(AdminApi admin, String userId) {
        return admin.attackDetection(userId).path("numFailures").asInt();
    }

    /** Keycloak counts failures on a thread of its own: a failure (and the lock it causes) shows a moment after the answer. */
    private static void awaitFailures(AdminApi admin, String userId, int count) {
        Instant deadline = Instant.now().plus(COUNT_PATIENCE);
        while (failures(admin, userId) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Keycloak did not count wrong password " + count);
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
