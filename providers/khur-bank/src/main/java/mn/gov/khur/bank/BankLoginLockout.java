package mn.gov.khur.bank;

import java.util.Optional;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.profile.CitizenAttributes;

import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;

/**
 * Issue 13: the account's temporary brute-force lock guards the password and the SMS code, and an attacker can set it
 * off from enough networks at will; it must not keep a citizen from logging in with their bank. Keycloak's broker
 * refuses a locked account for a bank identity already linked to it (IdentityBrokerService#validateUser, "account
 * disabled") right after the identity-provider mappers ran and before any flow of ours. So the register-number
 * mapper first clears the account's failure record, as Keycloak does after a successful password login, for a login
 * that our post-login step will accept anyway: a trusted bank, a valid register number equal to the linked account's,
 * an accepted acr, a level the client may get from a bank, an enabled account. Only a locked account is touched.
 *
 * <p>So a bank login starts the account's count afresh, like any successful login: locking it again takes as many
 * networks as the first time. Only someone who can log in at the citizen's bank can do this.
 */
final class BankLoginLockout {

    private static final Logger LOG = Logger.getLogger(BankLoginLockout.class);

    private BankLoginLockout() {
    }

    /** After the mapper left the bank's assertion in {@code context}. */
    static void clearForLinkedAccount(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context) {
        if (!realm.isBruteForceProtected() || context.getAuthenticationSession() == null) {
            return;
        }
        BankAssertion assertion = BrokeredAssertions.read(context);
        if (assertion.refusal(BankTrust.from(context.getIdpConfig().getConfig()),
                BrokeredAssertions.requestedLevel(context.getAuthenticationSession())).isPresent()) {
            return; // the login will be refused anyway
        }
        UserModel linked = session.users().getUserByFederatedIdentity(realm,
                new FederatedIdentityModel(context.getIdpConfig().getAlias(), context.getId(), context.getUsername()));
        if (linked == null || !linked.isEnabled() || !assertion.registerNumber().map(RegisterNumber::value)
                .equals(Optional.ofNullable(linked.getFirstAttribute(CitizenAttributes.REGISTER_NUMBER)))) {
            return; // no link yet (the first-login flow is not lock-checked), or a login our steps refuse
        }
        UserLoginFailureModel failures = session.loginFailures().getUserLoginFailure(realm, linked.getId());
        if (failures == null || failures.getFailedLoginNotBefore() <= Time.currentTime()) {
            return;
        }
        int count = failures.getNumFailures();
        // Keycloak's own success handling (DefaultBruteForceProtector#success): the lock's end time can only grow,
        // so ending the lock means clearing the record, as a successful password login does
        failures.clearFailures();
        LOG.infof("bank login clears a temporary lockout: bank=%s user=%s failures=%d", assertion.bankAlias(),
                linked.getId(), count);
    }
}
