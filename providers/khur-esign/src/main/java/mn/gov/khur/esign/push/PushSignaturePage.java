package mn.gov.khur.esign.push;

/**
 * What {@code khur-esign-push.ftl} shows, exposed to FreeMarker as {@code khurEsignPush}: the start
 * page (register number and phone as typed) or the waiting page (verification code, poll interval).
 * Getters only: the template never computes anything.
 */
public final class PushSignaturePage {

    static final String ATTRIBUTE = "khurEsignPush";

    private final boolean waiting;
    private final String titleKey;
    private final String hintKey;
    private final String registerNumber;
    private final String phone;
    private final String verificationCode;
    private final int pollSeconds;

    private PushSignaturePage(boolean waiting, String titleKey, String hintKey, String registerNumber, String phone,
                              String verificationCode, int pollSeconds) {
        this.waiting = waiting;
        this.titleKey = titleKey;
        this.hintKey = hintKey;
        this.registerNumber = registerNumber;
        this.phone = phone;
        this.verificationCode = verificationCode;
        this.pollSeconds = pollSeconds;
    }

    static PushSignaturePage start(PushMethod method, PushForm typed) {
        return new PushSignaturePage(false, method.titleKey(), method.hintKey(), typed.registerNumber(), typed.phone(), null, 0);
    }

    static PushSignaturePage waiting(PushMethod method, String verificationCode, int pollSeconds) {
        return new PushSignaturePage(true, method.titleKey(), null, null, null, verificationCode, pollSeconds);
    }

    public boolean isWaiting() {
        return waiting;
    }

    /** Message key of the page title: the method's name. */
    public String getTitleKey() {
        return titleKey;
    }

    /** Message key of the start page's hint; none while waiting. */
    public String getHintKey() {
        return hintKey;
    }

    public String getRegisterNumber() {
        return registerNumber;
    }

    public String getPhone() {
        return phone;
    }

    /** The 4 digits also shown on the phone; none on the start page. */
    public String getVerificationCode() {
        return verificationCode;
    }

    /** How often the page's script posts the waiting form. */
    public int getPollSeconds() {
        return pollSeconds;
    }
}
