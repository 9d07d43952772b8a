package mn.gov.khur.sms.challenge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why an SMS that reached us did not complete a pending challenge, kept with the challenge so its page can
 * tell the citizen (instead of "not arrived yet"). Both say only what the holder of the phone already knows.
 */
public enum SmsFeedback {
    /**
     * The expected phone texted another code (or no code). Recorded only where the page's viewer is the
     * account's holder ({@link ChallengePurpose#toldOfWrongCodes()}, the login): elsewhere it would tell the
     * viewer what someone else's phone did, or that an account exists.
     */
    WRONG_CODE,
    /** The challenge's code arrived from another number. */
    OTHER_NUMBER;

    /** Lower-case wire form, used by the status endpoint. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SmsFeedback> parse(String wireName) {
        return Arrays.stream(values()).filter(value -> value.wireName().equals(wireName)).findFirst();
    }
}
