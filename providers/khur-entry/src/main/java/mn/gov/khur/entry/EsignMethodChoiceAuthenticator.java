package mn.gov.khur.entry;

import java.util.List;

import mn.gov.khur.esign.flow.ChosenMethod;
import mn.gov.khur.esign.flow.EsignMethod;
import mn.gov.khur.esign.flow.EsignMethodChoiceConfig;
import mn.gov.khur.identity.flow.FlowStep;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.utils.FormMessage;

/**
 * The "high" method choice (contracts §3 ids {@code #khur-method-esign-*}): lists only the
 * configured signature methods; the pick goes to an auth note that {@link EsignMethodChosenCondition}
 * reads to run that method's subflow. Offers nothing else, so acr=high cannot end in a weaker method.
 * A method picked on the entry page ({@link SignatureFromEntryPage}) skips the page.
 */
public final class EsignMethodChoiceAuthenticator implements FlowStep {

    static final String TEMPLATE = "khur-esign-choice.ftl";
    /** Button shown when the level was raised from the entry page: back to every method. */
    static final String OTHER_METHODS = "otherMethods";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        var authSession = context.getAuthenticationSession();
        ChosenMethod.clear(authSession);
        List<EsignMethod> offered = EsignMethodChoiceConfig.from(context.getAuthenticatorConfig()).methods();
        // picked on the entry page already: no second question
        var picked = SignatureFromEntryPage.takePick(authSession).filter(offered::contains);
        if (picked.isPresent()) {
            ChosenMethod.write(authSession, picked.get());
            context.success();
            return;
        }
        context.challenge(page(context, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        var formData = context.getHttpRequest().getDecodedFormParameters();
        if (formData.containsKey(OTHER_METHODS) && SignatureFromEntryPage.raised(context.getAuthenticationSession())) {
            // back to the entry page with every method: the level the relying party asked for again
            SignatureFromEntryPage.undoRaise(context.getAuthenticationSession());
            context.resetFlow();
            return;
        }
        String picked = formData.getFirst("method");
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
                .setAttribute("khurEsignOtherMethods", SignatureFromEntryPage.raised(context.getAuthenticationSession()))
                .createForm(TEMPLATE);
    }
}
