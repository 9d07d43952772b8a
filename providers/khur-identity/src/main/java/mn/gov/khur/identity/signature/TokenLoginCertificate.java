package mn.gov.khur.identity.signature;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The certificate a USB-token login (ESIGN client) of this tab was verified with, kept in an authentication-session
 * note for the steps after the login in the same tab: the state registry's approval by signature offers itself only
 * then, and accepts a signature only by exactly this certificate (the one whose register number, chain and
 * revocation the login checked).
 */
public final class TokenLoginCertificate {

    static final String NOTE = "khur.esign.token.certificate";
    static final String CLIENT_URL_NOTE = "khur.esign.token.clientUrl";

    private TokenLoginCertificate() {
    }

    /**
     * Called by the token login once the signature, the certificate and the account all passed; {@code clientUrl} is
     * where that login's page found the ESIGN client (the step's configuration), for a later page to find it again.
     */
    public static void remember(AuthenticationSessionModel authSession, byte[] certificateDer, String clientUrl) {
        authSession.setAuthNote(NOTE, Base64.getEncoder().encodeToString(certificateDer));
        authSession.setAuthNote(CLIENT_URL_NOTE, clientUrl);
    }

    /** Where this tab's token login found the ESIGN client. */
    public static Optional<String> clientUrl(AuthenticationSessionModel authSession) {
        return Optional.ofNullable(authSession.getAuthNote(CLIENT_URL_NOTE));
    }

    /** The certificate of this tab's token login, or empty when the citizen did not log in with a token here. */
    public static Optional<X509Certificate> of(AuthenticationSessionModel authSession) {
        String note = authSession.getAuthNote(NOTE);
        if (note == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(note))));
        } catch (CertificateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
