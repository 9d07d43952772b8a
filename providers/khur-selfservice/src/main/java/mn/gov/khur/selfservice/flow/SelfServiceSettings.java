package mn.gov.khur.selfservice.flow;

import java.util.Map;

import mn.gov.khur.identity.settings.ServerSettings;
import mn.gov.khur.identity.settings.ServerSettings.Setting;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Environment;

/**
 * Environment settings of the self-service forms, read when the server starts (the steps are made then):
 * <ul>
 *   <li>{@code KHUR_SELFSERVICE_POSTS_PER_MINUTE} (default 20): form posts per client IP and minute, per form.</li>
 *   <li>{@code KHUR_CAPTCHA_TEST_MODE=true}: the test seam. Honoured only when Keycloak runs in dev mode
 *       ({@code kc.sh start-dev}); then the captcha image carries its answer in {@code data-khur-test-answer}
 *       so automated tests can pass it. In production mode ({@code kc.sh start}) it is ignored, with a warning.</li>
 * </ul>
 */
final class SelfServiceSettings {

    static final String POSTS_PER_MINUTE = "KHUR_SELFSERVICE_POSTS_PER_MINUTE";
    static final String CAPTCHA_TEST_MODE = "KHUR_CAPTCHA_TEST_MODE";
    private static final Logger LOG = Logger.getLogger(SelfServiceSettings.class);

    final int postsPerMinute;
    final boolean captchaTestMode;

    private SelfServiceSettings(int postsPerMinute, boolean captchaTestMode) {
        this.postsPerMinute = postsPerMinute;
        this.captchaTestMode = captchaTestMode;
    }

    /** Read by the kit's rule ({@link ServerSettings}); an unusable value is refused with its name. */
    static SelfServiceSettings from(Map<String, String> env, boolean devMode) {
        ServerSettings server = new ServerSettings(option -> null, env::get);
        int perMinute = server.wholeNumber(Setting.env(POSTS_PER_MINUTE), 20, 1, Integer.MAX_VALUE);
        boolean testModeAsked = server.flag(Setting.env(CAPTCHA_TEST_MODE), false);
        if (testModeAsked && !devMode) {
            LOG.warnf("%s ignored: Keycloak is not in dev mode", CAPTCHA_TEST_MODE);
        }
        if (testModeAsked && devMode) {
            LOG.warnf("%s: captcha answers are exposed to automated tests (dev mode only)", CAPTCHA_TEST_MODE);
        }
        return new SelfServiceSettings(perMinute, testModeAsked && devMode);
    }

    static SelfServiceSettings fromEnvironment() {
        return from(System.getenv(), Environment.isDevMode());
    }
}
