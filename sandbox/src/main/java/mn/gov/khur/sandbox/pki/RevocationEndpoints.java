package mn.gov.khur.sandbox.pki;

import java.net.URI;

/** Where a certificate's AIA (OCSP) and CRL distribution point send relying parties. */
public record RevocationEndpoints(URI ocspUri, URI crlUri) {
}
