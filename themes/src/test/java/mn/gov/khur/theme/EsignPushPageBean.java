package mn.gov.khur.theme;

/** Stand-in for mn.gov.khur.esign.push.PushSignaturePage ("khurEsignPush") as the template sees it. */
public class EsignPushPageBean {

    private final boolean waiting;
    private final String titleKey;
    private final String hintKey;
    private final String registerNumber;
    private final String phone;
    private final String verificationCode;
    private final int pollSeconds;

    private EsignPushPageBean(boolean waiting, String titleKey, String hintKey, String registerNumber, String phone,
                              String verificationCode, int pollSeconds) {
        this.waiting = waiting;
        this.titleKey = titleKey;
        this.hintKey = hintKey;
        this.registerNumber = registerNumber;
        this.phone = phone;
        this.verificationCode = verificationCode;
        this.pollSeconds = pollSeconds;
    }

    static EsignPushPageBean start(String titleKey, String hintKey, String registerNumber, String phone) {
        return new EsignPushPageBean(false, titleKey, hintKey, registerNumber == null ? "" : registerNumber,
                phone == null ? "" : phone, null, 0);
    }

    static EsignPushPageBean waiting(String titleKey, String verificationCode, int pollSeconds) {
        return new EsignPushPageBean(true, titleKey, null, null, null, verificationCode, pollSeconds);
    }

    public boolean isWaiting() {
        return waiting;
    }

    public String getTitleKey() {
        return titleKey;
    }

    public String getHintKey() {
        return hintKey;
    }

    public String getRegisterNumber() {
        return registerNumber;
    }

    public String getPhone() {
        return phone;
    }

    public String getVerificationCode() {
        return verificationCode;
    }

    public int getPollSeconds() {
        return pollSeconds;
    }
}
