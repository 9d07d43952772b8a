package mn.gov.khur.demorp;

import java.net.URI;
import java.util.Map;

import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;

/**
 * What a relying party needs to know about itself and about ХУР. In production these come from
 * your own configuration; the client secret never goes into source control.
 *
 * @param port         the port this web app listens on
 * @param issuer       ХУР's issuer URL (the realm URL); everything else is discovered from it
 * @param clientId     the client id ХУР's operators registered for your site
 * @param clientSecret its secret (sent with HTTP Basic to the token endpoint)
 * @param baseUrl      the public URL of this web app, without a trailing slash; the redirect URI
 *                     is {@code <baseUrl>/callback} and must be registered with ХУР exactly
 */
public record DemoRpConfig(int port, Issuer issuer, ClientID clientId, Secret clientSecret, URI baseUrl) {

    public static final int DEFAULT_PORT = 8092;
    public static final String DEFAULT_ISSUER = "http://localhost:8080/realms/khur";
    public static final String DEFAULT_CLIENT_ID = "demo-rp";
    public static final String DEFAULT_CLIENT_SECRET = "demo-rp-secret";

    public DemoRpConfig {
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            baseUrl = URI.create(base.substring(0, base.length() - 1));
        }
    }

    /** Reads {@code DEMO_RP_PORT}, {@code DEMO_RP_ISSUER}, {@code DEMO_RP_CLIENT_ID}, {@code DEMO_RP_CLIENT_SECRET}, {@code DEMO_RP_BASE_URL}. */
    public static DemoRpConfig fromEnvironment(Map<String, String> env) {
        int port = Integer.parseInt(env.getOrDefault("DEMO_RP_PORT", String.valueOf(DEFAULT_PORT)).trim());
        return new DemoRpConfig(
                port,
                new Issuer(env.getOrDefault("DEMO_RP_ISSUER", DEFAULT_ISSUER).trim()),
                new ClientID(env.getOrDefault("DEMO_RP_CLIENT_ID", DEFAULT_CLIENT_ID).trim()),
                new Secret(env.getOrDefault("DEMO_RP_CLIENT_SECRET", DEFAULT_CLIENT_SECRET)),
                URI.create(env.getOrDefault("DEMO_RP_BASE_URL", "http://localhost:" + port).trim()));
    }

    /** Where ХУР sends the browser back with the authorization code (or an error). */
    public URI redirectUri() {
        return URI.create(baseUrl + "/callback");
    }

    /** Where ХУР sends the browser after logging out: a page that says so. */
    public URI postLogoutRedirectUri() {
        return URI.create(baseUrl + DemoRpServer.LOGGED_OUT_PATH);
    }

    /** Whether the session cookie must carry {@code Secure} (always, once the site is on HTTPS). */
    public boolean secureCookies() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }
}
