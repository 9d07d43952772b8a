package mn.gov.khur.sms.step;

import jakarta.ws.rs.core.Response;

import mn.gov.khur.sms.challenge.MatchedChallenge;

/** What one browser request on the reverse-SMS page came to. */
public sealed interface StepResult permits StepResult.Matched, StepResult.Show, StepResult.Cancelled {

    /** The expected phone texted the right code for exactly this target. */
    record Matched(MatchedChallenge match) implements StepResult {
    }

    /** Keep (or start again) waiting: show this page. */
    record Show(Response page) implements StepResult {
    }

    /** The citizen pressed "Back", or the step's notes are gone: the flow should start over. */
    record Cancelled() implements StepResult {
    }
}
