package mn.gov.khur.passkey.offer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * "Offered once on this device": a cookie of this browser listing the citizens who answered the passkey offer
 * here (skipped it or created one). Each entry is a short hash of realm and user id, never the register number,
 * so the cookie tells someone reading it on a shared computer nothing they could use. The newest few are kept.
 * A device cookie rather than a note on the user: the question is about this browser, and a citizen who
 * skipped on a shared computer is asked again on their own phone.
 */
final class OfferedDevices {

    static final String COOKIE = "KHUR_PASSKEY_OFFERED";
    /** Browsers cap cookies at 400 days. */
    static final int MAX_AGE_SECONDS = 400 * 24 * 3600;
    static final int MAX_ENTRIES = 8;
    private static final String VERSION = "v1";

    private final List<String> entries;

    private OfferedDevices(List<String> entries) {
        this.entries = entries;
    }

    static OfferedDevices parse(String cookieValue) {
        if (cookieValue == null || !cookieValue.startsWith(VERSION + ".")) {
            return new OfferedDevices(List.of());
        }
        List<String> entries = Arrays.stream(cookieValue.substring(VERSION.length() + 1).split("\\."))
                .filter(e -> e.matches("[A-Za-z0-9_-]{16}")).limit(MAX_ENTRIES).toList();
        return new OfferedDevices(entries);
    }

    static OfferedDevices of(KeycloakSession session) {
        Cookie cookie = session.getContext().getHttpRequest().getHttpHeaders().getCookies().get(COOKIE);
        return parse(cookie == null ? null : cookie.getValue());
    }

    boolean answeredBy(RealmModel realm, UserModel user) {
        return answeredBy(realm.getId(), user.getId());
    }

    boolean answeredBy(String realmId, String userId) {
        return entries.contains(entry(realmId, userId));
    }

    OfferedDevices with(RealmModel realm, UserModel user) {
        return with(realm.getId(), user.getId());
    }

    /** This list with the citizen first (once), oldest dropped beyond the limit. */
    OfferedDevices with(String realmId, String userId) {
        String entry = entry(realmId, userId);
        List<String> next = new ArrayList<>();
        next.add(entry);
        entries.stream().filter(e -> !e.equals(entry)).limit(MAX_ENTRIES - 1L).forEach(next::add);
        return new OfferedDevices(List.copyOf(next));
    }

    String value() {
        return VERSION + "." + String.join(".", entries);
    }

    /** Sent with the response: HttpOnly, SameSite=Lax, Secure over https, for this realm's pages only. */
    void remember(KeycloakSession session, RealmModel realm) {
        var baseUri = session.getContext().getUri().getBaseUri();
        String path = baseUri.getPath().replaceAll("/$", "") + "/realms/" + realm.getName() + "/";
        NewCookie cookie = new NewCookie.Builder(COOKIE)
                .value(value())
                .path(path)
                .maxAge(MAX_AGE_SECONDS)
                .secure("https".equalsIgnoreCase(baseUri.getScheme()))
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        session.getContext().getHttpResponse().setCookieIfAbsent(cookie);
    }

    static String entry(String realmId, String userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("khur-passkey-offer\0" + realmId + "\0" + userId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
