package mn.gov.khur.esign.login;

import java.security.cert.X509Certificate;
import java.time.Instant;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.esign.pki.CertificateRejectedException;
import mn.gov.khur.esign.pki.CertificateValidator;
import mn.gov.khur.esign.pki.CmsSignatureVerifier;
import mn.gov.khur.esign.pki.RejectionReason;
import mn.gov.khur.esign.pki.SignatureVerifier;
import mn.gov.khur.esign.pki.ValidatedCertificate;
import mn.gov.khur.identity.throttle.Admission;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The part every signature method shares once it holds a certificate and a signature: the
 * signature must verify over exactly the challenge string this session issued, the certificate
 * must pass {@link CertificateValidator}, its register number must equal the one entered, and
 * that number must have an account. Order matters: nothing about accounts is revealed before a
 * valid signature from a trusted certificate. Before any of it, the attempt spends a slot of its network's
 * failure budget for that register number ({@link SignatureFailureBudget}).
 */
public final class SignedLoginVerifier {

    private static final Logger LOG = Logger.getLogger(SignedLoginVerifier.class);
    private final KeycloakSession session;
    private final RealmModel realm;
    private final CertificateValidator validator;

    public SignedLoginVerifier(KeycloakSession session, RealmModel realm, CertificateValidator validator) {
        this.session = session;
        this.realm = realm;
        this.validator = validator;
    }

    public SignatureLoginOutcome verify(RegisterNumber entered, byte[] certificateDer,
                                       byte[] signedData, byte[] signature, Instant now) {
        return check(entered, now, () -> {
            X509Certificate certificate = CertificateValidator.parse(certificateDer);
            SignatureVerifier.verify(certificate.getPublicKey(), signedData, signature);
            return certificate;
        });
    }

    /** For methods that return CMS SignedData (SIM, cloud): the signed content must be exactly {@code expectedContent}. */
    public SignatureLoginOutcome verifyCms(RegisterNumber entered, byte[] cms, byte[] expectedContent, Instant now) {
        return check(entered, now, () -> CmsSignatureVerifier.verify(cms, expectedContent));
    }

    private interface SignatureCheck {
        X509Certificate signer() throws CertificateRejectedException;
    }

    private SignatureLoginOutcome check(RegisterNumber entered, Instant now, SignatureCheck signatureCheck) {
        UserModel claimed = CitizenAccounts.byRegisterNumber(session, realm, entered).orElse(null);
        Admission budget = SignatureFailureBudget.admit(session, realm, entered, claimed);
        if (budget.refused()) {
            LOG.debugf("Signature login refused before any check: the network spent its failures for this register number");
            return new SignatureLoginOutcome.Throttled(claimed);
        }
        SignatureLoginOutcome outcome = check(entered, now, signatureCheck, claimed);
        budget.settle(outcome instanceof SignatureLoginOutcome.Rejected rejected && rejected.reason().countsAsFailedLogin());
        return outcome;
    }

    private SignatureLoginOutcome check(RegisterNumber entered, Instant now, SignatureCheck signatureCheck, UserModel claimed) {
        ValidatedCertificate validated;
        try {
            validated = validator.validate(signatureCheck.signer(), now);
        } catch (CertificateRejectedException e) {
            LOG.infof("Signature login refused (%s): %s", e.reason(), e.getMessage());
            return new SignatureLoginOutcome.Rejected(claimed, e.reason());
        }
        if (!validated.registerNumber().equals(entered)) {
            LOG.infof("Signature login refused: certificate is for another register number");
            return new SignatureLoginOutcome.Rejected(claimed, RejectionReason.REGISTER_NUMBER_MISMATCH);
        }
        if (claimed == null) {
            return new SignatureLoginOutcome.NoAccount();
        }
        if (!claimed.isEnabled()) {
            return new SignatureLoginOutcome.AccountDisabled(claimed);
        }
        return new SignatureLoginOutcome.Verified(claimed);
    }
}
