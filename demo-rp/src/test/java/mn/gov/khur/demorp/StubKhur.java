package mn.gov.khur.demorp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.util.MultivaluedMapUtils;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for ХУР on a random loopback port: discovery document, JWKS, token endpoint (checks
 * client_secret_basic and the PKCE verifier against the challenge), userinfo. The browser part of
 * the login is {@link #authorize}: what ХУР does after the citizen logged in.
 */
final class StubKhur implements AutoCloseable {

    static final String CLIENT_ID = "demo-rp";
    static final String CLIENT_SECRET = "demo-rp-secret";
    static final String SUBJECT = "5f0c1f3e-2b7a-4c55-9d1e-0a6b0c7d8e9f";
    /** The ХУР session id ({@code sid}) in every ID token the stub issues. */
    static final String SESSION_ID = "3b1e9c0a-6f2d-4d8e-a1b7-52c9e0f4d6aa";

    private final HttpServer server;
    private final RSAKey signingKey;
    private final Map<String, Map<String, List<String>>> codes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<String>>> accessTokens = new ConcurrentHashMap<>();
    private volatile boolean discoveryUp = true;
    /** What the citizen's record holds: the claims put in the ID token and userinfo. */
    private volatile Map<String, Object> citizen = Map.of(
            "register_number", "УБ99112233",
            "given_name", "Батбаяр",
            "family_name", "Дорж",
            "birthdate", "1999-11-22",
            "phone_number", "+97699112233",
            "phone_number_verified", true);
    private volatile String acr = "substantial";
    private volatile UnaryOperator<JWTClaimsSet.Builder> idTokenTamper = UnaryOperator.identity();

    StubKhur() throws IOException, JOSEException {
        signingKey = new RSAKeyGenerator(2048).keyID("stub-key").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/realms/khur/.well-known/openid-configuration", this::discovery);
        server.createContext("/realms/khur/protocol/openid-connect/certs",
                exchange -> json(exchange, 200, new JWKSet(signingKey.toPublicJWK()).toString()));
        server.createContext("/realms/khur/protocol/openid-connect/token", this::token);
        server.createContext("/realms/khur/protocol/openid-connect/userinfo", this::userinfo);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/khur";
    }

    String endpoint(String name) {
        return issuer() + "/protocol/openid-connect/" + name;
    }

    void discoveryUp(boolean up) {
        this.discoveryUp = up;
    }

    void citizen(Map<String, Object> claims) {
        this.citizen = Map.copyOf(claims);
    }

    void acr(String acr) {
        this.acr = acr;
    }

    void tamperWithIdToken(UnaryOperator<JWTClaimsSet.Builder> tamper) {
        this.idTokenTamper = tamper;
    }

    /** The citizen logged in: returns the code ХУР puts in the redirect back, for this authorization request. */
    String authorize(Map<String, List<String>> authorizationRequest) {
        String code = UUID.randomUUID().toString();
        codes.put(code, authorizationRequest);
        return code;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        if (!discoveryUp) {
            json(exchange, 503, "{\"error\":\"starting\"}");
            return;
        }
        json(exchange, 200, JSONObjectUtils.toJSONString(Map.ofEntries(
                Map.entry("issuer", issuer()),
                Map.entry("authorization_endpoint", endpoint("auth")),
                Map.entry("token_endpoint", endpoint("token")),
                Map.entry("userinfo_endpoint", endpoint("userinfo")),
                Map.entry("end_session_endpoint", endpoint("logout")),
                Map.entry("jwks_uri", endpoint("certs")),
                Map.entry("response_types_supported", List.of("code")),
                Map.entry("subject_types_supported", List.of("public")),
                Map.entry("id_token_signing_alg_values_supported", List.of("RS256")),
                Map.entry("code_challenge_methods_supported", List.of("S256")),
                Map.entry("acr_values_supported", List.of("substantial", "high")),
                Map.entry("authorization_response_iss_parameter_supported", true))));
    }

    private void token(HttpExchange exchange) throws IOException {
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, List<String>> form = URLUtils.parseParameters(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, List<String>> request = codes.remove(String.valueOf(MultivaluedMapUtils.getFirstValue(form, "code")));
        if (request == null
                || !"authorization_code".equals(MultivaluedMapUtils.getFirstValue(form, "grant_type"))
                || !MultivaluedMapUtils.getFirstValue(request, "redirect_uri").equals(MultivaluedMapUtils.getFirstValue(form, "redirect_uri"))
                || !"S256".equals(MultivaluedMapUtils.getFirstValue(request, "code_challenge_method"))
                || !s256(MultivaluedMapUtils.getFirstValue(form, "code_verifier"))
                        .equals(MultivaluedMapUtils.getFirstValue(request, "code_challenge"))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        JWTClaimsSet.Builder idToken = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(SUBJECT)
                .audience(CLIENT_ID)
                .issueTime(new Date(now * 1000))
                .expirationTime(new Date((now + 300) * 1000))
                .claim("nonce", MultivaluedMapUtils.getFirstValue(request, "nonce"))
                .claim("auth_time", now - 5)
                .claim("acr", acr)
                .claim("sid", SESSION_ID)
                .claim("amr", List.of("pwd", "sms", "mfa"));
        citizen.forEach(idToken::claim);
        String accessToken = UUID.randomUUID().toString();
        accessTokens.put(accessToken, request);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    idTokenTamper.apply(idToken).build());
            jwt.sign(new RSASSASigner(signingKey));
            json(exchange, 200, JSONObjectUtils.toJSONString(Map.of(
                    "access_token", accessToken, "token_type", "Bearer", "expires_in", 300,
                    "id_token", jwt.serialize(), "scope", MultivaluedMapUtils.getFirstValue(request, "scope"))));
        } catch (JOSEException e) {
            throw new IOException(e);
        }
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!authorization.startsWith("Bearer ") || !accessTokens.containsKey(authorization.substring(7))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            json(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        var claims = new java.util.LinkedHashMap<String, Object>();
        claims.put("sub", SUBJECT);
        claims.putAll(citizen);
        json(exchange, 200, JSONObjectUtils.toJSONString(claims));
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.valueOf(verifier).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
