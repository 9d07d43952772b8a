package mn.gov.khur.selfservice.flow;

import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.registry.account.VerifiedNames;
import mn.gov.khur.registry.approval.RegistryApproval;
import mn.gov.khur.registry.retry.RegistryRefresh;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;

/**
 * The last step of "Бүртгүүлэх": the done page, saying whether the names came from the state registry. Never logs
 * in (the citizen logs in afterwards as always); without an account made in this tab it starts the flow over.
 */
final class RegistrationDone implements FlowStep {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String id = context.getAuthenticationSession().getAuthNote(RegistryApproval.SUBJECT_NOTE);
        UserModel user = id == null ? null : context.getSession().users().getUserById(context.getRealm(), id);
        if (user == null) {
            context.resetFlow();
            return;
        }
        if (VerifiedNames.holdFor(user)) {
            context.form().setAttribute("khurDoneRegistry", "verified");
        } else if (RegistryRefresh.state(user).filter(state -> state == RegistryRefresh.State.PENDING
                || state == RegistryRefresh.State.AWAITING_CITIZEN).isPresent()) {
            context.form().setAttribute("khurDoneRegistry", "later"); // a retry is kept: asked again at a later login
        }
        context.forceChallenge(DonePage.show(context, "registration"));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.resetFlow();
    }
}
