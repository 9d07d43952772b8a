package mn.gov.khur.registry.xyp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;

import mn.gov.khur.registry.xyp.citizen.CitizenTypes;
import mn.gov.khur.registry.xyp.meta.MetaTypes;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * SOAP 1.1 document/literal envelopes of the registry's operations: SAAJ builds and reads the envelope, JAXB the
 * payload (the classes of {@link CitizenTypes} and {@link MetaTypes}, which follow the services' schema). Answers are
 * parsed with DOCTYPEs refused (no entity expansion, no external fetch) before SAAJ sees them.
 */
final class XypSoap {

    private static final JAXBContext CITIZEN = context(CitizenTypes.GetCitizenIdCardInfo.class,
            CitizenTypes.GetCitizenIdCardInfoResponse.class, CitizenTypes.CitizenData.class);
    private static final JAXBContext META = context(MetaTypes.ListAccess.class, MetaTypes.ListAccessResponse.class,
            MetaTypes.RegisterOtpRequestCall.class, MetaTypes.RegisterOtpRequestResponse.class, MetaTypes.RegisterOtpData.class);

    private XypSoap() {
    }

    static JAXBContext citizen() {
        return CITIZEN;
    }

    static JAXBContext meta() {
        return META;
    }

    /** The request envelope with {@code payload} as the body's only element, named {@code element}. */
    static <T> byte[] request(JAXBContext context, QName element, Class<T> type, T payload) {
        try {
            SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
            message.getSOAPHeader().detachNode();
            Marshaller marshaller = context.createMarshaller();
            marshaller.marshal(new JAXBElement<>(element, type, payload), message.getSOAPBody());
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (SOAPException | JAXBException | IOException e) {
            throw new IllegalStateException("cannot build the registry request", e);
        }
    }

    /**
     * The payload of an answer, which must be exactly the element {@code expected}. A SOAP fault, another element
     * or anything unreadable is a {@link XypAnswerException}.
     */
    static <T> T response(byte[] body, JAXBContext context, QName expected, Class<T> type) throws XypAnswerException {
        SOAPBody soapBody;
        try {
            SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
            message.getSOAPPart().setContent(new DOMSource(parse(body)));
            soapBody = message.getSOAPBody();
        } catch (SOAPException e) {
            throw new XypAnswerException("not a SOAP 1.1 envelope");
        }
        if (soapBody.hasFault()) {
            throw new XypAnswerException("SOAP fault: " + printable(soapBody.getFault().getFaultString()));
        }
        Element payload = firstElement(soapBody);
        if (payload == null || !expected.getNamespaceURI().equals(payload.getNamespaceURI())
                || !expected.getLocalPart().equals(payload.getLocalName())) {
            throw new XypAnswerException("unexpected answer element "
                    + (payload == null ? "(none)" : "{" + payload.getNamespaceURI() + "}" + payload.getLocalName()));
        }
        try {
            return context.createUnmarshaller().unmarshal(payload, type).getValue();
        } catch (JAXBException e) {
            throw new XypAnswerException("unreadable answer: " + e.getClass().getSimpleName());
        }
    }

    private static Document parse(byte[] body) throws XypAnswerException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // errors are thrown, not printed
            return builder.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (SAXException | IOException e) {
            throw new XypAnswerException("not well-formed XML");
        }
    }

    private static Element firstElement(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static String printable(String text) {
        if (text == null) {
            return "(none)";
        }
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private static JAXBContext context(Class<?>... classes) {
        try {
            return JAXBContext.newInstance(classes);
        } catch (JAXBException e) {
            throw new IllegalStateException("registry JAXB types unusable", e);
        }
    }

    /** An answer that is not the registry's answer to our call. */
    static final class XypAnswerException extends Exception {
        XypAnswerException(String message) {
            super(message);
        }
    }
}
