package mn.gov.khur.esign.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mn.gov.khur.esign.pki.EsignPkiConfig;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Settings of the USB-token (ESIGN client) step, plus the shared {@link EsignPkiConfig}. */
public record EsignTokenConfig(String clientUrl, String installUrl, int clientTimeoutSeconds, EsignPkiConfig pki) {

    public static final String CLIENT_URL = "khur.esign.token.clientUrl";
    public static final String INSTALL_URL = "khur.esign.token.installUrl";
    public static final String CLIENT_TIMEOUT = "khur.esign.token.clientTimeoutSeconds";
    static final String DEFAULT_CLIENT_URL = "ws://127.0.0.1:59001";

    public static final List<ProviderConfigProperty> PROPERTIES;

    static {
        List<ProviderConfigProperty> all = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property().name(CLIENT_URL).type(ProviderConfigProperty.STRING_TYPE)
                .label("ESIGN client address / ESIGN клиентийн хаяг")
                .helpText("Where the page finds the citizen's ESIGN client (contracts §4). ESIGN клиент програмын хаяг.")
                .defaultValue(DEFAULT_CLIENT_URL).add()
                .property().name(INSTALL_URL).type(ProviderConfigProperty.STRING_TYPE)
                .label("ESIGN client download page / ESIGN клиент татах хуудас")
                .helpText("Shown when the client is not running or not installed. Клиент ажиллахгүй үед харуулах татах холбоос.")
                .add()
                .property().name(CLIENT_TIMEOUT).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("PIN entry timeout (s) / ПИН оруулах хугацаа (сек)")
                .helpText("How long the page waits for the citizen to enter the PIN, 5–300. ПИН код оруулахыг хүлээх хугацаа.")
                .defaultValue("120").add()
                .build());
        all.addAll(EsignPkiConfig.PROPERTIES);
        PROPERTIES = List.copyOf(all);
    }

    public static EsignTokenConfig from(AuthenticatorConfigModel model) {
        Map<String, String> c = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String client = c.getOrDefault(CLIENT_URL, "").strip();
        int timeout;
        try {
            timeout = Math.max(5, Math.min(300, Integer.parseInt(c.getOrDefault(CLIENT_TIMEOUT, "120").strip())));
        } catch (NumberFormatException e) {
            timeout = 120;
        }
        return new EsignTokenConfig(client.isEmpty() ? DEFAULT_CLIENT_URL : client, c.getOrDefault(INSTALL_URL, "").strip(),
                timeout, EsignPkiConfig.from(model));
    }
}
