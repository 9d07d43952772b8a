package mn.gov.khur.esign.token;

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

/** Registers "Тоон гарын үсгээр нэвтрэх" with a USB token through the ESIGN client. */
public final class EsignTokenAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-esign-token";
    /** Per server node: verified OCSP/CRL answers, shared by all logins on this node. */
    private final RevocationCache revocationCache = new RevocationCache();

    @Override public String getId() { return PROVIDER_ID; }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new EsignTokenAuthenticator(revocationCache, Clock.systemUTC());
    }

    @Override public String getDisplayType() { return "ХУР digital signature: USB token via ESIGN client (токен)"; }

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
        return "The citizen enters the register number; the page has the local ESIGN client sign a fresh server challenge "
                + "with the USB token; certificate, OCSP and register number are checked (acr high). Регистрийн дугаар "
                + "оруулж, ESIGN клиентээр токены гарын үсэг зуруулна.";
    }

    @Override public List<ProviderConfigProperty> getConfigProperties() { return EsignTokenConfig.PROPERTIES; }
    @Override public void init(Config.Scope config) {
        mn.gov.khur.esign.metrics.EsignMetrics.register(); // zeros from the start, for alerts and dashboards
    }
    @Override public void postInit(KeycloakSessionFactory factory) { }
    @Override public void close() { }
}
