package mn.gov.khur.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import mn.gov.khur.sandbox.phone.PhonePage;
import mn.gov.khur.sandbox.smsc.SmscSimulatorConfig;

/**
 * Settings of {@link SandboxMain}. Each key is read as a system property (either the variable's
 * own name or its dotted lower-case form, e.g. {@code -Dsandbox.smsc.port}), then from the
 * environment, then defaulted.
 */
record SandboxSettings(SmscSimulatorConfig smsc, String httpHost, int httpPort, String shortNumber,
                       java.nio.file.Path esignPkiDir, int ocspPort, int esignClientPort, int esignPagePort,
                       java.util.Set<String> esignOrigins) {

    static final String SMSC_PORT = "SANDBOX_SMSC_PORT";
    static final String SMSC_SYSTEM_ID = "SANDBOX_SMSC_SYSTEM_ID";
    static final String SMSC_PASSWORD = "SANDBOX_SMSC_PASSWORD";
    static final String SMSC_RETRY_INTERVAL = "SANDBOX_SMSC_RETRY_INTERVAL";
    static final String HTTP_PORT = "SANDBOX_HTTP_PORT";
    static final String BIND_HOST = "SANDBOX_BIND_HOST";
    static final String SHORT_NUMBER = "SANDBOX_SHORT_NUMBER";
    static final String ESIGN_PKI_DIR = "SANDBOX_ESIGN_PKI_DIR";
    static final String OCSP_PORT = "SANDBOX_OCSP_PORT";
    static final String ESIGN_CLIENT_PORT = "SANDBOX_ESIGN_CLIENT_PORT";
    static final String ESIGN_PAGE_PORT = "SANDBOX_ESIGN_PAGE_PORT";
    static final String ESIGN_ORIGINS = "SANDBOX_ESIGN_ORIGINS";

    static SandboxSettings from(Properties properties, Map<String, String> env) {
        Lookup lookup = new Lookup(properties, env);
        String host = lookup.get(BIND_HOST, SmscSimulatorConfig.LOOPBACK);
        SmscSimulatorConfig smsc = SmscSimulatorConfig.defaults()
                .withHost(host)
                .withPort(lookup.getInt(SMSC_PORT, SmscSimulatorConfig.DEFAULT_PORT))
                .withCredentials(lookup.get(SMSC_SYSTEM_ID, SmscSimulatorConfig.DEFAULT_SYSTEM_ID),
                        lookup.get(SMSC_PASSWORD, SmscSimulatorConfig.DEFAULT_PASSWORD))
                .withRetryInterval(parseDuration(lookup.get(SMSC_RETRY_INTERVAL, "5s")));
        return new SandboxSettings(smsc, host, lookup.getInt(HTTP_PORT, PhonePage.DEFAULT_PORT),
                lookup.get(SHORT_NUMBER, "130092"),
                java.nio.file.Path.of(lookup.get(ESIGN_PKI_DIR, ".dev-data/pki")),
                lookup.getInt(OCSP_PORT, mn.gov.khur.sandbox.pki.RevocationServer.DEFAULT_PORT),
                lookup.getInt(ESIGN_CLIENT_PORT, mn.gov.khur.sandbox.esignclient.EsignClientSimulator.DEFAULT_PORT),
                lookup.getInt(ESIGN_PAGE_PORT, mn.gov.khur.sandbox.esignclient.EsignClientPage.DEFAULT_PORT),
                java.util.Set.of(lookup.get(ESIGN_ORIGINS, "http://localhost:8080").split("\\s*,\\s*")));
    }

    boolean isLoopbackOnly() {
        try {
            return InetAddress.getByName(httpHost).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** "1500ms", "5s", "2m" or ISO-8601 ("PT5S"). */
    static Duration parseDuration(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + value, e);
        }
    }

    private record Lookup(Properties properties, Map<String, String> env) {
        String get(String name, String fallback) {
            String dotted = name.toLowerCase(Locale.ROOT).replace('_', '.');
            for (String value : new String[] {properties.getProperty(name), properties.getProperty(dotted),
                    env.get(name)}) {
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
            return fallback;
        }

        int getInt(String name, int fallback) {
            String value = get(name, null);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " is not a number: " + value, e);
            }
        }
    }
}
