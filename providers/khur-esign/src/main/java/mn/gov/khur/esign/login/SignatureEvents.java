package mn.gov.khur.esign.login;

import mn.gov.khur.identity.events.KhurEvents;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;

/** The event details every signature step writes, so that operators can filter all methods alike. */
public final class SignatureEvents {

    private SignatureEvents() {
    }

    /** How the attempt ended, as {@code khur_esign_outcome} ({@code success}, {@code push_sent}, a reason). */
    public static void outcome(AuthenticationFlowContext context, String outcome) {
        context.getEvent().detail(KhurEvents.ESIGN_OUTCOME, outcome);
    }

    /** The event of a refusal: its reason as {@code khur_reason} (and as our older {@code khur_esign_outcome}). */
    public static EventBuilder refusal(AuthenticationFlowContext context, String reason) {
        outcome(context, reason);
        return context.getEvent().detail(KhurEvents.REASON, reason);
    }
}
