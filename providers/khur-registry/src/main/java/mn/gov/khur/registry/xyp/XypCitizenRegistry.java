package mn.gov.khur.registry.xyp;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import javax.xml.namespace.QName;

import jakarta.xml.bind.JAXBContext;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.Gender;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.registry.Approval;
import mn.gov.khur.registry.CitizenRegistry;
import mn.gov.khur.registry.CodeDelivery;
import mn.gov.khur.registry.RegistryLookup;
import mn.gov.khur.registry.RegistryRecord;
import mn.gov.khur.registry.xyp.XypSoap.XypAnswerException;
import mn.gov.khur.registry.xyp.citizen.CitizenTypes;
import mn.gov.khur.registry.xyp.meta.MetaTypes;

import org.jboss.logging.Logger;

/**
 * ХУР's citizen service as a {@link CitizenRegistry}: {@code WS100008_registerOTPRequest} (meta) makes the registry
 * send the citizen its code, {@code WS100101_getCitizenIDCardInfo} (citizen) fetches the ID-card data with that code
 * as {@code auth.citizen}, {@code WS100001_listAccess} (meta) is the probe. Result code 0 is success, the configured
 * not-found and consent-refused codes are those outcomes, everything else — and every failure to get a proper
 * answer — is "unavailable".
 */
final class XypCitizenRegistry implements CitizenRegistry {

    static final String FETCHED_SERVICE = "WS100101_getCitizenIDCardInfo";
    private static final Logger LOG = Logger.getLogger(XypCitizenRegistry.class);

    private final XypSettings settings;
    private final XypTransport transport;
    private final Supplier<Optional<XypCredentials>> credentials;
    private final Clock clock;

