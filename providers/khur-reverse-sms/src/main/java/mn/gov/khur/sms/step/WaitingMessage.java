package mn.gov.khur.sms.step;

import java.util.Optional;

import mn.gov.khur.sms.challenge.SmsFeedback;

import org.keycloak.models.utils.FormMessage;

/**
 * What the waiting page says above the code, by what came in so far and for which purpose. Each text names the
 * phone the purpose needs (the new one for a phone change) only by the masked number the page already shows.
 * A wrong code from the expected phone is recorded for the login's page only
 * ({@code ChallengePurpose.toldOfWrongCodes}); a page that names no phone (recovery) would not tell it either.
 * Parameters: {0} the masked phone ("" when the page names none), {1} the short number.
 */
final class WaitingMessage {

    static final String NOT_YET_RECEIVED = "khurSmsNotYetReceived.";
    static final String WRONG_CODE = "khurSmsWrongCode";
    static final String OTHER_NUMBER = "khurSmsOtherNumber";
    static final String OTHER_NUMBER_NO_PHONE = "khurSmsOtherNumberNoPhone";

    private WaitingMessage() {
    }

    /**
     * @param feedback      what the webhook recorded against the challenge
     * @param continuePressed the citizen pressed "Үргэлжлүүлэх" (else: the page was opened or reloaded)
     * @return the message, or empty to show the page as it is
     */
    static Optional<FormMessage> of(SmsTarget target, String shortNumber, Optional<SmsFeedback> feedback,
                                    boolean continuePressed) {
        String phone = target.shownPhoneMasked();
        String shown = phone == null ? "" : phone;
        if (feedback.isPresent()) {
            switch (feedback.get()) {
                case WRONG_CODE -> {
                    if (phone != null) {
                        return Optional.of(new FormMessage(null, WRONG_CODE, shown, shortNumber));
                    }
                }
                case OTHER_NUMBER -> {
                    return Optional.of(new FormMessage(null, phone != null ? OTHER_NUMBER : OTHER_NUMBER_NO_PHONE, shown,
                            shortNumber));
                }
            }
        }
        return continuePressed
                ? Optional.of(new FormMessage(null, NOT_YET_RECEIVED + target.pagePurpose(), shown, shortNumber))
                : Optional.empty();
    }
}
