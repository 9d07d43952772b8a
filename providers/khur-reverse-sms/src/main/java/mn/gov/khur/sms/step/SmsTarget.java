package mn.gov.khur.sms.step;

import java.util.Objects;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.sms.challenge.ChallengePurpose;

/**
 * Who must text which phone for what: the phone whose SMS completes the challenge, the subject the
 * match is bound to (a user id, or a flow's own reference for a registration), and the masked
 * number the page may show (null: the page names no number, e.g. recovery, where showing the
 * registered phone would leak it to anyone who knows a register number). Whether the page may learn that the
 * expected phone texted another code is the purpose's ({@link ChallengePurpose#toldOfWrongCodes()}: the login
 * only); a page that names no phone is never told it either ({@link WaitingMessage}).
 */
public record SmsTarget(ChallengePurpose purpose, MongolianMobileNumber phone, String subjectRef, String shownPhoneMasked) {

    public SmsTarget {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(subjectRef, "subjectRef");
    }

    /** The template's {@code purpose} value (khur-sms-challenge.ftl). */
    public String pagePurpose() {
        return switch (purpose) {
            case LOGIN -> "login";
            case REGISTRATION -> "registration";
            case PASSWORD_RESET -> "password-reset";
            case PHONE_CHANGE -> "phone-change";
        };
    }
}
