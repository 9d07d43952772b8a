package mn.gov.khur.selfservice.flow;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.selfservice.ownership.PhoneOwnership;
import mn.gov.khur.selfservice.ownership.PhoneOwnershipLookup;
import mn.gov.khur.selfservice.ownership.PhoneOwnershipUnavailableException;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.utils.FormMessage;

/** "Registered in your own name", as the forms use it: null when the phone is the citizen's, else the message to show. */
final class PhoneOwnershipCheck {

    private static final Logger LOG = Logger.getLogger(PhoneOwnershipCheck.class);

    private PhoneOwnershipCheck() {
    }

    static FormMessage problem(AuthenticationFlowContext context, MongolianMobileNumber phone, RegisterNumber registerNumber,
                               String phoneField) {
        PhoneOwnershipLookup lookup = context.getSession().getProvider(PhoneOwnershipLookup.class);
        PhoneOwnership answer;
        try {
            if (lookup == null) {
                throw new PhoneOwnershipUnavailableException("no phone-ownership provider");
            }
            answer = lookup.lookup(phone, registerNumber);
        } catch (PhoneOwnershipUnavailableException e) {
            LOG.warnf("Phone-ownership lookup for %s failed: %s", phone.masked(), e.getMessage());
            context.getEvent().detail("khur_reason", "ownership_unavailable").error("khur_ownership_unavailable");
            return new FormMessage(null, "khurOwnershipUnavailable");
        }
        if (answer != PhoneOwnership.MATCH) {
            context.getEvent().detail("khur_reason", "ownership_" + answer.name().toLowerCase(java.util.Locale.ROOT))
                    .detail("khur_phone", phone.masked()).error("khur_phone_not_owned");
            return new FormMessage(phoneField, "khurOwnershipNoMatch");
        }
        return null;
    }
}
