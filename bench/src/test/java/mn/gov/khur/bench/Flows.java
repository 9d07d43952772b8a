package mn.gov.khur.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/** The steps of the flows, as a browser without JavaScript (plus the page's polling where modelled) does them. */
public final class Flows {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger NEXT_CITIZEN = new AtomicInteger();

    private Flows() {
    }

    public static HttpProtocolBuilder protocol() {
        return http.baseUrl(BenchConfig.BASE_URL)
                .disableFollowRedirect() // the last redirect goes to the relying party, which is not there
                .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .acceptLanguageHeader("mn,en;q=0.8")
                .userAgentHeader("khur-bench (Gatling)");
    }

    /** A fresh browser (no cookies), the next citizen of the pool, PKCE, state, nonce; starts the clock. */
    /**
     * The saturation scenarios' load: {@code bench.concurrency} browsers, each doing {@code flow} back to back for the
     * warm-up and the measurement window (a closed loop).
     */
    public static PopulationBuilder closedLoop(String name, ChainBuilder flow) {
        return scenario(name).during(Duration.ofSeconds(BenchConfig.WARMUP_SECONDS + BenchConfig.MEASURE_SECONDS)).on(flow)
                .injectOpen(atOnceUsers(BenchConfig.CONCURRENCY));
    }

    public static ChainBuilder begin(int poolSize) {
        return exec(flushCookieJar()).exec(session -> {
            int i = Math.floorMod(NEXT_CITIZEN.getAndIncrement(), poolSize);
            String verifier = random(32);
            return session.set("citizen", i)
                    .set("registerNumber", Citizens.registerNumber(Citizens.LOGIN_OFFSET + i))
                    .set("phone", Citizens.phone(Citizens.LOGIN_OFFSET + i))
                    .set("stockUser", Citizens.stockUsername(i))
                    .set("verifier", verifier)
                    .set("challenge", s256(verifier))
                    .set("state", random(16))
                    .set("nonce", random(16))
                    .set("t0", System.nanoTime());
        });
    }

    public static ChainBuilder end(String kind) {
        return exec(session -> {
            Results.record(kind, !session.isFailed(), session.getLong("t0"), System.nanoTime());
            return session.markAsSucceeded();
        });
    }

    public static ChainBuilder authorize(String realm, String client) {
        return exec(http("authorize").get(session -> authorizePath(realm, client, session))
                .check(status().is(200), css("#kc-form-login", "action").saveAs("loginAction")));
    }

    /** The authorization request of this virtual browser (state, nonce, PKCE S256 from {@link #begin}). */
    public static String authorizePath(String realm, String client, Session session) {
        return "/realms/" + realm + "/protocol/openid-connect/auth"
                + "?response_type=code&scope=openid&client_id=" + client
                + "&redirect_uri=" + enc(BenchConfig.REDIRECT_URI)
                + "&state=" + session.getString("state") + "&nonce=" + session.getString("nonce")
                + "&code_challenge=" + session.getString("challenge") + "&code_challenge_method=S256";
    }

    /** Stock Keycloak: username + password, then straight back to the relying party. */
    public static ChainBuilder stockPassword() {
        return exec(http("password (stock)").post("#{loginAction}")
                .formParam("username", "#{stockUser}").formParam("password", BenchConfig.PASSWORD)
                .formParam("credentialId", "")
                .check(status().is(302), headerRegex("Location", "[?&]code=([^&]+)").saveAs("code")));
    }

    /** ХУР: register number (typed in upper case) + password, answered by the reverse-SMS page. */
    public static ChainBuilder khurPassword() {
        return exec(http("password (khur)").post("#{loginAction}")
                .formParam("username", "#{registerNumber}").formParam("password", BenchConfig.PASSWORD)
                .check(status().is(200),
                        css("#khur-sms-code").saveAs("smsCode"),
                        css("#khur-sms-form", "action").saveAs("smsAction"),
                        css("#khur-sms-form", "data-status-url").saveAs("statusUrl")));
    }

    /** The citizen's phone texts the shown code to 130092; the gateway calls the signed webhook. */
    public static ChainBuilder phoneSendsCode(String expectedStatus) {
        return exec(session -> sign(session, Webhook.body(session.getString("phone"), session.getString("smsCode"))))
                .exec(http("webhook (" + expectedStatus + ")").post(Webhook.PATH)
                        .header("Content-Type", "application/json")
                        .header("X-Khur-Timestamp", "#{whTs}")
                        .header("X-Khur-Signature", "#{whSig}")
                        .body(StringBody("#{whBody}"))
                        .check(status().is(200), jsonPath("$.status").is(expectedStatus)));
    }

    public static Session sign(Session session, String body) {
        long ts = Instant.now().getEpochSecond();
        return session.set("whBody", body).set("whTs", String.valueOf(ts)).set("whSig", Webhook.signature(ts, body));
    }

    /** What the page's script does every second. */
    public static ChainBuilder pollStatus() {
        return exec(http("status poll").get("#{statusUrl}")
                .header("Accept", "application/json").header("Cache-Control", "no-store")
                .check(status().is(200), jsonPath("$.status").saveAs("smsStatus")));
    }

    /** What the page's script asks: held by the server until matched or {@code waitSeconds} (0: answered at once). */
    public static ChainBuilder longPollStatus(int waitSeconds) {
        return exec(http("status poll").get("#{statusUrl}?wait=" + waitSeconds)
                .header("Accept", "application/json").header("Cache-Control", "no-store")
                .check(status().is(200), jsonPath("$.status").saveAs("smsStatus")));
    }

    /** "Үргэлжлүүлэх" (pressed by the script on "matched"): back to the relying party with a code. */
    public static ChainBuilder pressContinue() {
        return exec(http("continue").post("#{smsAction}").formParam("continue", "true")
                .check(status().is(302), headerRegex("Location", "[?&]code=([^&]+)").saveAs("code")));
    }

    /** The relying party exchanges the code (client secret + PKCE verifier). */
    public static ChainBuilder token(String realm, String client, String secret) {
        return exec(http("token").post("/realms/" + realm + "/protocol/openid-connect/token")
                .basicAuth(client, secret)
                .formParam("grant_type", "authorization_code")
                .formParam("code", "#{code}")
                .formParam("redirect_uri", BenchConfig.REDIRECT_URI)
                .formParam("code_verifier", "#{verifier}")
                .check(status().is(200), jsonPath("$.id_token").exists(), jsonPath("$.access_token").exists()));
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
