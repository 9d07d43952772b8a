package mn.gov.khur.identity.flow;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.identity.events.KhurEvents;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakContext;
import org.keycloak.urls.UrlType;

/**
 * Refuses a state-changing form post that another site made the citizen's browser send (a hidden copy of our form
 * auto-submitted with the citizen's cookies: a cross-site Continue, registration or new password). Keycloak checks
 * no provenance on login-action posts, so each of our steps calls {@link #refused} first in {@code action()}, and each
 * of our required actions first in {@code processAction()}.
 * <p>
 * The post is ours when its {@code Origin}, or its {@code Referer} when a browser sent no {@code Origin}, is this
 * server's own origin: its frontend URL (hostname option, realm frontend URL or the request's host) or its admin URL.
 * {@code Origin: null} (sandboxed frames, {@code data:} pages, cross-origin redirects) is refused. A post with
 * neither header is let through: every current browser sends {@code Origin} with a cross-origin POST, so only
 * non-browser clients send neither, and those do not hold a citizen's cookies.
 */
public final class SameOriginPost {

    /** Event detail {@code khur_reason} of a refusal. */
    public static final String REASON = "cross_site_post";
    /** Message key of the refusal page (both theme languages). */
    public static final String MESSAGE = "khurCrossSitePost";
    private static final int MAX_LOGGED_ORIGIN = 100;

    /** Where a post says it came from. */
    sealed interface Provenance {
        /** Sent by one of our own pages. */
        record Own() implements Provenance {
        }

        /** Neither header: not a browser (see the class comment). */
        record Unstated() implements Provenance {
        }

        /** Another site, an opaque origin or a header that is not a URL; {@code claimed} is what the header said. */
        record Foreign(String claimed) implements Provenance {
        }
    }

    private SameOriginPost() {
    }

    /**
     * When the current post comes from another site: records the refusal (event error with {@code khur_reason}
     * {@value #REASON} and the origin it claimed), shows a clear 403 page and returns true; the step then returns
     * without touching its state, so the citizen's own page goes on. Otherwise false.
     */
    public static boolean refused(AuthenticationFlowContext context) {
        HttpHeaders headers = context.getHttpRequest().getHttpHeaders();
        Provenance provenance = judge(headers.getHeaderString("Origin"), headers.getHeaderString("Referer"),
                ownOrigins(context.getSession().getContext()));
        if (!(provenance instanceof Provenance.Foreign foreign)) {
            return false;
        }
        EventBuilder event = context.getEvent();
        if (context.getUser() != null) {
            event.user(context.getUser());
        }
        event.detail(Details.AUTH_METHOD, context.getExecution().getAuthenticator())
                .detail(KhurEvents.REASON, REASON)
                .detail(KhurEvents.ORIGIN, logged(foreign))
                .error(Errors.INVALID_REQUEST);
        context.forceChallenge(context.form().setError(MESSAGE).createErrorPage(Response.Status.FORBIDDEN));
        return true;
    }

    /**
     * The same for a required action's post ({@code processAction}: the passkey page's rename and remove, the passkey
     * offer, the registry approval), which Keycloak does not check either: the refusal event is
     * {@code CUSTOM_REQUIRED_ACTION_ERROR} naming the action, the page the same 403.
     */
    public static boolean refused(RequiredActionContext context) {
        HttpHeaders headers = context.getHttpRequest().getHttpHeaders();
        Provenance provenance = judge(headers.getHeaderString("Origin"), headers.getHeaderString("Referer"),
                ownOrigins(context.getSession().getContext()));
        if (!(provenance instanceof Provenance.Foreign foreign)) {
            return false;
        }
        EventBuilder event = context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION_ERROR);
        if (context.getUser() != null) {
            event.user(context.getUser());
        }
        event.detail(Details.CUSTOM_REQUIRED_ACTION, context.getAction())
                .detail(KhurEvents.REASON, REASON)
                .detail(KhurEvents.ORIGIN, logged(foreign))
                .error(Errors.INVALID_REQUEST);
        context.challenge(context.form().setError(MESSAGE).createErrorPage(Response.Status.FORBIDDEN));
        return true;
    }

    private static String logged(Provenance.Foreign foreign) {
        return foreign.claimed().length() > MAX_LOGGED_ORIGIN ? foreign.claimed().substring(0, MAX_LOGGED_ORIGIN) : foreign.claimed();
    }

    static Provenance judge(String origin, String referer, Set<String> ownOrigins) {
        if (origin != null && !origin.isBlank()) {
            return originOf(origin.strip()).filter(ownOrigins::contains).isPresent()
                    ? new Provenance.Own() : new Provenance.Foreign(origin.strip());
        }
        if (referer != null && !referer.isBlank()) {
            return originOf(referer.strip()).filter(ownOrigins::contains).isPresent()
                    ? new Provenance.Own() : new Provenance.Foreign(originOf(referer.strip()).orElse(referer.strip()));
        }
        return new Provenance.Unstated();
    }

    private static Set<String> ownOrigins(KeycloakContext context) {
        URI frontend = context.getUri().getBaseUri();
        URI admin = context.getUri(UrlType.ADMIN).getBaseUri();
        // the same origin twice when no separate admin host name is set
        return Set.copyOf(List.of(originOf(frontend).orElseThrow(), originOf(admin).orElseThrow()));
    }

    /** {@code scheme://host[:port]}, lower case, default ports left out; empty for "null" and non-URLs. */
    static Optional<String> originOf(String url) {
        try {
            return originOf(URI.create(url));
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }

    private static Optional<String> originOf(URI uri) {
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null) {
            return Optional.empty();
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }
}
