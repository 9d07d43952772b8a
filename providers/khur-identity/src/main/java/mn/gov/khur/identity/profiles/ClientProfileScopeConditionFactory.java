package mn.gov.khur.identity.profiles;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.condition.AbstractClientPolicyConditionProviderFactory;
import org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProvider;

/** Registers {@link ClientProfileScopeCondition} as client-policy condition {@value #PROVIDER_ID}. */
public final class ClientProfileScopeConditionFactory extends AbstractClientPolicyConditionProviderFactory {

    public static final String PROVIDER_ID = "khur-client-profile-scope";
    static final String SCOPE = "scope";

    private static final List<ProviderConfigProperty> PROPERTIES = new ArrayList<>();

    static {
        addCommonConfigProperties(PROPERTIES);
        PROPERTIES.add(new ProviderConfigProperty(SCOPE, "Profile client scope / Профайлын client scope",
                "The client scope that puts a client in this profile when it is one of the client's DEFAULT scopes "
                        + "(client > Client scopes tab), e.g. khur-fapi2. "
                        + "Энэ client scope нь клиентийн DEFAULT scope бол клиент энэ профайлд орно (жишээ нь khur-fapi2).",
                ProviderConfigProperty.STRING_TYPE, null));
    }

    @Override
    public ClientPolicyConditionProvider create(KeycloakSession session) {
        return new ClientProfileScopeCondition(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "True for a client that has the configured client scope as a default scope, in every request and when "
                + "the client is saved (Keycloak's client-scopes condition skips those). "
                + "Клиент тохируулсан client scope-ыг default scope болгон авсан бол бүх хүсэлтэд болон клиентийг "
                + "хадгалахад үнэн.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }
}
