package mn.gov.khur.it.relyingparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.MellonServiceProvider;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A SAML site registered the way operators do it: the site's metadata (here made by {@code mod_auth_mellon}, Debian's
 * Apache module, which many sites run) through the admin API's client-description converter (the console's "Import
 * client"), then the representation it returns saved unchanged. The realm's policy {@code khur-saml-sites} makes that
 * client work with no further setting: assertions encrypted with algorithms Lasso decrypts, and the register number.
 */
@ExtendWith(KhurServerExtension.class)
class RelyingPartyMellonIT {

    private static MellonServiceProvider mellon;
    private final AdminApi admin = new AdminApi();
    private String clientUuid;

    @BeforeAll
    static void startMellon() throws Exception {
        String idpMetadata = new HttpBrowser().get(URI.create(KeycloakServer.BASE_URL + "/realms/khur/protocol/saml/descriptor")).body();
        mellon = MellonServiceProvider.start(idpMetadata);
    }

    @AfterAll
    static void stopMellon() throws Exception {
        if (mellon != null) {
            mellon.close();
        }
    }

    @BeforeEach
    void operatorImportsTheSitesMetadata() throws Exception {
        HttpResponse<String> converted = admin.postText("/admin/realms/khur/client-description-converter", mellon.metadata());
        assertThat(converted.statusCode()).as(converted.body()).isEqualTo(200);
        HttpResponse<String> created = admin.post("/admin/realms/khur/clients", converted.body());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        clientUuid = location.substring(location.lastIndexOf('/') + 1);
    }

    @AfterEach
    void removeClient() {
        admin.delete("/admin/realms/khur/clients/" + clientUuid);
    }

    @Test
    void anImportedMellonSiteLogsACitizenInAndReceivesTheRegisterNumber() throws Exception {
        JsonNode client = storedClient();
        assertThat(client.path("attributes").path("saml.encrypt").asText()).as("mellon's metadata has an encryption key").isEqualTo("true");
        assertThat(client.path("attributes").path("saml.encryption.algorithm").asText()).isEqualTo("http://www.w3.org/2001/04/xmlenc#aes128-cbc");
        assertThat(client.path("attributes").path("saml.encryption.keyAlgorithm").asText()).isEqualTo("http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");
        assertThat(client.path("protocolMappers").toString()).contains("register_number", "given_name", "family_name");
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);

        SiteAnswer page = logInAtTheSite(citizen);

        assertThat(page.acsAccepted()).as("mellon's ACS accepted the response, error log:\n%s", tail(mellon.errorLog())).isTrue();
        assertThat(page.status()).as("mellon's protected page, error log:\n%s", tail(mellon.errorLog())).isEqualTo(200);
        assertThat(page.registerNumber()).isEqualTo(citizen.registerNumber());
    }

    /** Upstream behaviour the policy works around, and the proof that the test above fails without it. */
    @Test
    void withKeycloaksDefaultEncryptionMellonCannotDecryptTheAssertion() throws Exception {
        ObjectNode client = (ObjectNode) storedClient();
        ObjectNode attributes = (ObjectNode) client.path("attributes");
        attributes.put("saml.encryption.algorithm", "");
        attributes.put("saml.encryption.keyAlgorithm", "");
        attributes.put("saml.encryption.digestMethod", "");
        HttpResponse<String> saved = admin.put("/admin/realms/khur/clients/" + clientUuid, client.toString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        assertThat(storedClient().path("attributes").path("saml.encryption.algorithm").asText("")).isEmpty();
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);

        SiteAnswer page = logInAtTheSite(citizen);

        assertThat(page.acsAccepted()).as("mellon's ACS must refuse what it cannot decrypt, error log:\n%s",
                tail(mellon.errorLog())).isFalse();
        assertThat(page.status()).isNotEqualTo(200);
        assertThat(page.registerNumber()).isNotEqualTo(citizen.registerNumber());
    }

    private JsonNode storedClient() {
        return Json.parse(admin.get("/admin/realms/khur/clients/" + clientUuid).body());
    }

    /**
     * The citizen opens the site's protected page: mellon sends the browser to ХУР (HTTP-Redirect, signed request),
     * the citizen logs in, ХУР's page posts the response to mellon's ACS (a browser's JavaScript would), mellon sends
     * the browser back to the page. Returns the last answer of the site.
     */
    private SiteAnswer logInAtTheSite(TestCitizen citizen) {
        HttpBrowser browser = new HttpBrowser();
        URI next = mellon.protectedPage();
        for (int hops = 0; hops < 5 && mellon.isHere(next); hops++) {
            HttpResponse<String> atSite = browser.get(next);
            assertThat(atSite.statusCode()).as("site redirects to ХУР: %s", atSite.body()).isBetween(300, 399);
            next = next.resolve(atSite.headers().firstValue("Location").orElseThrow());
        }
        HttpBrowser.Page login = browser.open(next);
        assertThat(login.has(LoginPage.FORM)).as("ХУР's login page: %s", login.body()).isTrue();
        HttpBrowser.Page challenge = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        HttpResponse<String> sms = new InboundSmsClient().send(citizen.phoneE164(), CitizenLogin.shownCode(challenge));
        assertThat(sms.body()).contains("\"matched\"");
        HttpBrowser.Page post = CitizenLogin.pressContinue(browser);
        assertThat(post.has("input[name=SAMLResponse]")).as("ХУР's POST-binding page: %s", post.body()).isTrue();

        HttpBrowser.Page atAcs = browser.submit("form", java.util.Map.of(), null);
        if (!atAcs.leftIdp()) {
            return new SiteAnswer(false, atAcs.status(), null); // the ACS answered with a page: an error
        }
        HttpResponse<String> page = browser.get(atAcs.uri());
        // HTTP header bytes reach Java as ISO-8859-1; Apache sent mellon's UTF-8 value as it is
        String registerNumber = page.headers().firstValue("X-Register-Number")
                .map(raw -> new String(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), java.nio.charset.StandardCharsets.UTF_8))
                .orElse(null);
        return new SiteAnswer(true, page.statusCode(), registerNumber);
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }

    /**
     * What the site answered: whether its ACS took the response (redirect back to the page), the page's status and the
     * register number mellon read from the assertion, if any.
     */
    private record SiteAnswer(boolean acsAccepted, int status, String registerNumber) {
    }
}
