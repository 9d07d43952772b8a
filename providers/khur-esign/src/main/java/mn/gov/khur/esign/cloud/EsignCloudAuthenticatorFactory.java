package mn.gov.khur.esign.cloud;

import java.time.Clock;
import java.util.List;

import mn.gov.khur.esign.pki.RevocationCache;
import mn.gov.khur.esign.push.PushSignatureAuthenticator;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers "Клауд тоон гарын үсэг": a GSign cloud signature, confirmed with the PIN in the GSign app. */
public final class EsignCloudAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-esign-cloud";
    static final PushSignatureAuthenticator.Method METHOD = new PushSignatureAuthenticator.Method("cloud", PROVIDER_ID,
            new String[] {"esign_cloud", "swk", "pin"}, "khurEsignCloudTitle", "khurEsignCloudHint",
            model -> EsignCloudConfig.from(model).settings(),
            model -> EsignCloudConfig.from(model).service());
    /** Per server node: verified OCSP/CRL answers, shared by all logins on this node. */
    private final RevocationCache revocationCache = new RevocationCache();

    @Override public String getId() { return PROVIDER_ID; }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new PushSignatureAuthenticator(METHOD, revocationCache, Clock.systemUTC());
    }

    @Override public String getDisplayType() { return "ХУР digital signature: GSign cloud / Клауд тоон гарын үсэг"; }

    /**
     * {@code otp}: only password/otp/recovery-authn-codes reach Keycloak's brute-force protector.
     * A wrong certificate, bad signature or someone else's register number is a failed credential
     * for the account whose number was entered, like a wrong password, so it must count (and the
     * account lock stops signature logins too). Outages (OCSP down) and cancels never count.
     */
    @Override public String getReferenceCategory() { return OTPCredentialModel.TYPE; }

    @Override public boolean isConfigurable() { return true; }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.ALTERNATIVE, AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override public boolean isUserSetupAllowed() { return false; }

    @Override
    public String getHelpText() {
        return "The citizen enters register number and phone; GSign (Smart-ID-style API, PNOMN-<RN>) asks the citizen to "
                + "confirm the hash of a fresh server challenge with the PIN in the app (verification code on page and app); "
                + "signature, certificate, OCSP and register number are checked (acr high). Регистрийн дугаар, утасны дугаар "
                + "оруулж, GSign аппад ПИН кодоор баталгаажуулна.";
    }

    @Override public List<ProviderConfigProperty> getConfigProperties() { return EsignCloudConfig.PROPERTIES; }
    @Override public void init(Config.Scope config) { }
    @Override public void postInit(KeycloakSessionFactory factory) { }
    @Override public void close() { }
}
