package mn.gov.khur.sandbox.xyp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The sandbox ХУР's check of a citizen's approval by digital signature ({@code auth.citizen} with
 * {@code certFingerprint} and {@code signature}), after ХУР's example client: the certificate is the one the national
 * PKI issued with that serial number (hex of its two's-complement bytes), valid now, issued to the requested register
 * number (subject serialNumber, bare or {@code PNOMN-}); the signature (Base64) verifies with its key over exactly
 * {@code <auth.citizen.regnum>.<timestamp header>}, a timestamp at most 5 minutes from now and never presented before. Written independently of khur-idp's own verifier, so a bug there is
 * not mirrored here.
 */
final class CitizenSignatureCheck {

    /** The national PKI's certificates by serial number (the sandbox CA's, in the sandbox). */
    @FunctionalInterface
    interface CertificateDirectory {
        Optional<X509Certificate> bySerial(BigInteger serial);
    }

    private static final List<String> ALGORITHMS = List.of("SHA256withRSA", "SHA256withRSAandMGF1", "SHA256withECDSA",
            "SHA384withRSA", "SHA384withECDSA", "SHA512withRSA", "SHA512withECDSA");
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    /** How far the approval's timestamp may be from now (ХУР's window). */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private CitizenSignatureCheck() {
    }

    /** Approvals already presented: {@link #firstUse} is true once per {@code regnum.timestamp}. */
    @FunctionalInterface
    interface PresentedApprovals {
        boolean firstUse(String regnumDotTimestamp, Instant now);
    }

    /**
     * Null when the approval holds; otherwise why not (logged by the simulator, never sent). The timestamp header must
     * be within {@link #WINDOW} of now and its {@code regnum.timestamp} presented for the first time (ХУР's window):
     * a captured approval is worth nothing later, and nothing twice.
     */
    static String refusal(CertificateDirectory directory, String requestedRegnum, String authRegnum, String fingerprint,
                          String signature, String timestamp, Instant now, PresentedApprovals presented) {
        if (authRegnum == null || !authRegnum.equals(requestedRegnum)) {
            return "auth.citizen.regnum is not the requested register number";
        }
        if (fingerprint == null || signature == null || timestamp == null) {
            return "certFingerprint, signature or timestamp missing";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "timestamp is not Unix seconds";
        }
        if (Math.abs(now.getEpochSecond() - seconds) > WINDOW.toSeconds()) {
            return "approval timestamp outside the 5-minute window";
        }
        if (!presented.firstUse(authRegnum + "." + seconds, now)) {
            return "approval timestamp already used";
        }
        Optional<X509Certificate> certificate;
        try {
            certificate = directory.bySerial(new BigInteger(HexFormat.of().parseHex(fingerprint.strip())));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return "certFingerprint is not a hex serial number";
        }
        if (certificate.isEmpty()) {
            return "no certificate with that serial number";
        }
        try {
            certificate.get().checkValidity(Date.from(now));
        } catch (CertificateException e) {
            return "certificate not valid now";
        }
        if (!requestedRegnum.equals(registerNumberOf(certificate.get()))) {
            return "certificate issued to another register number";
        }
        byte[] signed = (authRegnum + "." + timestamp.strip()).getBytes(StandardCharsets.UTF_8);
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            return "signature is not Base64";
        }
        for (String algorithm : ALGORITHMS) {
            try {
                Signature verifier = Signature.getInstance(algorithm, BC);
                verifier.initVerify(certificate.get().getPublicKey());
                verifier.update(signed);
                if (verifier.verify(signatureBytes)) {
                    return null;
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this scheme
            }
        }
        return "signature does not verify over regnum.timestamp";
    }

    private static String registerNumberOf(X509Certificate certificate) {
        RDN[] serials = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.SERIALNUMBER);
        if (serials.length != 1 || !(serials[0].getFirst().getValue() instanceof ASN1String text)) {
            return null;
        }
        String value = text.getString();
        return value.startsWith("PNOMN-") ? value.substring("PNOMN-".length()) : value;
    }
}
