package mn.gov.khur.selfservice.flow;

import java.time.Clock;

import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.flow.SameOriginPost;
import mn.gov.khur.sms.step.ReverseSmsStep;
import mn.gov.khur.sms.step.SmsTarget;
import mn.gov.khur.sms.step.StepResult;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;

/**
 * Reverse SMS for the self-service flows: the target (purpose, phone, subject) was chosen by the
 * flow's request form; this step shows the code and completes once exactly that phone texted it.
 * A decoy target (unknown register number) waits forever, like a citizen who never sends the SMS.
 */
final class SelfServiceSmsAuthenticator implements FlowStep {

    private final ReverseSmsStep step = new ReverseSmsStep(Clock.systemUTC());

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SmsTarget target = SelfServiceTarget.read(context.getAuthenticationSession());
        if (target == null) {
            context.resetFlow();
            return;
        }
        // a reload or a second tab of this flow: the same code, or on at once if its SMS already came
        proceed(context, target, step.open(context, target));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (SameOriginPost.refused(context)) {
            return;
        }
        SmsTarget target = SelfServiceTarget.read(context.getAuthenticationSession());
        if (target == null) {
            context.resetFlow();
            return;
        }
        context.getEvent().detail(Details.AUTH_METHOD, KhurEvents.SELF_SERVICE_SMS_METHOD).detail(KhurEvents.PHONE, target.phone().masked());
        proceed(context, target, step.act(context, target));
    }

    private static void proceed(AuthenticationFlowContext context, SmsTarget target, StepResult result) {
        switch (result) {
            case StepResult.Matched matched -> {
                SelfServiceTarget.markVerified(context.getAuthenticationSession(), target);
                context.success();
            }
            case StepResult.Show show -> context.challenge(show.page());
            case StepResult.Cancelled cancelled -> {
                SelfServiceTarget.clear(context.getAuthenticationSession());
                context.resetFlow();
            }
        }
    }
}
