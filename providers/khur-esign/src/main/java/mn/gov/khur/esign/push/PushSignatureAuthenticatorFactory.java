package mn.gov.khur.esign.push;

import java.time.Clock;
import java.util.List;

import mn.gov.khur.esign.pki.RevocationCache;
import mn.gov.khur.identity.flow.StepFactory;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** What the SIM and cloud signature factories share; each names its method, texts and settings. */
public abstract class PushSignatureAuthenticatorFactory extends StepFactory {

    private final PushMethod method;
    private final List<ProviderConfigProperty> properties;
    /** Per server node: verified OCSP/CRL answers, shared by all logins on this node. */
    private final RevocationCache revocationCache = new RevocationCache();

    protected PushSignatureAuthenticatorFactory(PushMethod method, String displayType,
                                                String helpText, List<ProviderConfigProperty> properties) {
        super(method.providerId(), displayType, helpText);
        this.method = method;
        this.properties = properties;
    }

    /** A fresh step per session: it holds the login's push while it runs. */
    @Override
    public final Authenticator create(KeycloakSession session) {
        return new PushSignatureAuthenticator(method, revocationCache, Clock.systemUTC());
    }

    /**
     * {@code otp}: only password/otp/recovery-authn-codes reach Keycloak's brute-force protector.
     * A wrong certificate, bad signature or someone else's register number is a failed credential
     * for the account whose number was entered, like a wrong password, so it must count (and the
     * account lock stops signature logins too). Outages (OCSP down) and cancels never count.
     */
    @Override
    public final String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    @Override
    public final Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return properties;
    }
}
