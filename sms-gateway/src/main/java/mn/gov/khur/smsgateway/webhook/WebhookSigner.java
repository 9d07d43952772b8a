package mn.gov.khur.smsgateway.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Khur-Signature: v2=<hex HMAC-SHA256(secret, timestamp + "\n" + "POST" + "\n" + path + "\n" + body)>}
 * (contracts §2, README "Inbound webhook"), where path is {@code /realms/<realm>/sms-gateway/inbound} taken from the
 * webhook URL: the signature names the realm it is for, so no other realm accepts it. Signs the exact bytes sent,
 * never a re-serialisation. (The identity provider also still accepts {@code v1}, which names no realm; this bridge
 * no longer sends it: upgrade the identity provider first.)
 */
public final class WebhookSigner {

    public static final String TIMESTAMP_HEADER = "X-Khur-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Khur-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern WEBHOOK_PATH = Pattern.compile(".*(/realms/[^/]+/sms-gateway/inbound)");

    private final SecretKeySpec key;
    private final String signedPath;

    public WebhookSigner(byte[] secret, URI webhookUrl) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.signedPath = signedPath(webhookUrl);
    }

    /**
     * The part of the webhook URL a v2 signature names: from {@code /realms/} on, decoded, without any prefix a
     * proxy may put in front (the identity provider computes it from the realm's name).
     *
     * @throws IllegalArgumentException when the URL is not a realm's inbound webhook
     */
    public static String signedPath(URI webhookUrl) {
        String path = webhookUrl == null ? null : webhookUrl.getPath();
        var matcher = path == null ? null : WEBHOOK_PATH.matcher(path);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("khur.gateway.webhook-url must end in /realms/<realm>/sms-gateway/inbound");
        }
        return matcher.group(1);
    }

    public String sign(String timestamp, byte[] body) {
        Mac mac = newMac();
        mac.update((timestamp + "\nPOST\n" + signedPath + "\n").getBytes(StandardCharsets.UTF_8));
        mac.update(body);
        return "v2=" + HexFormat.of().formatHex(mac.doFinal());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe: one per signature
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
