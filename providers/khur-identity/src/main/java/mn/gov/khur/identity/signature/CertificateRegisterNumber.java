package mn.gov.khur.identity.signature;

import java.security.cert.X509Certificate;
import java.util.Optional;

import mn.gov.khur.common.regnum.RegisterNumber;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The citizen's register number from the certificate subject's serialNumber attribute (OID
 * 2.5.4.5), either bare ({@code УБ99112233}) or with the ETSI EN 319 412-1 prefix
 * ({@code PNOMN-УБ99112233}). Normalised by {@link RegisterNumber}, which rejects Latin
 * look-alike letters instead of mapping them, so a certificate for {@code YБ99112233} (Latin Y)
 * never matches a Cyrillic number. Shared by the signature logins ({@code khur-esign}) and the registry approval by
 * signature ({@code khur-registry}): one parser, so both read the same number from the same certificate.
 */
public final class CertificateRegisterNumber {

    private static final String ETSI_PREFIX = "PNOMN-";

    private CertificateRegisterNumber() {
    }

    /**
     * The register number, or empty when the subject does not carry exactly one single-valued serialNumber in the
     * exact canonical form (a CA writes the number canonically, anything else is suspect).
     */
    public static Optional<RegisterNumber> of(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] serials = subject.getRDNs(BCStyle.SERIALNUMBER);
        if (serials.length != 1 || serials[0].isMultiValued()) {
            return Optional.empty();
        }
        String raw = serials[0].getFirst().getValue() instanceof ASN1String text ? text.getString() : "";
        String value = raw.startsWith(ETSI_PREFIX) ? raw.substring(ETSI_PREFIX.length()) : raw;
        return RegisterNumber.tryParse(value).filter(parsed -> parsed.value().equals(value));
    }
}
