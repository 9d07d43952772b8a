package mn.gov.khur.entry;

import java.util.ArrayList;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.profile.RegisterNumberField;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The register number typed on the login form, read like on every other form ({@link RegisterNumberField}):
 * {@code уб 9911 2233} is the Keycloak username {@code уб99112233}; a malformed one ({@code UB99112233}: Latin
 * letters) is answered on the field before any account is looked up, so it is nobody's failed login. An empty
 * field is left to Keycloak (its own "enter a username" answer, and a username hidden by a previous step).
 */
final class LoginRegisterNumber {

    private LoginRegisterNumber() {
    }

    /** The field's message key if the typed value is not a register number (the refusal is on the event); else empty. */
    static Optional<String> refusal(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        String typed = form.getFirst(AuthenticationManager.FORM_USERNAME);
        if (typed == null || typed.isBlank() || RegisterNumberField.problem(typed).isEmpty()) {
            return Optional.empty();
        }
        context.getEvent().detail(Details.AUTH_METHOD, KhurUsernamePasswordFormFactory.PROVIDER_ID);
        return Optional.of(RegisterNumberField.refuse(context.getEvent(), typed));
    }

    /** The form with the username in the one form Keycloak knows (canonical, lower case); other fields untouched. */
    static MultivaluedMap<String, String> normalised(MultivaluedMap<String, String> form) {
        String typed = form.getFirst(AuthenticationManager.FORM_USERNAME);
        Optional<RegisterNumber> registerNumber = RegisterNumber.tryParse(typed);
        if (registerNumber.isEmpty()) {
            return form;
        }
        MultivaluedMap<String, String> copy = new MultivaluedHashMap<>();
        form.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        copy.putSingle(AuthenticationManager.FORM_USERNAME, registerNumber.get().username());
        return copy;
    }
}
