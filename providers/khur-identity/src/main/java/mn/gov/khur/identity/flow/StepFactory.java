package mn.gov.khur.identity.flow;

import java.util.List;
import java.util.function.Supplier;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The one shape of our step factories: the provider id and the console's texts, and one stateless step made when the
 * server starts ({@link #init}), so a step's environment settings are read, and an unusable one refused, at start-up
 * rather than at a citizen's first request ({@link mn.gov.khur.identity.settings.ServerSettings}). By
 * default a step has no settings, counts nothing for the brute-force protector (no reference category), is REQUIRED
 * or DISABLED and sets nothing up for a user; a factory overrides only what differs: a category the protector counts,
 * its config properties (which make it configurable), more requirement choices, a fresh step per session.
 */
public abstract class StepFactory implements AuthenticatorFactory {

    private final String id;
    private final String displayType;
    private final String helpText;
    private final Supplier<? extends Authenticator> creator;
    private volatile Authenticator step;

    protected StepFactory(String id, String displayType, String helpText, Supplier<? extends Authenticator> creator) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.creator = creator;
    }

    /** For a factory that makes a fresh step per session: it overrides {@link #create}. */
    protected StepFactory(String id, String displayType, String helpText) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.creator = null;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        if (creator == null) {
            throw new IllegalStateException(id + " makes its step per session and must override create");
        }
        Authenticator current = step;
        if (current == null) {
            synchronized (this) {
                if (step == null) {
                    step = creator.get();
                }
                current = step;
            }
        }
        return current;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    /** None: only {@code password}, {@code otp} and recovery codes reach Keycloak's brute-force protector. */
    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    /** Configurable exactly when the step has settings (the ⚙ in the console). */
    @Override
    public final boolean isConfigurable() {
        return !getConfigProperties().isEmpty();
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    /** Makes the step now (a factory with a fresh step per session makes none). */
    @Override
    public void init(Config.Scope config) {
        if (creator != null) {
            create(null);
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
