package mn.gov.khur.it.relyingparty;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import mn.gov.khur.it.support.OidcRelyingParty;

/** OIDC RP-Initiated Logout 1.0 requests to ХУР's {@code end_session_endpoint}. */
final class RpInitiatedLogout {

    private RpInitiatedLogout() {
    }

    /** What a site sends when the citizen presses "log out": ID token hint, where to come back, state. */
    static URI withIdTokenHint(OidcRelyingParty site, OidcRelyingParty.LoginResult login, URI postLogoutRedirect, String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("id_token_hint", login.tokens().getIDTokenString());
        parameters.put("post_logout_redirect_uri", postLogoutRedirect.toString());
        parameters.put("state", state);
        return endSession(site, parameters);
    }

    /** A logout without ID token hint (e.g. the site lost it): ХУР asks the citizen to confirm. */
    static URI withoutIdTokenHint(OidcRelyingParty site, URI postLogoutRedirect, Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", site.clientId().getValue());
        parameters.put("post_logout_redirect_uri", postLogoutRedirect.toString());
        parameters.putAll(extra);
        return endSession(site, parameters);
    }

    static URI endSession(OidcRelyingParty site, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(site.provider().getEndSessionEndpointURI() + "?" + query);
    }
}
