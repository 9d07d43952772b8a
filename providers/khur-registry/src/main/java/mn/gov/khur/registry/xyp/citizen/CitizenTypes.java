package mn.gov.khur.registry.xyp.citizen;

import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;

/** The complex types of {@code WS100101_getCitizenIDCardInfo}, one nested class per schema type. */
public final class CitizenTypes {

    public static final String NAMESPACE = "http://citizen.xyp.gov.mn/";
    public static final QName GET_CITIZEN_ID_CARD_INFO = new QName(NAMESPACE, "WS100101_getCitizenIDCardInfo");
    public static final QName GET_CITIZEN_ID_CARD_INFO_RESPONSE = new QName(NAMESPACE, "WS100101_getCitizenIDCardInfoResponse");

    private CitizenTypes() {
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "WS100101_getCitizenIDCardInfo")
    public static final class GetCitizenIdCardInfo {
        public CitizenRequestData request;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "WS100101_getCitizenIDCardInfoResponse")
    public static final class GetCitizenIdCardInfoResponse {
        @XmlElement(name = "return")
        public ServiceResponse result;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "citizenRequestData", propOrder = {"auth", "civilId", "regnum"})
    public static final class CitizenRequestData {
        public AuthorizationData auth;
        public String civilId;
        public String regnum;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "authorizationData", propOrder = {"citizen", "operator"})
    public static final class AuthorizationData {
        public AuthorizationEntity citizen;
        public AuthorizationEntity operator;
    }

    /** The citizen's approval: the registry's one-time code, or a certificate fingerprint and signature. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "authorizationEntity", propOrder = {"appAuthToken", "authAppName", "certFingerprint", "civilId",
            "fingerprint", "otp", "regnum", "signature"})
    public static final class AuthorizationEntity {
        public String appAuthToken;
        public String authAppName;
        public String certFingerprint;
        public String civilId;
        public byte[] fingerprint;
        public int otp;
        public String regnum;
        public String signature;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "serviceResponse", propOrder = {"request", "requestId", "response", "resultCode", "resultMessage"})
    @XmlSeeAlso(CitizenData.class)
    public static final class ServiceResponse {
        public Object request;
        public String requestId;
        /** {@code xsi:type="tns:citizenData"} when found; anything else is not an ID card. */
        public Object response;
        @XmlElement(required = true)
        public Integer resultCode;
        public String resultMessage;
    }

    /** The ID-card data: {@code surname} is the clan name (ургийн овог), {@code lastname} the patronymic. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "citizenData", propOrder = {"aimagCityName", "birthDate", "birthDateAsText", "birthPlace", "civilId",
            "firstname", "gender", "lastname", "nationality", "passportExpireDate", "passportIssueDate", "regnum",
            "soumDistrictName", "surname"})
    public static final class CitizenData {
        public String aimagCityName;
        public XMLGregorianCalendar birthDate;
        public String birthDateAsText;
        public String birthPlace;
        public String civilId;
        public String firstname;
        public String gender;
        public String lastname;
        public String nationality;
        public String passportExpireDate;
        public String passportIssueDate;
        public String regnum;
        public String soumDistrictName;
        public String surname;
    }
}
