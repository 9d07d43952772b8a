package mn.gov.khur.esign.sim;

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

/** Registers "Симд суурилсан тоон гарын үсэг": a signature by the SIM through the operator's MSSP. */
public final class EsignSimAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-esign-sim";
    static final PushSignatureAuthenticator.Method METHOD = new PushSignatureAuthenticator.Method("sim", PROVIDER_ID,
            new String[] {"esign_sim", "sc"}, "khurEsignSimTitle", "khurEsignSimHint",
            model -> EsignSimConfig.from(model).settings(),
            model -> EsignSimConfig.from(model).service());
    /** Per server node: verified OCSP/CRL answers, shared by all logins on this node. */
    private final RevocationCache revocationCache = new RevocationCache();

    @Override public String getId() { return PROVIDER_ID; }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new PushSignatureAuthenticator(METHOD, revocationCache, Clock.systemUTC());
    }

    @Override public String getDisplayType() { return "ХУР digital signature: SIM-based (MSSP, ETSI TS 102 204) / Симд суурилсан тоон гарын үсэг"; }

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
        return "The citizen enters register number and phone; the operator's MSSP asks the SIM to sign the hash of a fresh "
                + "server challenge (verification code on page and phone); CMS, certificate, OCSP and register number are "
                + "checked (acr high). Регистрийн дугаар, утасны дугаар оруулж, SIM картаар гарын үсэг зурна.";
    }

    @Override public List<ProviderConfigProperty> getConfigProperties() { return EsignSimConfig.PROPERTIES; }
    @Override public void init(Config.Scope config) { }
    @Override public void postInit(KeycloakSessionFactory factory) { }
    @Override public void close() { }
}
