package mn.gov.khur.demorp;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import mn.gov.khur.demorp.SessionStore.PendingLogin;
import mn.gov.khur.demorp.SessionStore.SignedIn;

/**
 * Everything a relying party does with ХУР, with the Nimbus OAuth 2.0 / OpenID Connect SDK:
 * <ol>
 *   <li>discovery: read {@code <issuer>/.well-known/openid-configuration} once;</li>
 *   <li>start a login: redirect to the authorization endpoint with a fresh state, nonce and PKCE
 *       (S256) verifier, remembered server-side;</li>
 *   <li>finish it: check state, exchange the code (client_secret_basic + PKCE verifier), validate
 *       the ID token (RS256 signature against ХУР's JWKS, issuer, audience, expiry, nonce), check
 *       the assurance level if one was asked for, call userinfo;</li>
 *   <li>log out: send the browser to the end-session endpoint with {@code id_token_hint}.</li>
 * </ol>
 * In profile {@code khur-fapi2} (FAPI 2.0) three things change, and nothing else: the authorization request is
 * pushed first (PAR) and the browser carries only {@code client_id} + {@code request_uri}; the client authenticates
 * with a JWT signed by its own key ({@code private_key_jwt}, audience = ХУР's issuer) instead of a secret; and every
 * token and userinfo request carries a DPoP proof, so a stolen access token is useless without this site's DPoP key.
 * <p>
 * Nothing here is specific to ХУР except the claim names and acr values the site reads.
 */
final class KhurOidcClient {

    /** Assurance levels ХУР issues, lowest first (contracts: substantial = password + SMS or bank, high = digital signature). */
    static final List<String> ACR_LEVELS = List.of("substantial", "high");

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;

    /** ХУР did not answer (down, starting, network): worth retrying later. */
    static final class IdpUnavailableException extends Exception {
        IdpUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A login that ended without a signed-in citizen: an OAuth error code ({@code access_denied}
     * ...) or one of ours ({@code invalid_state}, {@code invalid_id_token} ...), and ХУР's
     * {@code error_description} if it sent one. The page decides what to tell the citizen.
     */
    static final class LoginFailedException extends Exception {
        private final String error;
        private final String errorDescription;
        private final boolean fromIdp;

        LoginFailedException(String error, String errorDescription, boolean fromIdp) {
            super(error + (errorDescription == null ? "" : ": " + errorDescription));
            this.error = error;
            this.errorDescription = errorDescription;
            this.fromIdp = fromIdp;
        }

        String error() {
            return error;
        }

        String errorDescription() {
            return errorDescription;
        }

        /** Whether ХУР itself reported the error on the redirect back (as opposed to a check of ours failing). */
        boolean fromIdp() {
            return fromIdp;
        }
    }

    /** Where to send the browser, and what to keep (server-side) to finish the login. */
    record LoginRedirect(URI authorizationUri, PendingLogin pendingLogin) {
    }

    /** The discovered provider metadata and the ID-token validator built from it. */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator idTokenValidator) {
    }

    private final DemoRpConfig config;
    /** khur-fapi2 only: the site's signing key and the DPoP proof maker; null in khur-standard. */
    private final SiteKeys keys;
    private final DefaultDPoPProofFactory dpop;
    private volatile Provider provider;

    KhurOidcClient(DemoRpConfig config) {
        this(config, null);
    }

