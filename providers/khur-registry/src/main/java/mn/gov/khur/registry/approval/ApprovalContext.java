package mn.gov.khur.registry.approval;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** What the approval page needs from a flow step or a required action, whichever shows it. */
interface ApprovalContext {

    KeycloakSession session();

    UserModel user();

    AuthenticationSessionModel authSession();

    LoginFormsProvider form();

    EventBuilder event();

    MultivaluedMap<String, String> formParameters();

    /** Show this page and wait for the citizen. */
    void challenge(Response page);

    /** The approval is over (stored, refused, skipped or postponed): carry on with the flow or login. */
    void done();
}
