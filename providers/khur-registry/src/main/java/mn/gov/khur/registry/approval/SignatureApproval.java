package mn.gov.khur.registry.approval;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.ws.rs.core.MultivaluedMap;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.signature.CertificateRegisterNumber;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.signature.SignatureSchemes;
import mn.gov.khur.identity.signature.TokenLoginCertificate;
import mn.gov.khur.registry.Approval;
import mn.gov.khur.registry.CitizenRegistry;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The registry approval by digital signature, for a citizen who logged in with a USB token (ESIGN client) in this
 * tab. ХУР's scheme: the citizen signs {@code <register number>.<timestamp>}, the fetch carries the certificate's
 * serial and the signature, and its signed {@code timestamp} header is that timestamp.
 *
 * <p>The login's own signature is never reused as the approval: it signs our nonce and origin for this login only
 * (threat model §4), and a signature made for one purpose must prove nothing else. So the approval is a second,
 * dedicated signature, and it is bound before anything goes to the registry: the timestamp is ours (issued once per
 * register number cluster-wide, one per page, presented to the registry once, at most {@link #LIFETIME_SECONDS} old),
 * the certificate must be exactly the one this tab's login verified (chain and revocation checked there) and carry the
 * account's register number now, and the signature must verify over exactly the text for the account's register
 * number and that timestamp. A signature that fails any of it is
 * refused here, audited, and never sent. The citizen may ask for ХУР's code instead, or postpone.
 */
final class SignatureApproval {

    /** Form value of the signature form's {@code action}. */
    static final String SIGN = "sign";
    /** Form value of "send me ХУР's code instead". */
    static final String BY_CODE = "code";
    static final String SIGN_AT = "khur.registry.signAt";
    static final String DECLINED = "khur.registry.signatureDeclined";
    static final String REFUSED_SIGNATURES = "khur.registry.refusedSignatures";
    static final long LIFETIME_SECONDS = 300;
    /** How far ahead of now an approval timestamp may be issued when the seconds before it are taken. */
    static final long MAX_AHEAD_SECONDS = 60;
    /** SingleUseObjectProvider keys: an approval text given to a page, and one presented to the registry. */
    private static final String ISSUED_KEY = "khur-registry-sign-issued:";
    private static final String USED_KEY = "khur-registry-sign-used:";
    static final int MAX_REFUSED = 3;
    private static final int MAX_BASE64 = 16 * 1024;
    private static final Logger LOG = Logger.getLogger(SignatureApproval.class);
    private static final Map<String, String> CLIENT_ERRORS = Map.of(
            "not_running", "khurEsignClientNotRunning", "pin_refused", "khurEsignPinRefused",
            "cancelled", "khurEsignCancelled", "no_token", "khurEsignNoToken", "timeout", "khurEsignClientTimeout",
            "origin_mismatch", "khurEsignClientRefused");

    /** Whether this tab may approve by signature: a token login here, and the citizen has not chosen the code. */
    boolean offered(ApprovalContext context) {
        AuthenticationSessionModel notes = context.authSession();
        return notes.getAuthNote(DECLINED) == null && TokenLoginCertificate.of(notes).isPresent();
    }

    /**
     * The approval page with the text to sign; a reload within the lifetime shows the same text, any other page a
     * timestamp never issued before for this register number ({@link #issue}).
     */
    void show(ApprovalContext context, RegisterNumber registerNumber, String error, RegistryApproval approval) {
        AuthenticationSessionModel notes = context.authSession();
        long now = Time.currentTime();
        OptionalLong signAt = Optional.ofNullable(notes.getAuthNote(SIGN_AT)).map(Long::parseLong)
                .filter(at -> now - at < LIFETIME_SECONDS).map(OptionalLong::of).orElseGet(() -> issue(context, registerNumber, now));
        if (signAt.isEmpty()) {
            LOG.warnf("No fresh approval timestamp left for account %s: the fetch is postponed", context.user().getId());
            RegistryApproval.error(context, "registry_signature_no_timestamp", KhurEvents.REGISTRY_SIGNATURE_REFUSED);
            approval.postpone(context, "signature_unavailable");
            return;
        }
        notes.setAuthNote(SIGN_AT, Long.toString(signAt.getAsLong()));
        context.challenge(ApprovalPage.showSignature(context, Approval.Signature.text(registerNumber, signAt.getAsLong()),
                TokenLoginCertificate.clientUrl(notes).orElse("ws://127.0.0.1:59001"), error));
    }

    /**
     * A timestamp for the approval text that no page (this tab's, another tab's, another node's) was given before for
     * this register number: the first second from now on that {@link SingleUseObjectProvider#putIfAbsent} reserves,
     * cluster-wide. Two pages in the same second would otherwise show the same text, and one signature would approve
     * twice. Empty only when {@link #MAX_AHEAD_SECONDS} seconds ahead are all taken (someone opening pages in a loop).
     */
    private static OptionalLong issue(ApprovalContext context, RegisterNumber registerNumber, long now) {
        SingleUseObjectProvider issued = context.session().singleUseObjects();
        for (long at = now; at < now + MAX_AHEAD_SECONDS; at++) {
            if (issued.putIfAbsent(ISSUED_KEY + Approval.Signature.text(registerNumber, at), at - now + LIFETIME_SECONDS)) {
                return OptionalLong.of(at);
            }
        }
        return OptionalLong.empty();
    }

    /** The citizen posted the ESIGN client's answer (or its failure). */
    void action(ApprovalContext context, CitizenRegistry registry, RegisterNumber registerNumber, RegistryApproval approval) {
        AuthenticationSessionModel notes = context.authSession();
        MultivaluedMap<String, String> form = context.formParameters();
        String signAt = notes.getAuthNote(SIGN_AT);
        notes.removeAuthNote(SIGN_AT); // one post per text: whatever happens, the next page signs a new one
        String clientError = form.getFirst("clientError");
        if (clientError != null && !clientError.isBlank()) {
            // the citizen's ESIGN client did not sign: nothing was presented, nothing to refuse
            show(context, registerNumber, CLIENT_ERRORS.getOrDefault(clientError.strip(), "khurEsignClientFailed"), approval);
            return;
        }
        if (signAt == null || Time.currentTime() - Long.parseLong(signAt) >= LIFETIME_SECONDS) {
            RegistryApproval.error(context, "registry_signature_expired", KhurEvents.REGISTRY_SIGNATURE_REFUSED);
            show(context, registerNumber, "khurRegistrySignatureExpired", approval);
            return;
        }
        long timestamp = Long.parseLong(signAt);
        X509Certificate loginCertificate = TokenLoginCertificate.of(notes).orElseThrow(); // offered() checked it
        Optional<X509Certificate> certificate = certificate(form.getFirst("certificate"));
        Optional<byte[]> signature = base64(form.getFirst("signature"));
        String refusal = null;
        if (certificate.isEmpty() || signature.isEmpty()) {
            refusal = "registry_signature_malformed";
        } else if (!sameCertificate(certificate.get(), loginCertificate)) {
            refusal = "registry_signature_other_certificate";
        } else if (!CertificateRegisterNumber.of(loginCertificate).map(registerNumber::equals).orElse(false)) {
            // the login checked it then; the account's number may have changed since (an operator's edit), or the
            // account approved here may not be the one that logged in: ХУР's own check is not our only one
            refusal = "registry_signature_other_register_number";
        } else if (!SignatureSchemes.verifies(certificate.get().getPublicKey(),
                Approval.Signature.text(registerNumber, timestamp).getBytes(StandardCharsets.UTF_8), signature.get())) {
            refusal = "registry_signature_invalid";
        } else if (!context.session().singleUseObjects().putIfAbsent(USED_KEY + Approval.Signature.text(registerNumber, timestamp),
                LIFETIME_SECONDS)) {
            // a second post of the same approval (a double submit, two requests racing on this tab's notes)
            refusal = "registry_signature_reused";
        }
        if (refusal != null) {
            LOG.infof("Registry approval by signature refused for account %s (%s): nothing sent to the registry",
                    context.user().getId(), refusal);
            RegistryApproval.error(context, refusal, KhurEvents.REGISTRY_SIGNATURE_REFUSED);
            refusedAgain(context, registerNumber, approval, "khurRegistrySignatureInvalid");
            return;
        }
        approval.answered(context, registry.fetch(registerNumber, new Approval.Signature(certificate.get(), signature.get(), timestamp)),
                () -> refusedAgain(context, registerNumber, approval, "khurRegistrySignatureRefused"));
    }

    /** The citizen chose ХУР's code in this tab: no signature page again here. */
    void declined(ApprovalContext context) {
        context.authSession().setAuthNote(DECLINED, "true");
        context.authSession().removeAuthNote(SIGN_AT);
    }

    static void clearNotes(AuthenticationSessionModel notes) {
        notes.removeAuthNote(SIGN_AT);
        notes.removeAuthNote(REFUSED_SIGNATURES);
    }

    private void refusedAgain(ApprovalContext context, RegisterNumber registerNumber, RegistryApproval approval, String message) {
        AuthenticationSessionModel notes = context.authSession();
        int refused = RegistryApproval.count(notes, REFUSED_SIGNATURES) + 1;
        notes.setAuthNote(REFUSED_SIGNATURES, Integer.toString(refused));
        if (refused >= MAX_REFUSED) {
            approval.postpone(context, "signature_refused");
        } else {
            show(context, registerNumber, message, approval);
        }
    }

    private static boolean sameCertificate(X509Certificate posted, X509Certificate loggedIn) {
        try {
            return Arrays.equals(posted.getEncoded(), loggedIn.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private static Optional<X509Certificate> certificate(String base64) {
        return base64(base64).flatMap(der -> {
            try {
                return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException | ClassCastException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<byte[]> base64(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_BASE64) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
