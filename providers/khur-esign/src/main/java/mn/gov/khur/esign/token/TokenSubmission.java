package mn.gov.khur.esign.token;

import java.util.Base64;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

/** The token page's form: register number entered, certificate and signature from the ESIGN client. */
record TokenSubmission(String registerNumber, byte[] certificate, byte[] signature) {

    private static final int MAX_BASE64 = 16 * 1024;

    /** Empty when certificate or signature is missing or not base64 (a tampered or broken page). */
    static Optional<TokenSubmission> parse(MultivaluedMap<String, String> form) {
        String certificate = form.getFirst("certificate");
        String signature = form.getFirst("signature");
        if (certificate == null || signature == null || certificate.length() > MAX_BASE64 || signature.length() > MAX_BASE64) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TokenSubmission(form.getFirst("registerNumber"),
                    Base64.getMimeDecoder().decode(certificate.strip()), Base64.getMimeDecoder().decode(signature.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
