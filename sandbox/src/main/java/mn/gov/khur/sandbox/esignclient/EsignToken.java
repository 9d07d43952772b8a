package mn.gov.khur.sandbox.esignclient;

import mn.gov.khur.sandbox.pki.IssuedCertificate;

/** A USB token plugged into the simulated computer: its certificate, key and PIN. */
public record EsignToken(String id, String pin, IssuedCertificate credential) {
}
