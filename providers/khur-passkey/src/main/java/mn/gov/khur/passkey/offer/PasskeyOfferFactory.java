package mn.gov.khur.passkey.offer;

import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
import org.keycloak.authentication.requiredactions.WebAuthnRegister;
import org.keycloak.models.KeycloakSession;

import com.webauthn4j.verifier.attestation.trustworthiness.certpath.CertPathTrustworthinessVerifier;

/**
 * Required action {@code khur-passkey-offer} (realm: enabled, not a default action). Keycloak's passwordless
 * registration factory builds the attestation trust verifier from the server's truststore; we only change the
 * provider it returns.
 */
public final class PasskeyOfferFactory extends WebAuthnPasswordlessRegisterFactory {

    public static final String PROVIDER_ID = "khur-passkey-offer";

    @Override
    protected WebAuthnRegister createProvider(KeycloakSession session, CertPathTrustworthinessVerifier trustVerifier) {
        return new PasskeyOffer(session, trustVerifier);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "ХУР passkey offer after login (Passkey санал болгох)";
    }
}
