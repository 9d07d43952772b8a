package mn.gov.khur.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxRegistry;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.cluster.ClusterNode;
import mn.gov.khur.it.support.cluster.LoadBalancer;
import mn.gov.khur.it.support.cluster.PostgresServer;
import mn.gov.khur.it.support.operations.RecordingForwardProxy;
import mn.gov.khur.sandbox.xyp.RegistryPerson;
import mn.gov.khur.it.support.pages.RegistryApprovalPage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.5: our providers' outbound calls obey Keycloak's {@code proxy-mappings}. A production-mode Keycloak whose
 * only route to the SMPP bridge and to the state registry ХУР is an HTTP proxy (their host names,
 * {@code bridge.khur.test} and {@code registry.khur.test}, are known to no DNS; Keycloak's proxy-mappings send
 * {@code *.khur.test} to the proxy) sends a citizen's login notice and asks the registry for a citizen's approval: both
 * arrive, and the proxy saw them. With the JDK client the providers used before, the notice went nowhere (unknown host).
 */
class OutboundCallsThroughKeycloakProxyIT {

    private static final String OUTBOUND_SECRET = "proxy-test-outbound-secret-0123456789";
    /** The sandbox ХУР by a name only the proxy resolves (it forwards *.khur.test to 127.0.0.1, same port). */
    private static final String REGISTRY_BASE = "http://registry.khur.test:" + SandboxRegistry.simulator().port();
    private static PostgresServer postgres;
    private static ClusterNode node;
    private static LoadBalancer balancer;
    private static RecordingForwardProxy proxy;
    private static HttpServer bridge;
    private static String url;
    private static final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void keycloakBehindAForwardProxy() throws Exception {
        Path work = Path.of(KeycloakServer.requiredProperty("khur.it.work")).resolve("outbound-proxy");
        proxy = new RecordingForwardProxy();
        bridge = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bridge.createContext("/mt", exchange -> {
            notices.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        bridge.start();
        postgres = PostgresServer.start();
        // the registry adapter reads the organisation's key and token from Keycloak's vault (a build-time choice)
        Path dist = ClusterNode.buildDistribution(work, List.of("--vault=file"));
        Path vault = Files.createDirectories(work.resolve("vault"));
        for (Map.Entry<String, String> entry : SandboxRegistry.vaultEntries().entrySet()) {
            Files.writeString(vault.resolve("khur_" + entry.getKey()), entry.getValue());
        }
        int port = freePort();
        url = "http://localhost:" + port;
        Map<String, String> environment = new HashMap<>(SandboxRegistry.keycloakEnvironment());
        environment.put("KHUR_REGISTRY_CITIZEN_URL", REGISTRY_BASE + SandboxRegistry.simulator().citizenUri().getRawPath());
        environment.put("KHUR_REGISTRY_META_URL", REGISTRY_BASE + SandboxRegistry.simulator().metaUri().getRawPath());
        environment.put("KHUR_SMS_OUTBOUND_URL", "http://bridge.khur.test:" + bridge.getAddress().getPort() + "/mt");
        environment.put("KHUR_SMS_OUTBOUND_SECRET", OUTBOUND_SECRET);
        node = ClusterNode.create("node", dist, work, url, postgres.jdbcUrl()).configure(environment,
                List.of("--spi-connections-http-client--default--proxy-mappings=.*\\.khur\\.test;http://127.0.0.1:" + proxy.port(),
                        "--vault-dir=" + vault));
        node.start();
        balancer = new LoadBalancer(port, List.of(node));
        balancer.routeTo(node);
    }

    @AfterAll
    static void tearDown() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {balancer, node, postgres, proxy}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (bridge != null) {
            bridge.stop(0);
        }
    }

    @Test
    void theLoginNoticeToTheBridgeGoesThroughKeycloaksProxyMapping() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        new AdminApi(url).createCitizen(citizen);
        OidcRelyingParty rp = new OidcRelyingParty(url, "demo-rp", "demo-rp-secret");
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser("mn", url);
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertThat(new InboundSmsClient(url, KeycloakServer.SMS_SECRET).send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        assertThat(CitizenLogin.pressContinue(browser).leftIdp()).isTrue();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (notices.stream().noneMatch(notice -> notice.contains(citizen.phoneE164())) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200); // the notice is sent after the login, on the sender's own thread
        }
        assertThat(notices).as("login notice at the bridge; node log:\n" + node.logTail())
                .anyMatch(notice -> notice.contains(citizen.phoneE164()));
        assertThat(proxy.requests()).contains("POST http://bridge.khur.test:" + bridge.getAddress().getPort() + "/mt");
    }

    @Test
    void theStateRegistryIsAskedThroughKeycloaksProxyMapping() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        AdminApi admin = new AdminApi(url);
        String userId = admin.createCitizen(citizen);
        SandboxRegistry.register(RegistryPerson.answering(citizen.registerNumber(), "Боржигон", "Төмөрбаатар", "Ану-Ужин",
                LocalDate.of(1990, 6, 15), "Эмэгтэй"));
        var refresh = admin.post("/admin/realms/khur/khur-registry/users/" + userId + "/refresh", "");
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(202);
        assertThat(Json.parse(refresh.body()).path("state").asText()).isEqualTo("awaiting_citizen");

        OidcRelyingParty rp = new OidcRelyingParty(url, "demo-rp", "demo-rp-secret");
        HttpBrowser browser = new HttpBrowser("mn", url);
        browser.open(rp.begin().authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertThat(new InboundSmsClient(url, KeycloakServer.SMS_SECRET).send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        HttpBrowser.Page approval = CitizenLogin.pressContinue(browser);

        assertThat(approval.has(RegistryApprovalPage.FORM)).as("the registry's approval page; node log:\n" + node.logTail())
                .isTrue();
        assertThat(SandboxRegistry.simulator().lastCode(citizen.registerNumber())).as("the registry sent its code").isPresent();
        assertThat(proxy.requests()).anyMatch(request -> request.startsWith("POST " + REGISTRY_BASE + "/"));
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
