package mn.gov.khur.esign.pki;

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
 * never matches a Cyrillic number.
 */
public final class CertificateRegisterNumber {

    private static final String ETSI_PREFIX = "PNOMN-";

    private CertificateRegisterNumber() {
    }

    public static RegisterNumber of(X509Certificate certificate) throws CertificateRejectedException {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] serials = subject.getRDNs(BCStyle.SERIALNUMBER);
        if (serials.length != 1 || serials[0].isMultiValued()) {
            throw new CertificateRejectedException(RejectionReason.NO_REGISTER_NUMBER,
                    "subject must carry exactly one serialNumber, found " + serials.length);
        }
        String raw = serials[0].getFirst().getValue() instanceof ASN1String text ? text.getString() : "";
        String value = raw.startsWith(ETSI_PREFIX) ? raw.substring(ETSI_PREFIX.length()) : raw;
        Optional<RegisterNumber> parsed = RegisterNumber.tryParse(value);
        if (parsed.isEmpty() || !parsed.get().value().equals(value)) {
            // exact canonical form only: a CA writes the number canonically, anything else is suspect
            throw new CertificateRejectedException(RejectionReason.NO_REGISTER_NUMBER, "serialNumber is not a register number");
        }
        return parsed.get();
    }
}
