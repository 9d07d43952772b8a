package mn.gov.khur.selfservice.captcha;

/** The outcome of checking a typed captcha answer. */
public enum CaptchaVerdict {
    CORRECT,
    WRONG,
    /** No captcha was issued in this tab, it was already used, or it is too old. */
    EXPIRED;

    public boolean passed() {
        return this == CORRECT;
    }
}
