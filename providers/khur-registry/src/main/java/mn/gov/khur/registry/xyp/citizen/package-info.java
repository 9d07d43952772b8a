/**
 * JAXB types of the citizen service's schema (namespace {@code http://citizen.xyp.gov.mn/}, elementFormDefault
 * unqualified: only the operation elements are qualified), for the one operation khur-idp calls. Mirrors
 * {@code /xyp/citizen-1.5.0.wsdl}.
 */
@XmlSchema(namespace = "http://citizen.xyp.gov.mn/", elementFormDefault = XmlNsForm.UNQUALIFIED)
package mn.gov.khur.registry.xyp.citizen;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