    XypCitizenRegistry(XypSettings settings, XypTransport transport, Supplier<Optional<XypCredentials>> credentials,
                       Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public CodeDelivery sendOneTimeCode(RegisterNumber registerNumber, Optional<MongolianMobileNumber> phone) {
        MetaTypes.RegisterOtpRequest request = new MetaTypes.RegisterOtpRequest();
        request.regnum = registerNumber.value();
        request.jsonWSList = "[{\"ws\":\"" + FETCHED_SERVICE + "\"}]";
        request.isSms = 1;
        request.phoneNum = phone.map(number -> Integer.parseInt(number.national())).orElse(0);
        MetaTypes.RegisterOtpRequestCall call = new MetaTypes.RegisterOtpRequestCall();
        call.request = request;
        long timestamp = now();
        Result<MetaTypes.RegisterOtpRequestResponse> answer = call(settings.metaUrl(), timestamp, XypSoap.meta(),
                MetaTypes.REGISTER_OTP_REQUEST, MetaTypes.RegisterOtpRequestCall.class, call,
                MetaTypes.REGISTER_OTP_REQUEST_RESPONSE, MetaTypes.RegisterOtpRequestResponse.class);
        if (answer.failure() != null) {
            return new CodeDelivery.Unavailable(answer.failure());
        }
        MetaTypes.ServiceResponse result = answer.value().result;
        if (result == null || result.resultCode == null) {
            return new CodeDelivery.Unavailable("answer without a result code");
        }
        int code = result.resultCode;
        if (code == 0) {
            return new CodeDelivery.Sent(timestamp);
        }
        if (settings.notFoundCodes().contains(code)) {
            return new CodeDelivery.NotFound(code);
        }
        return new CodeDelivery.Unavailable("result code " + code);
    }

    @Override
    public RegistryLookup fetch(RegisterNumber registerNumber, Approval approval) {
        CitizenTypes.AuthorizationEntity citizen = new CitizenTypes.AuthorizationEntity();
        citizen.regnum = registerNumber.value();
        long timestamp;
        switch (approval) {
            case Approval.OneTimeCode oneTimeCode -> {
                citizen.otp = oneTimeCode.code();
                timestamp = oneTimeCode.requestTimestamp();
            }
        }
        CitizenTypes.AuthorizationData auth = new CitizenTypes.AuthorizationData();
        auth.citizen = citizen;
        CitizenTypes.CitizenRequestData request = new CitizenTypes.CitizenRequestData();
        request.auth = auth;
        request.regnum = registerNumber.value();
        CitizenTypes.GetCitizenIdCardInfo call = new CitizenTypes.GetCitizenIdCardInfo();
        call.request = request;
        Result<CitizenTypes.GetCitizenIdCardInfoResponse> answer = call(settings.citizenUrl(), timestamp, XypSoap.citizen(),
                CitizenTypes.GET_CITIZEN_ID_CARD_INFO, CitizenTypes.GetCitizenIdCardInfo.class, call,
                CitizenTypes.GET_CITIZEN_ID_CARD_INFO_RESPONSE, CitizenTypes.GetCitizenIdCardInfoResponse.class);
        if (answer.failure() != null) {
            return new RegistryLookup.Unavailable(answer.failure());
        }
        return lookup(answer.value().result);
    }

    /** The outcome of one {@code WS100101} answer. Package-private for the unit tests. */
    RegistryLookup lookup(CitizenTypes.ServiceResponse result) {
        if (result == null || result.resultCode == null) {
            return new RegistryLookup.Unavailable("answer without a result code");
        }
        int code = result.resultCode;
        if (code != 0) {
            if (settings.notFoundCodes().contains(code)) {
                return new RegistryLookup.NotFound(code);
            }
            if (settings.consentRefusedCodes().contains(code)) {
                return new RegistryLookup.ConsentRefused(code);
            }
            return new RegistryLookup.Unavailable("result code " + code);
        }
        if (!(result.response instanceof CitizenTypes.CitizenData data)) {
            return new RegistryLookup.Unavailable("success without ID-card data");
        }
        Optional<String> registerNumber = Optional.ofNullable(data.regnum).map(RegisterNumber::normalize)
                .filter(value -> !value.isBlank());
        String givenName = name(data.firstname);
        String patronymic = name(data.lastname);
        LocalDate birthDate = birthDate(data);
        if (registerNumber.isEmpty() || givenName == null || patronymic == null || birthDate == null) {
            // never fill in what the registry did not say
            return new RegistryLookup.Unavailable("ID-card data without register number, names or birth date");
        }
        String clanName = name(data.surname);
        return new RegistryLookup.Found(new RegistryRecord(registerNumber.get(), clanName == null ? "" : clanName,
                patronymic, givenName, birthDate, gender(data.gender), result.requestId, clock.instant()));
    }

    @Override
    public boolean reachable() {
        Result<MetaTypes.ListAccessResponse> answer = call(settings.metaUrl(), now(), XypSoap.meta(), MetaTypes.LIST_ACCESS,
                MetaTypes.ListAccess.class, new MetaTypes.ListAccess(), MetaTypes.LIST_ACCESS_RESPONSE,
                MetaTypes.ListAccessResponse.class);
        boolean up = answer.failure() == null && answer.value().result != null
                && Integer.valueOf(0).equals(answer.value().result.resultCode);
        if (!up) {
            LOG.debugf("Registry probe failed: %s", answer.failure() == null ? "result code not 0" : answer.failure());
        }
        return up;
    }

    private <Q, A> Result<A> call(URI endpoint, long timestamp, JAXBContext context, QName requestElement,
                                  Class<Q> requestType, Q request, QName answerElement, Class<A> answerType) {
        if (!configured()) {
            return Result.failed("registry not configured");
        }
        Optional<XypCredentials> organisation = credentials.get();
        if (organisation.isEmpty()) {
            return Result.failed("registry credentials missing");
        }
        byte[] envelope = XypSoap.request(context, requestElement, requestType, request);
        XypTransport.Answer answer;
        try {
            answer = transport.post(endpoint, XypRequestSigner.headers(organisation.get().accessToken(), timestamp,
                    organisation.get().signingKey()), envelope);
        } catch (IOException e) {
            LOG.infof("Registry %s unreachable: %s", requestElement.getLocalPart(), e.getClass().getSimpleName());
            return Result.failed("unreachable: " + e.getClass().getSimpleName());
        }
        if (answer.status() != 200 && answer.status() != 500) { // 500 is how SOAP 1.1 carries a fault
            LOG.infof("Registry %s answered HTTP %d", requestElement.getLocalPart(), answer.status());
            return Result.failed("HTTP " + answer.status());
        }
        try {
            return Result.of(XypSoap.response(answer.body(), context, answerElement, answerType));
        } catch (XypAnswerException e) {
            LOG.infof("Registry %s: %s", requestElement.getLocalPart(), e.getMessage());
            return Result.failed(e.getMessage());
        }
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static String name(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() || stripped.length() > 255 ? null : stripped;
    }

    private static LocalDate birthDate(CitizenTypes.CitizenData data) {
        try {
            if (data.birthDate != null) {
                return LocalDate.of(data.birthDate.getYear(), data.birthDate.getMonth(), data.birthDate.getDay());
            }
            if (data.birthDateAsText != null && data.birthDateAsText.strip().length() >= 10) {
                return LocalDate.parse(data.birthDateAsText.strip().substring(0, 10));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /** The registry writes the gender in Mongolian; an unknown value is not stored rather than guessed. */
    static Gender gender(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "эрэгтэй", "male", "m", "1" -> Gender.MALE;
            case "эмэгтэй", "female", "f", "2" -> Gender.FEMALE;
            default -> null;
        };
    }

    private record Result<T>(T value, String failure) {
        static <T> Result<T> of(T value) {
            return new Result<>(value, null);
        }

        static <T> Result<T> failed(String failure) {
            return new Result<>(null, failure);
        }
    }
}
