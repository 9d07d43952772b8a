package mn.gov.khur.it.relyingparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An older site on SAML 2.0 ({@code demo-saml-sp}): the citizen logs in with password + reverse SMS
 * and the site receives a signed response whose signed assertion carries the register number.
 */
@ExtendWith(KhurServerExtension.class)
class RelyingPartySamlIT {

    private final AdminApi admin = new AdminApi();
    private final HttpBrowser browser = new HttpBrowser();
    private TestCitizen citizen;
    private X509Certificate idpCertificate;

    @BeforeEach
    void setUp() {
        citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        HttpResponse<String> metadata = browser.get(SamlServiceProvider.metadataUri());
        assertThat(metadata.statusCode()).isEqualTo(200);
        idpCertificate = SamlServiceProvider.idpSigningCertificate(metadata);
    }

    @Test
    void samlLoginReturnsASignedAssertionWithTheRegisterNumber() {
        SamlServiceProvider.AuthnRequest request = SamlServiceProvider.authnRequest(SamlServiceProvider.ENTITY_ID, "relay-1");

        HttpBrowser.Page post = logInOverSaml(request);

        assertThat(post.document().selectFirst("form").attr("action")).isEqualTo(SamlServiceProvider.ACS_URL);
        assertThat(post.document().selectFirst("input[name=RelayState]").attr("value")).isEqualTo("relay-1");
        Document response = decodeResponse(post);
        Element root = response.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("Response");
        assertThat(root.getAttribute("InResponseTo")).isEqualTo(request.id());
        assertThat(root.getAttribute("Destination")).isEqualTo(SamlServiceProvider.ACS_URL);
        assertThat(statusCode(root)).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Success");
        assertThat(SamlServiceProvider.signatureCovers(root, idpCertificate)).as("response signature").isTrue();

        Element assertion = SamlServiceProvider.directChild(root, SamlServiceProvider.SAML_ASSERTION, "Assertion");
        assertThat(assertion).as("one plain (unencrypted) assertion").isNotNull();
        assertThat(SamlServiceProvider.signatureCovers(assertion, idpCertificate)).as("assertion signature").isTrue();
        assertThat(SamlServiceProvider.attributeValues(assertion, "register_number")).containsExactly(citizen.registerNumber());
        assertThat(SamlServiceProvider.attributeValues(assertion, "given_name")).containsExactly(citizen.givenName());
        assertThat(assertion.getElementsByTagNameNS(SamlServiceProvider.SAML_ASSERTION, "Audience").item(0).getTextContent())
                .isEqualTo(SamlServiceProvider.ENTITY_ID);
        assertThat(assertion.getElementsByTagNameNS(SamlServiceProvider.SAML_ASSERTION, "NameID").item(0).getTextContent())
                .as("persistent pseudonym, not the register number").doesNotContain(citizen.registerNumber())
                .doesNotContain(citizen.username());
    }

    @Test
    void aTamperedAssertionNoLongerVerifies() {
        HttpBrowser.Page post = logInOverSaml(SamlServiceProvider.authnRequest(SamlServiceProvider.ENTITY_ID, "relay-2"));
        Element assertion = SamlServiceProvider.directChild(decodeResponse(post).getDocumentElement(),
                SamlServiceProvider.SAML_ASSERTION, "Assertion");
        Element value = (Element) assertion.getElementsByTagNameNS(SamlServiceProvider.SAML_ASSERTION, "AttributeValue").item(0);

        value.setTextContent("УБ00000000");

        assertThat(SamlServiceProvider.signatureCovers(assertion, idpCertificate)).isFalse();
    }

    @Test
    void unknownServiceProviderGetsAnErrorPageNotALogin() {
        HttpBrowser.Page page = browser.open(SamlServiceProvider.authnRequest("https://unknown.example/sp", "r").redirect());

        assertThat(page.leftIdp()).isFalse();
        assertThat(page.status()).isBetween(400, 499);
        assertThat(page.has(LoginPage.FORM)).isFalse();
    }

    private HttpBrowser.Page logInOverSaml(SamlServiceProvider.AuthnRequest request) {
        HttpBrowser.Page login = browser.open(request.redirect());
        assertThat(login.has(LoginPage.FORM)).as("ХУР login page, got: %s", login.body()).isTrue();
        HttpBrowser.Page challenge = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        HttpResponse<String> sms = new InboundSmsClient().send(citizen.phoneE164(), CitizenLogin.shownCode(challenge));
        assertThat(sms.body()).contains("\"matched\"");
        HttpBrowser.Page post = CitizenLogin.pressContinue(browser);
        assertThat(post.has("input[name=SAMLResponse]")).as("HTTP-POST binding page, got: %s", post.body()).isTrue();
        return post;
    }

    private static Document decodeResponse(HttpBrowser.Page post) {
        String encoded = post.document().selectFirst("input[name=SAMLResponse]").attr("value");
        return SamlServiceProvider.parse(Base64.getMimeDecoder().decode(encoded.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String statusCode(Element response) {
        Element status = SamlServiceProvider.directChild(response, "urn:oasis:names:tc:SAML:2.0:protocol", "Status");
        return SamlServiceProvider.directChild(status, "urn:oasis:names:tc:SAML:2.0:protocol", "StatusCode").getAttribute("Value");
    }
}
