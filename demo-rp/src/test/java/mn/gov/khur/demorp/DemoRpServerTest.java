package mn.gov.khur.demorp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.util.MultivaluedMapUtils;
import com.nimbusds.oauth2.sdk.util.URLUtils;

/** The demo RP against {@link StubKhur}: a stub discovery document and endpoints on a random loopback port. */
class DemoRpServerTest {

    private static final String BASE_URL = "http://localhost:8092";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private StubKhur khur;
    private SessionStore sessions;
    private DemoRpServer rp;

    @BeforeEach
    void start() throws Exception {
        khur = new StubKhur();
        sessions = new SessionStore();
        DemoRpConfig config = new DemoRpConfig(0, new Issuer(khur.issuer()), new ClientID(StubKhur.CLIENT_ID),
                new Secret(StubKhur.CLIENT_SECRET), URI.create(BASE_URL));
        rp = DemoRpServer.start(config, sessions);
    }

    @AfterEach
    void stop() {
        rp.close();
        khur.close();
    }

    // ------------------------------------------------------------------ /login

    @Test
    void loginRedirectsToTheAuthorizationEndpointWithPkceS256StateNonceAndRedirectUri() throws Exception {
        HttpResponse<String> response = get("/login", null);

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath())
                .isEqualTo(khur.endpoint("auth"));
        Map<String, String> query = query(location);
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", "demo-rp")
                .containsEntry("redirect_uri", BASE_URL + "/callback")
                .containsEntry("scope", "openid profile")
                .containsEntry("code_challenge_method", "S256")
                .doesNotContainKeys("acr_values", "ui_locales");
        assertThat(query.get("state")).isNotBlank();
        assertThat(query.get("nonce")).isNotBlank();
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");

