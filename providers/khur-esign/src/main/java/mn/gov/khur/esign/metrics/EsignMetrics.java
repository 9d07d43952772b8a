package mn.gov.khur.esign.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Meters of the digital-signature methods on the management port ({@code /metrics}):
 * {@code khur_esign_pushes_total{method,result}} (SIM and cloud signature requests: sent, unavailable = the
 * service could not be reached, not_sent = refused before pushing) and
 * {@code khur_esign_revocation_checks_total{source,result}} (OCSP and CRL: good, revoked, unknown, unavailable).
 * Tags are closed sets, registered at start so that dashboards and alerts see zeros, not gaps.
 */
public final class EsignMetrics {

    static final String PUSHES = "khur_esign_pushes";
    static final String REVOCATION_CHECKS = "khur_esign_revocation_checks";
    private static final String[] METHODS = {"sim", "cloud"};
    private static final String[] PUSH_RESULTS = {"sent", "unavailable", "not_sent"};
    private static final String[] SOURCES = {"ocsp", "crl"};
    private static final String[] REVOCATION_RESULTS = {"good", "revoked", "unknown", "unavailable"};

    private EsignMetrics() {
    }

    /** Called once at start (factory init). */
    public static void register() {
        for (String method : METHODS) {
            for (String result : PUSH_RESULTS) {
                push(Metrics.globalRegistry, method, result);
            }
        }
        for (String source : SOURCES) {
            for (String result : REVOCATION_RESULTS) {
                revocation(Metrics.globalRegistry, source, result);
            }
        }
    }

    public static void pushed(String method, String result) {
        push(Metrics.globalRegistry, method, result).increment();
    }

    /** @param result good, revoked, unknown (a signed answer) or unavailable (no usable answer) */
    public static void revocationChecked(String source, String result) {
        revocation(Metrics.globalRegistry, source, result).increment();
    }

    private static Counter push(MeterRegistry registry, String method, String result) {
        return Counter.builder(PUSHES).description("SIM and cloud signature requests by method and result")
                .tag("method", method).tag("result", result).register(registry);
    }

    private static Counter revocation(MeterRegistry registry, String source, String result) {
        return Counter.builder(REVOCATION_CHECKS).description("Certificate revocation checks by source (OCSP, CRL) and result")
                .tag("source", source).tag("result", result).register(registry);
    }
}
