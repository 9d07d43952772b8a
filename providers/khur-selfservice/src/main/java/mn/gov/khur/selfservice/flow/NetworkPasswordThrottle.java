package mn.gov.khur.selfservice.flow;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import mn.gov.khur.selfservice.throttle.ClientNetwork;
import mn.gov.khur.selfservice.throttle.NetworkFailureBudget;
import mn.gov.khur.selfservice.throttle.PasswordThrottle;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Issue 13 (lockout abuse): the password step's budget of wrong passwords per (network, account), spent before the
 * password is checked and before Keycloak's brute-force protector counts anything. Keycloak's lock is per account
 * only, so without it one network could lock any citizen out at will; with it, one network spends at most
 * {@link PasswordThrottle#failures()} of the account's failures per window and then hears "wait".
 *
 * <p>The account is the user the typed name finds (case and spaces do not make a new budget), or the typed name
 * itself when there is none, so an unknown register number is throttled exactly like a known one.
 */
final class NetworkPasswordThrottle {

    static final String MESSAGE = "khurPasswordNetworkThrottled";
    static final String REASON = "network_throttled";
    private static final Logger LOG = Logger.getLogger(NetworkPasswordThrottle.class);

    private NetworkPasswordThrottle() {
    }

    /** What an attempt holds while its password is checked. */
    sealed interface Admission {
        /** No budget applies (throttle off, or no account named): the attempt goes on uncounted. */
        record Unlimited() implements Admission {
        }

        /** One slot of the network's budget, kept if the password turns out wrong. */
        record Admitted(NetworkFailureBudget.Claim claim) implements Admission {
        }

        /** The budget is spent: the attempt was answered, nothing was checked or counted. */
        record Refused() implements Admission {
        }
    }

    static Admission admit(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        PasswordThrottle throttle = PasswordThrottle.from(context.getAuthenticatorConfig());
        if (!throttle.enabled()) {
            return new Admission.Unlimited();
        }
        String typed = form.getFirst(AuthenticationManager.FORM_USERNAME);
        Optional<UserModel> user = user(context, typed);
        String account = user.map(u -> "id:" + u.getId())
                .orElse(typed == null || typed.isBlank() ? null : "name:" + typed.strip().toLowerCase(Locale.ROOT));
        if (account == null) {
            return new Admission.Unlimited(); // Keycloak answers an empty name; no account to protect or count
        }
        ClientNetwork network = ClientNetwork.of(context.getConnection().getRemoteAddr());
        Optional<NetworkFailureBudget.Claim> claim = new NetworkFailureBudget(context.getSession().singleUseObjects(), throttle)
                .claim(context.getRealm().getId(), network, account);
        if (claim.isPresent()) {
            return new Admission.Admitted(claim.get());
        }
        refuse(context, throttle, typed, user);
        return new Admission.Refused();
    }

    private static Optional<UserModel> user(AuthenticationFlowContext context, String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.ofNullable(context.getUser()); // a step before this one named the user (username hidden)
        }
        try {
            return Optional.ofNullable(KeycloakModelUtils.findUserByNameOrEmail(context.getSession(), context.getRealm(),
                    typed.strip()));
        } catch (ModelDuplicateException e) {
            return Optional.empty(); // Keycloak's own answer to the duplicate follows in the password step
        }
    }

    private static void refuse(AuthenticationFlowContext context, PasswordThrottle throttle, String typed,
                               Optional<UserModel> user) {
        LOG.debugf("Password attempt refused: network %s spent its budget", context.getConnection().getRemoteAddr());
        var event = context.getEvent().detail(Details.AUTH_METHOD, KhurUsernamePasswordFormFactory.PROVIDER_ID)
                .detail("khur_reason", REASON);
        if (typed != null) {
            event.detail(Details.USERNAME, typed.strip());
        }
        user.ifPresent(event::user);
        event.error(Errors.SLOW_DOWN);
        var form = context.form().setExecution(context.getExecution().getId())
                .addError(new FormMessage(AuthenticationManager.FORM_USERNAME, MESSAGE,
                        String.valueOf(Math.max(1, throttle.window().toMinutes()))));
        context.forceChallenge(form.createLoginUsernamePassword());
    }
}
