package mn.gov.khur.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signed inbound SMS webhook of docs/CONTRACTS.md §2, as an SMS gateway sends it. */
public final class Webhook {

    public static final String PATH = "/realms/" + BenchConfig.KHUR_REALM + "/sms-gateway/inbound";

    private Webhook() {
    }

    public static String body(String from, String text) {
        return "{\"messageId\":\"bench-" + UUID.randomUUID() + "\",\"from\":\"" + from + "\",\"to\":\""
                + BenchConfig.SHORT_NUMBER + "\",\"text\":\"" + text + "\",\"receivedAt\":\"" + Instant.now() + "\"}";
    }

    public static String signature(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(BenchConfig.SMS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body.getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
