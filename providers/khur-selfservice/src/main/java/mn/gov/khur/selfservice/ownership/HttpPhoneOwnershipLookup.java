package mn.gov.khur.selfservice.ownership;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;

/**
 * HTTP adapter to the subscriber lookup. Wire format (the sandbox speaks the same):
 * {@code POST <url>}, {@code Content-Type: application/json}, {@code Authorization: Bearer <token>} when a
 * token is configured, body {@code {"msisdn":"+97699112233","registerNumber":"УБ99112233"}}; answer
 * {@code 200 {"result":"match"|"no_match"|"unknown"}}, optionally with {@code "simChangedAt":"<RFC 3339>"}
 * when the operator knows the last SIM swap or port-in of that number. Anything else — another status, another
 * body, a timeout, a refused connection — is "unavailable", never a match.
 */
public final class HttpPhoneOwnershipLookup implements PhoneOwnershipLookup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 4096;

    private final PhoneOwnershipSettings settings;
    private final HttpClient http;

    public HttpPhoneOwnershipLookup(PhoneOwnershipSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public SubscriberStatus status(MongolianMobileNumber msisdn, RegisterNumber registerNumber)
            throws PhoneOwnershipUnavailableException {
        if (!settings.configured()) {
            throw new PhoneOwnershipUnavailableException("phone-ownership lookup not configured");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(msisdn, registerNumber)));
        if (settings.token() != null) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PhoneOwnershipUnavailableException("phone-ownership lookup unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PhoneOwnershipUnavailableException("phone-ownership lookup interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new PhoneOwnershipUnavailableException("phone-ownership lookup answered HTTP " + response.statusCode());
        }
        return parse(response.body());
    }

    static String body(MongolianMobileNumber msisdn, RegisterNumber registerNumber) {
        try {
            return JSON.writeValueAsString(Map.of("msisdn", msisdn.e164(), "registerNumber", registerNumber.value()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SubscriberStatus parse(byte[] body) throws PhoneOwnershipUnavailableException {
        if (body == null || body.length == 0 || body.length > MAX_BODY) {
            throw new PhoneOwnershipUnavailableException("phone-ownership lookup answered an empty or oversized body");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            throw new PhoneOwnershipUnavailableException("phone-ownership lookup answered no JSON", e);
        }
        PhoneOwnership ownership = switch (answer.path("result").asText("")) {
            case "match" -> PhoneOwnership.MATCH;
            case "no_match" -> PhoneOwnership.NO_MATCH;
            case "unknown" -> PhoneOwnership.UNKNOWN;
            default -> throw new PhoneOwnershipUnavailableException("phone-ownership lookup answered an unknown result");
        };
        return new SubscriberStatus(ownership, simChangedAt(answer.path("simChangedAt")));
    }

    /** A date we cannot read is an answer we cannot trust: unavailable, never "no swap". */
    private static Instant simChangedAt(JsonNode value) throws PhoneOwnershipUnavailableException {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new PhoneOwnershipUnavailableException("phone-ownership lookup answered an unreadable simChangedAt", e);
        }
    }
}
