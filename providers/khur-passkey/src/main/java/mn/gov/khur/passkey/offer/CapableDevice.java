package mn.gov.khur.passkey.offer;

import jakarta.ws.rs.core.Cookie;

import org.keycloak.models.KeycloakSession;

/**
 * Whether this browser said it can keep a passkey itself: the entry page's script (khur-passkey-entry.ftl) asks
 * {@code PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()} (fingerprint, face or device PIN)
 * and writes the answer into the cookie {@value #COOKIE}. The offer is made only to such a device: "SMS-гүйгээр"
 * on a browser that cannot make a passkey would be a dead end, and browsers without script never get a page they
 * cannot use. The cookie only decides whether to ask; creating a passkey still needs the fresh login.
 */
final class CapableDevice {

    static final String COOKIE = "KHUR_PASSKEY_DEVICE";
    static final String PLATFORM = "platform";

    private CapableDevice() {
    }

    static boolean canHoldAPasskey(KeycloakSession session) {
        Cookie cookie = session.getContext().getHttpRequest().getHttpHeaders().getCookies().get(COOKIE);
        return cookie != null && PLATFORM.equals(cookie.getValue());
    }
}
