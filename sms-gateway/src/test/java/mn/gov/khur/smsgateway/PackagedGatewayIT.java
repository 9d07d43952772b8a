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
    private Path heldDirectory;

    @BeforeEach
    void start() throws IOException {
        smsc = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(0).withRetryInterval(Duration.ofMillis(500)));
        webhook = WebhookStub.start();
        log = Files.createTempFile("khur-sms-gateway", ".log");
        heldDirectory = Files.createTempDirectory("khur-held");
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
        startGateway(freePort());

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

    @Test
    void smsRefusedWith401AreKeptAcrossARestartAlertedAndDeliveredOnceTheWebhookAcceptsAgain() throws Exception {
        webhook.answer(WebhookStub.Answer.of(401, "{\"error\":\"invalid_signature\"}")); // a secret rotated on one side
        int httpPort = freePort();
        startGateway(httpPort);

        SmscMessage sms = smsc.deliverMo("+97699112233", "130092", "0");
        assertThat(sms.result().get(30, TimeUnit.SECONDS)).as("acknowledged: the bridge keeps it").isZero();
        HttpResponse<String> health = get("http://127.0.0.1:" + httpPort + "/q/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        assertThat(health.body()).contains("\"held-sms\"", "\"held\": 1", "\"last_http_status\": 401");
        assertThat(get("http://127.0.0.1:" + httpPort + "/q/health/ready").statusCode()).as("still receiving").isEqualTo(200);
        assertThat(get("http://127.0.0.1:" + httpPort + "/q/metrics").body()).contains("khur_smsgateway_held_messages 1.0");

        gateway.destroy();
        assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).isTrue();
        // the first bridge may have retried the held SMS (still 401) before it stopped: count from here
        int refused = webhook.requests().size();
        webhook.answer(WebhookStub.Answer.of(200, "{\"status\":\"unmatched\"}"));
        startGateway(httpPort);

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (webhook.requests().size() <= refused && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(webhook.requests()).hasSizeGreaterThan(refused);
        assertThat(webhook.requests().get(refused).bodyText()).as("the same SMS, messageId included")
                .isEqualTo(webhook.requests().get(0).bodyText());
        while (get("http://127.0.0.1:" + httpPort + "/q/health").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(get("http://127.0.0.1:" + httpPort + "/q/health").body()).contains("\"held\": 0");
        assertThat(Files.readString(log)).contains("event=held_sms outcome=delivered");
    }

    /** The packaged jar with its settings in the environment; held SMS in this test's own directory. */
    private void startGateway(int httpPort) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBin, "-jar", System.getProperty("khur.gateway.jar")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(httpPort),
                "KHUR_SMS_INBOUND_SECRET", "sandbox-sms-secret",
                "KHUR_GATEWAY_WEBHOOK_URL", webhook.uri().toString(),
                "KHUR_GATEWAY_SMSC_SANDBOX_HOST", "127.0.0.1",
                "KHUR_GATEWAY_SMSC_SANDBOX_PORT", Integer.toString(smsc.port()),
                "KHUR_GATEWAY_SMSC_SANDBOX_SYSTEM_ID", "khur",
                "KHUR_GATEWAY_SMSC_SANDBOX_PASSWORD", "sandbox",
                "KHUR_GATEWAY_HOLD_DIRECTORY", heldDirectory.toString(),
                "KHUR_GATEWAY_HOLD_RETRY_INTERVAL", "1s"));
        gateway = builder.start();
        awaitReady(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
