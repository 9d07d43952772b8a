package mn.gov.khur.selfservice.flow;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;

/** The last page of a self-service flow: what happened, and a link back to login ({@code khur-selfservice-done.ftl}). */
final class DonePage {

    static final String TEMPLATE = "khur-selfservice-done.ftl";

    private DonePage() {
    }

    /** @param outcome registration | password-reset | phone-change */
    static Response show(AuthenticationFlowContext context, String outcome) {
        return context.form().setAttribute("khurDone", outcome).createForm(TEMPLATE);
    }
}
