package mn.gov.khur.passkey.manage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * {@code GET /realms/{realm}/khur-passkeys/page}: one stable link to the citizen's passkey page, for the account pages
 * and the self-service done pages. It starts Keycloak's own way to run a required action at the citizen's request:
 * an authorization request of the account console with {@code kc_action=khur-passkeys} (login first if needed),
 * which returns to the account pages when done. The code that comes back is never redeemed: it comes in the query
 * ({@code response_mode=query}, as the account console's own keycloak-js logins in keycloak.v3 26.7.3 do), where
 * keycloak-js finds it, finds no state of its own for it, strips {@code code}, {@code state}, {@code session_state}
 * and {@code kc_action_status} from the address and logs in as usual (single sign-on); the PKCE verifier was thrown
 * away here, so nobody can redeem it. (In the fragment, or with {@code response_type=none}, keycloak-js in query mode
 * leaves the fragment in the address, and its own login then fails on that redirect URI.)
 * The link itself holds nothing and grants nothing.
 */
public final class PasskeyPageLink implements RealmResourceProvider {

    static final String CLIENT_ID = Constants.ACCOUNT_CONSOLE_CLIENT_ID;
    /** Back to the account pages' list of sign-in methods (passkeys among them) when done. */
    static final String RETURN_PATH = "account/account-security/signing-in";

    private final KeycloakSession session;

    PasskeyPageLink(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @GET
    @Path("page")
    public Response start(@QueryParam("lang") String language) {
        RealmModel realm = session.getContext().getRealm();
        URI base = session.getContext().getUri().getBaseUri();
        String back = UriBuilder.fromUri(base).path("realms").path(realm.getName()).path(RETURN_PATH).build().toString();
        String verifier = SecretGenerator.getInstance().randomString(64);
        UriBuilder authorize = OIDCLoginProtocolService.authUrl(UriBuilder.fromUri(base))
                .queryParam("client_id", CLIENT_ID)
                .queryParam("redirect_uri", back)
                .queryParam("response_type", "code")
                .queryParam("response_mode", "query")
                .queryParam("scope", "openid")
                .queryParam("state", SecretGenerator.getInstance().randomString(22))
                .queryParam("nonce", SecretGenerator.getInstance().randomString(22))
                .queryParam("code_challenge", s256(verifier))
                .queryParam("code_challenge_method", "S256")
                .queryParam(Constants.KC_ACTION, ManagePasskeysFactory.PROVIDER_ID);
        if ("mn".equals(language) || "en".equals(language)) {
            authorize.queryParam("ui_locales", language);
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.seeOther(authorize.build(realm.getName())).cacheControl(noStore).build();
    }

    /** The verifier is thrown away: the code this request returns can never be exchanged. */
    private static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    @Override
    public void close() {
    }
}
