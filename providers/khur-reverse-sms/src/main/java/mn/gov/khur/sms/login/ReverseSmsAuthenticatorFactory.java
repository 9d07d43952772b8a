package mn.gov.khur.sms.login;

import java.time.Clock;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers the reverse-SMS step ("Нэг удаагийн код") with Keycloak's authentication flows. */
public final class ReverseSmsAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-reverse-sms";
    private static final ReverseSmsAuthenticator SINGLETON = new ReverseSmsAuthenticator(Clock.systemUTC());

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getDisplayType() {
        return "ХУР reverse SMS (нэг удаагийн код)";
    }

    /**
     * {@code otp}: Keycloak's brute-force protector counts failures only for the categories
     * password, otp and recovery-authn-codes; any other category is silently ignored.
     */
    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.ALTERNATIVE,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getHelpText() {
        return "Shows a 6-digit code that the citizen texts from the registered phone to the short number; "
                + "the inbound SMS webhook completes the step. Дэлгэц дээрх 6 оронтой кодыг бүртгэлтэй утаснаас "
                + "богино дугаарт илгээж баталгаажуулна.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ReverseSmsConfigProperties.PROPERTIES;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
