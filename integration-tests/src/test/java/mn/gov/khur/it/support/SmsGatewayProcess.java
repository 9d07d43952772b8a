package mn.gov.khur.it.support;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged SMPP bridge ({@code sms-gateway}, Quarkus fast-jar) as a child process, configured by environment. */
public final class SmsGatewayProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private SmsGatewayProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static SmsGatewayProcess start(String webhookUrl, int smscPort) throws IOException {
        return start(webhookUrl, smscPort, freePort(), Map.of());
    }

    /** With MT on: {@code POST /mt} on {@link OutboundSmsLink#port()}, signed with its secret (the test Keycloak's). */
    public static SmsGatewayProcess startWithMt(String webhookUrl, int smscPort) throws IOException {
        return start(webhookUrl, smscPort, OutboundSmsLink.port(), Map.of("KHUR_SMS_OUTBOUND_SECRET", OutboundSmsLink.SECRET));
    }

    private static SmsGatewayProcess start(String webhookUrl, int smscPort, int httpPort, Map<String, String> extraEnv)
            throws IOException {
        String jar = KeycloakServer.requiredProperty("khur.sms-gateway.jar");
        Path log = Files.createTempFile(Files.createDirectories(Path.of(KeycloakServer.requiredProperty("khur.it.work"))), "sms-gateway", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", jar))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(httpPort),
                "KHUR_SMS_INBOUND_SECRET", KeycloakServer.SMS_SECRET,
                "KHUR_GATEWAY_WEBHOOK_URL", webhookUrl,
                "KHUR_GATEWAY_SMSC_SANDBOX_HOST", "127.0.0.1",
                "KHUR_GATEWAY_SMSC_SANDBOX_PORT", Integer.toString(smscPort),
                "KHUR_GATEWAY_SMSC_SANDBOX_SYSTEM_ID", "khur",
                "KHUR_GATEWAY_SMSC_SANDBOX_PASSWORD", "sandbox",
                "KHUR_GATEWAY_SMSC_SANDBOX_RECONNECT_MAX_DELAY", "2s"));
        // SMS the webhook refused with 401/404 are kept here (per process, under this run's work directory)
        builder.environment().put("KHUR_GATEWAY_HOLD_DIRECTORY",
                Files.createTempDirectory(log.getParent(), "sms-gateway-held").toString());
        builder.environment().putAll(extraEnv);
        SmsGatewayProcess gateway = new SmsGatewayProcess(builder.start(), log);
        gateway.awaitReady(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"));
        return gateway;
    }

    private void awaitReady(URI ready) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sms-gateway exited:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("sms-gateway not ready (SMSC bound) within 60 s:\n" + Files.readString(log));
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
