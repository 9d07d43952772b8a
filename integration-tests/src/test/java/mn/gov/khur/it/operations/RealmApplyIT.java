package mn.gov.khur.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.cluster.ClusterNode;
import mn.gov.khur.it.support.cluster.LoadBalancer;
import mn.gov.khur.it.support.cluster.PostgresServer;
import mn.gov.khur.it.support.operations.RealmApplyTool;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * realm-apply on a live realm (issue 18.2). A production-mode Keycloak on PostgreSQL is started from the last
 * release's realm: realm-config/khur-realm.json exactly as the repository held it at commit 76bd318 (main before
 * realm-apply; checked below by its git blob id), kept in test resources so the test needs no git history. Citizens
 * register sessions and a bank link on it. Then (1) today's realm-config is applied to it: a real upgrade across
 * the releases that added client profiles and policies, the khur-standard/khur-fapi2/khur-pairwise scopes, the FAPI
 * 2.0 demo site, the password step's budget config, the registry's required action, the phone-search component, the
 * realm's localization texts and new realm settings; (2) a next release changes one thing of every kind realm-apply
 * covers; a dry run changes nothing; each apply runs twice; the realm then equals the file, nothing of the citizens
 * is lost and they still log in; an older file is refused with the reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealmApplyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAST_RELEASE = "/operations/last-release/khur-realm.json";
    /** {@code git rev-parse 76bd318:realm-config/khur-realm.json} */
    private static final String LAST_RELEASE_BLOB = "158a79ecfd229946553826e5116b9e6038fda8ea";
    /** The tool resolves placeholders from its environment, as the server did at import: the same values. */
    private static final Map<String, String> DEPLOYMENT = Map.of("KHUR_DEMO_CLIENTS_ENABLED", "true",
            // the test deployment keeps the realm's development defaults (the salt, the banks' secrets …) on purpose
            "KHUR_REALM_APPLY_ALLOW_DEFAULTS", "true");

    private static PostgresServer postgres;
    private static ClusterNode node;
    private static LoadBalancer balancer;
    private static String url;
    private static AdminApi admin;
    private static Path work;
    private static Path today;
    private static ObjectNode todaysRealm;
    private static Path nextRelease;
    private static final List<TestCitizen> citizens = new ArrayList<>();
    private static final List<String> citizenIds = new ArrayList<>();

    @BeforeAll
    static void lastReleaseWithCitizens() throws Exception {
        byte[] lastRelease;
        try (InputStream in = RealmApplyIT.class.getResourceAsStream(LAST_RELEASE)) {
            lastRelease = in.readAllBytes();
        }
        assertThat(gitBlobId(lastRelease)).as("the last release's realm-config, unchanged from git history")
                .isEqualTo(LAST_RELEASE_BLOB);
        assertThat(JSON.readTree(lastRelease).at("/attributes/khurRealmConfigVersion").isMissingNode())
                .as("a realm from before realm-apply").isTrue();
        work = Path.of(KeycloakServer.requiredProperty("khur.it.work")).resolve("realm-apply");
        postgres = PostgresServer.start();
        Path dist = ClusterNode.buildDistribution(work);
        Files.write(dist.resolve("data/import/khur-realm.json"), lastRelease);
        int port = freePort();
        url = "http://localhost:" + port;
        node = ClusterNode.create("node", dist, work, url, postgres.jdbcUrl());
        node.start();
        balancer = new LoadBalancer(port, List.of(node));
        balancer.routeTo(node);
        admin = new AdminApi(url);
        for (int i = 0; i < 3; i++) {
            TestCitizen citizen = TestCitizen.random();
            citizens.add(citizen);
            citizenIds.add(admin.createCitizen(citizen));
            logIn(citizen); // an open session each
        }
        JsonNode link = Json.parse("{\"identityProvider\":\"golomt\",\"userId\":\"golomt-subject-1\",\"userName\":\"bat\"}");
        assertThat(admin.post("/admin/realms/khur/users/" + citizenIds.get(0) + "/federated-identity/golomt", link.toString())
                .statusCode()).isEqualTo(204);
        today = Path.of(KeycloakServer.requiredProperty("khur.realm.file"));
        todaysRealm = (ObjectNode) JSON.readTree(today.toFile());
        nextRelease = writeNextRelease();
    }

    @AfterAll
    static void tearDown() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {balancer, node, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void theLastReleasesRealmIsBroughtToTodaysRealmConfig() throws Exception {
        RealmApplyTool.Run dryRun = RealmApplyTool.run(url, today, DEPLOYMENT, "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("adopting it at version 1")
                .contains("+ client scope 'khur-standard': create").contains("+ client scope 'khur-fapi2': create")
                .contains("+ client scope 'khur-pairwise': create").contains("client demo-rp-fapi2")
                .contains("flow 'khur browser': rebuild").contains("flow 'khur registration': rebuild")
                .contains("flow 'khur bank first login': rebuild").contains("khur-username-password-form ⚙ khur password")
                .contains("client policies 'clientProfiles': update").contains("client policies 'clientPolicies': update")
                .contains("+ required action 'khur-registry-names': create")
                .contains("+ component 'UserStorageProvider khur-phone-search': create")
                .contains("user profile 'khur': update").contains("localization texts 'mn': update")
                .contains(".failureFactor: 10 → 30").contains("dry run: nothing changed");
        assertThat(get("/client-scopes").toString()).as("a dry run changes nothing").doesNotContain("khur-fapi2");

        RealmApplyTool.Run first = RealmApplyTool.run(url, today, DEPLOYMENT);
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("change(s) applied; realm 'khur' is at realm-config version 1");
        RealmApplyTool.Run second = RealmApplyTool.run(url, today, DEPLOYMENT);
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output()).contains("equals realm-config (version 1): nothing to do");

        theRealmHasWhatTheFileHas(todaysRealm);
        JsonNode realm = admin.realm();
        assertThat(realm.path("failureFactor").asInt()).isEqualTo(30);
        assertThat(realm.path("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.path("eventsListeners").toString()).contains("khur-refresh-token-replay");
        assertThat(realm.at("/browserSecurityHeaders/referrerPolicy").asText()).isEqualTo("same-origin");
        assertThat(names(get("/default-default-client-scopes"), "name")).contains("khur-fapi2");
        assertThat(client("demo-rp").path("redirectUris").toString()).isEqualTo("[\"http://localhost:8092/callback\"]");
        assertThat(names(get("/clients/" + client("demo-rp").path("id").asText() + "/default-client-scopes"), "name"))
                .contains("khur-standard");
        assertThat(client("demo-rp-fapi2").path("enabled").asBoolean()).isTrue();
        for (TestCitizen citizen : citizens) {
            logIn(citizen); // through the rebuilt browser flow, under the new client profiles
        }
    }

    /** realm-config of the next release: one change of each kind realm-apply covers. */
    private static Path writeNextRelease() throws Exception {
        ObjectNode next = todaysRealm.deepCopy();
        ((ObjectNode) next.get("attributes")).put("khurRealmConfigVersion", "2");
        next.put("accessTokenLifespan", 240); // realm settings
        for (JsonNode flow : next.get("authenticationFlows")) {
            if (flow.path("alias").asText().equals("khur reset credentials")) { // a step added: the flow is rebuilt
                ObjectNode step = ((ArrayNode) flow.get("authenticationExecutions")).addObject();
                step.put("authenticator", "allow-access-authenticator").put("authenticatorFlow", false)
                        .put("requirement", "REQUIRED").put("priority", 40).put("userSetupAllowed", false);
            }
            if (flow.path("alias").asText().equals("khur bank first login")) {
                ((ObjectNode) flow).put("description", "ХУР bank first login (next release)");
            }
        }
        for (JsonNode config : next.get("authenticatorConfig")) { // an authenticator config value
            if (config.path("alias").asText().equals("khur reverse sms")) {
                ((ObjectNode) config.get("config")).put("khur.sms.codeLifetimeSeconds", "240");
            }
        }
        ArrayNode clients = (ArrayNode) next.get("clients");
        for (JsonNode client : clients) { // a client changed (an exact URI: khur-standard refuses wildcards on save)
            if (client.path("clientId").asText().equals("demo-rp")) {
                ((ArrayNode) client.get("redirectUris")).add("http://localhost:8092/next/callback");
            }
        }
        ObjectNode added = clients.addObject(); // a client added
        added.put("clientId", "next-release-site").put("protocol", "openid-connect").put("publicClient", false)
                .put("secret", "next-release-site-secret").put("standardFlowEnabled", true);
        added.putArray("redirectUris").add("https://next.example.mn/callback");
        for (JsonNode scope : next.get("clientScopes")) { // client scopes: ours and a relying-party profile's
            if (scope.path("name").asText().equals("khur-citizen")) {
                ((ObjectNode) scope).put("description", "ХУР citizen claims (next release)");
            }
            if (scope.path("name").asText().equals("khur-pairwise")) {
                ((ObjectNode) scope).put("description", "Pairwise subject (next release)");
            }
        }
        for (JsonNode profile : next.at("/clientProfiles/profiles")) { // a client profile
            if (profile.path("name").asText().equals("khur-standard")) {
                ((ObjectNode) profile).put("description", "khur-standard (next release)");
            }
        }
        for (JsonNode provider : next.get("identityProviders")) { // a bank
            if (provider.path("alias").asText().equals("golomt")) {
                ((ObjectNode) provider).put("displayName", "Голомт банк (next)");
            }
        }
        ObjectNode components = (ObjectNode) next.get("components");
        for (JsonNode component : components.get("org.keycloak.services.clientregistration.policy.ClientRegistrationPolicy")) {
            if (component.path("name").asText().equals("Max Clients Limit")) { // a component
                ((ObjectNode) component.get("config")).putArray("max-clients").add("150");
            }
        }
        ObjectNode profileComponent = (ObjectNode) components.get("org.keycloak.userprofile.UserProfileProvider").get(0);
        ObjectNode profile = (ObjectNode) JSON.readTree(profileComponent.at("/config/kc.user.profile.config/0").asText());
        for (JsonNode attribute : profile.get("attributes")) { // the user profile
            if (attribute.path("name").asText().equals("phone_number")) {
                ((ObjectNode) attribute).putObject("annotations").put("khurNextRelease", "yes");
            }
        }
        ((ObjectNode) profileComponent.get("config")).putArray("kc.user.profile.config").add(profile.toString());
        ((ObjectNode) next.at("/localizationTexts/mn")).put("khurPhoneNumber", "Гар утасны дугаар"); // a realm text
        Path file = work.resolve("next-release-realm.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), next);
        return file;
    }

    @Test
    @Order(2)
    void aDryRunPrintsEachDifferenceAndChangesNothing() throws Exception {
        RealmApplyTool.Run dryRun = RealmApplyTool.run(url, nextRelease, DEPLOYMENT, "--dry-run");

        assertThat(dryRun.exit()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("realm at version 1: bringing it to version 2")
                .contains(".accessTokenLifespan: 300 → 240")
                .contains("flow 'khur reset credentials': rebuild").contains("+ REQUIRED allow-access-authenticator")
                .contains("authenticator config 'khur reverse sms': update")
                .contains("client 'demo-rp': update").contains("client next-release-site")
                .contains("client scope 'khur-citizen': update").contains("client scope 'khur-pairwise': update")
                .contains("client policies 'clientProfiles': update").contains("khur-standard (next release)")
                .contains("identity provider 'golomt': update")
                .contains("Max Clients Limit").contains("user profile 'khur': update")
                .contains("localization texts 'mn': update").contains("mn.khurPhoneNumber: Утасны дугаар → Гар утасны дугаар")
                .contains("khurRealmConfigVersion: 1 → 2")
                .contains("dry run: nothing changed");
        // placeholders resolved as the import resolved them: no difference beyond the ones made above
        assertThat(dryRun.output()).contains("14 difference(s)");
        assertThat(admin.realm().path("accessTokenLifespan").asInt()).isEqualTo(300);
        assertThat(admin.realm().at("/attributes/khurRealmConfigVersion").asText()).isEqualTo("1");
    }

    @Test
    @Order(3)
    void appliedTwiceTheRealmEqualsTheFileAndTheSecondRunFindsNothing() throws Exception {
        RealmApplyTool.Run first = RealmApplyTool.run(url, nextRelease, DEPLOYMENT);
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("14 change(s) applied");

        RealmApplyTool.Run second = RealmApplyTool.run(url, nextRelease, DEPLOYMENT);
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output()).contains("equals realm-config (version 2): nothing to do");

        theRealmHasWhatTheFileHas((ObjectNode) JSON.readTree(nextRelease.toFile()));
        JsonNode realm = admin.realm();
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(240);
        assertThat(realm.at("/attributes/khurRealmConfigVersion").asText()).isEqualTo("2");
        assertThat(realm.at("/attributes/acr.loa.map").asText()).as("attributes the file keeps stay").contains("substantial");
        assertThat(realm.path("resetCredentialsFlow").asText()).isEqualTo("khur reset credentials");
        List<String> recovery = new ArrayList<>();
        get("/authentication/flows/khur%20reset%20credentials/executions").forEach(step -> recovery.add(step.path("providerId").asText()));
        assertThat(recovery).containsExactly("khur-recovery-request", "khur-selfservice-sms", "khur-sim-change-guard",
                "khur-recovery-new-password", "allow-access-authenticator");
        // the SIM-swap hold's configuration was shared with the phone-change flow: both still have it, with its values
        for (String flow : List.of("khur%20reset%20credentials", "khur%20browser")) {
            JsonNode hold = null;
            for (JsonNode step : get("/authentication/flows/" + flow + "/executions")) {
                if (step.path("providerId").asText().equals("khur-sim-change-guard")) {
                    hold = get("/authentication/config/" + step.path("authenticationConfig").asText());
                }
            }
            assertThat(hold).as(flow).isNotNull();
            assertThat(hold.path("alias").asText()).isEqualTo("khur sim change hold");
            assertThat(hold.path("config").size()).isPositive();
        }
        boolean lifetimeApplied = false;
        for (JsonNode step : get("/authentication/flows/khur%20browser/executions")) {
            if (step.path("providerId").asText().equals("khur-reverse-sms")) {
                lifetimeApplied = get("/authentication/config/" + step.path("authenticationConfig").asText())
                        .at("/config/khur.sms.codeLifetimeSeconds").asText().equals("240");
            }
        }
        assertThat(lifetimeApplied).isTrue();
        assertThat(client("demo-rp").path("redirectUris").toString()).contains("http://localhost:8092/next/callback");
        assertThat(client("next-release-site").path("redirectUris").toString()).contains("https://next.example.mn/callback");
        assertThat(scope("khur-pairwise").path("description").asText()).isEqualTo("Pairwise subject (next release)");
        assertThat(get("/client-policies/profiles").toString()).contains("khur-standard (next release)");
        assertThat(get("/identity-provider/instances/golomt").path("displayName").asText()).isEqualTo("Голомт банк (next)");
        assertThat(get("/users/profile").toString()).contains("khurNextRelease");
        assertThat(get("/localization/mn").path("khurPhoneNumber").asText()).isEqualTo("Гар утасны дугаар");
        boolean limit = false;
        for (JsonNode component : get("/components?name=Max%20Clients%20Limit")) {
            limit |= component.at("/config/max-clients/0").asText().equals("150");
        }
        assertThat(limit).isTrue();
    }

    @Test
    @Order(4)
    void nothingOfTheCitizensIsLostAndTheyStillLogIn() throws Exception {
        for (int i = 0; i < citizens.size(); i++) {
            String id = citizenIds.get(i);
            assertThat(admin.user(id).at("/attributes/register_number/0").asText()).isEqualTo(citizens.get(i).registerNumber());
            assertThat(get("/users/" + id + "/credentials")).as("password kept").hasSize(1);
            assertThat(get("/users/" + id + "/sessions")).as("sessions opened before the applies").isNotEmpty();
        }
        assertThat(get("/users/" + citizenIds.get(0) + "/federated-identity").toString()).contains("golomt-subject-1");
        for (TestCitizen citizen : citizens) {
            logIn(citizen);
        }
    }

    @Test
    @Order(5)
    void anOlderRealmConfigIsRefusedWithTheReasonAndChangesNothing() throws Exception {
        RealmApplyTool.Run older = RealmApplyTool.run(url, today, DEPLOYMENT);

        assertThat(older.exit()).isEqualTo(3);
        assertThat(older.output()).contains("REFUSED").contains("version 2, newer than this realm-config (version 1)");
        assertThat(admin.realm().path("accessTokenLifespan").asInt()).isEqualTo(240);
    }

    @Test
    @Order(6)
    void placeholdersLeftAtTheirDefaultsAreRefusedByNameOutsideTheDevelopmentMode() throws Exception {
        // a Job whose environment lacks the deployment's values would write the file's defaults over the admin
        // console's: the dev pairwise salt (every pairwise sub changes), empty bank secrets, localhost URLs
        RealmApplyTool.Run run = RealmApplyTool.run(url, nextRelease, Map.of("KHUR_DEMO_CLIENTS_ENABLED", "true",
                "KHUR_SSL_REQUIRED", "external"));

        assertThat(run.exit()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("REFUSED").contains("KHUR_PAIRWISE_SUB_SALT")
                .contains("KHUR_BANK_GOLOMT_CLIENT_SECRET").contains("KHUR_ESIGN_SIM_AP_PASSWORD")
                .doesNotContain("KHUR_DEMO_CLIENTS_ENABLED,").doesNotContain("dev-only-pairwise-salt");
    }

    @Test
    @Order(7)
    void aRevocationSetInTheAdminConsoleOutlivesTheNextApply() throws Exception {
        // an incident: "Revocation → Set to now" on the realm and on one client, tokens issued before are invalid
        int now = (int) (System.currentTimeMillis() / 1000);
        assertThat(admin.put("/admin/realms/khur", "{\"notBefore\":" + now + "}").statusCode()).isEqualTo(204);
        ObjectNode account = (ObjectNode) client("account");
        account.put("notBefore", now);
        assertThat(admin.put("/admin/realms/khur/clients/" + account.path("id").asText(), account.toString()).statusCode())
                .isEqualTo(204);
        assertThat(admin.realm().path("notBefore").asInt()).isEqualTo(now);
        // the next release changes the realm's settings and that client: both are PUT
        ObjectNode next = (ObjectNode) JSON.readTree(nextRelease.toFile());
        ((ObjectNode) next.get("attributes")).put("khurRealmConfigVersion", "3");
        next.put("accessTokenLifespan", 250);
        for (JsonNode client : next.get("clients")) {
            if (client.path("clientId").asText().equals("account")) {
                ((ObjectNode) client).put("description", "account (release 3)");
            }
        }
        Path release3 = work.resolve("release-3-realm.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(release3.toFile(), next);

        RealmApplyTool.Run run = RealmApplyTool.run(url, release3, DEPLOYMENT);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("notBefore");
        assertThat(admin.realm().path("accessTokenLifespan").asInt()).isEqualTo(250);
        assertThat(client("account").path("description").asText()).isEqualTo("account (release 3)");
        assertThat(admin.realm().path("notBefore").asInt()).as("the realm's revocation stays").isEqualTo(now);
        assertThat(client("account").path("notBefore").asInt()).as("the client's revocation stays").isEqualTo(now);
    }

    /**
     * Checks by the admin API, independently of realm-apply's own comparison, that every kind the file lists is in
     * the realm: client scopes with their mappers, clients, the client profiles and policies with their executors and
     * conditions, our top-level flows step by step, every authenticator config attached, the required actions, the
     * banks and their mappers, the components, the user profile's attributes and the realm's localization texts.
     */
    private static void theRealmHasWhatTheFileHas(ObjectNode file) throws Exception {
        Map<String, JsonNode> scopes = byName(get("/client-scopes"), "name");
        for (JsonNode want : file.get("clientScopes")) {
            JsonNode have = scopes.get(want.path("name").asText());
            assertThat(have).as("client scope " + want.path("name").asText()).isNotNull();
            assertThat(names(have.path("protocolMappers"), "name")).as("mappers of " + want.path("name").asText())
                    .isEqualTo(names(want.path("protocolMappers"), "name"));
        }
        assertThat(names(get("/clients"), "clientId")).containsAll(names(file.get("clients"), "clientId"));
        JsonNode profiles = get("/client-policies/profiles").path("profiles");
        assertThat(executors(profiles)).isEqualTo(executors(file.at("/clientProfiles/profiles")));
        JsonNode policies = get("/client-policies/policies").path("policies");
        assertThat(policyShape(policies)).isEqualTo(policyShape(file.at("/clientPolicies/policies")));
        Map<String, JsonNode> fileFlows = byName(file.get("authenticationFlows"), "alias");
        List<String> attachedConfigs = new ArrayList<>();
        for (JsonNode flow : file.get("authenticationFlows")) {
            if (!flow.path("topLevel").asBoolean() || flow.path("builtIn").asBoolean()) {
                continue;
            }
            String alias = flow.path("alias").asText();
            List<String> want = new ArrayList<>();
            steps(flow, fileFlows, 0, want);
            List<String> have = new ArrayList<>();
            for (JsonNode step : get("/authentication/flows/" + segment(alias) + "/executions")) {
                String what = step.path("authenticationFlow").asBoolean() ? "flow " + step.path("displayName").asText()
                        : step.path("providerId").asText();
                have.add(step.path("level").asInt() + " " + step.path("requirement").asText() + " " + what);
                if (step.hasNonNull("authenticationConfig")) {
                    attachedConfigs.add(get("/authentication/config/" + step.path("authenticationConfig").asText())
                            .path("alias").asText());
                }
            }
            assertThat(have).as("flow " + alias).isEqualTo(want);
        }
        for (JsonNode config : file.get("authenticatorConfig")) {
            if (referenced(file, config.path("alias").asText())) {
                assertThat(attachedConfigs).as("authenticator config").contains(config.path("alias").asText());
            }
        }
        assertThat(names(get("/authentication/required-actions"), "alias"))
                .containsAll(names(file.get("requiredActions"), "alias"));
        assertThat(names(get("/identity-provider/instances"), "alias"))
                .containsAll(names(file.get("identityProviders"), "alias"));
        for (JsonNode mapper : file.get("identityProviderMappers")) {
            assertThat(names(get("/identity-provider/instances/" + mapper.path("identityProviderAlias").asText() + "/mappers"), "name"))
                    .contains(mapper.path("name").asText());
        }
        String realmId = admin.realm().path("id").asText();
        Set<String> components = new TreeSet<>();
        get("/components?parent=" + realmId).forEach(c -> components.add(c.path("providerType").asText() + " " + c.path("name").asText()));
        file.get("components").fields().forEachRemaining(type -> {
            if (!type.getKey().equals("org.keycloak.userprofile.UserProfileProvider")) {
                type.getValue().forEach(c -> assertThat(components).contains(type.getKey() + " " + c.path("name").asText()));
            }
        });
        JsonNode profile = JSON.readTree(file.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0").asText());
        assertThat(names(get("/users/profile").path("attributes"), "name")).isEqualTo(names(profile.path("attributes"), "name"));
        file.get("localizationTexts").fields().forEachRemaining(locale -> {
            JsonNode live = get("/localization/" + locale.getKey());
            locale.getValue().fields().forEachRemaining(text ->
                    assertThat(live.path(text.getKey()).asText()).as(locale.getKey() + "." + text.getKey())
                            .isEqualTo(text.getValue().asText()));
        });
    }

    /** A flow as the admin API lists it: depth, requirement, authenticator or "flow <alias>", depth first. */
    private static void steps(JsonNode flow, Map<String, JsonNode> flows, int level, List<String> out) {
        List<JsonNode> executions = new ArrayList<>();
        flow.path("authenticationExecutions").forEach(executions::add);
        executions.sort(java.util.Comparator.comparingInt(e -> e.path("priority").asInt()));
        for (JsonNode execution : executions) {
            if (execution.path("authenticatorFlow").asBoolean()) {
                String alias = execution.path("flowAlias").asText();
                out.add(level + " " + execution.path("requirement").asText() + " flow " + alias);
                steps(flows.get(alias), flows, level + 1, out);
            } else {
                out.add(level + " " + execution.path("requirement").asText() + " " + execution.path("authenticator").asText());
            }
        }
    }

    private static boolean referenced(JsonNode file, String configAlias) {
        for (JsonNode flow : file.get("authenticationFlows")) {
            if (flow.path("builtIn").asBoolean()) {
                continue; // Keycloak's own flows (and their configs) are not realm-apply's
            }
            for (JsonNode execution : flow.path("authenticationExecutions")) {
                if (configAlias.equals(execution.path("authenticatorConfig").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, List<String>> executors(JsonNode profiles) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        profiles.forEach(p -> {
            List<String> executors = new ArrayList<>();
            p.path("executors").forEach(e -> executors.add(e.path("executor").asText()));
            out.put(p.path("name").asText(), executors);
        });
        return out;
    }

    private static Map<String, String> policyShape(JsonNode policies) {
        Map<String, String> out = new LinkedHashMap<>();
        policies.forEach(p -> {
            List<String> conditions = new ArrayList<>();
            p.path("conditions").forEach(c -> conditions.add(c.path("condition").asText()));
            out.put(p.path("name").asText(), p.path("enabled").asBoolean() + " " + conditions + " " + p.path("profiles"));
        });
        return out;
    }

    private static Map<String, JsonNode> byName(JsonNode array, String field) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        array.forEach(element -> map.putIfAbsent(element.path(field).asText(), element));
        return map;
    }

    private static TreeSet<String> names(JsonNode array, String field) {
        TreeSet<String> names = new TreeSet<>();
        array.forEach(element -> names.add(element.path(field).asText()));
        return names;
    }

    private static String segment(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What {@code git hash-object} prints for these bytes. */
    private static String gitBlobId(byte[] content) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha1.digest(content));
    }

    private static void logIn(TestCitizen citizen) {
        OidcRelyingParty rp = new OidcRelyingParty(url, "demo-rp", "demo-rp-secret");
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser("mn", url);
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertThat(new InboundSmsClient(url, KeycloakServer.SMS_SECRET).send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
        assertThat(back.leftIdp()).as(back.body()).isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
    }

    private static JsonNode get(String path) {
        var response = admin.get("/admin/realms/khur" + path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static JsonNode client(String clientId) {
        JsonNode found = get("/clients?clientId=" + clientId);
        assertThat(found).as(clientId).hasSize(1);
        return found.get(0);
    }

    private static JsonNode scope(String name) {
        return byName(get("/client-scopes"), "name").get(name);
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
