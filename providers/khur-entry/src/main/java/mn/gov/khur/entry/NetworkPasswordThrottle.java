package mn.gov.khur.entry;

import java.util.Optional;

import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.throttle.Admission;
import mn.gov.khur.identity.throttle.ClientNetwork;
import mn.gov.khur.identity.throttle.FailuresPerNetwork;
import mn.gov.khur.identity.throttle.NetworkFailureBudget;

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
 * Issue 13 (lockout abuse): the password step's budget of failures per (network, account), spent before the password
 * is checked and before Keycloak's brute-force protector counts anything. Keycloak's lock is per account only, so
 * without it one network could lock any citizen out at will; with it, one network spends at most
 * {@link FailuresPerNetwork#failures()} of the account's failures per window and then hears "wait". The signature steps
 * spend the same budget (khur-esign), so switching methods gives a network nothing more to count.
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

    /** A slot of the network's budget for the account {@code typed} names ({@code user}, if it has one), or refused. */
    static Admission admit(AuthenticationFlowContext context, String typed, Optional<UserModel> user) {
        FailuresPerNetwork limit = FailuresPerNetwork.from(context.getAuthenticatorConfig());
        Optional<String> account = NetworkFailureBudget.account(user.orElse(null), typed);
        if (account.isEmpty()) {
            return new Admission.Unlimited(); // Keycloak answers an empty name; no account to protect or count
        }
        ClientNetwork network = ClientNetwork.of(context.getConnection().getRemoteAddr());
        Admission admission = new NetworkFailureBudget(context.getSession().singleUseObjects(), limit)
                .admit(context.getRealm().getId(), network, account.get());
        if (admission.refused()) {
            refuse(context, limit, typed, user);
        }
        return admission;
    }

    /** The user the typed name finds, as Keycloak's step will find it; a step before this one may have named one. */
    static Optional<UserModel> user(AuthenticationFlowContext context, String typed) {
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

    private static void refuse(AuthenticationFlowContext context, FailuresPerNetwork limit, String typed,
                               Optional<UserModel> user) {
        LOG.debugf("Password attempt refused: network %s spent its budget", context.getConnection().getRemoteAddr());
        var event = context.getEvent().detail(Details.AUTH_METHOD, KhurUsernamePasswordFormFactory.PROVIDER_ID)
                .detail(KhurEvents.REASON, REASON);
        if (typed != null) {
            event.detail(Details.USERNAME, typed.strip());
        }
        user.ifPresent(event::user);
        event.error(Errors.SLOW_DOWN);
        var form = context.form().setExecution(context.getExecution().getId())
                .addError(new FormMessage(AuthenticationManager.FORM_USERNAME, MESSAGE,
                        String.valueOf(Math.max(1, limit.window().toMinutes()))));
        context.forceChallenge(form.createLoginUsernamePassword());
    }
}
