package mn.gov.khur.sandbox.xyp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * XML of the simulated services, without string building: DOM in and out, requests validated against the schema
 * inside each service's WSDL (the same WSDL files the adapter is written against, served at {@code ?WSDL}).
 */
final class SoapDocuments {

    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private SoapDocuments() {
    }

    static byte[] wsdl(String resource) {
        try (InputStream in = SoapDocuments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing (khur-registry on the classpath?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code xs:schema} inside a WSDL, compiled. */
    static Schema schemaOf(byte[] wsdl) {
        try {
            Document document = parse(wsdl);
            Element schema = (Element) document.getElementsByTagNameNS(XSD, "schema").item(0);
            SchemaFactory factory = SchemaFactory.newInstance(XSD);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(new DOMSource(schema));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("the WSDL's schema does not compile", e);
        }
    }

    /** Namespace-aware, DOCTYPE refused. */
    static Document parse(byte[] xml) throws SAXException, IOException {
        return builder().parse(new ByteArrayInputStream(xml));
    }

    static Document newDocument() {
        return builder().newDocument();
    }

    /** The only element child of the envelope's Body, or null. */
    static Element payload(Document envelope) {
        Element root = envelope.getDocumentElement();
        if (root == null || !SOAP_ENV.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            return null;
        }
        Element body = null;
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && SOAP_ENV.equals(element.getNamespaceURI()) && "Body".equals(element.getLocalName())) {
                body = element;
            }
        }
        if (body == null) {
            return null;
        }
        Element payload = null;
        for (Node child = body.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (payload != null) {
                    return null;
                }
                payload = element;
            }
        }
        return payload;
    }

    /** The text of the first unqualified child element {@code name} of {@code parent}, or null. */
    static String childText(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().strip();
    }

    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getNamespaceURI() == null && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    /** An envelope whose body holds {@code payload} (an element of {@code document}). */
    static Document envelope(Document document, Element payload) {
        Element envelope = document.createElementNS(SOAP_ENV, "soap:Envelope");
        Element body = document.createElementNS(SOAP_ENV, "soap:Body");
        envelope.appendChild(body);
        body.appendChild(payload);
        document.appendChild(envelope);
        return document;
    }

    /** A SOAP 1.1 fault envelope. */
    static Document fault(String code, String text) {
        Document document = newDocument();
        Element fault = document.createElementNS(SOAP_ENV, "soap:Fault");
        Element faultCode = document.createElement("faultcode");
        faultCode.setTextContent("soap:" + code);
        Element faultString = document.createElement("faultstring");
        faultString.setTextContent(text);
        fault.appendChild(faultCode);
        fault.appendChild(faultString);
        return envelope(document, fault);
    }

    static Element text(Document document, Element parent, String name, String value) {
        Element element = document.createElement(name);
        element.setTextContent(value);
        parent.appendChild(element);
        return element;
    }

    static byte[] bytes(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
