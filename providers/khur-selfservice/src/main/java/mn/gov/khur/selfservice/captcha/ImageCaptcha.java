package mn.gov.khur.selfservice.captcha;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import mn.gov.khur.common.crypto.ConstantTime;

/**
 * Image captcha bound to one authentication session (browser tab): {@link #issue} keeps only an
 * HMAC of the answer (random per-captcha key) and its expiry in the session's notes; {@link #verify}
 * removes them before comparing, so every captcha is checked at most once, right or wrong.
 */
public final class ImageCaptcha {

    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(3);
    static final String NOTE_KEY = "khur.captcha.key";
    static final String NOTE_MAC = "khur.captcha.mac";
    static final String NOTE_EXPIRES = "khur.captcha.expires";

    private final SecureRandom random;
    private final Clock clock;
    private final Duration lifetime;
    private final CaptchaText texts;
    private final CaptchaRenderer renderer;

    public ImageCaptcha(SecureRandom random, Clock clock, Duration lifetime) {
        this.random = random;
        this.clock = clock;
        this.lifetime = lifetime;
        this.texts = new CaptchaText(random);
        this.renderer = new CaptchaRenderer(random);
    }

    /** Where the notes live: an authentication session in Keycloak, a map in tests. */
    public interface Notes {
        String get(String name);

        void set(String name, String value);

        void remove(String name);
    }

    /** A new captcha replacing any earlier one of this tab. */
    public IssuedCaptcha issue(Notes notes) {
        String answer = texts.next();
        byte[] key = new byte[32];
        random.nextBytes(key);
        notes.set(NOTE_KEY, Base64.getEncoder().encodeToString(key));
        notes.set(NOTE_MAC, mac(key, answer));
        notes.set(NOTE_EXPIRES, String.valueOf(clock.instant().plus(lifetime).toEpochMilli()));
        return new IssuedCaptcha(renderer.dataUri(answer), answer);
    }

    public CaptchaVerdict verify(Notes notes, String typed) {
        String key = notes.get(NOTE_KEY);
        String expected = notes.get(NOTE_MAC);
        String expires = notes.get(NOTE_EXPIRES);
        notes.remove(NOTE_KEY);
        notes.remove(NOTE_MAC);
        notes.remove(NOTE_EXPIRES);
        if (key == null || expected == null || expires == null) {
            return CaptchaVerdict.EXPIRED;
        }
        if (!clock.instant().isBefore(Instant.ofEpochMilli(Long.parseLong(expires)))) {
            return CaptchaVerdict.EXPIRED;
        }
        String answer = CaptchaText.normalize(typed);
        if (answer.isEmpty() || answer.length() > 32) {
            return CaptchaVerdict.WRONG;
        }
        return ConstantTime.equals(expected, mac(Base64.getDecoder().decode(key), answer))
                ? CaptchaVerdict.CORRECT : CaptchaVerdict.WRONG;
    }

    private static String mac(byte[] key, String answer) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(hmac.doFinal(answer.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The image for the page and, only for the test seam, the answer (never put on a page otherwise). */
    public record IssuedCaptcha(String imageDataUri, String answer) {
        @Override
        public String toString() {
            return "IssuedCaptcha[image]";
        }
    }
}
