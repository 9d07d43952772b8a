package mn.gov.khur.esign.push;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.esign.login.CitizenAccounts;
import mn.gov.khur.identity.profile.CitizenAttributes;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Issue 13 item 6: whom a signing request may reach. Only the phone registered on the enabled account
 * of the register number typed; any other pair is answered with the same "request sent" page and
 * nothing is pushed, so a stranger who knows a register number reaches no phone but that citizen's
 * own, and learns nothing about which number owns which phone.
 */
sealed interface PushRecipient {

    /** The typed phone is the registered phone of this enabled account: the push may go. */
    record Holder(UserModel user) implements PushRecipient {
    }

    /** No push. {@code user} is the account of the typed number, if there is one; {@code reason} is for the event. */
    record NotAllowed(UserModel user, String reason) implements PushRecipient {
    }

    static PushRecipient of(KeycloakSession session, RealmModel realm, RegisterNumber registerNumber, MongolianMobileNumber phone) {
        UserModel user = CitizenAccounts.byRegisterNumber(session, realm, registerNumber).orElse(null);
        if (user == null) {
            return new NotAllowed(null, "no_account");
        }
        if (!user.isEnabled()) {
            return new NotAllowed(user, "account_disabled");
        }
        boolean registeredPhone = MongolianMobileNumber.tryParse(user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER))
                .map(phone::equals).orElse(false);
        return registeredPhone ? new Holder(user) : new NotAllowed(user, "account_phone_mismatch");
    }
}
