package mn.gov.khur.esign.push;

import java.time.Clock;
import java.util.List;

import mn.gov.khur.esign.pki.RevocationCache;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** What the SIM and cloud signature factories share; each names its method, texts and settings. */
public abstract class PushSignatureAuthenticatorFactory implements AuthenticatorFactory {

    private final PushMethod method;
    private final String displayType;
    private final String helpText;
    private final List<ProviderConfigProperty> properties;
    /** Per server node: verified OCSP/CRL answers, shared by all logins on this node. */
    private final RevocationCache revocationCache = new RevocationCache();

    protected PushSignatureAuthenticatorFactory(PushMethod method, String displayType,
                                                String helpText, List<ProviderConfigProperty> properties) {
        this.method = method;
        this.displayType = displayType;
        this.helpText = helpText;
        this.properties = properties;
    }

    @Override public final String getId() { return method.providerId(); }

    @Override
    public final Authenticator create(KeycloakSession session) {
        return new PushSignatureAuthenticator(method, revocationCache, Clock.systemUTC());
    }

    @Override public final String getDisplayType() { return displayType; }

    /**
     * {@code otp}: only password/otp/recovery-authn-codes reach Keycloak's brute-force protector.
     * A wrong certificate, bad signature or someone else's register number is a failed credential
     * for the account whose number was entered, like a wrong password, so it must count (and the
     * account lock stops signature logins too). Outages (OCSP down) and cancels never count.
     */
    @Override public final String getReferenceCategory() { return OTPCredentialModel.TYPE; }

    @Override public final boolean isConfigurable() { return true; }

    @Override
    public final AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.ALTERNATIVE, AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override public final boolean isUserSetupAllowed() { return false; }
    @Override public final String getHelpText() { return helpText; }
    @Override public final List<ProviderConfigProperty> getConfigProperties() { return properties; }
    @Override public final void init(Config.Scope config) { }
    @Override public final void postInit(KeycloakSessionFactory factory) { }
    @Override public final void close() { }
}
