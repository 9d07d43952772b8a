package mn.gov.khur.it.relyingparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;

import mn.gov.khur.demorp.DemoRpConfig;
import mn.gov.khur.demorp.DemoRpServer;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example site a government site's developers copy ({@code demo-rp/}) logs a citizen in against the real ХУР in
 * both profiles: {@code khur-standard} (client {@code demo-rp}, secret) and {@code khur-fapi2} (client
 * {@code demo-rp-fapi2}: PAR, {@code private_key_jwt} with the key the demo made and serves at {@code /jwks.json}, DPoP).
 */
@ExtendWith(KhurServerExtension.class)
class DemoSiteInEitherProfileIT {

    private final AdminApi admin = new AdminApi();
    private static final Issuer ISSUER = new Issuer(KeycloakServer.BASE_URL + "/realms/khur");

    @Test
    void theDemoSiteLogsACitizenInWithAClientSecret() throws Exception {
        try (DemoRpServer demo = DemoRpServer.start(new DemoRpConfig(8092, ISSUER, new ClientID("demo-rp"),
                new Secret("demo-rp-secret"), URI.create("http://localhost:8092")))) {
            TestCitizen citizen = TestCitizen.random();
            admin.createCitizen(citizen);

            String me = logInThroughTheDemo(URI.create("http://localhost:8092"), citizen);

            assertThat(me).contains(citizen.registerNumber());
        }
    }

    @Test
    void theDemoSiteLogsACitizenInWithParPrivateKeyJwtAndDpop() throws Exception {
        Path keyFile = Files.createTempDirectory("demo-rp-fapi2").resolve("site-key.jwk.json");
        int port = freePort();
        URI base = URI.create("http://localhost:" + port);
        try (DemoRpServer demo = DemoRpServer.start(new DemoRpConfig(port, ISSUER, new ClientID("demo-rp-fapi2"), null,
                base, DemoRpConfig.FAPI2, keyFile))) {
            // what the operators register from the site's form: its callback, its JWKS URL
            String internalId = registerAt(base);
            TestCitizen citizen = TestCitizen.random();
            admin.createCitizen(citizen);

            String me = logInThroughTheDemo(base, citizen);

            assertThat(me).contains(citizen.registerNumber());
            JsonNode events = Json.parse(admin.get("/admin/realms/khur/events?client=demo-rp-fapi2&type=CODE_TO_TOKEN&max=5").body());
            assertThat(events.size()).isPositive();
            assertThat(events.get(0).path("details").path("client_auth_method").asText()).isEqualTo("client-jwt");
            assertThat(internalId).isNotBlank();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The demo's own pages: /login → ХУР (password + reverse SMS) → /callback → /me. Returns /me's HTML. */
    private static String logInThroughTheDemo(URI base, TestCitizen citizen) {
        HttpBrowser browser = new HttpBrowser();
        HttpBrowser.Page loginPage = browser.open(base.resolve("/login"));
        assertThat(loginPage.has(LoginPage.FORM)).as("ХУР's login page: %s", loginPage.body()).isTrue();
        HttpBrowser.Page challenge = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        HttpResponse<String> sms = new InboundSmsClient().send(citizen.phoneE164(), CitizenLogin.shownCode(challenge));
        assertThat(sms.body()).contains("\"matched\"");
        HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
        assertThat(back.leftIdp()).as("back at the demo: %s", back.body()).isTrue();
        assertThat(back.uri().toString()).startsWith(base + "/callback");

        HttpResponse<String> callback = browser.get(back.uri());
        assertThat(callback.statusCode()).as("demo's callback: %s", callback.body()).isEqualTo(302);
        HttpResponse<String> me = browser.get(base.resolve("/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        return me.body();
    }

    /** Points demo-rp-fapi2 at this run's demo (port chosen by the OS), as an operator fills in the site's facts. */
    private String registerAt(URI base) {
        JsonNode found = Json.parse(admin.get("/admin/realms/khur/clients?clientId=demo-rp-fapi2").body());
        ObjectNode client = (ObjectNode) found.get(0);
        client.set("redirectUris", Json.MAPPER.valueToTree(List.of(base + "/callback")));
        ObjectNode attributes = (ObjectNode) client.path("attributes");
        attributes.put("jwks.url", base + "/jwks.json");
        attributes.put("post.logout.redirect.uris", base + "/");
        String id = client.path("id").asText();
        HttpResponse<String> saved = admin.put("/admin/realms/khur/clients/" + id, client.toString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        return id;
    }

}
