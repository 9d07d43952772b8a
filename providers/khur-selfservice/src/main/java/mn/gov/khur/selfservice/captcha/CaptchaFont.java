package mn.gov.khur.selfservice.captcha;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The captcha's font, carried in this jar (Open Sans Bold, Apache License 2.0, from Keycloak's
 * vendor-theme jar): the production image has no system fonts, and {@link Font#createFont} renders
 * headless without any.
 */
final class CaptchaFont {

    static final String RESOURCE =
            "/khur-captcha-font/theme/keycloak/common/resources/vendor/patternfly-v3/fonts/OpenSans-Bold-webfont.ttf";
    private static final Font BASE = load();

    private CaptchaFont() {
    }

    static Font sized(float points) {
        return BASE.deriveFont(points);
    }

    private static Font load() {
        try (InputStream in = CaptchaFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("captcha font missing from the jar: " + RESOURCE);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("captcha font unreadable: " + RESOURCE, e);
        }
    }
}
