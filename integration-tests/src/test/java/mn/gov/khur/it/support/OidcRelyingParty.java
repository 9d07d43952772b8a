package mn.gov.khur.it.support;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * A government site federating with ХУР, written with a real OIDC library (Nimbus): discovery,
 * authorization code + PKCE S256, state and nonce, ID-token signature checked against the JWKS,
 * userinfo.
 */
public final class OidcRelyingParty {

    public static final URI REDIRECT_URI = URI.create("http://localhost:8092/callback");

    private final OIDCProviderMetadata provider;
    private final ClientID clientId;
    private final Secret secret;
    private final URI redirectUri;

    public OidcRelyingParty(String clientId, String secret) {
        this(KeycloakServer.BASE_URL, clientId, secret);
    }

    /** A site whose callback is not the demo's (e.g. {@code demo-rp-2}). */
    public OidcRelyingParty(String clientId, String secret, URI redirectUri) {
        this(KeycloakServer.BASE_URL, clientId, secret, redirectUri);
    }

    public OidcRelyingParty(String idpBaseUrl, String clientId, String secret) {
        this(idpBaseUrl, clientId, secret, REDIRECT_URI);
    }

    public OidcRelyingParty(String idpBaseUrl, String clientId, String secret, URI redirectUri) {
        this.redirectUri = redirectUri;
        try {
            this.provider = OIDCProviderMetadata.resolve(new Issuer(idpBaseUrl + "/realms/" + KeycloakServer.REALM));
        } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
            throw new IllegalStateException("Discovery failed", e);
        }
        this.clientId = new ClientID(clientId);
        this.secret = new Secret(secret);
    }

    public static OidcRelyingParty demo() {
        return new OidcRelyingParty("demo-rp", "demo-rp-secret");
    }

    public OIDCProviderMetadata provider() {
        return provider;
    }

    /** Starts a login: the URL to send the browser to, and what must be kept to finish it. */
    public PendingLogin begin(String scope, Map<String, String> extraParameters) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), Scope.parse(scope), clientId, redirectUri)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        extraParameters.forEach((name, value) -> request.customParameter(name, value));
        return new PendingLogin(request.build().toURI(), state, nonce, verifier);
    }

    public PendingLogin begin() {
        return begin("openid", Map.of());
    }

    /** Finishes a login from the redirect the IdP sent the browser to. */
    public LoginResult finish(PendingLogin pending, URI redirect) {
        try {
            AuthorizationResponse response = AuthorizationResponse.parse(redirect);
            if (!pending.state().equals(response.getState())) {
                throw new AssertionError("state mismatch");
            }
            if (!response.indicatesSuccess()) {
                throw new AssertionError("authorization error: " + response.toErrorResponse().getErrorObject());
            }
            AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
            TokenRequest tokenRequest = new TokenRequest(provider.getTokenEndpointURI(), new ClientSecretBasic(clientId, secret),
                    new AuthorizationCodeGrant(code, redirectUri, pending.verifier()));
            var tokenResponse = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
            if (!tokenResponse.indicatesSuccess()) {
                throw new AssertionError("token error: " + tokenResponse.toErrorResponse().getErrorObject());
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) tokenResponse.toSuccessResponse();
            // Nimbus's JWKS fetch defaults to sub-second timeouts; a busy two-core CI box needs more
            IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256,
                    provider.getJWKSetURI().toURL(), new com.nimbusds.jose.util.DefaultResourceRetriever(10_000, 10_000));
            JWTClaimsSet idToken = validator.validate(tokens.getOIDCTokens().getIDToken(), pending.nonce()).toJWTClaimsSet();
            BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();
            UserInfoResponse userInfoResponse = UserInfoResponse.parse(
                    new UserInfoRequest(provider.getUserInfoEndpointURI(), accessToken).toHTTPRequest().send());
            if (!userInfoResponse.indicatesSuccess()) {
                throw new AssertionError("userinfo error: " + userInfoResponse.toErrorResponse().getErrorObject());
            }
            UserInfo userInfo = userInfoResponse.toSuccessResponse().getUserInfo();
            return new LoginResult(idToken, userInfo, tokens.getOIDCTokens());
        } catch (ParseException | IOException | com.nimbusds.jose.JOSEException
                 | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new AssertionError("OIDC login could not be completed: " + e, e);
        }
    }

    public record PendingLogin(URI authorizationUri, State state, Nonce nonce, CodeVerifier verifier) {
    }

    public ClientID clientId() {
        return clientId;
    }

    public Secret secret() {
        return secret;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    /** The verified ID token's claims, userinfo, and the tokens as issued (raw ID token for id_token_hint, refresh token). */
    public record LoginResult(JWTClaimsSet idToken, UserInfo userInfo, com.nimbusds.openid.connect.sdk.token.OIDCTokens tokens) {
    }
}
