package mn.gov.khur.theme;

/** Stand-in for the reverse-SMS authenticator's "khurSms" bean (ReverseSmsPage): JavaBean getters. */
public class SmsChallengeBean {
    private final String code;
    private final boolean expired;
    private final String purpose;
    private final String phoneMasked;
    private final boolean newCodeAllowed;

    public SmsChallengeBean(String code, boolean expired, String purpose, String phoneMasked) {
        this(code, expired, purpose, phoneMasked, true);
    }

    public SmsChallengeBean(String code, boolean expired, String purpose, String phoneMasked, boolean newCodeAllowed) {
        this.code = code;
        this.expired = expired;
        this.purpose = purpose;
        this.phoneMasked = phoneMasked;
        this.newCodeAllowed = newCodeAllowed;
    }

    public String getCode() { return code; }
    public String getShortNumber() { return "130092"; }
    public String getSmsUri() { return "sms:130092?body=" + code; }
    public String getQrSvg() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\"><path d=\"M0 0h7v7H0z\"/></svg>";
    }
    public String getStatusUrl() {
        return "https://sso.example.mn/realms/khur/khur-sms/status?tab_id=abc&session_code=x1";
    }
    public long getExpiresAtEpochSeconds() { return 1_764_000_000L; }
    public int getLifetimeMinutes() { return 5; }
    public boolean isExpired() { return expired; }
    public String getPhoneMasked() { return phoneMasked; }
    public String getPurpose() { return purpose; }
    public boolean isNewCodeAllowed() { return newCodeAllowed; }
}
