package mn.gov.khur.demorp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.util.MultivaluedMapUtils;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import mn.gov.khur.demorp.KhurOidcClient.IdpUnavailableException;
import mn.gov.khur.demorp.KhurOidcClient.LoginFailedException;
import mn.gov.khur.demorp.KhurOidcClient.LoginRedirect;
import mn.gov.khur.demorp.SessionStore.PendingLogin;
import mn.gov.khur.demorp.SessionStore.Session;
import mn.gov.khur.demorp.SessionStore.SignedIn;

/**
 * The demo site: six pages on the JDK's HTTP server.
 * <pre>
 *   GET /          start page with the login buttons
 *   GET /login     → 302 to ХУР (query: acr=high, scope=openid profile phone, lang=mn|en)
 *   GET /callback  ← ХУР sends the browser back here; → 302 to /me, or an error page
 *   GET /me        the citizen's claims and userinfo
 *   GET /logout    → 302 to ХУР's end-session endpoint, which comes back to /logged-out
 *   GET /logged-out  "you are logged out"
 *   GET /frontchannel-logout?iss=…&amp;sid=…   ХУР's front-channel logout (in a hidden iframe): ends
 *                  the local sessions of that ХУР session
 * </pre>
 */
public final class DemoRpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DemoRpServer.class.getName());

    static final String SESSION_COOKIE = "demo_rp_session";
    /** The post-logout redirect URI's path (see {@link DemoRpConfig#postLogoutRedirectUri()}). */
    static final String LOGGED_OUT_PATH = "/logged-out";

    /** Scopes this site may ask for: {@code openid} (register_number, acr, amr), {@code profile}, {@code phone}. */
    private static final Set<String> ALLOWED_SCOPES = Set.of("openid", "profile", "phone");
    private static final String DEFAULT_SCOPE = "openid profile";
    /** Keycloak's {@code error_description} when a login page outlived its login (with {@code temporarily_unavailable}). */
    private static final String AUTHENTICATION_EXPIRED = "authentication_expired";

    private final DemoRpConfig config;
    private final KhurOidcClient oidc;
    /** khur-fapi2 only (null otherwise): the site's keys, whose public half is served at /jwks.json. */
    private final SiteKeys keys;
    private final SessionStore sessions;
    private final HttpServer server;
    private final ExecutorService executor;

    private DemoRpServer(DemoRpConfig config, SessionStore sessions) throws IOException {
        this.config = config;
        this.keys = config.fapi2() ? SiteKeys.loadOrCreate(config.keyFile()) : null;
        this.oidc = new KhurOidcClient(config, keys);
        this.sessions = sessions;
        this.server = HttpServer.create(new InetSocketAddress(config.port()), 0);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Binds the port and starts serving. Does not contact ХУР: discovery happens on the first login. */
    public static DemoRpServer start(DemoRpConfig config) throws IOException {
        return start(config, new SessionStore());
    }

    static DemoRpServer start(DemoRpConfig config, SessionStore sessions) throws IOException {
        DemoRpServer demo = new DemoRpServer(config, sessions);
        demo.server.start();
        return demo;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }

    // ---------------------------------------------------------------- pages

    private Response home(HttpExchange exchange) {
        boolean signedIn = currentSession(exchange).map(Session::signedIn).isPresent();
        return Response.html(200, Pages.home(signedIn));
    }

    /** Starts a login: a new session holding state, nonce and PKCE verifier, then off to ХУР. */
    private Response login(HttpExchange exchange) throws IdpUnavailableException {
        Map<String, List<String>> query = URLUtils.parseParameters(exchange.getRequestURI().getRawQuery());

        String acr = blankToNull(MultivaluedMapUtils.getFirstValue(query, "acr"));
        if (acr != null && !KhurOidcClient.ACR_LEVELS.contains(acr)) {
            return Response.html(400, Pages.message("Буруу хүсэлт: acr", "Bad request: acr must be substantial or high"));
        }
        String scopeParameter = blankToNull(MultivaluedMapUtils.getFirstValue(query, "scope"));
        Scope requested = Scope.parse(scopeParameter == null ? DEFAULT_SCOPE : scopeParameter);
        if (!ALLOWED_SCOPES.containsAll(requested.toStringList())) {
            return Response.html(400, Pages.message("Буруу хүсэлт: scope", "Bad request: scope may only contain openid, profile, phone"));
        }
        Scope scope = new Scope("openid"); // always: without it this is plain OAuth, no ID token
        scope.addAll(requested);
        LangTag uiLocale = null;
        String lang = blankToNull(MultivaluedMapUtils.getFirstValue(query, "lang"));
        if (lang != null) {
            try {
                uiLocale = LangTag.parse(lang);
            } catch (LangTagException e) {
                return Response.html(400, Pages.message("Буруу хүсэлт: lang", "Bad request: lang is not a language tag"));
            }
        }

        LoginRedirect redirect = oidc.startLogin(scope, acr, uiLocale);

        // A login always starts a new session (a session id an attacker planted before login is useless).
        currentSession(exchange).ifPresent(old -> sessions.remove(old.id()));
        Session session = sessions.create();
        session.pendingLogin(redirect.pendingLogin());
        return Response.redirect(redirect.authorizationUri()).withCookie(sessionCookie(session.id()));
    }

    /** ХУР sent the browser back: finish the login, or explain politely why it did not work. */
    private Response callback(HttpExchange exchange) throws IdpUnavailableException {
        Optional<Session> session = currentSession(exchange);
        Map<String, List<String>> callback = URLUtils.parseParameters(exchange.getRequestURI().getRawQuery());
        if (session.map(Session::signedIn).isPresent() && session.get().pendingLogin() == null) {
            // The browser's Back button after a finished login: ХУР, still logged in, answers the old
            // request again. The citizen is logged in here, so that is what they see, not an error.
            return Response.redirect(URI.create("/me")).withLogNote("already_signed_in");
        }
        if (AUTHENTICATION_EXPIRED.equals(MultivaluedMapUtils.getFirstValue(callback, "error_description"))) {
            // ХУР's login page outlived the login (Back button, a second tab that already finished): ХУР
            // is logged in but has no login to answer. Keycloak's advice: start a new one, which the
            // single sign-on session answers at once (or shows the login page again, never a loop).
            session.ifPresent(Session::takePendingLogin);
            return Response.redirect(URI.create("/login")).withLogNote("error=authentication_expired, login restarted");
        }
        PendingLogin pending = session.map(Session::takePendingLogin).orElse(null);
        if (pending == null) {
            // No cookie, expired session, or a callback this browser never asked for.
            return Response.html(400, Pages.error("no_login_in_progress", null)).withLogNote("error=no_login_in_progress");
        }
        SignedIn signedIn;
        try {
            signedIn = oidc.finishLogin(pending, callback);
        } catch (LoginFailedException e) {
            int status = e.fromIdp() ? 200 : e.error().equals("invalid_state") ? 400 : 502;
            // ХУР's own error_description is shown; our checks' details only go to the log.
            String shown = e.fromIdp() ? e.errorDescription() : null;
            return Response.html(status, Pages.error(e.error(), shown)).withLogNote("error=" + e.error()
                    + (e.fromIdp() || e.errorDescription() == null ? "" : " (" + e.errorDescription() + ")"));
        }
        // Logged in: a new session id again (session fixation), holding the result.
        sessions.remove(session.get().id());
        Session fresh = sessions.create();
        fresh.signedIn(signedIn);
        return Response.redirect(URI.create("/me")).withCookie(sessionCookie(fresh.id()));
    }

    /** Where ХУР sends the browser after logout: the citizen sees that they are logged out. */
    private Response loggedOut(HttpExchange exchange) {
        if (currentSession(exchange).map(Session::signedIn).isPresent()) {
            return Response.redirect(URI.create("/me")); // logged in again since: not "logged out"
        }
        return Response.html(200, Pages.loggedOut());
    }

    private Response me(HttpExchange exchange) {
        SignedIn signedIn = currentSession(exchange).map(Session::signedIn).orElse(null);
        if (signedIn == null) {
            return Response.redirect(URI.create("/"));
        }
        return Response.html(200, Pages.me(signedIn));
    }

    /** Ends the local session, then asks ХУР to end its own (RP-initiated logout). */
    private Response logout(HttpExchange exchange) {
        Optional<Session> session = currentSession(exchange);
        SignedIn signedIn = session.map(Session::signedIn).orElse(null);
        session.ifPresent(s -> sessions.remove(s.id()));
        URI next = URI.create(LOGGED_OUT_PATH);
        if (signedIn != null) {
            try {
                URI endSession = oidc.logoutUri(signedIn.idToken());
                if (endSession != null) {
                    next = endSession;
                }
            } catch (IdpUnavailableException e) {
                LOG.warning("Logout at ХУР skipped, ХУР unavailable: " + e.getMessage());
            }
        }
        return Response.redirect(next).withCookie(clearedSessionCookie());
    }

    /**
     * OpenID Connect Front-Channel Logout 1.0: ХУР loads this URL (registered as the client's
     * front-channel logout URL) in an iframe when the citizen logs out elsewhere. No cookie comes with
     * it (third-party iframe), so the session is found by ХУР's {@code sid}; {@code iss} must be ХУР.
     */
    private Response frontChannelLogout(HttpExchange exchange) {
        Map<String, List<String>> query = URLUtils.parseParameters(exchange.getRequestURI().getRawQuery());
        String issuer = MultivaluedMapUtils.getFirstValue(query, "iss");
        String sid = blankToNull(MultivaluedMapUtils.getFirstValue(query, "sid"));
        if (sid == null || !config.issuer().getValue().equals(issuer)) {
            return Response.html(400, Pages.message("Буруу хүсэлт: iss, sid", "Bad request: iss and sid required"));
        }
        int ended = sessions.removeByIdpSession(sid);
        return Response.html(200, Pages.message("Гарлаа", "Logged out")).withLogNote("ended=" + ended);
    }

    // ---------------------------------------------------------------- plumbing

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Response response;
        try {
            response = route(exchange);
        } catch (IdpUnavailableException e) {
            response = Response.html(503, Pages.error("idp_unavailable", null)).withLogNote("ХУР unavailable: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Unexpected error on " + exchange.getRequestURI().getPath(), e);
            response = Response.html(500, Pages.message("Алдаа гарлаа", "Something went wrong"));
        }
        try (exchange) {
            send(exchange, response);
        } finally {
            // One line per request. The path only: the query of /callback holds the authorization code.
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " " + response.status()
                    + " " + millis + "ms" + (response.logNote() == null ? "" : " " + response.logNote()));
        }
    }

    private Response route(HttpExchange exchange) throws IdpUnavailableException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.html(405, Pages.message("Зөвшөөрөгдөөгүй арга", "Method not allowed")).withHeader("Allow", "GET, HEAD");
        }
        return switch (exchange.getRequestURI().getPath()) {
            case "/" -> home(exchange);
            case "/login" -> login(exchange);
            case "/callback" -> callback(exchange);
            case "/me" -> me(exchange);
            case "/logout" -> logout(exchange);
            case LOGGED_OUT_PATH -> loggedOut(exchange);
            case "/frontchannel-logout" -> frontChannelLogout(exchange);
            case "/jwks.json" -> keys == null ? Response.html(404, Pages.message("Хуудас олдсонгүй", "Page not found"))
                    : Response.json(200, keys.publicJwks());
            default -> Response.html(404, Pages.message("Хуудас олдсонгүй", "Page not found"));
        };
    }

    private Optional<Session> currentSession(HttpExchange exchange) {
        return sessions.find(cookie(exchange, SESSION_COOKIE));
    }

    private static String cookie(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return pair.substring(eq + 1).trim();
                }
            }
        }
        return null;
    }

    /** HttpOnly: scripts cannot read it. SameSite=Lax: still sent on ХУР's top-level redirect back to /callback. */
    private String sessionCookie(String id) {
        return SESSION_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax" + (config.secureCookies() ? "; Secure" : "");
    }

    private String clearedSessionCookie() {
        return SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (config.secureCookies() ? "; Secure" : "");
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
        response.headers().forEach(headers::add);
        if (response.location() != null) {
            headers.set("Location", response.location().toString());
        }
        if (response.html() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] body = response.html().getBytes(StandardCharsets.UTF_8);
        if (!response.headers().containsKey("Content-Type")) {
            headers.set("Content-Type", "text/html; charset=utf-8");
        }
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** What a handler answers: a page or a redirect, extra headers, and a note for the request log (never a token). */
    private record Response(int status, String html, URI location, Map<String, String> headers, String logNote) {

        static Response html(int status, String html) {
            return new Response(status, html, null, Map.of(), null);
        }

        /** The site's public keys: ХУР fetches them, so no HTML and no session. */
        static Response json(int status, String json) {
            return new Response(status, json, null, Map.of("Content-Type", "application/json"), null);
        }

        static Response redirect(URI location) {
            return new Response(302, null, location, Map.of(), null);
        }

        Response withHeader(String name, String value) {
            var more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, html, location, Map.copyOf(more), logNote);
        }

        Response withCookie(String setCookie) {
            return withHeader("Set-Cookie", setCookie);
        }

        Response withLogNote(String note) {
            return new Response(status, html, location, headers, note);
        }
    }
}
