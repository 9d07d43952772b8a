package mn.gov.khur.it.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import com.sun.net.httpserver.HttpServer;

import mn.gov.khur.it.support.KeycloakServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docker/haproxy.cfg} run by a real HAProxy (Debian's package) on loopback: the file as shipped, with
 * only the addresses rewritten (ports, a throw-away certificate, two stand-in nodes that record what reaches
 * them). Proves TLS termination, the forwarded headers, the webhook closed on the public side and open on
 * the internal one, health-checked nodes and stickiness by Keycloak's AUTH_SESSION_ID cookie.
 */
class ProxyConfigurationIT {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Map<String, Map<String, List<String>>> SEEN = new ConcurrentHashMap<>();
    private static HttpServer node1;
    private static HttpServer node2;
    private static HttpServer health;
    private static Process haproxy;
    private static int httpsPort;
    private static int internalPort;

    @BeforeAll
    static void startProxy() throws Exception {
        if (!Files.isExecutable(HAPROXY)) {
            throw new IllegalStateException("HAProxy not installed (Debian package haproxy; .ci/run installs it)");
        }
        Path work = Path.of(KeycloakServer.requiredProperty("khur.it.work")).resolve("proxy");
        Files.createDirectories(work);
        node1 = node("kc1");
        node2 = node("kc2");
        health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        health.createContext("/health/ready", exchange -> reply(exchange, 200, "{\"status\":\"UP\"}"));
        health.start();
        httpsPort = freePort();
        internalPort = freePort();
        Path pem = selfSignedPem(work);
        String shipped = Files.readString(Path.of(KeycloakServer.requiredProperty("khur.repo.root")).resolve("docker/haproxy.cfg"));
        String onLoopback = shipped
                .replace("bind :443 ssl crt /etc/haproxy/certs/khur.pem", "bind 127.0.0.1:" + httpsPort + " ssl crt " + pem)
                .replace("X-Forwarded-Port 443", "X-Forwarded-Port " + httpsPort)
                .replace("bind :8081", "bind 127.0.0.1:" + internalPort)
                .replace("kc1:8080 check port 9000", "127.0.0.1:" + node1.getAddress().getPort() + " check port " + health.getAddress().getPort() + " inter 500")
                .replace("kc2:8080 check port 9000", "127.0.0.1:" + node2.getAddress().getPort() + " check port " + health.getAddress().getPort() + " inter 500")
                .replace("log stdout format raw local0", "");
        assertThat(onLoopback).as("every address of the shipped file was rewritten").doesNotContain(":443 ", ":8081", "kc1:8080", "kc2:8080");
        Path config = work.resolve("haproxy.cfg");
        Files.writeString(config, onLoopback);
        Process check = new ProcessBuilder(HAPROXY.toString(), "-c", "-f", config.toString()).redirectErrorStream(true).start();
        String checkOutput = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(checkOutput).isZero();
        haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile()).start();
        awaitListening(httpsPort);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
        for (HttpServer server : new HttpServer[] {node1, node2, health}) {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    @Test
    void tlsEndsAtTheProxyAndTheNodeLearnsTheOriginalSchemeHostAndClient() throws Exception {
        HttpResponse<String> page = send("https://localhost:" + httpsPort + "/realms/khur/account", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, List<String>> headers = SEEN.get(page.body());
        assertThat(headers.get("X-forwarded-proto")).containsExactly("https");
        assertThat(headers.get("X-forwarded-host")).containsExactly("localhost:" + httpsPort);
        assertThat(headers.get("X-forwarded-for")).containsExactly("127.0.0.1");
    }

    @Test
    void theWebhookIsClosedToThePublicAndOpenOnTheInternalFrontendWhichServesNothingElse() throws Exception {
        assertThat(send("https://localhost:" + httpsPort + "/realms/khur/sms-gateway/inbound", Map.of()).statusCode()).isEqualTo(404);
        assertThat(send("https://localhost:" + httpsPort + "/realms/khur/sms-gateway/challenges/x/status", Map.of()).statusCode())
                .as("the waiting page's status stays public").isEqualTo(200);
        assertThat(send("http://127.0.0.1:" + internalPort + "/realms/khur/sms-gateway/inbound", Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("http://127.0.0.1:" + internalPort + "/admin/master/console/", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void aLoginStaysOnTheNodeThatOwnsItsAuthenticationSession() throws Exception {
        String url = "https://localhost:" + httpsPort + "/realms/khur/login-actions/authenticate";
        HttpResponse<String> first = send(url, Map.of());
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertThat(cookie).as("the proxy marks Keycloak's cookie with the node").matches("AUTH_SESSION_ID=kc[12]~.+");
        for (int i = 0; i < 6; i++) {
            assertThat(send(url, Map.of("Cookie", cookie)).body()).as("request " + i).isEqualTo(first.body());
        }
    }

    /** A stand-in node: answers with its name, records the headers it got, sets AUTH_SESSION_ID as Keycloak does. */
    private static HttpServer node(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            SEEN.put(name, Map.copyOf(exchange.getRequestHeaders()));
            if (exchange.getRequestHeaders().getFirst("Cookie") == null) {
                exchange.getResponseHeaders().add("Set-Cookie", "AUTH_SESSION_ID=" + name + "-session; Path=/realms/khur/; HttpOnly");
            }
            reply(exchange, 200, name);
        });
        server.start();
        return server;
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static HttpResponse<String> send(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Trusts the throw-away certificate of this test only. */
    private static HttpClient client() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static Path selfSignedPem(Path work) throws IOException, InterruptedException {
        Path key = work.resolve("key.pem");
        Path certificate = work.resolve("cert.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", certificate.toString(), "-days", "1", "-subj", "/CN=localhost").redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(output).isZero();
        Path pem = work.resolve("khur.pem");
        Files.writeString(pem, Files.readString(certificate) + Files.readString(key));
        return pem;
    }

    private static void awaitListening(int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("HAProxy exited");
            }
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                Thread.sleep(1500); // let the first health checks mark the nodes up
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("HAProxy not listening on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