    KhurOidcClient(DemoRpConfig config, SiteKeys keys) {
        this.config = config;
        this.keys = keys;
        if (config.fapi2() && keys == null) {
            throw new IllegalArgumentException("khur-fapi2 needs the site's keys");
        }
        try {
            this.dpop = keys == null ? null : new DefaultDPoPProofFactory(keys.dpopKey(), JWSAlgorithm.ES256);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How the site proves who it is at the token endpoint (and at the PAR endpoint). */
    private ClientAuthentication clientAuthentication(OIDCProviderMetadata metadata) {
        if (!config.fapi2()) {
            return new ClientSecretBasic(config.clientId(), config.clientSecret());
        }
        try {
            // FAPI 2.0: the assertion's only audience is the issuer (not the endpoint URL)
            JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(config.clientId(), new Audience(metadata.getIssuer().getValue()));
            return new PrivateKeyJWT(claims, JWSAlgorithm.ES256, keys.signingKey().toECPrivateKey(), keys.signingKey().getKeyID(), null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion", e);
        }
    }

    /** khur-fapi2: a DPoP proof for one request (method + URL, and the access token's hash when one is sent). */
    private HTTPRequest withProof(HTTPRequest request, AccessToken accessToken) {
        if (dpop != null) {
            try {
                request.setDPoP(accessToken == null ? dpop.createDPoPJWT(request.getMethod().name(), request.getURI())
                        : dpop.createDPoPJWT(request.getMethod().name(), request.getURI(), accessToken));
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot sign the DPoP proof", e);
            }
        }
        return request;
    }

    /**
     * Discovery, on first use. If ХУР is not up yet, this fails and the next request tries again;
     * once it succeeded, the metadata is kept. (The validator re-reads the JWKS by itself when ХУР
     * rotates its signing keys.)
     */
    private Provider provider() throws IdpUnavailableException {
        Provider current = provider;
        if (current != null) {
            return current;
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(config.issuer(), CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
            // khur-standard clients get RS256 ID tokens; FAPI 2.0 forbids RS256, khur-fapi2 clients get PS256
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), config.clientId(),
                    config.fapi2() ? JWSAlgorithm.PS256 : JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL());
            current = new Provider(metadata, validator);
            provider = current;
            return current;
        } catch (IOException | GeneralException | RuntimeException e) {
            throw new IdpUnavailableException("OpenID Connect discovery from " + config.issuer() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Step 1: the authorization request.
     *
     * @param scope    e.g. {@code openid profile phone}
     * @param acr      {@code high} to require a digital signature, or null for ХУР's default
     * @param uiLocale the language of ХУР's pages ({@code mn}, {@code en}), or null
     */
    LoginRedirect startLogin(Scope scope, String acr, LangTag uiLocale) throws IdpUnavailableException {
        OIDCProviderMetadata metadata = provider().metadata();
        State state = new State();                 // ties the answer to this browser (CSRF)
        Nonce nonce = new Nonce();                 // ties the ID token to this login (replay)
        CodeVerifier codeVerifier = new CodeVerifier(); // PKCE: only we can redeem the code
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), scope, config.clientId(), config.redirectUri())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(codeVerifier, CodeChallengeMethod.S256);
        if (acr != null) {
            request.acrValues(List.of(new ACR(acr)));
        }
        if (uiLocale != null) {
            request.uiLocales(List.of(uiLocale));
        }
        PendingLogin pending = new PendingLogin(state, nonce, codeVerifier, acr);
        if (!config.fapi2()) {
            return new LoginRedirect(request.build().toURI(), pending);
        }
        // khur-fapi2: push the request over the back channel (authenticated), send the browser only its handle
        HTTPResponse pushed = send(new PushedAuthorizationRequest(metadata.getPushedAuthorizationRequestEndpointURI(),
                clientAuthentication(metadata), request.build()).toHTTPRequest());
        try {
            PushedAuthorizationResponse response = PushedAuthorizationResponse.parse(pushed);
            if (!response.indicatesSuccess()) {
                throw new IdpUnavailableException("ХУР refused the pushed authorization request: "
                        + response.toErrorResponse().getErrorObject(), null);
            }
            URI browser = new AuthorizationRequest.Builder(response.toSuccessResponse().getRequestURI(), config.clientId())
                    .endpointURI(metadata.getAuthorizationEndpointURI()).build().toURI();
            return new LoginRedirect(browser, pending);
        } catch (ParseException e) {
            throw new IdpUnavailableException("ХУР's answer to the pushed authorization request could not be read", e);
        }
    }

    /**
     * Step 2: ХУР sent the browser back to {@code /callback}. Checks everything and returns the
     * signed-in citizen, or says why not.
     *
     * @param pending  what {@link #startLogin} returned, taken from this browser's session
     * @param callback the query parameters of the callback request
     */
    SignedIn finishLogin(PendingLogin pending, Map<String, List<String>> callback)
            throws LoginFailedException, IdpUnavailableException {
        Provider idp = provider();
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(config.redirectUri(), callback);
        } catch (ParseException e) {
            throw new LoginFailedException("invalid_response", "the callback parameters could not be read", false);
        }

        // The answer must be for the login this browser started; otherwise someone is trying to
        // plant their own login (or an error) on the citizen.
        if (!pending.state().equals(response.getState())) {
            throw new LoginFailedException("invalid_state", null, false);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new LoginFailedException(error.getCode() == null ? "server_error" : error.getCode(), error.getDescription(), true);
        }
        AuthorizationSuccessResponse success = response.toSuccessResponse();
        // RFC 9207 (mix-up protection): if ХУР names itself in the response, it must be our issuer (khur-fapi2: it must).
        if ((config.fapi2() && success.getIssuer() == null)
                || (success.getIssuer() != null && !success.getIssuer().equals(idp.metadata().getIssuer()))) {
            throw new LoginFailedException("invalid_issuer", null, false);
        }

        // Back channel: the code and the PKCE verifier for tokens; the client authenticates with HTTP Basic
        // (khur-standard) or its signed assertion plus a DPoP proof (khur-fapi2).
        TokenRequest tokenRequest = new TokenRequest(idp.metadata().getTokenEndpointURI(),
                clientAuthentication(idp.metadata()),
                new AuthorizationCodeGrant(success.getAuthorizationCode(), config.redirectUri(), pending.codeVerifier()));
        TokenResponse tokenResponse;
        try {
            tokenResponse = OIDCTokenResponseParser.parse(send(withProof(tokenRequest.toHTTPRequest(), null)));
        } catch (ParseException e) {
            throw new LoginFailedException("token_error", "the token response could not be read", false);
        }
        if (!tokenResponse.indicatesSuccess()) {
            ErrorObject error = tokenResponse.toErrorResponse().getErrorObject();
            throw new LoginFailedException("token_error",
                    error.getCode() + (error.getDescription() == null ? "" : ": " + error.getDescription()), false);
        }
        OIDCTokens tokens = ((OIDCTokenResponse) tokenResponse.toSuccessResponse()).getOIDCTokens();
        JWT idToken = tokens.getIDToken();
        if (idToken == null) {
            throw new LoginFailedException("invalid_id_token", "no ID token (was scope openid requested?)", false);
        }

        // The ID token: RS256 signature with a key from ХУР's JWKS, iss, aud = our client id,
        // exp/iat, and the nonce we sent.
        IDTokenClaimsSet idTokenClaims;
        JWTClaimsSet claims;
        try {
            idTokenClaims = idp.idTokenValidator().validate(idToken, pending.nonce());
            claims = idTokenClaims.toJWTClaimsSet();
        } catch (BadJOSEException | JOSEException | ParseException e) {
            throw new LoginFailedException("invalid_id_token", e.getMessage(), false);
        }

        // acr_values is a request, not a guarantee: a site that needs "high" must check the token.
        if (pending.requestedAcr() != null) {
            String acr = idTokenClaims.getACR() == null ? null : idTokenClaims.getACR().getValue();
            if (ACR_LEVELS.indexOf(acr) < ACR_LEVELS.indexOf(pending.requestedAcr())) {
                throw new LoginFailedException("acr_not_met",
                        "requested acr " + pending.requestedAcr() + ", the ID token says " + acr, false);
            }
        }

        // Userinfo with the access token. Its sub must be the ID token's sub (OIDC Core 5.3.4).
        AccessToken accessToken = tokens.getAccessToken();
        HTTPResponse userInfoHttp = send(withProof(
                new UserInfoRequest(idp.metadata().getUserInfoEndpointURI(), accessToken).toHTTPRequest(),
                config.fapi2() ? accessToken : null));
        UserInfoResponse userInfoResponse;
        try {
            userInfoResponse = UserInfoResponse.parse(userInfoHttp);
        } catch (ParseException e) {
            throw new LoginFailedException("userinfo_error", "the userinfo response could not be read", false);
        }
        if (!userInfoResponse.indicatesSuccess()) {
            ErrorObject error = userInfoResponse.toErrorResponse().getErrorObject();
            throw new LoginFailedException("userinfo_error", error.getCode() + " (HTTP " + error.getHTTPStatusCode() + ")", false);
        }
        UserInfo userInfo = userInfoResponse.toSuccessResponse().getUserInfo();
        if (!idTokenClaims.getSubject().equals(userInfo.getSubject())) {
            throw new LoginFailedException("userinfo_error", "userinfo is for another subject", false);
        }
        return new SignedIn(idToken, claims, userInfoHttp.getBody());
    }

    /**
     * Step 3: RP-initiated logout. Where to send the browser so that ХУР ends its session too,
     * or null if ХУР has no end-session endpoint.
     */
    URI logoutUri(JWT idTokenHint) throws IdpUnavailableException {
        URI endSession = provider().metadata().getEndSessionEndpointURI();
        if (endSession == null) {
            return null;
        }
        return new LogoutRequest(endSession, idTokenHint, null, config.clientId(),
                config.postLogoutRedirectUri(), null, null).toURI();
    }

    private static HTTPResponse send(HTTPRequest request) throws IdpUnavailableException {
        request.setConnectTimeout(CONNECT_TIMEOUT_MS);
        request.setReadTimeout(READ_TIMEOUT_MS);
        try {
            return request.send();
        } catch (IOException e) {
            throw new IdpUnavailableException(request.getMethod() + " " + request.getURI() + " failed: " + e.getMessage(), e);
        }
    }
}
