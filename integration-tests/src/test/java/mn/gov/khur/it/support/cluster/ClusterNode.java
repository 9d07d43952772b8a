package mn.gov.khur.it.support.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mn.gov.khur.it.support.KeycloakServer;

/**
 * One Keycloak node in production mode ({@code kc.sh build} for PostgreSQL once, then
 * {@code start --optimized}), in its own copy of the assembled server tree so nodes share
 * nothing but the database and the cluster (JDBC-ping discovery over that database).
 */
public final class ClusterNode implements AutoCloseable {

    private final String name;
    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final int clusterPort;
    private final String publicUrl;
    private final String jdbcUrl;
    private Process process;
    private final Map<String, String> extraEnvironment = new java.util.HashMap<>();
    private final List<String> extraOptions = new java.util.ArrayList<>();

    private ClusterNode(String name, Path home, String publicUrl, String jdbcUrl) throws IOException {
        this.name = name;
        this.home = home;
        this.publicUrl = publicUrl;
        this.jdbcUrl = jdbcUrl;
        this.httpPort = ClusterPorts.free();
        this.managementPort = ClusterPorts.free();
        this.clusterPort = ClusterPorts.free();
    }

    /** Copies the built production tree for a node; {@link #start()} runs it. */
    public static ClusterNode create(String name, Path builtDistribution, Path workDir, String publicUrl, String jdbcUrl)
            throws IOException, InterruptedException {
        Path home = workDir.resolve(name);
        KeycloakServer.deleteRecursively(home);
        run(List.of("cp", "-a", builtDistribution.toString(), home.toString()), builtDistribution.getParent());
        return new ClusterNode(name, home, publicUrl, jdbcUrl);
    }

    /** Assembled server tree → production build for PostgreSQL with clustered caches (once per run). */
    public static Path buildDistribution(Path workDir) throws IOException, InterruptedException {
        return buildDistribution(workDir, List.of());
    }

    /** The same, with more build-time options (e.g. {@code --vault=file}). */
    public static Path buildDistribution(Path workDir, List<String> buildOptions) throws IOException, InterruptedException {
        Path source = Path.of(KeycloakServer.requiredProperty("khur.server.home"));
        Path built = workDir.resolve("dist");
        KeycloakServer.deleteRecursively(built);
        Files.createDirectories(workDir);
        run(List.of("cp", "-a", source.toString(), built.toString()), workDir);
        KeycloakServer.deleteRecursively(built.resolve("data/h2"));
        List<String> build = new java.util.ArrayList<>(List.of(built.resolve("bin/kc.sh").toString(), "build", "--db=postgres",
                "--health-enabled=true", "--metrics-enabled=true", "--cache=ispn"));
        build.addAll(buildOptions);
        run(build, workDir);
        return built;
    }

    /** Deployment settings beyond the cluster's own (environment variables and kc.sh options), from the next start on. */
    public synchronized ClusterNode configure(Map<String, String> environment, List<String> options) {
        extraEnvironment.putAll(environment);
        extraOptions.addAll(options);
        return this;
    }

    public synchronized void start() throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname=" + publicUrl,
                "--db-url=" + jdbcUrl, "--db-username=keycloak", "--db-password=keycloak",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort,
                "--import-realm",
                // announce not-ready first, so the balancer drains the node before it stops
                "--shutdown-delay=3s", "--shutdown-timeout=30s",
                "--log-level=INFO"));
        command.addAll(extraOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("node.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("KHUR_SMS_INBOUND_SECRET", KeycloakServer.SMS_SECRET);
        env.put("KHUR_DEMO_CLIENTS_ENABLED", "true");
        env.put("KHUR_SMS_AUDIT_HASH_KEY", "cluster-test-audit-hash-key-0123456789");
        env.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx640m");
        env.putAll(extraEnvironment);
        process = builder.start();
        awaitReady();
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited:\n" + logTail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not ready in 3 minutes:\n" + logTail());
    }

    /** SIGKILL: no shutdown hooks, no cache hand-over, as when a machine dies. */
    public synchronized void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        process = null;
    }

    /** SIGTERM: an orderly stop. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
        process = null;
    }

    public String directUrl() {
        return "http://localhost:" + httpPort;
    }

    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("node.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
