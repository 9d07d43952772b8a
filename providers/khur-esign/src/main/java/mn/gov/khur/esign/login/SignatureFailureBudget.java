package mn.gov.khur.esign.login;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.throttle.Admission;
import mn.gov.khur.identity.throttle.ClientNetwork;
import mn.gov.khur.identity.throttle.FailuresPerNetwork;
import mn.gov.khur.identity.throttle.NetworkFailureBudget;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Lockout abuse through signatures (follow-up of issue 13 item 8): a failed signature login counts against the account
 * of the register number entered in Keycloak's brute-force protector, and register numbers are not secret, so without
 * a limit one network could lock any citizen's password login with signatures alone. Every signature check first
 * spends a slot of the same per-network budget the password step spends ({@link NetworkFailureBudget}: per network
 * and account, shared by both, the numbers from the password step's config), and keeps it only if the attempt counted
 * as a failed login. An unknown register number has a budget like a known one, so the refusal tells nothing.
 */
final class SignatureFailureBudget {

    static final String OUTCOME = "network_throttled";
    static final String MESSAGE = "khurEsignNetworkThrottled";

    private SignatureFailureBudget() {
    }

    static Admission admit(KeycloakSession session, RealmModel realm, RegisterNumber entered, UserModel claimed) {
        String account = NetworkFailureBudget.account(claimed, entered.username()).orElseThrow();
        return new NetworkFailureBudget(session.singleUseObjects(), FailuresPerNetwork.ofRealm(realm))
                .admit(realm.getId(), ClientNetwork.of(session.getContext().getConnection().getRemoteAddr()), account);
    }
}
