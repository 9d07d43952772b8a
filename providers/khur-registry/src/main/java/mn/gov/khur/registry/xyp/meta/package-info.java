/**
 * JAXB types of the meta service's schema (namespace {@code http://meta.xyp.gov.mn/}, elementFormDefault
 * unqualified) for the operations khur-idp calls. Mirrors {@code /xyp/meta-1.5.0.wsdl}.
 */
@XmlSchema(namespace = "http://meta.xyp.gov.mn/", elementFormDefault = XmlNsForm.UNQUALIFIED)
package mn.gov.khur.registry.xyp.meta;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
