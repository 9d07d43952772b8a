package mn.gov.khur.theme;

/** Stand-in for the "khurSms" bean written as a record (accessors without "get"). */
public record SmsChallengeRecord(String code, String shortNumber, String smsUri, String qrSvg, String statusUrl,
        long expiresAtEpochSeconds, int lifetimeMinutes, boolean expired, String phoneMasked, String purpose) {
}
