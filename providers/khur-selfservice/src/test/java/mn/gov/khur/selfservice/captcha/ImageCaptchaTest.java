package mn.gov.khur.selfservice.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ImageCaptchaTest {

    private final Map<String, String> store = new HashMap<>();
    private final ImageCaptcha.Notes notes = new ImageCaptcha.Notes() {
        @Override
        public String get(String name) {
            return store.get(name);
        }

        @Override
        public void set(String name, String value) {
            store.put(name, value);
        }

        @Override
        public void remove(String name) {
            store.remove(name);
        }
    };
    private Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final ImageCaptcha captcha = new ImageCaptcha(new SecureRandom(), new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, Duration.ofMinutes(3));

    @Test
    void rendersAPngHeadlessWithTheBundledFont() throws Exception {
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        ImageCaptcha.IssuedCaptcha issued = captcha.issue(notes);
        assertThat(issued.imageDataUri()).startsWith("data:image/png;base64,");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(issued.imageDataUri().substring("data:image/png;base64,".length()))));
        assertThat(image.getWidth()).isEqualTo(CaptchaRenderer.WIDTH);
        long dark = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("characters were drawn").isGreaterThan(400);
        assertThat(CaptchaFont.sized(30f).canDisplayUpTo(CaptchaText.ALPHABET)).isEqualTo(-1);
    }

    @Test
    void theAnswerIsNotStoredOnlyItsMac() {
        ImageCaptcha.IssuedCaptcha issued = captcha.issue(notes);
        assertThat(store.values()).noneMatch(v -> v.contains(issued.answer()));
        assertThat(issued.toString()).doesNotContain(issued.answer());
    }

    @Test
    void rightAnswerCaseInsensitiveWithSpacesPasses() {
        String answer = captcha.issue(notes).answer();
        assertThat(captcha.verify(notes, " " + answer.toLowerCase(java.util.Locale.ROOT) + " ")).isEqualTo(CaptchaVerdict.CORRECT);
    }

    @Test
    void everyCaptchaIsCheckedOnceRightOrWrong() {
        String answer = captcha.issue(notes).answer();
        assertThat(captcha.verify(notes, answer)).isEqualTo(CaptchaVerdict.CORRECT);
        assertThat(captcha.verify(notes, answer)).isEqualTo(CaptchaVerdict.EXPIRED);
        String second = captcha.issue(notes).answer();
        assertThat(captcha.verify(notes, "WRONG")).isEqualTo(CaptchaVerdict.WRONG);
        assertThat(captcha.verify(notes, second)).as("a wrong guess used it up").isEqualTo(CaptchaVerdict.EXPIRED);
    }

    @Test
    void emptyOmittedAndExpiredFail() {
        captcha.issue(notes);
        assertThat(captcha.verify(notes, "")).isEqualTo(CaptchaVerdict.WRONG);
        captcha.issue(notes);
        assertThat(captcha.verify(notes, null)).isEqualTo(CaptchaVerdict.WRONG);
        assertThat(captcha.verify(notes, "ANY")).as("nothing issued").isEqualTo(CaptchaVerdict.EXPIRED);
        String answer = captcha.issue(notes).answer();
        now = now.plus(Duration.ofMinutes(3));
        assertThat(captcha.verify(notes, answer)).isEqualTo(CaptchaVerdict.EXPIRED);
    }

    @Test
    void answersUseOnlyUnambiguousCharacters() {
        CaptchaText texts = new CaptchaText(new SecureRandom());
        for (int i = 0; i < 200; i++) {
            assertThat(texts.next()).hasSize(CaptchaText.LENGTH).matches("[" + CaptchaText.ALPHABET + "]+");
        }
        assertThat(CaptchaText.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
    }
}
