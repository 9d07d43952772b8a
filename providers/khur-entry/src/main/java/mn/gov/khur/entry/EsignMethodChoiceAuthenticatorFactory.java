package mn.gov.khur.entry;

import java.util.List;

import mn.gov.khur.esign.flow.EsignMethodChoiceConfig;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers the signature-method choice page. */
public final class EsignMethodChoiceAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-esign-method-choice";
    private static final EsignMethodChoiceAuthenticator SINGLETON = new EsignMethodChoiceAuthenticator();

    @Override public String getId() { return PROVIDER_ID; }
    @Override public Authenticator create(KeycloakSession session) { return SINGLETON; }
    @Override public String getDisplayType() { return "ХУР digital-signature method choice (тоон гарын үсгийн арга сонгох)"; }
    /** Picking a method is not a credential check: nothing to count. */
    @Override public String getReferenceCategory() { return null; }
    @Override public boolean isConfigurable() { return true; }
    @Override public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }
    @Override public boolean isUserSetupAllowed() { return false; }
    @Override public String getHelpText() {
        return "Lets the citizen choose a digital-signature login method (token, SIM, cloud). "
                + "Тоон гарын үсгээр нэвтрэх аргыг сонгуулна.";
    }
    @Override public List<ProviderConfigProperty> getConfigProperties() { return EsignMethodChoiceConfig.PROPERTIES; }
    @Override public void init(Config.Scope config) { }
    @Override public void postInit(KeycloakSessionFactory factory) { }
    @Override public void close() { }
}
