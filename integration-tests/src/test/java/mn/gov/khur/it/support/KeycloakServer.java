package mn.gov.khur.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Keycloak 26.7.5 tree assembled by the {@code server} module (our providers, themes and
 * realm import inside), started with {@code kc.sh start-dev} as a child process on a fresh H2
 * database. Exactly what the dev run starts, so what is tested is what ships.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Ports are 8080/9000 unless -Dkhur.it.http-port/-Dkhur.it.management-port say otherwise (parallel work). */
    public static final int HTTP_PORT = Integer.getInteger("khur.it.http-port", 8080);
    public static final int MANAGEMENT_PORT = Integer.getInteger("khur.it.management-port", 9000);
    public static final String BASE_URL = "http://localhost:" + HTTP_PORT;
    public static final String MANAGEMENT_URL = "http://localhost:" + MANAGEMENT_PORT;
    public static final String REALM = "khur";
    public static final String SMS_SECRET = "it-sms-inbound-secret-0123456789abcdef";
    /** Entries of the server's file vault (realm khur), for settings that take {@code ${vault.<key>}}. */
    public static final Map<String, String> VAULT_ENTRIES = Map.of(
            "khur-sms-inbound-secret", "it-vault-sms-inbound-secret-0123456789");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final Path log;

    private KeycloakServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static KeycloakServer start(Map<String, String> extraEnvironment) {
        Path home = Path.of(requiredProperty("khur.server.home"));
        Path work = Path.of(requiredProperty("khur.it.work"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak tree at " + home + ": run the server module's package phase first");
        }
        requirePortFree(HTTP_PORT);
        requirePortFree(MANAGEMENT_PORT);
        try {
            Path db = work.resolve("db");
            deleteRecursively(db);
            Files.createDirectories(db);
            Path vault = work.resolve("vault");
            deleteRecursively(vault);
            Files.createDirectories(vault);
            Map<String, String> vaultEntries = new java.util.HashMap<>(VAULT_ENTRIES);
            vaultEntries.putAll(SandboxRegistry.vaultEntries());
            for (Map.Entry<String, String> entry : vaultEntries.entrySet()) {
                // the file vault's layout: <realm>_<key>
                Files.writeString(vault.resolve(REALM + "_" + entry.getKey()), entry.getValue());
            }
            Path log = work.resolve("keycloak.log");
            List<String> command = new ArrayList<>(List.of(
                    home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + HTTP_PORT,
                    "--http-management-port=" + MANAGEMENT_PORT,
                    "--import-realm",
                    "--db-url=jdbc:h2:file:" + db.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE",
                    "--health-enabled=true",
                    "--metrics-enabled=true",
                    "--vault=file", "--vault-dir=" + vault,
                    // as the image behind its proxy (docker/Dockerfile, compose.yml): ProxyConfigurationIT puts the shipped
                    // haproxy.cfg in front of this server; it connects from 127.0.0.1, the only address believed
                    "--proxy-headers=xforwarded",
                    "--proxy-trusted-addresses=127.0.0.1",
                    "--log-level=INFO,mn.gov.khur:DEBUG"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            env.put("KHUR_SMS_INBOUND_SECRET", SMS_SECRET);
            env.put("KHUR_DEMO_CLIENTS_ENABLED", "true"); // the demo sites are off unless a deployment asks for them
            // bank identity providers wired to the sandbox banks of this same server (as bin/dev does)
            env.putAll(mn.gov.khur.sandbox.banks.SandboxBankEnvironment.forBaseUrl(BASE_URL));
            env.putAll(SandboxSubscribers.keycloakEnvironment());
            env.putAll(SandboxRegistry.keycloakEnvironment());
            env.putAll(BackChannelLogoutReceiver.keycloakEnvironment());
            env.putAll(OutboundSmsLink.keycloakEnvironment());
            env.putAll(extraEnvironment);
            KeycloakServer server = new KeycloakServer(builder.start(), log);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Keycloak", e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI probe = URI.create(BASE_URL + "/realms/" + REALM + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak not ready within " + START_TIMEOUT + ":\n" + logTail());
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The whole server log so far, for tests that check what was (not) logged. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requirePortFree(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is busy: stop the dev run (or other Keycloak) before the tests");
        }
    }

    public static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " not set (run the tests through Maven)");
        }
        return value;
    }

    /** Deletes a work directory and everything in it (absent is fine). */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
