package mn.gov.khur.smsgateway;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mn.gov.khur.sandbox.smsc.SmscMessage;
import mn.gov.khur.sandbox.smsc.SmscSimulator;
import mn.gov.khur.sandbox.smsc.SmscSimulatorConfig;
import mn.gov.khur.smsgateway.testing.WebhookStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as other modules will run it: {@code java -jar quarkus-run.jar} with its
 * settings in environment variables, against the SMSC simulator and a webhook stub.
 */
class PackagedGatewayIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private SmscSimulator smsc;
    private WebhookStub webhook;
    private Process gateway;
    private Path log;

    @BeforeEach
    void start() throws IOException {
        smsc = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(0).withRetryInterval(Duration.ofMillis(500)));
        webhook = WebhookStub.start();
        log = Files.createTempFile("khur-sms-gateway", ".log");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        webhook.close();
        smsc.close();
    }

    @Test
    void bindsBecomesReadyForwardsAndUnbindsOnSigterm() throws Exception {
        int httpPort = freePort();
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBin, "-jar", System.getProperty("khur.gateway.jar")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(httpPort),
                "KHUR_SMS_INBOUND_SECRET", "sandbox-sms-secret",
                "KHUR_GATEWAY_WEBHOOK_URL", webhook.uri().toString(),
                "KHUR_GATEWAY_SMSC_SANDBOX_HOST", "127.0.0.1",
                "KHUR_GATEWAY_SMSC_SANDBOX_PORT", Integer.toString(smsc.port()),
                "KHUR_GATEWAY_SMSC_SANDBOX_SYSTEM_ID", "khur",
                "KHUR_GATEWAY_SMSC_SANDBOX_PASSWORD", "sandbox"));
        gateway = builder.start();

        URI ready = URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready");
        awaitReady(ready);

        SmscMessage sms = smsc.deliverMo("+97699112233", "130092", "Код 482913");
        assertThat(sms.result().get(30, TimeUnit.SECONDS)).isZero();
        assertThat(webhook.requests()).hasSize(1);
        assertThat(webhook.requests().getFirst().bodyText()).contains("\"from\":\"+97699112233\"",
                "\"text\":\"Код 482913\"", "\"messageId\":\"sandbox-");

        String logText = Files.readString(log);
        assertThat(logText).contains("event=deliver_sm", "+976 99****33").doesNotContain("482913", "97699112233");

        gateway.destroy(); // SIGTERM: an orderly unbind, so the SMSC stops routing to this ESME
        assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (smsc.boundReceiverCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(smsc.boundReceiverCount()).isZero();
    }

    private void awaitReady(URI ready) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(gateway.isAlive()).as("gateway exited early:%n%s", Files.readString(log)).isTrue();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("gateway not ready within " + WAIT + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
