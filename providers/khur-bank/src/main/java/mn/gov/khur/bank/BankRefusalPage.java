package mn.gov.khur.bank;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.services.util.ResolveRelative;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The page a refused bank login ends on ({@code khur-bank-refused.ftl}): why, then the ways on, so the
 * citizen is never stranded: this login's entry page again (another method; Keycloak's flow restart) and
 * the site they came from.
 */
final class BankRefusalPage {

    static final String TEMPLATE = "khur-bank-refused.ftl";
    /** Attribute of the template: the site's address, absent when none is known. */
    static final String SITE_URL = "khurSiteUrl";

    private BankRefusalPage() {
    }

    static Response render(AuthenticationFlowContext context, BankRefusal refusal) {
        LoginFormsProvider form = context.form().setError(refusal.messageKey()).setStatus(Response.Status.BAD_REQUEST);
        siteUrl(context).ifPresent(url -> form.setAttribute(SITE_URL, url));
        return form.createForm(TEMPLATE);
    }

    /**
     * The site's home: the client's registered home URL (base URL, relative to its root URL), else the
     * origin of the redirect URI this login will answer (already checked against the registered ones).
     */
    static Optional<String> siteUrl(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        ClientModel client = authSession.getClient();
        String home = client == null || client.getBaseUrl() == null || client.getBaseUrl().isBlank() ? null
                : ResolveRelative.resolveRelativeUri(context.getSession(), client.getRootUrl(), client.getBaseUrl());
        if (isWebAddress(home)) {
            return Optional.of(home);
        }
        return originOf(authSession.getRedirectUri());
    }

    static Optional<String> originOf(String redirectUri) {
        if (redirectUri == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(redirectUri);
            if (!isWebAddress(redirectUri) || uri.getRawAuthority() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + "/");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Only http(s): never a {@code javascript:} or custom-scheme link on our page. */
    private static boolean isWebAddress(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
