package mn.gov.khur.registry.retry;

import java.time.Duration;
import java.util.Map;

import mn.gov.khur.identity.settings.ServerSettings;
import mn.gov.khur.identity.settings.ServerSettings.Setting;

/**
 * The back-off of fetches that did not happen. Environment: {@code KHUR_REGISTRY_RETRY_INITIAL_SECONDS} (first wait,
 * default 300), {@code KHUR_REGISTRY_RETRY_MAX_SECONDS} (longest wait, 86400), {@code KHUR_REGISTRY_RETRY_MAX_ATTEMPTS}
 * (then the account is left to operators, 10), {@code KHUR_REGISTRY_RETRY_INTERVAL_SECONDS} (how often the task looks,
 * 60).
 */
public record RetrySettings(Duration initial, Duration max, int maxAttempts, Duration interval) {

    public static RetrySettings from(Map<String, String> env) {
        return new RetrySettings(Duration.ofSeconds(number(env, "KHUR_REGISTRY_RETRY_INITIAL_SECONDS", 300, 1, 86_400)),
                Duration.ofSeconds(number(env, "KHUR_REGISTRY_RETRY_MAX_SECONDS", 86_400, 1, 30 * 86_400)),
                (int) number(env, "KHUR_REGISTRY_RETRY_MAX_ATTEMPTS", 10, 1, 100),
                Duration.ofSeconds(number(env, "KHUR_REGISTRY_RETRY_INTERVAL_SECONDS", 60, 1, 86_400)));
    }

    public static RetrySettings fromEnvironment() {
        return from(System.getenv());
    }

    /** initial · 2^(attempt-1), at most {@code max}. */
    public Duration waitBefore(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static long number(Map<String, String> env, String name, int fallback, int min, int max) {
        return new ServerSettings(option -> null, env::get).wholeNumber(Setting.env(name), fallback, min, max);
    }
}
