package mn.gov.khur.it.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.cluster.PostgresServer;
import mn.gov.khur.it.support.deployment.ImageOnLoopback;
import mn.gov.khur.it.support.pages.LoginPage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production image without a Docker engine: {@code docker/Dockerfile} replayed on the stock
 * distribution ({@link ImageOnLoopback}), started by its ENTRYPOINT on PostgreSQL with only the
 * environment a deployment gives (as in {@code docker/compose.yml}). Proves the Dockerfile builds, holds
 * exactly the provider jars the other tests ran, no sandbox code, and serves our realm, theme and webhook.
 */
class ContainerImageOnLoopbackIT {

    private static final String SMS_SECRET = "image-test-inbound-secret-0123456789abcdef";
    private static PostgresServer postgres;
    private static ImageOnLoopback image;
    private static Process keycloak;
    private static String publicUrl;
    private static String managementUrl;
    private static final Map<String, String> deployment = new HashMap<>();

    @BeforeAll
    static void buildAndStartTheImage() throws Exception {
        Path repository = Path.of(KeycloakServer.requiredProperty("khur.repo.root")).toRealPath();
        Path work = Path.of(KeycloakServer.requiredProperty("khur.it.work")).resolve("image");
        Files.createDirectories(work);
        postgres = PostgresServer.start();
        image = ImageOnLoopback.build(repository.resolve("docker/Dockerfile"), repository,
                Path.of(KeycloakServer.requiredProperty("khur.keycloak.dist.zip")), work);
        int httpPort = freePort();
        int managementPort = freePort();
        publicUrl = "http://localhost:" + httpPort;
        managementUrl = "http://127.0.0.1:" + managementPort;
        deployment.put("KC_DB_URL", postgres.jdbcUrl());
        deployment.put("KC_DB_USERNAME", "keycloak");
        deployment.put("KC_DB_PASSWORD", "keycloak");
        deployment.put("KC_HOSTNAME", publicUrl);
        deployment.put("KC_HTTP_PORT", String.valueOf(httpPort));
        deployment.put("KC_HTTP_MANAGEMENT_PORT", String.valueOf(managementPort));
        deployment.put("KC_CACHE_EMBEDDED_NETWORK_BIND_ADDRESS", "127.0.0.1");
        deployment.put("KC_CACHE_EMBEDDED_NETWORK_BIND_PORT", String.valueOf(freePort()));
        deployment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        deployment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        deployment.put("KHUR_SMS_INBOUND_SECRET", SMS_SECRET);
        deployment.put("KHUR_SMS_AUDIT_HASH_KEY", "image-test-audit-hash-key-0123456789");
        deployment.put("KHUR_DEMO_CLIENTS_ENABLED", "true");
        deployment.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx640m");
        keycloak = image.entrypoint(deployment).redirectErrorStream(true)
                .redirectOutput(work.resolve("keycloak.log").toFile()).start();
        awaitReady(work.resolve("keycloak.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            if (!keycloak.waitFor(60, TimeUnit.SECONDS)) {
                keycloak.destroyForcibly();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theImageHoldsExactlyTheProviderJarsTheTestsRanAndNoSandboxCode() throws IOException {
        Path tested = Path.of(KeycloakServer.requiredProperty("khur.server.home")).resolve("providers");
        assertThat(jarNames(image.home().resolve("providers"))).isEqualTo(jarNames(tested));
        for (String jar : jarNames(image.home().resolve("providers"))) {
            assertThat(Files.mismatch(image.home().resolve("providers").resolve(jar), tested.resolve(jar))).as(jar).isEqualTo(-1L);
            try (ZipFile zip = new ZipFile(image.home().resolve("providers").resolve(jar).toFile())) {
                assertThat(zip.stream().map(java.util.zip.ZipEntry::getName).filter(name -> name.contains("/sandbox/")))
                        .as("sandbox code in " + jar).isEmpty();
            }
        }
        Path realm = Path.of(KeycloakServer.requiredProperty("khur.repo.root")).resolve("realm-config/khur-realm.json");
        assertThat(Files.mismatch(image.home().resolve("data/import/khur-realm.json"), realm)).isEqualTo(-1L);
    }

    @Test
    void productionModeWithHealthMetricsAndTheRealmOnPostgres() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(get(http, managementUrl + "/health/ready").body()).contains("UP");
        assertThat(get(http, publicUrl + "/realms/khur/.well-known/openid-configuration").statusCode()).isEqualTo(200);
        assertThat(postgres.query("select name from realm where name = 'khur'")).as("the realm lives in PostgreSQL").isEqualTo("khur");
    }

    @Test
    void theLoginPageIsOurMongolianThemeAndTheWebhookIsOurs() throws Exception {
        OidcRelyingParty rp = new OidcRelyingParty(publicUrl, "demo-rp", "demo-rp-secret");
        HttpBrowser browser = new HttpBrowser("mn", publicUrl);
        HttpBrowser.Page login = browser.open(rp.begin().authorizationUri());
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("template: login.ftl (khur)");
        assertThat(login.has(LoginPage.USERNAME)).isTrue();
        assertThat(login.document().selectFirst("html").attr("lang")).isEqualTo("mn");

        HttpResponse<String> sms = new InboundSmsClient(publicUrl, SMS_SECRET).send("+97699112233", "123456");
        assertThat(sms.statusCode()).as(sms.body()).isEqualTo(200);
        assertThat(sms.body()).contains("\"unmatched\"");
        HttpResponse<String> forged = new InboundSmsClient(publicUrl, "not-the-secret").send("+97699112233", "123456");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(get(HttpClient.newHttpClient(), managementUrl + "/metrics").body()).contains("khur_");
    }

    @Test
    void kcShIsTheEntrypointAndTheStartArgumentsAreTheCommandAsTheOperatorExpects() {
        // the Keycloak Operator runs the image with its own args (start --optimized …): they must reach kc.sh
        assertThat(image.dockerfile().last().entrypoint()).containsExactly("/opt/keycloak/bin/kc.sh");
        assertThat(image.dockerfile().last().cmd()).startsWith("start", "--optimized");
    }

    @Test
    void theImagesRealmApplyFindsTheImportedRealmEqualToTheRealmConfigItCarries() throws Exception {
        Map<String, String> job = new HashMap<>(deployment); // the Job gets the deployment's realm placeholders
        job.put("KHUR_REALM_APPLY_ALLOW_DEFAULTS", "true"); // this test deployment keeps the realm's dev defaults
        job.put("KHUR_KEYCLOAK_URL", publicUrl);
        job.put("KHUR_ADMIN_USERNAME", "admin");
        job.put("KHUR_ADMIN_PASSWORD", "admin");
        Process realmApply = image.program(List.of("/opt/keycloak/bin/khur-realm-apply", "--dry-run"), job)
                .redirectErrorStream(true).start();
        String output = new String(realmApply.getInputStream().readAllBytes());
        assertThat(realmApply.waitFor()).as(output).isZero();
        assertThat(output).contains("equals realm-config (version 1): nothing to do");
    }

    @Test
    void theImagesRealmApplyPassesJavaOptsToItsJvm() throws Exception {
        // the Job's truststore comes in JAVA_OPTS (realm-apply-job.yaml): a launcher that drops it fails TLS each rollout
        Map<String, String> job = new HashMap<>(deployment);
        job.put("KHUR_REALM_APPLY_ALLOW_DEFAULTS", "true");
        job.put("KHUR_KEYCLOAK_URL", publicUrl);
        job.put("KHUR_ADMIN_USERNAME", "admin");
        job.put("KHUR_ADMIN_PASSWORD", "admin");
        job.put("JAVA_OPTS", "-Dkhur.job.probe=from-java-opts -XshowSettings:properties");
        Process realmApply = image.program(List.of("/opt/keycloak/bin/khur-realm-apply", "--dry-run"), job)
                .redirectErrorStream(true).start();
        String output = new String(realmApply.getInputStream().readAllBytes());
        assertThat(realmApply.waitFor()).as(output).isZero();
        assertThat(output).contains("khur.job.probe = from-java-opts");
    }

    private static List<String> jarNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".jar")).sorted().toList();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("the image's Keycloak exited:\n" + tail(log));
            }
            try {
                if (get(http, managementUrl + "/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the image's Keycloak was not ready in 4 minutes:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
