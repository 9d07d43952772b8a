package mn.gov.khur.selfservice.flow;

import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.profile.CitizenAttributes;
import mn.gov.khur.selfservice.ownership.PhoneOwnershipLookup;
import mn.gov.khur.selfservice.ownership.PhoneOwnershipUnavailableException;
import mn.gov.khur.selfservice.ownership.SubscriberStatus;
import mn.gov.khur.sms.step.SmsTarget;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;

/**
 * SIM-swap hold for recovery and phone change: after the SMS matched and before anything changes,
 * asks the operators' subscriber lookup when the SIM of that phone last changed. A swap inside the
 * hold means the SMS may come from an attacker's SIM, so the SMS alone may not reset a password or
 * bind a phone; the citizen is sent to the bank or signature login, or to a service centre. A lookup
 * that cannot answer is "try again later", never a pass. Reached only after the match, so it reveals
 * nothing to someone who does not hold the phone.
 */
final class SimChangeGuard implements FlowStep {

    private static final Logger LOG = Logger.getLogger(SimChangeGuard.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SmsTarget target = SelfServiceTarget.read(context.getAuthenticationSession());
        SmsTarget verified = target == null ? null : SelfServiceTarget.verified(context.getAuthenticationSession(), target.purpose());
        UserModel user = verified == null ? null : context.getSession().users().getUserById(context.getRealm(), verified.subjectRef());
        RegisterNumber registerNumber = user == null ? null
                : RegisterNumber.tryParse(user.getFirstAttribute(CitizenAttributes.REGISTER_NUMBER)).orElse(null);
        if (registerNumber == null) {
            context.resetFlow(); // the SMS step did not match for an account: start over
            return;
        }
        Duration hold = SimChangeGuardConfig.hold(context.getAuthenticatorConfig());
        var event = context.getEvent().clone().user(user).detail("khur_flow", verified.pagePurpose())
                .detail("khur_phone", verified.phone().masked());
        SubscriberStatus status;
        try {
            PhoneOwnershipLookup lookup = context.getSession().getProvider(PhoneOwnershipLookup.class);
            if (lookup == null) {
                throw new PhoneOwnershipUnavailableException("no phone-ownership provider");
            }
            status = lookup.status(verified.phone(), registerNumber);
        } catch (PhoneOwnershipUnavailableException e) {
            LOG.warnf("SIM-change check for %s failed: %s", verified.phone().masked(), e.getMessage());
            event.detail("khur_reason", "ownership_unavailable").error("khur_ownership_unavailable");
            context.forceChallenge(context.form().setError("khurOwnershipUnavailable")
                    .createErrorPage(Response.Status.SERVICE_UNAVAILABLE));
            return;
        }
        if (status.simChangedWithin(hold, Instant.ofEpochMilli(Time.currentTimeMillis()))) {
            event.detail("khur_reason", "sim_recently_changed").detail("khur_sim_changed_at", status.simChangedAt().toString())
                    .error("khur_sim_recently_changed");
            SelfServiceTarget.clear(context.getAuthenticationSession());
            context.forceChallenge(context.form().setError("khurSimRecentlyChanged", String.valueOf(hold.toDays()))
                    .createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }
}
