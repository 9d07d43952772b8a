package mn.gov.khur.esign.flow;

import java.util.List;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * The "high" method choice (contracts §3 ids {@code #khur-method-esign-*}): lists only the
 * configured signature methods; the pick goes to an auth note that {@link EsignMethodChosenCondition}
 * reads to run that method's subflow. Offers nothing else, so acr=high cannot end in a weaker method.
 */
public final class EsignMethodChoiceAuthenticator implements Authenticator {

    static final String TEMPLATE = "khur-esign-choice.ftl";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        ChosenMethod.clear(context.getAuthenticationSession());
        context.challenge(page(context, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        String picked = context.getHttpRequest().getDecodedFormParameters().getFirst("method");
        List<EsignMethod> offered = EsignMethodChoiceConfig.from(context.getAuthenticatorConfig()).methods();
        var method = EsignMethod.fromCode(picked).filter(offered::contains);
        if (method.isEmpty()) {
            context.challenge(page(context, "khurEsignChooseMethod"));
            return;
        }
        ChosenMethod.write(context.getAuthenticationSession(), method.get());
        context.success();
    }

    private static jakarta.ws.rs.core.Response page(AuthenticationFlowContext context, String error) {
        var form = context.form();
        if (error != null) {
            form.addError(new FormMessage(null, error));
        }
        return form.setAttribute("khurEsignMethods", EsignMethodChoiceConfig.from(context.getAuthenticatorConfig()).methods())
                .createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
