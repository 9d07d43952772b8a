package mn.gov.khur.demorp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's khur-fapi2 option, without ХУР: configuration, the site's key, its public JWKS. The login is an IT. */
class Fapi2ProfileTest {

    @TempDir
    Path dir;

    @Test
    void fapi2FromTheEnvironmentUsesItsOwnClientAndNoSecret() {
        DemoRpConfig config = DemoRpConfig.fromEnvironment(Map.of("DEMO_RP_PROFILE", "khur-fapi2"));

        assertThat(config.fapi2()).isTrue();
        assertThat(config.clientId().getValue()).isEqualTo("demo-rp-fapi2");
        assertThat(config.clientSecret()).isNull();
        assertThat(config.jwksUri()).isEqualTo(URI.create("http://localhost:8092/jwks.json"));
        assertThat(DemoRpConfig.fromEnvironment(Map.of()).profile()).isEqualTo("khur-standard");
    }

    @Test
    void anUnknownProfileIsRefusedAtStart() {
        assertThatThrownBy(() -> DemoRpConfig.fromEnvironment(Map.of("DEMO_RP_PROFILE", "fapi")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("khur-fapi2");
    }

    @Test
    void theSigningKeyIsKeptAcrossRestartsAndOnlyItsPublicHalfIsServed() throws Exception {
        Path keyFile = dir.resolve("site-key.jwk.json");
        DemoRpConfig config = new DemoRpConfig(0, new com.nimbusds.oauth2.sdk.id.Issuer("http://127.0.0.1:1/realms/khur"),
                new com.nimbusds.oauth2.sdk.id.ClientID("demo-rp-fapi2"), null, URI.create("http://localhost:8092"),
                DemoRpConfig.FAPI2, keyFile);
        String firstKeyId;
        try (DemoRpServer rp = DemoRpServer.start(config)) {
            JWKSet served = JWKSet.parse(get(rp, "/jwks.json").body());
            assertThat(served.getKeys()).hasSize(1);
            assertThat(served.getKeys().get(0).isPrivate()).as("no private key on /jwks.json").isFalse();
            firstKeyId = served.getKeys().get(0).getKeyID();
            assertThat(Files.readString(keyFile)).contains("\"d\"");
        }
        try (DemoRpServer restarted = DemoRpServer.start(config)) {
            assertThat(JWKSet.parse(get(restarted, "/jwks.json").body()).getKeys().get(0).getKeyID()).isEqualTo(firstKeyId);
        }
    }

    @Test
    void aStandardSiteServesNoKeys() throws Exception {
        DemoRpConfig config = new DemoRpConfig(0, new com.nimbusds.oauth2.sdk.id.Issuer("http://127.0.0.1:1/realms/khur"),
                new com.nimbusds.oauth2.sdk.id.ClientID("demo-rp"), new com.nimbusds.oauth2.sdk.auth.Secret("s"),
                URI.create("http://localhost:8092"));
        try (DemoRpServer rp = DemoRpServer.start(config)) {
            assertThat(get(rp, "/jwks.json").statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(DemoRpServer rp, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rp.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
