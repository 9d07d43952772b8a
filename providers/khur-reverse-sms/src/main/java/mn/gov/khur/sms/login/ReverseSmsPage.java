package mn.gov.khur.sms.login;

/**
 * What the waiting page ({@code khur-sms-challenge.ftl}) shows, exposed to FreeMarker as
 * {@code khurSms}. Getters only: the template never computes anything.
 */
public final class ReverseSmsPage {

    private final String code;
    private final String shortNumber;
    private final String statusUrl;
    private final long expiresAtEpochSeconds;
    private final int lifetimeMinutes;
    private final boolean expired;
    private final boolean newCodeAllowed;
    private final String phoneMasked;
    private final String purpose;

    public ReverseSmsPage(String code, String shortNumber, String statusUrl, long expiresAtEpochSeconds, int lifetimeMinutes,
                   boolean expired, boolean newCodeAllowed, String phoneMasked, String purpose) {
        this.code = code;
        this.shortNumber = shortNumber;
        this.statusUrl = statusUrl;
        this.expiresAtEpochSeconds = expiresAtEpochSeconds;
        this.lifetimeMinutes = lifetimeMinutes;
        this.expired = expired;
        this.newCodeAllowed = newCodeAllowed;
        this.phoneMasked = phoneMasked;
        this.purpose = purpose;
    }

    public String getCode() {
        return code;
    }

    public String getShortNumber() {
        return shortNumber;
    }

    /** Opens the phone's messaging app with the number and the code filled in. */
    public String getSmsUri() {
        return "sms:" + shortNumber + "?&body=" + code;
    }

    public String getQrSvg() {
        return QrCodeSvg.render(getSmsUri(), shortNumber + " " + code);
    }

    public String getStatusUrl() {
        return statusUrl;
    }

    public long getExpiresAtEpochSeconds() {
        return expiresAtEpochSeconds;
    }

    public int getLifetimeMinutes() {
        return lifetimeMinutes;
    }

    public boolean isExpired() {
        return expired;
    }

    public boolean isNewCodeAllowed() {
        return newCodeAllowed;
    }

    public String getPhoneMasked() {
        return phoneMasked;
    }

    public String getPurpose() {
        return purpose;
    }
}
