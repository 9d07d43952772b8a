package mn.gov.khur.selfservice.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import mn.gov.khur.identity.settings.InvalidRealmSettingException;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;

class PhoneOwnershipRealmSettingsTest {

    private static final PhoneOwnershipSettings SERVER = PhoneOwnershipSettings.from(
            Map.of("url", "http://127.0.0.1:8093/lookup", "token", "server-token")::get, Map.of());

    @Test
    void nothingSavedKeepsTheServerSettings() {
        PhoneOwnershipRealmSettings none = PhoneOwnershipRealmSettings.parse(Map.of("url", List.of(""), "tab", List.of("x")));

        assertThat(none).isEqualTo(PhoneOwnershipRealmSettings.NONE);
        assertThat(SERVER.withRealmSettings(none, stored -> Optional.of(stored))).isEqualTo(SERVER);
    }

    @Test
    void savedValuesOverrideTheServer() {
        PhoneOwnershipRealmSettings realm = PhoneOwnershipRealmSettings.parse(Map.of(
                "url", List.of("https://lookup.example.mn/v1/ownership"),
                "token", List.of("${vault.khur-phone-ownership-token}"),
                "timeout-ms", List.of("1500")));

        PhoneOwnershipSettings settings = SERVER.withRealmSettings(realm,
                stored -> stored.equals("${vault.khur-phone-ownership-token}") ? Optional.of("from-vault") : Optional.empty());

        assertThat(settings.endpoint()).isEqualTo(URI.create("https://lookup.example.mn/v1/ownership"));
        assertThat(settings.token()).isEqualTo("from-vault");
        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(realm.usesVault()).isTrue();
        assertThat(settings.toString()).doesNotContain("from-vault");
    }

    @Test
    void aTokenTheVaultCannotResolveMakesLookupsUnavailableRatherThanUnauthenticated() {
        PhoneOwnershipRealmSettings realm = PhoneOwnershipRealmSettings.parse(Map.of("token", List.of("${vault.missing}")));

        assertThat(SERVER.withRealmSettings(realm, stored -> Optional.empty()).configured()).isFalse();
    }

    @Test
    void unusableValuesAreRejectedByName() {
        assertThatThrownBy(() -> PhoneOwnershipRealmSettings.parse(Map.of("url", List.of("ftp://lookup.example.mn/"))))
                .isInstanceOf(InvalidRealmSettingException.class).hasMessageStartingWith("Lookup URL must be an absolute http(s) URL");
        assertThatThrownBy(() -> PhoneOwnershipRealmSettings.parse(Map.of("url", List.of("not a url"))))
                .isInstanceOf(InvalidRealmSettingException.class).hasMessageStartingWith("Lookup URL must be an absolute http(s) URL");
        assertThatThrownBy(() -> PhoneOwnershipRealmSettings.parse(Map.of("timeout-ms", List.of("-1"))))
                .isInstanceOf(InvalidRealmSettingException.class).hasMessage("Lookup timeout (ms) must be from 100 to 60000, got -1");
    }

    @Test
    void aRealmTabIsBuiltOncePerConfigurationAndDroppedWhenDeleted() {
        List<ComponentModel> tabs = new ArrayList<>();
        RealmModel realm = realmWithTabs(tabs);
        List<String> resolved = new ArrayList<>();
        Function<String, Optional<byte[]>> vault = stored -> {
            resolved.add(stored);
            return Optional.of("realm-token".getBytes(StandardCharsets.UTF_8));
        };
        RealmPhoneOwnershipSettings settings = new RealmPhoneOwnershipSettings(SERVER, Clock.systemUTC());

        assertThat(settings.forRealm(realm, vault)).isSameAs(SERVER);
        ComponentModel tab = tab(Map.of("token", "${vault.khur-phone-ownership-token}"));
        tabs.add(tab);
        PhoneOwnershipSettings first = settings.forRealm(realm, vault);
        assertThat(settings.forRealm(realm, vault)).isSameAs(first);
        assertThat(first.token()).isEqualTo("realm-token");
        assertThat(first.endpoint()).isEqualTo(SERVER.endpoint());
        assertThat(resolved).hasSize(1);

        tab.getConfig().putSingle("timeout-ms", "900");
        assertThat(settings.forRealm(realm, vault).timeout()).isEqualTo(Duration.ofMillis(900));
        tabs.clear();
        assertThat(settings.forRealm(realm, vault)).isSameAs(SERVER);
        assertThat(settings.forRealm(null, vault)).isSameAs(SERVER);
    }

    /** A realm that answers only what the lookup asks: its id, its name, its tab components. */
    private static RealmModel realmWithTabs(List<ComponentModel> tabs) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> "realm-1";
                    case "getName" -> "khur";
                    case "getComponentsStream" -> "realm-1".equals(args[0]) && UiTabProvider.class.getName().equals(args[1])
                            ? tabs.stream() : java.util.stream.Stream.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ComponentModel tab(Map<String, String> values) {
        ComponentModel model = new ComponentModel();
        model.setId("tab-1");
        model.setParentId("realm-1");
        model.setProviderId(PhoneOwnershipTab.ID);
        model.setProviderType(UiTabProvider.class.getName());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        values.forEach(config::putSingle);
        model.setConfig(config);
        return model;
    }
}
