package mn.gov.khur.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * realm-apply on a live realm (issue 18.2): a production-mode Keycloak on PostgreSQL started from the last release's
 * realm (today's realm-config without the version stamp this release introduces), citizens with sessions and a bank
 * link; realm-config then changes in every kind realm-apply covers; a dry run changes nothing; two applies; the
 * realm then equals the file, nothing of the citizens is lost and they still log in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealmApplyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tool resolves placeholders from its environment, as the server did at import: the same values. */
    private static final Map<String, String> DEPLOYMENT = Map.of("KHUR_DEMO_CLIENTS_ENABLED", "true");

    private static PostgresServer postgres;
    private static ClusterNode node;
    private static LoadBalancer balancer;
    private static String url;
    private static AdminApi admin;
    private static Path work;
    private static Path nextRelease;
    private static final List<TestCitizen> citizens = new ArrayList<>();
    private static final List<String> citizenIds = new ArrayList<>();

    @BeforeAll
    static void lastReleaseWithCitizens() throws Exception {
        work = Path.of(KeycloakServer.requiredProperty("khur.it.work")).resolve("realm-apply");
        postgres = PostgresServer.start();
        Path dist = ClusterNode.buildDistribution(work);
        ObjectNode lastRelease = (ObjectNode) JSON.readTree(Path.of(KeycloakServer.requiredProperty("khur.realm.file")).toFile());
        ((ObjectNode) lastRelease.get("attributes")).remove("khurRealmConfigVersion");
        JSON.writerWithDefaultPrettyPrinter().writeValue(dist.resolve("data/import/khur-realm.json").toFile(), lastRelease);
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
        nextRelease = writeNextRelease(lastRelease);
    }

    @AfterAll
    static void tearDown() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {balancer, node, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /** realm-config of the next release: one change of each kind realm-apply covers. */
    private static Path writeNextRelease(ObjectNode lastRelease) throws Exception {
        ObjectNode next = Json.parse(Files.readString(Path.of(KeycloakServer.requiredProperty("khur.realm.file"))))
                .deepCopy();
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
        for (JsonNode client : clients) { // a client changed, a client added
            if (client.path("clientId").asText().equals("demo-rp")) {
                ((ArrayNode) client.get("redirectUris")).add("http://localhost:8092/next/*");
            }
        }
        ObjectNode added = clients.addObject();
        added.put("clientId", "next-release-site").put("protocol", "openid-connect").put("publicClient", false)
                .put("secret", "next-release-site-secret").put("standardFlowEnabled", true);
        added.putArray("redirectUris").add("https://next.example.mn/*");
        for (JsonNode scope : next.get("clientScopes")) { // a client scope's mapper
            if (scope.path("name").asText().equals("khur-citizen")) {
                ((ObjectNode) scope).put("description", "ХУР citizen claims (next release)");
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
        Path file = work.resolve("next-release-realm.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), next);
        return file;
    }

    @Test
    @Order(1)
    void aDryRunPrintsEachDifferenceAndChangesNothing() throws Exception {
        RealmApplyTool.Run dryRun = RealmApplyTool.run(url, nextRelease, DEPLOYMENT, "--dry-run");

        assertThat(dryRun.exit()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("adopting it at version 2")
                .contains(".accessTokenLifespan: 300 → 240")
                .contains("flow 'khur reset credentials': rebuild").contains("+ REQUIRED allow-access-authenticator")
                .contains("authenticator config 'khur reverse sms': update")
                .contains("client 'demo-rp': update").contains("client next-release-site")
                .contains("client scope 'khur-citizen': update")
                .contains("identity provider 'golomt': update")
                .contains("Max Clients Limit").contains("user profile 'khur': update")
                .contains("khurRealmConfigVersion: (none) → 2")
                .contains("dry run: nothing changed");
        // placeholders resolved as the import resolved them: no difference beyond the ones made above
        assertThat(dryRun.output()).contains("11 difference(s)");
        assertThat(admin.realm().path("accessTokenLifespan").asInt()).isEqualTo(300);
        assertThat(admin.realm().at("/attributes/khurRealmConfigVersion").isMissingNode()).isTrue();
    }

    @Test
    @Order(2)
    void appliedTwiceTheRealmEqualsTheFileAndTheSecondRunFindsNothing() throws Exception {
        RealmApplyTool.Run first = RealmApplyTool.run(url, nextRelease, DEPLOYMENT);
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("11 change(s) applied");

        RealmApplyTool.Run second = RealmApplyTool.run(url, nextRelease, DEPLOYMENT);
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output()).contains("equals realm-config (version 2): nothing to do");

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
        assertThat(client("demo-rp").path("redirectUris").toString()).contains("http://localhost:8092/next/*");
        assertThat(client("next-release-site").path("redirectUris").toString()).contains("https://next.example.mn/*");
        assertThat(get("/identity-provider/instances/golomt").path("displayName").asText()).isEqualTo("Голомт банк (next)");
        assertThat(get("/users/profile").toString()).contains("khurNextRelease");
        boolean limit = false;
        for (JsonNode component : get("/components?name=Max%20Clients%20Limit")) {
            limit |= component.at("/config/max-clients/0").asText().equals("150");
        }
        assertThat(limit).isTrue();
    }

    @Test
    @Order(3)
    void nothingOfTheCitizensIsLostAndTheyStillLogIn() throws Exception {
        for (int i = 0; i < citizens.size(); i++) {
            String id = citizenIds.get(i);
            assertThat(admin.user(id).at("/attributes/register_number/0").asText()).isEqualTo(citizens.get(i).registerNumber());
            assertThat(get("/users/" + id + "/credentials")).as("password kept").hasSize(1);
            assertThat(get("/users/" + id + "/sessions")).as("session opened before the apply").isNotEmpty();
        }
        assertThat(get("/users/" + citizenIds.get(0) + "/federated-identity").toString()).contains("golomt-subject-1");
        for (TestCitizen citizen : citizens) {
            logIn(citizen);
        }
    }

    @Test
    @Order(4)
    void anOlderRealmConfigIsRefusedWithTheReasonAndChangesNothing() throws Exception {
        RealmApplyTool.Run older = RealmApplyTool.run(url, Path.of(KeycloakServer.requiredProperty("khur.realm.file")), DEPLOYMENT);

        assertThat(older.exit()).isEqualTo(3);
        assertThat(older.output()).contains("REFUSED").contains("version 2, newer than this realm-config (version 1)");
        assertThat(admin.realm().path("accessTokenLifespan").asInt()).isEqualTo(240);
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

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
