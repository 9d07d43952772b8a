package mn.gov.khur.selfservice.flow;

import java.time.Duration;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.step.SmsTarget;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Between the matched reverse SMS and the change, in registration, recovery and phone change: the phone the
 * SMS came from must be registered at the operators to the register number the form was sent for (the lookup's
 * {@code match}; {@code no_match} and {@code unknown} are both "no"), and, where a hold is configured, its SIM must
 * not have changed within it. Only then does the SMS stand for this citizen: a stored phone that lapsed or was
 * given to someone else no longer recovers the account, and a phone in another name registers or binds nothing.
 *
 * <p>The lookup is asked here and nowhere before: the SMS has just proved that the person holds the phone, so
 * the first pages never depend on operator data and cannot be used to ask whose a number is. A lookup that
 * does not answer is "try again later" (a button that asks again with the same SMS), never a pass. The check
 * itself is {@link ProvenPhoneOwner}, shared with the phone offered after a bank login.
 */
final class ProvenPhoneGuard implements FlowStep {

    private static final Logger LOG = Logger.getLogger(ProvenPhoneGuard.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SmsTarget target = SelfServiceTarget.read(authSession);
        SmsTarget proven = target == null ? null : SelfServiceTarget.verified(authSession, target.purpose());
        RegisterNumber registerNumber = SelfServiceTarget.registerNumber(authSession);
        UserModel user = proven == null || !proven.purpose().subjectIsUser() ? null
                : context.getSession().users().getUserById(context.getRealm(), proven.subjectRef());
        if (proven == null || registerNumber == null || proven.purpose().subjectIsUser() && (user == null || !user.isEnabled())) {
            context.resetFlow(); // no matched SMS in this tab (or the account is gone): start over
            return;
        }
        EventBuilder event = event(context, proven, registerNumber);
        Duration hold = SimChangeGuardConfig.hold(context.getAuthenticatorConfig());
        switch (ProvenPhoneOwner.ask(context.getSession(), proven.phone(), registerNumber, hold)) {
            case ProvenPhoneOwner.Confirmed confirmed -> {
                SelfServiceTarget.markOwnerConfirmed(context.getAuthenticationSession(), proven);
                context.success();
            }
            case ProvenPhoneOwner.Unavailable unavailable -> {
                event.detail(KhurEvents.REASON, KhurEvents.REASON_OWNERSHIP_UNAVAILABLE).error(KhurEvents.OWNERSHIP_UNAVAILABLE);
                context.forceChallenge(SelfServiceRefusal.UNAVAILABLE.page(context)); // the proof stays: "try again" re-runs this
            }
            case ProvenPhoneOwner.NotOwned notOwned -> {
                event.detail(KhurEvents.REASON, notOwned.reason()).error(KhurEvents.PHONE_NOT_OWNED);
                refuse(context, SelfServiceRefusal.NOT_CONFIRMED);
            }
            case ProvenPhoneOwner.SimChanged simChanged -> {
                event.detail(KhurEvents.REASON, KhurEvents.REASON_SIM_RECENTLY_CHANGED).detail(KhurEvents.SIM_CHANGED_AT, simChanged.changedAt().toString())
                        .error(KhurEvents.SIM_RECENTLY_CHANGED);
                refuse(context, SelfServiceRefusal.SIM_CHANGED, String.valueOf(hold.toDays()));
            }
        }
    }

    /**
     * For the step that makes the change: the target whose SMS matched and whose phone this guard confirmed, or
     * null once the request is answered. A matched SMS without the confirmation means the flow lacks this step
     * (a realm set up before it existed, or an edit): refused, never applied, and logged for the operators.
     */
    static SmsTarget confirmedOrEnd(AuthenticationFlowContext context, ChallengePurpose purpose) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SmsTarget confirmed = SelfServiceTarget.confirmed(authSession, purpose);
        if (confirmed != null) {
            return confirmed;
        }
        SmsTarget proven = SelfServiceTarget.verified(authSession, purpose);
        if (proven == null) {
            context.resetFlow();
            return null;
        }
        LOG.errorf("Flow '%s' reaches its change after the SMS without the step %s: refused. Add that step right after "
                + "the SMS step.", context.getTopLevelFlow().getAlias(), ProvenPhoneGuardFactory.PROVIDER_ID);
        event(context, proven, SelfServiceTarget.registerNumber(authSession)).detail(KhurEvents.REASON, "ownership_not_checked")
                .error(KhurEvents.OWNERSHIP_UNAVAILABLE);
        SelfServiceTarget.clear(authSession);
        PendingRegistration.clear(authSession);
        context.forceChallenge(SelfServiceRefusal.UNAVAILABLE.page(context));
        return null;
    }

    /** "Try again" on the page of an unavailable lookup. */
    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    /** The proof is used up: a reload or a second post starts the flow over instead of asking again. */
    private static void refuse(AuthenticationFlowContext context, SelfServiceRefusal refusal, Object... parameters) {
        SelfServiceTarget.clear(context.getAuthenticationSession());
        PendingRegistration.clear(context.getAuthenticationSession());
        context.forceChallenge(refusal.page(context, parameters));
    }

    /** The event of the change this flow would have made (REGISTER, RESET_PASSWORD, UPDATE_PROFILE), for its _ERROR. */
    private static EventBuilder event(AuthenticationFlowContext context, SmsTarget proven, RegisterNumber registerNumber) {
        EventType type = switch (proven.purpose()) {
            case REGISTRATION -> EventType.REGISTER;
            case PASSWORD_RESET -> EventType.RESET_PASSWORD;
            default -> EventType.UPDATE_PROFILE; // phone change
        };
        EventBuilder event = context.getEvent().clone().event(type)
                .detail(Details.AUTH_METHOD, KhurEvents.SELF_SERVICE_METHOD).detail(KhurEvents.FLOW, proven.pagePurpose())
                .detail(KhurEvents.PHONE, proven.phone().masked());
        if (registerNumber != null) {
            event.detail(Details.USERNAME, registerNumber.username());
        }
        return proven.purpose().subjectIsUser() ? event.user(proven.subjectRef()) : event;
    }
}
