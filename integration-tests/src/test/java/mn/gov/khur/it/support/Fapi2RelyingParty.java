package mn.gov.khur.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.sun.net.httpserver.HttpServer;

/**
 * A site in profile {@code khur-fapi2}, written with Nimbus as a site's developers would: pushed authorization request
 * with {@code private_key_jwt} (ES256, audience = the issuer), PKCE S256, {@code iss} checked in the authorization
 * response, DPoP proofs on the token and userinfo requests, ID token checked against the JWKS.
 * <p>
 * Its public keys are served from its own JWKS URL (a loopback HTTP server), which is what a site gives ХУР's operators;
 * {@link #register(AdminApi, Map)} creates its client the way an operator would, with nothing but the site's facts: the
 * realm's default client scope {@code khur-fapi2} and the policies do the rest.
 */
public final class Fapi2RelyingParty implements AutoCloseable {

    public static final URI REDIRECT_URI = URI.create("http://localhost:8096/callback");

    private final OIDCProviderMetadata provider;
    private final ClientID clientId;
    private volatile ECKey clientKey;
    private final ECKey dpopKey;
    private final DefaultDPoPProofFactory dpop;
    private final HttpServer jwksServer;
    private volatile JWKSet published;

    private Fapi2RelyingParty(String clientId) {
        try {
            this.provider = OIDCProviderMetadata.resolve(new Issuer(KeycloakServer.BASE_URL + "/realms/" + KeycloakServer.REALM));
            this.clientId = new ClientID(clientId);
            this.clientKey = newKey();
            this.published = new JWKSet(clientKey.toPublicJWK());
            this.dpopKey = new ECKeyGenerator(Curve.P_256).keyID("dpop").generate();
            this.dpop = new DefaultDPoPProofFactory(dpopKey, JWSAlgorithm.ES256);
            this.jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            jwksServer.createContext("/jwks.json", exchange -> {
                byte[] body = published.toString(true).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwksServer.start();
        } catch (IOException | JOSEException | com.nimbusds.oauth2.sdk.GeneralException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey newKey() throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
    }

    /**
     * Registers a new site through the admin API as an operator would for a new site: client id, redirect URI, JWKS URL.
     * {@code extra} overrides representation fields (for the negative cases). Returns the site; close it at the end.
     */
    public static Fapi2RelyingParty register(AdminApi admin, Map<String, Object> extra) {
        Fapi2RelyingParty site = new Fapi2RelyingParty("it-fapi2-" + UUID.randomUUID().toString().substring(0, 8));
        java.net.http.HttpResponse<String> created = admin.post("/admin/realms/khur/clients", Json.write(site.representation(extra)));
        if (created.statusCode() != 201) {
            site.close();
            throw new AssertionError("client not created: " + created.statusCode() + " " + created.body());
        }
        return site;
    }

    /** The representation an operator's "Create client" sends: the site's facts only. */
    public Map<String, Object> representation(Map<String, Object> extra) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId.getValue());
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("standardFlowEnabled", true);
        client.put("redirectUris", List.of(REDIRECT_URI.toString()));
        client.put("attributes", Map.of("use.jwks.url", "true", "jwks.url", jwksUri().toString()));
        client.putAll(extra);
        return client;
    }

    public URI jwksUri() {
        return URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks.json");
    }

    public ClientID clientId() {
        return clientId;
    }

    public OIDCProviderMetadata provider() {
        return provider;
    }

    /** A new signing key: published next to the old one, used from now on (the site's side of a key rotation). */
    public void rotateClientKey(boolean keepOldKeyPublished) {
        try {
            ECKey next = newKey();
            published = keepOldKeyPublished ? new JWKSet(List.of(next.toPublicJWK(), clientKey.toPublicJWK()))
                    : new JWKSet(next.toPublicJWK());
            clientKey = next;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code private_key_jwt}: a fresh assertion whose only audience is the issuer (FAPI 2.0). */
    public ClientAuthentication clientAuthentication() {
        try {
            JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(clientId, new Audience(provider.getIssuer().getValue()));
            return new PrivateKeyJWT(claims, JWSAlgorithm.ES256, clientKey.toECPrivateKey(), clientKey.getKeyID(), null);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorization request itself, as the site would push it. */
    public AuthenticationRequest authorizationRequest(State state, Nonce nonce, CodeVerifier verifier) {
        return new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new Scope("openid"), clientId, REDIRECT_URI)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
    }

    /** Pushes the request (PAR) and returns the login to send the browser to: only {@code client_id} and {@code request_uri}. */
    public OidcRelyingParty.PendingLogin begin() {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        HTTPResponse response = send(new PushedAuthorizationRequest(provider.getPushedAuthorizationRequestEndpointURI(),
                clientAuthentication(), authorizationRequest(state, nonce, verifier)).toHTTPRequest());
        try {
            PushedAuthorizationResponse pushed = PushedAuthorizationResponse.parse(response);
            if (!pushed.indicatesSuccess()) {
                throw new AssertionError("PAR refused: " + pushed.toErrorResponse().getErrorObject());
            }
            URI browserUri = new AuthorizationRequest.Builder(pushed.toSuccessResponse().getRequestURI(), clientId)
                    .endpointURI(provider.getAuthorizationEndpointURI()).build().toURI();
            return new OidcRelyingParty.PendingLogin(browserUri, state, nonce, verifier);
        } catch (ParseException e) {
            throw new AssertionError("PAR answer not understood: " + response.getBody(), e);
        }
    }

    /** The authorization code from the redirect, after the {@code state} and {@code iss} checks. */
    public AuthorizationCodeGrant codeGrant(OidcRelyingParty.PendingLogin pending, URI redirect) {
        try {
            AuthorizationResponse response = AuthorizationResponse.parse(redirect);
            if (!pending.state().equals(response.getState())) {
                throw new AssertionError("state mismatch");
            }
            if (!provider.getIssuer().equals(response.getIssuer())) {
                throw new AssertionError("iss missing or wrong in the authorization response (RFC 9207): " + redirect);
            }
            if (!response.indicatesSuccess()) {
                throw new AssertionError("authorization error: " + response.toErrorResponse().getErrorObject());
            }
            return new AuthorizationCodeGrant(response.toSuccessResponse().getAuthorizationCode(), REDIRECT_URI, pending.verifier());
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** A token request with this site's authentication; {@code proofUri} null sends no DPoP proof. */
    public HTTPResponse tokenRequest(AuthorizationGrant grant, URI proofUri) {
        HTTPRequest request = new TokenRequest(provider.getTokenEndpointURI(), clientAuthentication(), grant).toHTTPRequest();
        if (proofUri != null) {
            request.setDPoP(proof("POST", proofUri, null));
        }
        return send(request);
    }

    /** The whole login after the browser came back: tokens with a proof for the token endpoint, ID token verified. */
    public Login finish(OidcRelyingParty.PendingLogin pending, URI redirect) {
        HTTPResponse response = tokenRequest(codeGrant(pending, redirect), provider.getTokenEndpointURI());
        OIDCTokens tokens = tokens(response);
        return new Login(tokens, validateIdToken(tokens, pending.nonce()));
    }

    public OIDCTokens refresh(OIDCTokens tokens) {
        return tokens(tokenRequest(new RefreshTokenGrant(tokens.getRefreshToken()), provider.getTokenEndpointURI()));
    }

    public static OIDCTokens tokens(HTTPResponse response) {
        try {
            var parsed = OIDCTokenResponseParser.parse(response);
            if (!parsed.indicatesSuccess()) {
                throw new AssertionError("token error: " + parsed.toErrorResponse().getErrorObject() + " " + response.getBody());
            }
            return ((OIDCTokenResponse) parsed.toSuccessResponse()).getOIDCTokens();
        } catch (ParseException e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }

    private JWTClaimsSet validateIdToken(OIDCTokens tokens, Nonce nonce) {
        try {
            JWSAlgorithm algorithm = (JWSAlgorithm) tokens.getIDToken().getHeader().getAlgorithm();
            if (!Set.of(JWSAlgorithm.PS256, JWSAlgorithm.ES256).contains(algorithm)) {
                throw new AssertionError("ID token signed with " + algorithm + ", not a FAPI 2.0 algorithm");
            }
            return new IDTokenValidator(provider.getIssuer(), clientId, algorithm, provider.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(10_000, 10_000)).validate(tokens.getIDToken(), nonce).toJWTClaimsSet();
        } catch (IOException | JOSEException | com.nimbusds.jose.proc.BadJOSEException | ParseException e) {
            throw new AssertionError("ID token not valid: " + e, e);
        }
    }

    /** Userinfo with the DPoP-bound token; {@code proofUri} and {@code scheme} let a test get them wrong. */
    public HTTPResponse userInfo(AccessToken accessToken, String scheme, URI proofUri) {
        HTTPRequest request = new UserInfoRequest(provider.getUserInfoEndpointURI(), new DPoPAccessToken(accessToken.getValue()))
                .toHTTPRequest();
        request.setAuthorization(scheme + " " + accessToken.getValue());
        if (proofUri != null) {
            request.setDPoP(proof("GET", proofUri, accessToken));
        }
        return send(request);
    }

    public UserInfoResponse userInfo(AccessToken accessToken) {
        try {
            return UserInfoResponse.parse(userInfo(accessToken, "DPoP", provider.getUserInfoEndpointURI()));
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    public SignedJWT proof(String method, URI uri, AccessToken accessToken) {
        try {
            return accessToken == null ? dpop.createDPoPJWT(method, uri) : dpop.createDPoPJWT(method, uri, accessToken);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWK thumbprint of this site's DPoP key: what a DPoP-bound token's {@code cnf.jkt} must be. */
    public String dpopThumbprint() {
        try {
            return dpopKey.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static HTTPResponse send(HTTPRequest request) {
        try {
            request.setConnectTimeout(10_000);
            request.setReadTimeout(30_000);
            return request.send();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        jwksServer.stop(0);
    }

    public record Login(OIDCTokens tokens, JWTClaimsSet idToken) {
    }
}
