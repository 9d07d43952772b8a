package mn.gov.khur.it.relyingparty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import mn.gov.khur.it.support.KeycloakServer;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An older government site speaking SAML 2.0 ({@code demo-saml-sp}), with only the JDK: sends an
 * AuthnRequest by HTTP-Redirect binding, receives the response by HTTP-POST, checks the XML
 * signatures against the certificate in ХУР's SAML metadata.
 */
final class SamlServiceProvider {

    static final String ENTITY_ID = "demo-saml-sp";
    /** The realm's default ACS URL for demo-saml-sp; the browser never reaches it in the tests. */
    static final String ACS_URL = "http://localhost:8098/saml/acs";
    static final String SAML_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String SAML_ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String XML_DSIG = XMLSignature.XMLNS;

    private static final String ENDPOINT = KeycloakServer.BASE_URL + "/realms/" + KeycloakServer.REALM + "/protocol/saml";

    private SamlServiceProvider() {
    }

    record AuthnRequest(String id, URI redirect) {
    }

    static AuthnRequest authnRequest(String issuer, String relayState) {
        String id = "_" + UUID.randomUUID();
        String xml = "<samlp:AuthnRequest xmlns:samlp=\"" + SAML_PROTOCOL + "\" xmlns:saml=\"" + SAML_ASSERTION + "\""
                + " ID=\"" + id + "\" Version=\"2.0\" IssueInstant=\"" + Instant.now() + "\""
                + " Destination=\"" + ENDPOINT + "\" AssertionConsumerServiceURL=\"" + ACS_URL + "\""
                + " ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
                + "<saml:Issuer>" + issuer + "</saml:Issuer></samlp:AuthnRequest>";
        String encoded = Base64.getEncoder().encodeToString(deflate(xml.getBytes(StandardCharsets.UTF_8)));
        URI redirect = URI.create(ENDPOINT + "?SAMLRequest=" + URLEncoder.encode(encoded, StandardCharsets.UTF_8)
                + "&RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8));
        return new AuthnRequest(id, redirect);
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + e, e);
        }
    }

    /** ХУР's signing certificate, from its published SAML IdP metadata. */
    static X509Certificate idpSigningCertificate(java.net.http.HttpResponse<String> descriptor) {
        Document metadata = parse(descriptor.body().getBytes(StandardCharsets.UTF_8));
        NodeList certificates = metadata.getElementsByTagNameNS(XML_DSIG, "X509Certificate");
        if (certificates.getLength() == 0) {
            throw new AssertionError("No signing certificate in the IdP metadata");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(certificates.item(0).getTextContent().trim());
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (java.security.cert.CertificateException e) {
            throw new AssertionError(e);
        }
    }

    static URI metadataUri() {
        return URI.create(ENDPOINT + "/descriptor");
    }

    /**
     * True if {@code signed} carries an enveloped signature, as its direct child, that covers exactly
     * that element (reference {@code #ID}, so no wrapped element can borrow it) and verifies with the key.
     */
    static boolean signatureCovers(Element signed, X509Certificate certificate) {
        signed.setIdAttribute("ID", true);
        Element signature = directChild(signed, XML_DSIG, "Signature");
        if (signature == null) {
            return false;
        }
        try {
            DOMValidateContext context = new DOMValidateContext(certificate.getPublicKey(), signature);
            XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            var references = xmlSignature.getSignedInfo().getReferences();
            boolean coversThisElement = references.size() == 1
                    && ("#" + signed.getAttribute("ID")).equals(((javax.xml.crypto.dsig.Reference) references.get(0)).getURI());
            return coversThisElement && xmlSignature.validate(context);
        } catch (Exception e) {
            return false;
        }
    }

    static Element directChild(Element parent, String namespace, String localName) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    /** Values of the assertion attribute with this name. */
    static List<String> attributeValues(Element assertion, String name) {
        List<String> values = new ArrayList<>();
        NodeList attributes = assertion.getElementsByTagNameNS(SAML_ASSERTION, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (name.equals(attribute.getAttribute("Name"))) {
                NodeList attributeValues = attribute.getElementsByTagNameNS(SAML_ASSERTION, "AttributeValue");
                for (int j = 0; j < attributeValues.getLength(); j++) {
                    values.add(attributeValues.item(j).getTextContent());
                }
            }
        }
        return values;
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFLATED, true))) {
            deflater.write(data);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
