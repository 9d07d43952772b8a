package mn.gov.khur.selfservice.ownership;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import mn.gov.khur.identity.settings.InvalidRealmSettingException;
import mn.gov.khur.identity.settings.RealmSettingsValues;

/**
 * What an operator set for one realm in the admin console tab {@link PhoneOwnershipTab}. Unset values keep
 * the server's ({@link PhoneOwnershipSettings}: SPI options, then {@code KHUR_PHONE_OWNERSHIP_*}). The token
 * stays as stored (a {@code ${vault.<key>}} reference or the token itself) until it is used.
 */
public record PhoneOwnershipRealmSettings(Optional<URI> endpoint, Optional<String> token, OptionalInt timeoutMillis) {

    public static final String URL = "url";
    public static final String TOKEN = "token";
    public static final String TIMEOUT_MS = "timeout-ms";

    public static final PhoneOwnershipRealmSettings NONE =
            new PhoneOwnershipRealmSettings(Optional.empty(), Optional.empty(), OptionalInt.empty());

    /** @throws InvalidRealmSettingException naming the first unusable value */
    public static PhoneOwnershipRealmSettings parse(Map<String, List<String>> config) {
        RealmSettingsValues values = new RealmSettingsValues(config);
        Optional<URI> endpoint = values.text(URL).map(PhoneOwnershipRealmSettings::endpoint);
        return new PhoneOwnershipRealmSettings(endpoint,
                values.secretReference(TOKEN, "Lookup token", 1),
                values.wholeNumber(TIMEOUT_MS, "Lookup timeout (ms)", 100, 60_000));
    }

    private static URI endpoint(String url) {
        try {
            URI uri = new URI(url);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below, without the parser's wording
        }
        throw new InvalidRealmSettingException("Lookup URL must be an absolute http(s) URL such as https://lookup.example.mn/v1/ownership");
    }

    public boolean usesVault() {
        return token.filter(RealmSettingsValues::isVaultReference).isPresent();
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "PhoneOwnershipRealmSettings[endpoint=" + endpoint + ", token="
                + token.map(t -> RealmSettingsValues.isVaultReference(t) ? "vault" : "set").orElse("unset")
                + ", timeoutMillis=" + timeoutMillis + "]";
    }
}
