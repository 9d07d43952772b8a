package mn.gov.khur.it.support.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import mn.gov.khur.it.support.KeycloakServer;

/**
 * {@code docker/haproxy.cfg} as shipped, run by a real HAProxy (Debian's package) on loopback with only its
 * addresses rewritten: the three frontends on free ports with a throw-away certificate, the two nodes on the
 * given ports. Anything else in the file (header rules, path rules, stickiness) runs exactly as written.
 */
public final class ShippedHaproxy implements AutoCloseable {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    /** A node the proxy forwards to: its HTTP port and the port its health check asks for /health/ready. */
    public record Node(int port, int healthPort) {
    }

    private final Process process;
    private final Path log;
    private final int httpsPort;
    private final int adminPort;
    private final int internalPort;

    private ShippedHaproxy(Process process, Path log, int httpsPort, int adminPort, int internalPort) {
        this.process = process;
        this.log = log;
        this.httpsPort = httpsPort;
        this.adminPort = adminPort;
        this.internalPort = internalPort;
    }

    public static ShippedHaproxy start(String name, Node kc1, Node kc2) throws IOException, InterruptedException {
        if (!Files.isExecutable(HAPROXY)) {
            throw new IllegalStateException("HAProxy not installed (Debian package haproxy; .ci/run installs it)");
        }
        Path work = Path.of(KeycloakServer.requiredProperty("khur.it.work")).resolve("proxy-" + name);
        Files.createDirectories(work);
        int httpsPort = freePort();
        int adminPort = freePort();
        int internalPort = freePort();
        Path pem = selfSignedPem(work);
        // comment lines go (they name the production ports too), everything else stays as shipped
        String shipped = Files.readAllLines(Path.of(KeycloakServer.requiredProperty("khur.repo.root")).resolve("docker/haproxy.cfg"))
                .stream().filter(line -> !line.strip().startsWith("#")).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        String onLoopback = shipped
                .replace("bind :443 ssl crt /etc/haproxy/certs/khur.pem", "bind 127.0.0.1:" + httpsPort + " ssl crt " + pem)
                .replace("X-Forwarded-Port 443", "X-Forwarded-Port " + httpsPort)
                .replace("bind :8443 ssl crt /etc/haproxy/certs/khur-admin.pem", "bind 127.0.0.1:" + adminPort + " ssl crt " + pem)
                .replace("X-Forwarded-Port 8443", "X-Forwarded-Port " + adminPort)
                .replace("bind :8081", "bind 127.0.0.1:" + internalPort)
                .replace("kc1:8080 check port 9000", "127.0.0.1:" + kc1.port() + " check port " + kc1.healthPort() + " inter 500")
                .replace("kc2:8080 check port 9000", "127.0.0.1:" + kc2.port() + " check port " + kc2.healthPort() + " inter 500")
                .replace("log stdout format raw local0", "");
        assertThat(onLoopback).as("every address of the shipped file was rewritten")
                .doesNotContain(":443 ", ":8443 ", ":8081", "kc1:8080", "kc2:8080", "/etc/haproxy");
        Path config = work.resolve("haproxy.cfg");
        Files.writeString(config, onLoopback);
        Process check = new ProcessBuilder(HAPROXY.toString(), "-c", "-f", config.toString()).redirectErrorStream(true).start();
        String checkOutput = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(checkOutput).isZero();
        Path log = work.resolve("haproxy.log");
        Process process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ShippedHaproxy proxy = new ShippedHaproxy(process, log, httpsPort, adminPort, internalPort);
        proxy.awaitListening();
        return proxy;
    }

    /** The public frontend (internet → :443 in production). */
    public String publicUrl() {
        return "https://127.0.0.1:" + httpsPort;
    }

    /** The admin console's frontend (operators' network → :8443 in production). */
    public String adminUrl() {
        return "https://127.0.0.1:" + adminPort;
    }

    /** The SMS bridge's frontend (private network → :8081 in production). */
    public String internalUrl() {
        return "http://127.0.0.1:" + internalPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited:\n" + log());
            }
            try (Socket socket = new Socket("127.0.0.1", httpsPort)) {
                Thread.sleep(1500); // let the first health checks mark the nodes up
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("HAProxy not listening on " + httpsPort);
    }

    /** For the names the tests use: localhost and 127.0.0.1 (clients bound to other loopback addresses use the IP). */
    private static Path selfSignedPem(Path work) throws IOException, InterruptedException {
        Path key = work.resolve("key.pem");
        Path certificate = work.resolve("cert.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", certificate.toString(), "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1").redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(output).isZero();
        Path pem = work.resolve("khur.pem");
        Files.writeString(pem, Files.readString(certificate) + Files.readString(key));
        return pem;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
