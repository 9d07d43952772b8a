package mn.gov.khur.bench;

import java.net.URI;

/** Settings passed by bin/bench as system properties ({@code -Dbench.*}). */
public final class BenchConfig {

    public static final String KHUR_REALM = "khur";
    public static final String KHUR_CLIENT = "demo-rp";
    public static final String KHUR_CLIENT_SECRET = "demo-rp-secret";
    /** Created by {@link Seed} through the admin REST API; never in realm-config/. */
    public static final String STOCK_REALM = "bench-stock";
    public static final String STOCK_CLIENT = "bench-rp";
    public static final String STOCK_CLIENT_SECRET = "bench-rp-secret";
    /** demo-rp's registered callback (exact URIs: profile khur-standard); never requested: redirects are not followed. */
    public static final String REDIRECT_URI = "http://localhost:8092/callback";
    public static final String PASSWORD = "BenchPass1word";
    public static final String SHORT_NUMBER = "130092";

    public static final String BASE_URL = prop("bench.baseUrl", "http://127.0.0.1:48080");
    public static final String SCENARIO = prop("bench.scenario", "adhoc");
    public static final String RESULTS_DIR = prop("bench.resultsDir", "target/bench-results");
    public static final String SMS_SECRET = prop("bench.smsSecret", "");
    public static final long KC_PID = Long.parseLong(prop("bench.kcPid", "0"));
    public static final int WARMUP_SECONDS = Integer.parseInt(prop("bench.warmupSeconds", "20"));
    public static final int MEASURE_SECONDS = Integer.parseInt(prop("bench.measureSeconds", "60"));
    public static final int CONCURRENCY = Integer.parseInt(prop("bench.concurrency", "16"));
    public static final int WEBHOOK_CONCURRENCY = Integer.parseInt(prop("bench.webhookConcurrency", "32"));
    public static final int WEBHOOK_MATCHED = Integer.parseInt(prop("bench.webhookMatched", "300"));
    public static final int WAITING_CITIZENS = Integer.parseInt(prop("bench.waitingCitizens", "600"));
    public static final int WAITING_RAMP_SECONDS = Integer.parseInt(prop("bench.waitingRampSeconds", "40"));
    /**
     * Pages that arrive after the first hold window, on top of {@code waitingCitizens} (issue 19.4: what happens beyond
     * the server's {@code status-max-held-requests}); a second window of {@code waitingHoldSeconds} measures them.
     */
    public static final int WAITING_BEYOND = Integer.parseInt(prop("bench.waitingBeyond", "0"));
    /** The management port (metrics): the waiting scenario reads the server's gauges there. */
    public static final String MANAGEMENT_URL = prop("bench.managementUrl", "http://127.0.0.1:49000");
    /** Citizens to have at least (the national-scale run's small round: 1,000). */
    public static final int SEED_CITIZENS = Integer.parseInt(prop("bench.seedCitizens", "0"));
    public static final int WAITING_HOLD_SECONDS = Integer.parseInt(prop("bench.waitingHoldSeconds", "30"));
    /** {@code ?wait=} of the waiting page's status request, as khur-sms-wait.js asks; 0 = the old one-second polling. */
    public static final int WAITING_LONG_POLL_SECONDS = Integer.parseInt(prop("bench.waitingLongPollSeconds", "25"));
    /** The sandbox subscriber lookup bin/bench starts for scenario 5 ("phone registered in your own name"). */
    public static final String LOOKUP_URL = prop("bench.lookupUrl", "http://127.0.0.1:48093");
    /** Citizens used by the saturation scenarios, round robin (far more than the concurrency). */
    public static final int LOGIN_POOL = Integer.parseInt(prop("bench.loginPool", "200"));

    static {
        for (String url : new String[] {BASE_URL, LOOKUP_URL, MANAGEMENT_URL}) {
            String host = URI.create(url).getHost();
            if (!"127.0.0.1".equals(host) && !"localhost".equals(host) && !"::1".equals(host)) {
                throw new IllegalStateException("bench only ever loads loopback, not " + url);
            }
        }
    }

    public static int citizensNeeded() {
        return Math.max(Math.max(LOGIN_POOL, SEED_CITIZENS), Math.max(WAITING_CITIZENS + WAITING_BEYOND, WEBHOOK_MATCHED));
    }

    private static String prop(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private BenchConfig() {
    }
}
