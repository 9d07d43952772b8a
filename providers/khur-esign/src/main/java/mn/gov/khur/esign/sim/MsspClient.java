package mn.gov.khur.esign.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ETSI TS 102 204 asynchronous client-server mode over the JSON/REST binding MSSPs offer:
 * {@code POST <base>/signature} with {@code MSS_SignatureReq} (DataToBeSigned = the SHA-256 hash
 * of our challenge, base64; DataToBeDisplayed = text with the verification code; MSS_Format CMS;
 * MessagingMode asynchClientServer) answers {@code MSS_SignatureResp} with an {@code MSSP_TransID}
 * and status 100 REQUEST_OK; then {@code POST <base>/status} with {@code MSS_StatusReq} answers
 * {@code MSS_StatusResp}: 504 OUTSTANDING_TRANSACTION while the citizen decides, 500 SIGNATURE /
 * 502 VALID_SIGNATURE with {@code MSS_Signature.Base64Signature} (CMS SignedData), or a final
 * error (401 USER_CANCEL, 208 EXPIRED_TRANSACTION, 105 UNKNOWN_CLIENT, 501 REVOKED_CERTIFICATE,
 * ...). Errors may also come as {@code {"Fault":{"Code":{"SubCode":{"Value":"mss:_105"}}}}}.
 * AP_ID / AP_PWD authenticate us (in AP_Info, as the standard has it).
 */
public final class MsspClient {

    public static final String CMS_FORMAT = "http://uri.etsi.org/TS102204/v1.1.2#CMS-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String apId;
    private final String apPassword;
    private final String signatureProfile;
    private final HttpClient http;
    private final Duration timeout;

    public MsspClient(URI base, String apId, String apPassword, String signatureProfile, Duration timeout) {
        this.base = base;
        this.apId = apId;
        this.apPassword = apPassword;
        this.signatureProfile = signatureProfile;
        this.timeout = timeout;
        this.http = mn.gov.khur.http.OutboundHttp.client(timeout); // Keycloak's proxy-mappings, truststore, timeouts
    }

    /** The MSSP's answer: the transaction id when accepted, else the ETSI status code. */
    public record Answer(int status, String transactionId, byte[] cms) {
        public boolean accepted() {
            return status == MsspStatus.REQUEST_OK && transactionId != null && !transactionId.isBlank();
        }

        public boolean outstanding() {
            return status == MsspStatus.OUTSTANDING_TRANSACTION;
        }

        public boolean signed() {
            return (status == MsspStatus.SIGNATURE || status == MsspStatus.VALID_SIGNATURE) && cms != null;
        }
    }

    /** The MSSP could not be reached, or answered something that is not the protocol. */
    public static final class MsspUnavailableException extends Exception {
        public MsspUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Answer requestSignature(String msisdn, byte[] hash, String textToDisplay) throws MsspUnavailableException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("AP_Info", apInfo());
        request.put("MobileUser", Map.of("MSISDN", msisdn));
        request.put("DataToBeSigned", Map.of("MimeType", "application/octet-stream", "Encoding", "BASE64",
                "Data", Base64.getEncoder().encodeToString(hash)));
        request.put("DataToBeDisplayed", Map.of("MimeType", "text/plain", "Encoding", "UTF-8", "Data", textToDisplay));
        request.put("SignatureProfile", signatureProfile);
        request.put("MSS_Format", CMS_FORMAT);
        request.put("MessagingMode", "asynchClientServer");
        JsonNode answer = post("signature", Map.of("MSS_SignatureReq", request));
        JsonNode response = answer.path("MSS_SignatureResp");
        return new Answer(status(answer, response), text(response.path("MSSP_TransID")), null);
    }

    public Answer queryStatus(String transactionId) throws MsspUnavailableException {
        JsonNode answer = post("status", Map.of("MSS_StatusReq", Map.of("AP_Info", apInfo(), "MSSP_TransID", transactionId)));
        JsonNode response = answer.path("MSS_StatusResp");
        String signature = text(response.path("MSS_Signature").path("Base64Signature"));
        byte[] cms = null;
        if (signature != null) {
            try {
                cms = Base64.getDecoder().decode(signature);
            } catch (IllegalArgumentException e) {
                cms = new byte[0]; // not base64: fails CMS verification as malformed
            }
        }
        return new Answer(status(answer, response), transactionId, cms);
    }

    private Map<String, Object> apInfo() {
        return Map.of("AP_ID", apId, "AP_PWD", apPassword, "AP_TransID", "KHUR-" + UUID.randomUUID(),
                "Instant", Instant.now().toString());
    }

    private static int status(JsonNode answer, JsonNode response) throws MsspUnavailableException {
        JsonNode code = response.path("Status").path("StatusCode").path("Value");
        if (code.canConvertToInt()) {
            return code.asInt();
        }
        String subCode = text(answer.path("Fault").path("Code").path("SubCode").path("Value"));
        if (subCode != null && subCode.contains("_")) {
            try {
                return Integer.parseInt(subCode.substring(subCode.lastIndexOf('_') + 1));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new MsspUnavailableException("no status in the MSSP answer", null);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private JsonNode post(String operation, Object body) throws MsspUnavailableException {
        try {
            String base = this.base.toString();
            URI uri = URI.create(base.endsWith("/") ? base + operation : base + "/" + operation);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.body() == null || response.body().isBlank()) {
                throw new MsspUnavailableException("empty MSSP answer, HTTP " + response.statusCode(), null);
            }
            return JSON.readTree(response.body());
        } catch (IOException | IllegalArgumentException e) {
            throw new MsspUnavailableException("MSSP unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MsspUnavailableException("interrupted", e);
        }
    }
}
