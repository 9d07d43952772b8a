package mn.gov.khur.esign.token;

/**
 * What {@code khur-esign-token.ftl} shows, exposed to FreeMarker as {@code khurEsignToken}: the exact
 * string the ESIGN client is to sign, where the page finds the client, and what was typed.
 * Getters only: the template never computes anything.
 */
public final class EsignTokenPage {

    static final String ATTRIBUTE = "khurEsignToken";

    private final String dataToSign;
    private final String clientUrl;
    private final String installUrl;
    private final int timeoutSeconds;
    private final String registerNumber;

    EsignTokenPage(String dataToSign, EsignTokenConfig config, String registerNumber) {
        this.dataToSign = dataToSign;
        this.clientUrl = config.clientUrl();
        this.installUrl = config.installUrl();
        this.timeoutSeconds = config.clientTimeoutSeconds();
        this.registerNumber = registerNumber == null ? "" : registerNumber;
    }

    /** The fresh challenge ({@code khur-login/v1 origin-sha256=… nonce-sha256=…}). */
    public String getDataToSign() {
        return dataToSign;
    }

    public String getClientUrl() {
        return clientUrl;
    }

    /** The client's download page; empty when none is configured (no link then). */
    public String getInstallUrl() {
        return installUrl;
    }

    /** How long the page waits for the PIN. */
    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public String getRegisterNumber() {
        return registerNumber;
    }
}
