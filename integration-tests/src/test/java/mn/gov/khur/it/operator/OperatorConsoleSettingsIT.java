package mn.gov.khur.it.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.DonePage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.RefusedPage;
import mn.gov.khur.it.support.pages.RegistrationPage;
import mn.gov.khur.it.support.pages.SelfServiceFields;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The settings we add appear in the admin console with a label and a help text in Mongolian and English:
 * those of our login steps in the authenticator config form, the realm-wide ones (inbound SMS webhook,
 * SMS audit, phone-ownership lookup) as extra tabs of Realm settings (Keycloak's declarative UI). What an
 * operator saves there is what the server then does.
 */
@ExtendWith(KhurServerExtension.class)
class OperatorConsoleSettingsIT {

    /** What the admin console reads and writes for a Realm settings tab (PageHandler / RoutableTabs). */
    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
    private static final String SMS_TAB = "khur-sms-gateway";
    private static final String OWNERSHIP_TAB = "khur-phone-ownership";
    private static final String SMS_VAULT_REFERENCE = "${vault.khur-sms-inbound-secret}";

    private final AdminApi admin = new AdminApi();

    @ParameterizedTest
    @ValueSource(strings = {"khur-reverse-sms", "khur-selfservice-sms", "khur-sim-change-guard"})
    void everySettingHasMongolianAndEnglishLabelAndHelp(String providerId) {
        HttpResponse<String> response = admin.get("/admin/realms/khur/authentication/config-description/" + providerId);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode properties = Json.parse(response.body()).get("properties");

        assertThat(properties).isNotEmpty();
        assertBilingual(properties);
    }

    @Test
    void realmSettingsTabsAreOfferedToTheAdminConsole() {
        JsonNode serverInfo = Json.parse(admin.get("/admin/serverinfo").body());
        assertThat(serverInfo.path("features")).anySatisfy(feature -> {
            assertThat(feature.path("name").asText()).isEqualTo("DECLARATIVE_UI");
            assertThat(feature.path("enabled").asBoolean()).isTrue();
        });

        JsonNode tabs = serverInfo.path("componentTypes").path(TAB_TYPE);
        for (String id : List.of(SMS_TAB, OWNERSHIP_TAB)) {
            JsonNode tab = find(tabs, id);
            assertThat(tab).as("tab %s offered", id).isNotNull();
            // the console shows a tab whose path matches its route, generated with these params; the tab segment is
            // optional so that the left menu's Realm settings (no tab in the route) lists them too
            assertThat(tab.path("metadata").path("path").asText()).isEqualTo("/:realm/realm-settings/:tab?");
            assertThat(tab.path("metadata").path("params").path("tab").asText()).isEqualTo(id);
            assertThat(tab.path("helpText").asText()).matches(BILINGUAL);
            assertBilingual(tab.path("properties"));
        }
        JsonNode smsProperties = find(tabs, SMS_TAB).path("properties");
        assertThat(names(smsProperties)).contains("inbound-secret", "inbound-secret-previous", "short-number",
                "timestamp-tolerance-seconds", "duplicate-retention-hours", "auth-failures-per-minute",
                "messages-per-sender-per-minute", "audit-retention-days");
        assertThat(find(smsProperties, "inbound-secret", "name").path("type").asText()).isEqualTo("Password");
        assertThat(find(smsProperties, "inbound-secret", "name").path("secret").asBoolean()).isTrue();
        JsonNode ownershipProperties = find(tabs, OWNERSHIP_TAB).path("properties");
        assertThat(names(ownershipProperties)).contains("url", "token", "timeout-ms");
        assertThat(find(ownershipProperties, "token", "name").path("secret").asBoolean()).isTrue();
    }

    @Test
    void eachFieldShowsTheValueInForceAndSavingItUnchangedKeepsTheRealmOnTheServersSetting() {
        JsonNode tabs = Json.parse(admin.get("/admin/serverinfo").body()).path("componentTypes").path(TAB_TYPE);
        // the console fills an unset field from its default: the server's value (SPI default or environment)
        JsonNode sms = find(tabs, SMS_TAB).path("properties");
        assertThat(find(sms, "short-number", "name").path("defaultValue").asText()).isEqualTo("130092");
        assertThat(find(sms, "timestamp-tolerance-seconds", "name").path("defaultValue").asText()).isEqualTo("300");
        assertThat(find(sms, "duplicate-retention-hours", "name").path("defaultValue").asText()).isEqualTo("48");
        assertThat(find(sms, "auth-failures-per-minute", "name").path("defaultValue").asText()).isEqualTo("20");
        assertThat(find(sms, "messages-per-sender-per-minute", "name").path("defaultValue").asText()).isEqualTo("30");
        assertThat(find(sms, "audit-retention-days", "name").path("defaultValue").asText()).isEqualTo("180");
        assertThat(find(sms, "inbound-secret", "name").path("defaultValue").isTextual()).as("a secret is never shown").isFalse();
        JsonNode ownership = find(tabs, OWNERSHIP_TAB).path("properties");
        // the test run's environment: KHUR_PHONE_OWNERSHIP_URL (the sandbox lookup) and _TIMEOUT_MS=5000
        assertThat(find(ownership, "url", "name").path("defaultValue").asText())
                .isEqualTo(SandboxSubscribers.service().lookupUri().toString());
        assertThat(find(ownership, "timeout-ms", "name").path("defaultValue").asText()).isEqualTo("5000");
        assertThat(find(ownership, "token", "name").path("defaultValue").isTextual()).isFalse();

        // the console sends every field back; only what differs from the server's becomes the realm's own
        String tab = saveTab(OWNERSHIP_TAB, Map.of("url", SandboxSubscribers.service().lookupUri().toString(),
                "timeout-ms", "4000"));
        try {
            assertThat(tabConfig(tab).has("url")).as("the server's URL, shown and saved unchanged, is not pinned").isFalse();
            assertThat(tabConfig(tab).path("timeout-ms").get(0).asText()).isEqualTo("4000");
            updateTab(tab, Map.of("url", SandboxSubscribers.service().lookupUri().toString(), "timeout-ms", "5000"));
            assertThat(tabConfig(tab).has("timeout-ms")).isFalse();
        } finally {
            deleteTab(tab);
        }
    }

    @Test
    void aLowerPerSenderLimitSavedInTheConsoleAnswers429Sooner() {
        InboundSmsClient gateway = new InboundSmsClient();
        String sender = TestCitizen.random().phoneE164();
        String tab = saveTab(SMS_TAB, Map.of("messages-per-sender-per-minute", "2"));
        try {
            // the console lists the realm's tab component this way (PageHandler)
            HttpResponse<String> listed = admin.get("/admin/realms/khur/components?type=" + TAB_TYPE);
            assertThat(find(Json.parse(listed.body()), SMS_TAB, "providerId").path("id").asText()).isEqualTo(tab);

            assertThat(gateway.send(sender, "111111").statusCode()).isEqualTo(200);
            assertThat(gateway.send(sender, "222222").statusCode()).isEqualTo(200);
            HttpResponse<String> third = gateway.send(sender, "333333");
            assertThat(third.statusCode()).as(third.body()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
        } finally {
            deleteTab(tab);
        }
        // back on the server's limit (30 a minute): the same sender is accepted again
        assertThat(gateway.send(sender, "444444").statusCode()).isEqualTo(200);
    }

    @Test
    void aSecretSavedInTheConsoleReplacesTheServerSecretAndIsNeverShownBack() {
        String sender = TestCitizen.random().phoneE164();
        InboundSmsClient serverSecret = new InboundSmsClient();
        InboundSmsClient vaultSecret = new InboundSmsClient(KeycloakServer.VAULT_ENTRIES.get("khur-sms-inbound-secret"));
        String literal = "it-console-inbound-secret-0123456789abcdef";
        InboundSmsClient literalSecret = new InboundSmsClient(literal);
        assertThat(serverSecret.send(sender, "111111").statusCode()).isEqualTo(200);

        String tab = saveTab(SMS_TAB, Map.of("inbound-secret", SMS_VAULT_REFERENCE));
        try {
            // a vault reference names the secret without revealing it: Keycloak shows it back as saved
            assertThat(tabConfig(tab).path("inbound-secret").get(0).asText()).isEqualTo(SMS_VAULT_REFERENCE);
            assertThat(serverSecret.send(sender, "222222").statusCode()).isEqualTo(401);
            assertThat(vaultSecret.send(sender, "333333").statusCode()).isEqualTo(200);

            updateTab(tab, Map.of("inbound-secret", literal));
            assertThat(vaultSecret.send(sender, "444444").statusCode()).isEqualTo(401);
            assertThat(literalSecret.send(sender, "555555").statusCode()).isEqualTo(200);
            assertThat(tabConfig(tab).path("inbound-secret").get(0).asText()).isEqualTo("**********");
            assertThat(admin.get("/admin/realms/khur/components/" + tab).body()).doesNotContain(literal);

            // the console sends the mask back when an operator changes another field: the secret stays
            updateTab(tab, Map.of("inbound-secret", "**********", "short-number", "130092"));
            assertThat(literalSecret.send(sender, "666666").statusCode()).isEqualTo(200);
        } finally {
            deleteTab(tab);
        }
        assertThat(serverSecret.send(sender, "777777").statusCode()).isEqualTo(200);
        assertThat(literalSecret.send(sender, "888888").statusCode()).isEqualTo(401);
    }

    @Test
    void unusableValuesAreRefusedWithAClearMessage() {
        assertRefused(SMS_TAB, Map.of("messages-per-sender-per-minute", "-1"),
                "Messages per sender per minute must be from 1 to 100000, got -1");
        assertRefused(SMS_TAB, Map.of("auth-failures-per-minute", "lots"),
                "Authentication failures per minute must be a whole number from 1 to 100000, got lots");
        assertRefused(SMS_TAB, Map.of("audit-retention-days", "0"), "Audit retention (days) must be from 1 to 3650, got 0");
        assertRefused(SMS_TAB, Map.of("inbound-secret", "${vault.no-such-entry}"),
                "Inbound secret: the server vault has no such entry (is a vault configured?)");
        HttpResponse<String> shortSecret = createTab(SMS_TAB, Map.of("inbound-secret", "short-secret-1234"));
        assertThat(shortSecret.statusCode()).isEqualTo(400);
        assertThat(shortSecret.body()).contains("at least 32 bytes").doesNotContain("short-secret-1234");
        assertRefused(OWNERSHIP_TAB, Map.of("url", "ftp://lookup.example.mn/"),
                "Lookup URL must be an absolute http(s) URL such as https://lookup.example.mn/v1/ownership");
        assertRefused(OWNERSHIP_TAB, Map.of("timeout-ms", "-5"), "Lookup timeout (ms) must be from 100 to 60000, got -5");
        assertThat(tabIds(SMS_TAB)).as("nothing refused was stored").isEmpty();
        assertThat(tabIds(OWNERSHIP_TAB)).isEmpty();

        String tab = saveTab(SMS_TAB, Map.of("messages-per-sender-per-minute", "40"));
        try {
            HttpResponse<String> update = admin.put("/admin/realms/khur/components/" + tab,
                    Json.write(tabRepresentation(SMS_TAB, Map.of("messages-per-sender-per-minute", "-3"))));
            assertThat(update.statusCode()).isEqualTo(400);
            assertThat(errorMessage(update)).isEqualTo("Messages per sender per minute must be from 1 to 100000, got -3");
            assertThat(tabConfig(tab).path("messages-per-sender-per-minute").get(0).asText()).isEqualTo("40");

            HttpResponse<String> second = createTab(SMS_TAB, Map.of("short-number", "130092"));
            assertThat(second.statusCode()).isEqualTo(400);
            assertThat(errorMessage(second)).isEqualTo("This realm already has these settings; update that component instead");
        } finally {
            deleteTab(tab);
        }
    }

    @Test
    void theLookupTokenSavedInTheConsoleIsTheOneSent() {
        TestCitizen citizen = TestCitizen.random();
        SandboxSubscribers.registerOwner(citizen.phoneE164(), citizen.registerNumber());
        String tab = saveTab(OWNERSHIP_TAB, Map.of("token", "not-the-lookup-token"));
        try {
            // the lookup is asked after the SMS from the phone (issue 13): register, text the code, continue
            HttpBrowser browser = new HttpBrowser();
            String code = CitizenLogin.shownCode(register(browser, citizen));
            assertThat(new InboundSmsClient().send(citizen.phoneE164(), code).body()).contains("\"matched\"");
            HttpBrowser.Page refusedByLookup = CitizenLogin.pressContinue(browser);
            assertThat(refusedByLookup.has(DonePage.DONE)).isFalse();
            assertThat(refusedByLookup.body()).contains("Түр хүлээгээд дахин оролдоно уу");
            assertThat(tabConfig(tab).path("token").get(0).asText()).isEqualTo("**********");

            updateTab(tab, Map.of("token", "it-lookup-token"));
            assertThat(browser.submit(RefusedPage.FORM, Map.of(), "retry").has(DonePage.DONE))
                    .as("the lookup answered with the saved token: the same SMS now completes the registration").isTrue();
        } finally {
            deleteTab(tab);
        }
    }

    // ---- the admin REST calls the console makes for a Realm settings tab ----

    private String saveTab(String providerId, Map<String, String> values) {
        HttpResponse<String> created = createTab(providerId, values);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> createTab(String providerId, Map<String, String> values) {
        return admin.post("/admin/realms/khur/components", Json.write(tabRepresentation(providerId, values)));
    }

    private void updateTab(String id, Map<String, String> values) {
        JsonNode current = Json.parse(admin.get("/admin/realms/khur/components/" + id).body());
        HttpResponse<String> updated = admin.put("/admin/realms/khur/components/" + id,
                Json.write(tabRepresentation(current.path("providerId").asText(), values)));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }

    private void deleteTab(String id) {
        assertThat(admin.delete("/admin/realms/khur/components/" + id).statusCode()).isEqualTo(204);
    }

    /** As the console saves it: the form's fields plus its route parameters (realm, tab), each value a list. */
    private Map<String, Object> tabRepresentation(String providerId, Map<String, String> values) {
        Map<String, List<String>> config = new LinkedHashMap<>();
        values.forEach((name, value) -> config.put(name, List.of(value)));
        config.put("realm", List.of("khur"));
        config.put("tab", List.of(providerId));
        Map<String, Object> component = new HashMap<>();
        component.put("name", providerId);
        component.put("providerId", providerId);
        component.put("providerType", TAB_TYPE);
        component.put("parentId", admin.realm().path("id").asText());
        component.put("config", config);
        return component;
    }

    private JsonNode tabConfig(String id) {
        HttpResponse<String> response = admin.get("/admin/realms/khur/components/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.parse(response.body()).path("config");
    }

    private List<String> tabIds(String providerId) {
        JsonNode components = Json.parse(admin.get("/admin/realms/khur/components?type=" + TAB_TYPE).body());
        List<String> ids = new java.util.ArrayList<>();
        components.forEach(component -> {
            if (providerId.equals(component.path("providerId").asText())) {
                ids.add(component.path("id").asText());
            }
        });
        return ids;
    }

    private void assertRefused(String providerId, Map<String, String> values, String message) {
        HttpResponse<String> response = createTab(providerId, values);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(errorMessage(response)).isEqualTo(message);
    }

    private static String errorMessage(HttpResponse<String> response) {
        return Json.parse(response.body()).path("errorMessage").asText();
    }

    // ---- registration, as a citizen without JavaScript does it, to see which lookup token is sent ----

    private static HttpBrowser.Page register(HttpBrowser browser, TestCitizen citizen) {
        HttpBrowser.Page login = browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        String href = login.document().selectFirst(LoginPage.REGISTER).attr("href");
        HttpBrowser.Page form = browser.open(login.uri().resolve(URI.create(href)));
        Map<String, String> fields = new HashMap<>();
        fields.put("registerNumber", citizen.registerNumber());
        fields.put("phone", citizen.phoneE164());
        fields.put("password-new", citizen.password());
        fields.put("password-confirm", citizen.password());
        fields.put("captcha", form.document().selectFirst(SelfServiceFields.CAPTCHA_IMAGE).attr("data-khur-test-answer"));
        return browser.submit(RegistrationPage.FORM, fields, "submitRegistration");
    }

    private static void assertBilingual(JsonNode properties) {
        for (JsonNode property : properties) {
            String name = property.get("name").asText();
            assertThat(property.path("label").asText()).as("label of %s", name).matches(BILINGUAL);
            assertThat(property.path("helpText").asText()).as("help text of %s", name).matches(BILINGUAL);
        }
    }

    private static JsonNode find(JsonNode array, String id) {
        return find(array, id, "id");
    }

    private static JsonNode find(JsonNode array, String value, String field) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        return null;
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new java.util.ArrayList<>();
        properties.forEach(property -> names.add(property.path("name").asText()));
        return names;
    }

    /** At least one Latin word and one Cyrillic word. */
    private static final String BILINGUAL = "(?s)(?=.*[A-Za-z]{3,})(?=.*[\\p{IsCyrillic}]{3,}).*";
}
