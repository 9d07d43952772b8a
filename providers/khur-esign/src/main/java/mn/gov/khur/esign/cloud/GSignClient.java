package mn.gov.khur.esign.cloud;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.esign.push.PushSignatureService;

/**
 * Adapter for the GSign cloud signature. GSign's API is not public; this adapter is modelled on the
 * Smart-ID REST API v2 authentication flow, and is the contract a GSign integration must meet (or
 * be mapped onto):
 * <ul>
 * <li>{@code POST <base>/authentication/etsi/PNOMN-<register number>} with
 *   {@code {"relyingPartyUUID","relyingPartyName","hash":<base64 SHA-256>,"hashType":"SHA256",
 *   "phoneNumber":"+976…","allowedInteractionsOrder":[{"type":"displayTextAndPIN","displayText60":…}]}}
 *   (ETSI semantic identifier PNO + country MN); 200 {@code {"sessionID"}}; 404 when there is no
 *   GSign account for that register number bound to that phone; 401/403 when we are not allowed.</li>
 * <li>{@code GET <base>/session/<sessionID>?timeoutMs=…}: {@code {"state":"RUNNING"}} or
 *   {@code {"state":"COMPLETE","result":{"endResult":"OK"|"USER_REFUSED"|"TIMEOUT"|"DOCUMENT_UNUSABLE"|"WRONG_VC"},
 *   "signature":{"value","algorithm"},"cert":{"value":<base64 DER>,"certificateLevel"}}}.</li>
 * </ul>
 * As in Smart-ID the key signs the hash (RSA PKCS#1 v1.5 DigestInfo or ECDSA), i.e. a
 * SHA-256-with signature over the challenge string itself, which the shared verifier checks.
 */
public final class GSignClient implements PushSignatureService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String relyingPartyUuid;
    private final String relyingPartyName;
    private final Duration timeout;
    private final HttpClient http;

    public GSignClient(URI base, String relyingPartyUuid, String relyingPartyName, Duration timeout) {
        this.base = base;
        this.relyingPartyUuid = relyingPartyUuid;
        this.relyingPartyName = relyingPartyName;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static String semanticIdentifier(RegisterNumber registerNumber) {
        return "PNOMN-" + registerNumber.value();
    }

    @Override
    public PushAnswer start(RegisterNumber registerNumber, MongolianMobileNumber phone, byte[] hash, String displayText)
            throws PushUnavailableException {
        String text = displayText.length() > 60 ? displayText.substring(displayText.length() - 60) : displayText;
        Map<String, Object> body = Map.of("relyingPartyUUID", relyingPartyUuid, "relyingPartyName", relyingPartyName,
                "hash", Base64.getEncoder().encodeToString(hash), "hashType", "SHA256", "phoneNumber", phone.e164(),
                "allowedInteractionsOrder", List.of(Map.of("type", "displayTextAndPIN", "displayText60", text)));
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(resolve("authentication/etsi/"
                            + URLEncoder.encode(semanticIdentifier(registerNumber), StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new PushUnavailableException("GSign request not encodable: " + e.getMessage(), e);
        }
        if (response.statusCode() == 404) {
            return new PushAnswer.NoSigningKey("unknown_account");
        }
        if (response.statusCode() != 200) {
            throw new PushUnavailableException("GSign answered HTTP " + response.statusCode(), null);
        }
        String session = json(response).path("sessionID").asText("");
        if (session.isBlank()) {
            throw new PushUnavailableException("GSign answer without sessionID", null);
        }
        return new PushAnswer.Accepted(session);
    }

    @Override
    public PushAnswer poll(String sessionId) throws PushUnavailableException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(resolve("session/"
                + URLEncoder.encode(sessionId, StandardCharsets.UTF_8) + "?timeoutMs=1000")).GET());
        if (response.statusCode() == 404) {
            return new PushAnswer.Refused("khurEsignPushTimeout", "session_unknown");
        }
        if (response.statusCode() != 200) {
            throw new PushUnavailableException("GSign answered HTTP " + response.statusCode(), null);
        }
        JsonNode session = json(response);
        String state = session.path("state").asText("");
        if ("RUNNING".equals(state)) {
            return new PushAnswer.Outstanding();
        }
        if (!"COMPLETE".equals(state)) {
            throw new PushUnavailableException("GSign session in unknown state", null);
        }
        String endResult = session.path("result").path("endResult").asText("");
        return switch (endResult) {
            case "OK" -> {
                try {
                    yield new PushAnswer.SignedRaw(Base64.getDecoder().decode(session.path("cert").path("value").asText("")),
                            Base64.getDecoder().decode(session.path("signature").path("value").asText("")));
                } catch (IllegalArgumentException e) {
                    yield new PushAnswer.SignedRaw(new byte[0], new byte[0]); // refused as malformed by the verifier
                }
            }
            case "USER_REFUSED", "WRONG_VC" -> new PushAnswer.Refused("khurEsignCancelled", "user_cancel");
            case "TIMEOUT" -> new PushAnswer.Refused("khurEsignPushTimeout", "timeout");
            case "DOCUMENT_UNUSABLE" -> new PushAnswer.Refused("khurEsignCloudDocumentUnusable", "document_unusable");
            default -> endResult.startsWith("USER_REFUSED")
                    ? new PushAnswer.Refused("khurEsignCancelled", "user_cancel")
                    : new PushAnswer.Refused("khurEsignPushFailed", "gsign_failed");
        };
    }

    private URI resolve(String path) {
        String b = base.toString();
        return URI.create(b.endsWith("/") ? b + path : b + "/" + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws PushUnavailableException {
        try {
            return http.send(request.timeout(timeout).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new PushUnavailableException("GSign unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushUnavailableException("interrupted", e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws PushUnavailableException {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PushUnavailableException("GSign answer is not JSON", e);
        }
    }
}
