package mn.gov.khur.registry.xyp.meta;

import javax.xml.namespace.QName;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;

/** The complex types of {@code WS100001_listAccess} and {@code WS100008_registerOTPRequest}. */
public final class MetaTypes {

    public static final String NAMESPACE = "http://meta.xyp.gov.mn/";
    public static final QName LIST_ACCESS = new QName(NAMESPACE, "WS100001_listAccess");
    public static final QName LIST_ACCESS_RESPONSE = new QName(NAMESPACE, "WS100001_listAccessResponse");
    public static final QName REGISTER_OTP_REQUEST = new QName(NAMESPACE, "WS100008_registerOTPRequest");
    public static final QName REGISTER_OTP_REQUEST_RESPONSE = new QName(NAMESPACE, "WS100008_registerOTPRequestResponse");

    private MetaTypes() {
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "WS100001_listAccess")
    public static final class ListAccess {
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "WS100001_listAccessResponse")
    public static final class ListAccessResponse {
        @XmlElement(name = "return")
        public ServiceResponse result;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "WS100008_registerOTPRequest")
    public static final class RegisterOtpRequestCall {
        public RegisterOtpRequest request;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "WS100008_registerOTPRequestResponse")
    public static final class RegisterOtpRequestResponse {
        @XmlElement(name = "return")
        public ServiceResponse result;
    }

    /**
     * Which services the code approves ({@code jsonWSList}, a JSON array of {@code {"ws": name}}) and how the
     * registry sends it: {@code isSms=1} to {@code phoneNum} (the citizen's own phone, national 8 digits; 0 = the
     * number the citizen registered at e-Mongolia).
     */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "registerOTPRequest", propOrder = {"isApp", "isEmail", "isKiosk", "isSms", "jsonWSList",
            "phoneNum", "regnum"})
    public static final class RegisterOtpRequest {
        public int isApp;
        public int isEmail;
        public int isKiosk;
        public int isSms;
        public String jsonWSList;
        public int phoneNum;
        public String regnum;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "serviceResponse", propOrder = {"request", "requestId", "response", "resultCode", "resultMessage"})
    @XmlSeeAlso(RegisterOtpData.class)
    public static final class ServiceResponse {
        public Object request;
        public String requestId;
        public Object response;
        @XmlElement(required = true)
        public Integer resultCode;
        public String resultMessage;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "registerOTPData", propOrder = {"resultMsg", "status"})
    public static final class RegisterOtpData {
        public String resultMsg;
        public String status;
    }
}
