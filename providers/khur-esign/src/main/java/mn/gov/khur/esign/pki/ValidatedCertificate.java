package mn.gov.khur.esign.pki;

import java.security.cert.X509Certificate;

import mn.gov.khur.common.regnum.RegisterNumber;

/** A certificate that passed every check, with the register number it vouches for. */
public record ValidatedCertificate(X509Certificate certificate, RegisterNumber registerNumber) {
}
