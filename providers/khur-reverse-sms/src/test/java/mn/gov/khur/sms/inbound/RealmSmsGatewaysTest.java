package mn.gov.khur.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import mn.gov.khur.sms.challenge.MutableClock;
import mn.gov.khur.sms.settings.SmsSettingsTab;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;

class RealmSmsGatewaysTest {

    private static final String VAULT_REF = "${vault.khur-sms-inbound-secret}";
    private static final String REALM_SECRET = "realm-secret-0123456789abcdef-0123";

    private final RealmModel realm = mock(RealmModel.class);
    private final List<ComponentModel> tabs = new ArrayList<>();
    private final List<String> resolved = new ArrayList<>();
    private final Function<String, Optional<byte[]>> vault = stored -> {
        resolved.add(stored);
        return VAULT_REF.equals(stored) ? Optional.of(REALM_SECRET.getBytes(StandardCharsets.UTF_8))
                : stored.startsWith("${vault.") ? Optional.empty() : Optional.of(stored.getBytes(StandardCharsets.UTF_8));
    };
    private SmsGatewayComponents server;
    private RealmSmsGateways gateways;

    @BeforeEach
    void setUp() {
        when(realm.getId()).thenReturn("realm-1");
        when(realm.getName()).thenReturn("khur");
        when(realm.getComponentsStream("realm-1", UiTabProvider.class.getName())).thenAnswer(call -> tabs.stream());
        server = SmsGatewayComponents.create(SmsGatewaySettings.withSecret("server-secret"), new SimpleMeterRegistry(),
                Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
        gateways = new RealmSmsGateways(server);
    }

    @Test
    void withoutASavedTabTheServerSettingsApply() {
        tabs.add(component("other-tab", Map.of("messages-per-sender-per-minute", "2")));

        assertThat(gateways.forRealm(realm, vault)).isSameAs(server);
        assertThat(resolved).isEmpty();
    }

    @Test
    void savedValuesOverrideAndAreBuiltOncePerConfiguration() {
        ComponentModel tab = component(SmsSettingsTab.ID, Map.of("messages-per-sender-per-minute", "2", "short-number", "133000"));
        tabs.add(tab);

        SmsGatewayComponents first = gateways.forRealm(realm, vault);
        SmsGatewayComponents again = gateways.forRealm(realm, vault);

        assertThat(first).isSameAs(again);
        assertThat(first.settings().messagesPerSenderPerMinute()).isEqualTo(2);
        assertThat(first.settings().shortNumber()).isEqualTo("133000");
        assertThat(first.settings().authFailuresPerMinute()).isEqualTo(20);
        assertThat(first.settings().secrets()).singleElement().isEqualTo("server-secret".getBytes(StandardCharsets.UTF_8));
        // untouched limits keep the server's buckets; a changed one gets its own
        assertThat(first.authFailuresPerIp()).isSameAs(server.authFailuresPerIp());
        assertThat(first.messagesPerSender()).isNotSameAs(server.messagesPerSender());
        assertThat(first.metrics()).isSameAs(server.metrics());

        tab.getConfig().putSingle("short-number", "133001");
        SmsGatewayComponents changed = gateways.forRealm(realm, vault);
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.settings().shortNumber()).isEqualTo("133001");
        // the per-sender limit did not change: its buckets (and what senders already spent) carry over
        assertThat(changed.messagesPerSender()).isSameAs(first.messagesPerSender());

        tab.getConfig().putSingle("messages-per-sender-per-minute", "3");
        assertThat(gateways.forRealm(realm, vault).messagesPerSender()).isNotSameAs(first.messagesPerSender());

        tabs.clear();
        assertThat(gateways.forRealm(realm, vault)).isSameAs(server);
    }

    @Test
    void aRealmHasAGatewayWhenTheServerListsItOrItsTabIsSavedAndOtherwiseNone() {
        assertThat(gateways.ofRealm(realm, vault)).as("khur, listed by default").containsSame(server);

        RealmModel master = mock(RealmModel.class);
        when(master.getId()).thenReturn("realm-master");
        when(master.getName()).thenReturn("master");
        List<ComponentModel> masterTabs = new ArrayList<>();
        when(master.getComponentsStream("realm-master", UiTabProvider.class.getName())).thenAnswer(call -> masterTabs.stream());
        assertThat(gateways.ofRealm(master, vault)).as("master: no gateway, whatever the signature").isEmpty();

        masterTabs.add(component(SmsSettingsTab.ID, Map.of("short-number", "130092")));
        assertThat(gateways.ofRealm(master, vault)).as("a saved tab is a configured gateway").isPresent();
    }

    @Test
    void aRealmSecretReplacesTheServerSecretsAndComesFromTheVault() {
        tabs.add(component(SmsSettingsTab.ID, Map.of("inbound-secret", VAULT_REF)));

        SmsGatewaySettings settings = gateways.forRealm(realm, vault).settings();

        assertThat(settings.secrets()).singleElement().isEqualTo(REALM_SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(resolved).containsExactly(VAULT_REF);
    }

    @Test
    void aVaultEntryThatCannotBeReadLeavesTheWebhookUnconfiguredNotOnTheServerSecret() {
        tabs.add(component(SmsSettingsTab.ID, Map.of("inbound-secret", "${vault.missing}")));

        assertThat(gateways.forRealm(realm, vault).settings().secretConfigured()).isFalse();
    }

    @Test
    void aPreviousSecretIsAcceptedBesideTheCurrentOne() {
        String previous = "previous-secret-0123456789abcdef-0";
        tabs.add(component(SmsSettingsTab.ID, Map.of("inbound-secret", VAULT_REF, "inbound-secret-previous", previous)));

        assertThat(gateways.forRealm(realm, vault).settings().secrets()).containsExactly(
                REALM_SECRET.getBytes(StandardCharsets.UTF_8), previous.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aStoredValueThatBypassedValidationFallsBackToTheServer() {
        tabs.add(component(SmsSettingsTab.ID, Map.of("messages-per-sender-per-minute", "-5")));

        assertThat(gateways.forRealm(realm, vault)).isSameAs(server);
    }

    @Test
    void theVaultIsReadAgainAfterTheRefreshInterval() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        RealmSmsGateways refreshing = new RealmSmsGateways(SmsGatewayComponents.create(
                SmsGatewaySettings.withSecret("server-secret"), new SimpleMeterRegistry(), clock));
        tabs.add(component(SmsSettingsTab.ID, Map.of("inbound-secret", VAULT_REF, "auth-failures-per-minute", "7")));

        SmsGatewayComponents first = refreshing.forRealm(realm, vault);
        clock.advance(RealmSmsGateways.VAULT_REFRESH.minusSeconds(1));
        assertThat(refreshing.forRealm(realm, vault)).isSameAs(first);
        clock.advance(Duration.ofSeconds(2));
        SmsGatewayComponents refreshed = refreshing.forRealm(realm, vault);

        assertThat(refreshed).isNotSameAs(first);
        assertThat(resolved).containsExactly(VAULT_REF, VAULT_REF);
        assertThat(refreshed.authFailuresPerIp()).isSameAs(first.authFailuresPerIp());
    }

    private static ComponentModel component(String providerId, Map<String, String> values) {
        ComponentModel model = new ComponentModel();
        model.setId("component-" + providerId);
        model.setParentId("realm-1");
        model.setProviderId(providerId);
        model.setProviderType(UiTabProvider.class.getName());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        values.forEach(config::putSingle);
        model.setConfig(config);
        return model;
    }
}
