package mn.gov.khur.esign.pki;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * What a certificate must satisfy. Built from an authenticator's configuration
 * ({@code EsignPkiConfig}); every duration has a safe default.
 *
 * @param trustAnchorsFile  PEM with the national root and issuing CAs (sandbox CA in dev)
 * @param requiredPolicies  certificate policy OIDs of which the certificate must carry one (empty: not checked)
 * @param ocspUrlOverride   responder to ask instead of the certificate's AIA (null: from the AIA)
 * @param ocspTimeout       connect + read timeout per OCSP or CRL request
 * @param ocspMaxAge        an OCSP response older than this (thisUpdate) is stale, also without nextUpdate
 * @param clockSkew         tolerance for the responder's clock
 * @param revocationGrace   how long a cached "good" answer may be used past its validity while both
 *                          OCSP and CRL are unreachable; zero (default) fails closed at once
 * @param crlFallback       ask the CRL distribution point when OCSP gives no usable answer
 */
public record ValidationPolicy(Path trustAnchorsFile, Set<String> requiredPolicies, URI ocspUrlOverride,
                               Duration ocspTimeout, Duration ocspMaxAge, Duration clockSkew,
                               Duration revocationGrace, boolean crlFallback) {

    public static final Duration DEFAULT_OCSP_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_OCSP_MAX_AGE = Duration.ofMinutes(15);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(2);

    public ValidationPolicy {
        requiredPolicies = Set.copyOf(requiredPolicies);
    }

    public static ValidationPolicy defaults(Path trustAnchorsFile) {
        return new ValidationPolicy(trustAnchorsFile, Set.of(), null, DEFAULT_OCSP_TIMEOUT, DEFAULT_OCSP_MAX_AGE,
                DEFAULT_CLOCK_SKEW, Duration.ZERO, true);
    }

    public ValidationPolicy withRequiredPolicies(Set<String> policies) {
        return new ValidationPolicy(trustAnchorsFile, policies, ocspUrlOverride, ocspTimeout, ocspMaxAge, clockSkew,
                revocationGrace, crlFallback);
    }

    public ValidationPolicy withRevocationGrace(Duration grace) {
        return new ValidationPolicy(trustAnchorsFile, requiredPolicies, ocspUrlOverride, ocspTimeout, ocspMaxAge, clockSkew,
                grace, crlFallback);
    }

    public ValidationPolicy withCrlFallback(boolean enabled) {
        return new ValidationPolicy(trustAnchorsFile, requiredPolicies, ocspUrlOverride, ocspTimeout, ocspMaxAge, clockSkew,
                revocationGrace, enabled);
    }
}