        // The cookie names a server-side session holding exactly what went into the request.
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(DemoRpServer.SESSION_COOKIE + "=").contains("; HttpOnly").contains("; SameSite=Lax")
                .contains("; Path=/");
        SessionStore.PendingLogin pending = sessions.find(cookieValue(setCookie)).orElseThrow().pendingLogin();
        assertThat(pending.state().getValue()).isEqualTo(query.get("state"));
        assertThat(pending.nonce().getValue()).isEqualTo(query.get("nonce"));
        assertThat(StubKhur.s256(pending.codeVerifier().getValue())).isEqualTo(query.get("code_challenge"));
        assertThat(pending.requestedAcr()).isNull();
    }

    @Test
    void loginWithAcrHighAsksForAcrValuesHigh() throws Exception {
        HttpResponse<String> response = get("/login?acr=high", null);

        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, String> query = query(URI.create(response.headers().firstValue("Location").orElseThrow()));
        assertThat(query).containsEntry("acr_values", "high").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", BASE_URL + "/callback").containsKeys("state", "nonce", "code_challenge");
        String session = cookieValue(response.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(sessions.find(session).orElseThrow().pendingLogin().requestedAcr()).isEqualTo("high");
    }

    @Test
    void loginPassesThePhoneScopeAndTheLanguage() throws Exception {
        // what the start page's form sends with the checkbox ticked and English chosen
        HttpResponse<String> response = get("/login?scope=openid+profile+phone&lang=en", null);

        Map<String, String> query = query(URI.create(response.headers().firstValue("Location").orElseThrow()));
        assertThat(query).containsEntry("scope", "openid profile phone").containsEntry("ui_locales", "en");
    }

    @Test
    void everyLoginHasItsOwnStateNonceAndVerifier() throws Exception {
        Map<String, String> first = query(URI.create(get("/login", null).headers().firstValue("Location").orElseThrow()));
        Map<String, String> second = query(URI.create(get("/login", null).headers().firstValue("Location").orElseThrow()));

        assertThat(first.get("state")).isNotEqualTo(second.get("state"));
        assertThat(first.get("nonce")).isNotEqualTo(second.get("nonce"));
        assertThat(first.get("code_challenge")).isNotEqualTo(second.get("code_challenge"));
    }

    @Test
    void loginRejectsUnknownAcrAndScope() throws Exception {
        assertThat(get("/login?acr=low", null).statusCode()).isEqualTo(400);
        assertThat(get("/login?scope=openid+offline_access", null).statusCode()).isEqualTo(400);
    }

    @Test
    void discoveryIsRetriedOnTheNextLoginWhenKhurWasNotUp() throws Exception {
        khur.discoveryUp(false);
        HttpResponse<String> down = get("/login", null);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(Jsoup.parse(down.body()).getElementById("error").text()).isEqualTo("idp_unavailable");

        khur.discoveryUp(true);
        assertThat(get("/login", null).statusCode()).isEqualTo(302);
    }

    // ------------------------------------------------------------------ /callback, /me

    @Test
    void fullLoginShowsTheIdTokenClaimsAndUserinfoOnMe() throws Exception {
        String session = login("/login?scope=openid+profile+phone");

        HttpResponse<String> me = get("/me", session);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        Document page = Jsoup.parse(me.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("mn");
        assertThat(page.getElementById("claim-register_number").text()).isEqualTo("УБ99112233");
        assertThat(page.getElementById("claim-given_name").text()).isEqualTo("Батбаяр");
        assertThat(page.getElementById("claim-family_name").text()).isEqualTo("Дорж");
        assertThat(page.getElementById("claim-birthdate").text()).isEqualTo("1999-11-22");
        assertThat(page.getElementById("claim-phone_number").text()).isEqualTo("+97699112233");
        assertThat(page.getElementById("claim-phone_number_verified").text()).isEqualTo("true");
        assertThat(page.getElementById("claim-acr").text()).isEqualTo("substantial");
        assertThat(page.getElementById("claim-amr").text()).isEqualTo("pwd sms mfa");
        assertThat(page.getElementById("claim-auth_time").text()).matches("\\d{10}");
        assertThat(page.getElementById("claim-sub").text()).isEqualTo(StubKhur.SUBJECT);
        Map<String, Object> userinfo = JSONObjectUtils.parse(page.getElementById("userinfo").wholeText());
        assertThat(userinfo).containsEntry("sub", StubKhur.SUBJECT).containsEntry("register_number", "УБ99112233");
        assertThat(page.getElementById("logout")).isNotNull();
        assertThat(me.body()).doesNotContain("<script", "src=\"http", "href=\"http");
    }

    @Test
    void claimValuesAreHtmlEscaped() throws Exception {
        khur.citizen(Map.of(
                "register_number", "УБ99112233",
                "given_name", "<script>alert('x')</script>",
                "family_name", "\"><img src=x onerror=alert(1)> & Co"));
        String session = login("/login");

        String html = get("/me", session).body();
        assertThat(html).doesNotContain("<script>alert", "<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; Co");
        Document page = Jsoup.parse(html);
        assertThat(page.getElementById("claim-given_name").text()).isEqualTo("<script>alert('x')</script>");
        assertThat(page.getElementById("claim-family_name").text()).isEqualTo("\"><img src=x onerror=alert(1)> & Co");
        assertThat(page.select("script, img")).isEmpty();
        assertThat(page.getElementById("userinfo").text()).contains("<script>alert('x')</script>");
    }

    @Test
    void callbackWithAnotherStateIsRefused() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String session = cookieValue(login.headers().firstValue("Set-Cookie").orElseThrow());
        Map<String, List<String>> request = URLUtils.parseParameters(
                URI.create(login.headers().firstValue("Location").orElseThrow()).getRawQuery());
        String code = khur.authorize(request);

        HttpResponse<String> callback = get("/callback?code=" + code + "&state=forged", session);

        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(callback.body()).getElementById("error").text()).isEqualTo("invalid_state");
        assertThat(get("/me", session).statusCode()).isEqualTo(302);
    }

    @Test
    void callbackWithoutALoginInProgressIsRefused() throws Exception {
        HttpResponse<String> callback = get("/callback?code=abc&state=xyz", null);

        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(callback.body()).getElementById("error").text()).isEqualTo("no_login_in_progress");
    }

    @Test
    void backButtonAfterAFinishedLoginShowsTheCitizenTheirDetailsNotAnError() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String firstSession = cookieValue(login.headers().firstValue("Set-Cookie").orElseThrow());
        Map<String, List<String>> request = URLUtils.parseParameters(
                URI.create(login.headers().firstValue("Location").orElseThrow()).getRawQuery());
        String state = MultivaluedMapUtils.getFirstValue(request, "state");
        HttpResponse<String> finished = get("/callback?code=" + khur.authorize(request) + "&state=" + state, firstSession);
        String session = cookieValue(finished.headers().firstValue("Set-Cookie").orElseThrow());

        // Back: ХУР (still logged in) answers the old request again, with a new code or "authentication_expired"
        for (String again : List.of("code=" + khur.authorize(request) + "&state=" + state,
                "error=temporarily_unavailable&error_description=authentication_expired&state=" + state)) {
            HttpResponse<String> callback = get("/callback?" + again, session);
            assertThat(callback.statusCode()).as(again).isEqualTo(302);
            assertThat(callback.headers().firstValue("Location")).as(again).hasValue("/me");
        }
        assertThat(get("/me", session).statusCode()).isEqualTo(200);
    }

    @Test
    void aLoginPageThatOutlivedItsLoginStartsANewLogin() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String session = cookieValue(login.headers().firstValue("Set-Cookie").orElseThrow());
        String state = query(URI.create(login.headers().firstValue("Location").orElseThrow())).get("state");

        HttpResponse<String> callback = get("/callback?error=temporarily_unavailable&error_description=authentication_expired&state="
                + state, session);

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue("/login");
        assertThat(get("/callback?error=temporarily_unavailable&error_description=authentication_expired", null)
                .headers().firstValue("Location")).as("without a session too").hasValue("/login");
    }

    @Test
    void errorFromKhurIsShownPolitelyAndEscaped() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String session = cookieValue(login.headers().firstValue("Set-Cookie").orElseThrow());
        String state = query(URI.create(login.headers().firstValue("Location").orElseThrow())).get("state");

        HttpResponse<String> callback = get("/callback?error=access_denied&error_description=%3Cb%3Ecancelled%3C%2Fb%3E&state="
                + state, session);

        assertThat(callback.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(callback.body());
        assertThat(page.getElementById("error").text()).isEqualTo("access_denied");
        assertThat(page.getElementById("error-description").text()).isEqualTo("<b>cancelled</b>");
        assertThat(page.getElementById("error-message").text()).contains("цуцалсан").contains("cancelled");
        assertThat(page.select("b")).isEmpty();
    }

    @Test
    void callbackNamingAnotherIssuerIsRefused() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String session = cookieValue(login.headers().firstValue("Set-Cookie").orElseThrow());
        Map<String, List<String>> request = URLUtils.parseParameters(
                URI.create(login.headers().firstValue("Location").orElseThrow()).getRawQuery());
        String code = khur.authorize(request);

        HttpResponse<String> callback = get("/callback?code=" + code + "&state=" + MultivaluedMapUtils.getFirstValue(request, "state")
                + "&iss=" + URLUtils.serializeParameters(Map.of("x", List.of("https://evil.example/realms/khur"))).substring(2), session);

        assertThat(Jsoup.parse(callback.body()).getElementById("error").text()).isEqualTo("invalid_issuer");
    }

    @Test
    void idTokenWithAnotherNonceIsRejected() throws Exception {
        khur.tamperWithIdToken(claims -> claims.claim("nonce", "replayed"));

        HttpResponse<String> callback = callbackAfterLogin("/login");

        assertThat(callback.statusCode()).isEqualTo(502);
        assertThat(Jsoup.parse(callback.body()).getElementById("error").text()).isEqualTo("invalid_id_token");
    }

    @Test
    void loginAskedForHighIsRejectedWhenTheTokenSaysSubstantial() throws Exception {
        khur.acr("substantial");

        HttpResponse<String> callback = callbackAfterLogin("/login?acr=high");

        assertThat(Jsoup.parse(callback.body()).getElementById("error").text()).isEqualTo("acr_not_met");
    }

    @Test
    void loginAskedForHighSucceedsWithHigh() throws Exception {
        khur.acr("high");

        String session = login("/login?acr=high");

        assertThat(Jsoup.parse(get("/me", session).body()).getElementById("claim-acr").text()).isEqualTo("high");
    }

    @Test
    void meWithoutALoginGoesBackToTheStartPage() throws Exception {
        HttpResponse<String> me = get("/me", null);

        assertThat(me.statusCode()).isEqualTo(302);
        assertThat(me.headers().firstValue("Location")).hasValue("/");
    }

    // ------------------------------------------------------------------ /logout

    @Test
    void logoutEndsTheLocalSessionAndRedirectsToTheEndSessionEndpoint() throws Exception {
        String session = login("/login");

        HttpResponse<String> logout = get("/logout", session);

        assertThat(logout.statusCode()).isEqualTo(302);
        URI location = URI.create(logout.headers().firstValue("Location").orElseThrow());
        assertThat(location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath()).isEqualTo(khur.endpoint("logout"));
        Map<String, String> query = query(location);
        assertThat(query).containsEntry("post_logout_redirect_uri", BASE_URL + "/logged-out").containsEntry("client_id", "demo-rp");
        assertThat(SignedJWT.parse(query.get("id_token_hint")).getJWTClaimsSet().getSubject()).isEqualTo(StubKhur.SUBJECT);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(get("/me", session).statusCode()).isEqualTo(302);
    }

    @Test
    void afterLogoutTheCitizenSeesThatTheyAreLoggedOut() throws Exception {
        String session = login("/login");
        get("/logout", session);

        HttpResponse<String> back = get("/logged-out", session);

        assertThat(back.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(back.body());
        assertThat(page.getElementById("logged-out").text()).isEqualTo("Та системээс гарлаа / You are logged out");
        assertThat(page.getElementById("login-again").attr("href")).isEqualTo("/login");
    }

    @Test
    void loggedOutPageSendsSomeoneStillLoggedInToTheirDetails() throws Exception {
        String session = login("/login");

        HttpResponse<String> page = get("/logged-out", session);

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/me");
    }

    @Test
    void frontChannelLogoutFromKhurEndsTheSessionsOfThatKhurSession() throws Exception {
        String session = login("/login");

        HttpResponse<String> logout = get("/frontchannel-logout?iss=" + URLEncoder.encode(khur.issuer(), StandardCharsets.UTF_8)
                + "&sid=" + StubKhur.SESSION_ID, null);

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(get("/me", session).statusCode()).as("local session ended").isEqualTo(302);
    }

    @Test
    void frontChannelLogoutNamingAnotherIssuerOrNoSidChangesNothing() throws Exception {
        String session = login("/login");

        assertThat(get("/frontchannel-logout?iss=" + URLEncoder.encode("https://evil.example", StandardCharsets.UTF_8)
                + "&sid=" + StubKhur.SESSION_ID, null).statusCode()).isEqualTo(400);
        assertThat(get("/frontchannel-logout?iss=" + URLEncoder.encode(khur.issuer(), StandardCharsets.UTF_8), null)
                .statusCode()).isEqualTo(400);
        assertThat(get("/frontchannel-logout?iss=" + URLEncoder.encode(khur.issuer(), StandardCharsets.UTF_8)
                + "&sid=another", null).statusCode()).isEqualTo(200);
        assertThat(get("/me", session).statusCode()).as("still logged in").isEqualTo(200);
    }

    // ------------------------------------------------------------------ pages

    @Test
    void startPageHasTheLoginButtons() throws Exception {
        HttpResponse<String> home = get("/", null);

        assertThat(home.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(home.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Демо үйлчилгээ / Demo service");
        assertThat(page.getElementById("login").text()).isEqualTo("ХУР-аар нэвтрэх / Log in with ХУР");
        assertThat(page.getElementById("login-high").text()).isEqualTo("Өндөр баталгаажуулалттай нэвтрэх (acr=high)");
        assertThat(page.getElementById("login-high").attr("value")).isEqualTo("high");
        assertThat(page.getElementById("scope-phone").attr("value")).isEqualTo("openid profile phone");
        assertThat(page.select("link, script, img")).isEmpty();
        assertThat(page.selectFirst("style")).isNotNull();
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertThat(get("/nothing-here", null).statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ helpers

    /** Starts a login, lets the stub "log the citizen in", follows the callback; returns the signed-in session cookie. */
    private String login(String loginPath) throws Exception {
        HttpResponse<String> callback = callbackAfterLogin(loginPath);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue("/me");
        return cookieValue(callback.headers().firstValue("Set-Cookie").orElseThrow());
    }

    private HttpResponse<String> callbackAfterLogin(String loginPath) throws Exception {
        HttpResponse<String> login = get(loginPath, null);
        String session = cookieValue(login.headers().firstValue("Set-Cookie").orElseThrow());
        URI authorization = URI.create(login.headers().firstValue("Location").orElseThrow());
        Map<String, List<String>> request = URLUtils.parseParameters(authorization.getRawQuery());
        String code = khur.authorize(request);
        HttpResponse<String> callback = get("/callback?code=" + code + "&state="
                + MultivaluedMapUtils.getFirstValue(request, "state") + "&iss=" + khur.issuer(), session);
        if (callback.statusCode() == 302) {
            assertThat(cookieValue(callback.headers().firstValue("Set-Cookie").orElseThrow()))
                    .as("a new session id after login").isNotEqualTo(session);
        }
        return callback;
    }

    private HttpResponse<String> get(String path, String sessionCookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rp.port() + path));
        if (sessionCookie != null) {
            request.header("Cookie", "other=1; " + DemoRpServer.SESSION_COOKIE + "=" + sessionCookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieValue(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> single = new LinkedHashMap<>();
        URLUtils.parseParameters(uri.getRawQuery()).forEach((name, values) -> single.put(name, values.getFirst()));
        return single;
    }
}
