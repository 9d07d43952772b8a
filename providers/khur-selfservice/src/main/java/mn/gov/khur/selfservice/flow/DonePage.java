package mn.gov.khur.selfservice.flow;

import jakarta.ws.rs.core.Response;

import mn.gov.khur.passkey.manage.CitizenPasskeys;
import mn.gov.khur.passkey.manage.PasskeyPageLinkFactory;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;

/** The last page of a self-service flow: what happened, and a link back to login ({@code khur-selfservice-done.ftl}). */
final class DonePage {

    static final String TEMPLATE = "khur-selfservice-done.ftl";

    private DonePage() {
    }

    /** @param outcome registration | password-reset | phone-change */
    static Response show(AuthenticationFlowContext context, String outcome) {
        return context.form().setAttribute("khurDone", outcome).createForm(TEMPLATE);
    }

    /**
     * After a recovery or a phone change: the passkeys the account still has (the change does not remove them: a
     * passkey is not the SMS or the password) and where to remove one the citizen does not recognise.
     */
    static Response show(AuthenticationFlowContext context, String outcome, UserModel citizen) {
        context.form().setAttribute("khurPasskeys", CitizenPasskeys.of(citizen))
                .setAttribute("khurPasskeysUrl", context.getUriInfo().getBaseUriBuilder()
                        .path(PasskeyPageLinkFactory.path(context.getRealm().getName())).build().toString());
        return show(context, outcome);
    }
}
