package mn.gov.khur.smsgateway.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mn.gov.khur.sandbox.smsc.SmscMessage;
import mn.gov.khur.sandbox.smsc.SmscSimulator;
import mn.gov.khur.sandbox.smsc.SmscSimulatorConfig;
import mn.gov.khur.smsgateway.config.BindMode;
import mn.gov.khur.smsgateway.config.SmscSettings;
import mn.gov.khur.smsgateway.testing.WebhookStub;
import mn.gov.khur.smsgateway.testing.WebhookStub.Answer;
import mn.gov.khur.smsgateway.webhook.WebhookClient;
import mn.gov.khur.smsgateway.webhook.WebhookSigner;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge over real SMPP on loopback: the sandbox SMSC simulator delivers, SmscConnection
 * binds and answers, a JDK HttpServer plays the identity provider.
 */
class SmppLoopbackTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SmscSimulator smsc;
    private SmscConnection connection;
    private WebhookStub webhook;

    @BeforeEach
    void startSmsc() throws IOException {
        smsc = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(0)
                .withRetryInterval(Duration.ofMillis(300)).withResponseTimeout(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stopAll() {
        if (connection != null) {
            connection.close();
        }
        if (webhook != null) {
            webhook.close();
        }
        smsc.close();
    }

    @Test
    void smscRedeliversUntilTheWebhookIsBackAndTheMessageIdStaysTheSame() throws Exception {
        int webhookPort = freePort();
        connect(URI.create("http://127.0.0.1:" + webhookPort + "/realms/khur/sms-gateway/inbound"), "sandbox");

        SmscMessage sms = smsc.deliverMo("+97699112233", "130092", "Код 482913");

        // Webhook down: connection refused → ESME_RX_T_APPN → the SMSC keeps and redelivers.
        await(() -> sms.attempts() >= 2);
        assertThat(sms.state()).isEqualTo(SmscMessage.State.PENDING);
        assertThat(sms.snapshot().lastStatus()).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN);

        // Webhook up but overloaded: still redelivered.
        webhook = WebhookStub.start(webhookPort);
        webhook.answer(Answer.of(503, ""));
        await(() -> webhook.requests().size() >= 2);
        assertThat(sms.state()).isEqualTo(SmscMessage.State.PENDING);

        // Webhook healthy: acknowledged, and every attempt carried one messageId.
        webhook.answer(Answer.of(200, "{\"status\":\"matched\"}"));
        assertThat(sms.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(SMPPConstant.STAT_ESME_ROK);
        assertThat(webhook.requests().stream().map(r -> field(r.body(), "messageId")).distinct()).hasSize(1);
        WebhookStub.Request last = webhook.requests().getLast();
        assertThat(field(last.body(), "from")).isEqualTo("+97699112233");
        assertThat(field(last.body(), "text")).isEqualTo("Код 482913");
        assertThat(last.signature()).isEqualTo(new WebhookSigner(secret(), webhook.uri()).sign(last.timestamp(), last.body()));
        assertThat(smsc.pendingCount()).isZero();
    }

    @Test
    void permanentRejectionStopsRedelivery() throws Exception {
        webhook = WebhookStub.start();
        webhook.answer(Answer.of(400, "{\"error\":\"invalid_request\"}"));
        connect(webhook.uri(), "sandbox");

        SmscMessage sms = smsc.deliverMo("+97699112233", "130092", "482913");

        assertThat(sms.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(SMPPConstant.STAT_ESME_RX_P_APPN);
        assertThat(sms.attempts()).isEqualTo(1);
    }

    @Test
    void receiptsAndOtherNumbersAreAcknowledgedButNeverForwarded() throws Exception {
        webhook = WebhookStub.start();
        connect(webhook.uri(), "sandbox");

        SmscMessage receipt = smsc.deliverReceipt("+97699112233", "130092", "mt-42");
        SmscMessage elsewhere = smsc.deliverMo("+97699112233", "1234", "482913");

        assertThat(receipt.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThat(elsewhere.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThat(webhook.requests()).isEmpty();
    }

    @Test
    void rebindsAfterTheSmscRestarts() throws Exception {
        webhook = WebhookStub.start();
        connect(webhook.uri(), "sandbox");
        int port = smsc.port();

        smsc.close();
        await(() -> !connection.isBound());
        smsc = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(port)
                .withRetryInterval(Duration.ofMillis(300)));
        assertThat(smsc.awaitBoundReceiver(WAIT)).isTrue();
        await(connection::isBound);

        assertThat(smsc.deliverMo("+97688123456", "130092", "111222").result()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThat(webhook.requests()).hasSize(1);
    }

    @Test
    void aRejectedBindIsReportedAndRetried() throws Exception {
        webhook = WebhookStub.start();
        connection = new SmscConnection(settings("wrongpw"), handler(webhook.uri()));
        connection.start();

        await(() -> connection.status().failedAttempts() >= 2);
        assertThat(connection.isBound()).isFalse();
        assertThat(connection.status().lastError()).isEqualTo("bind rejected with status 0xe");
        assertThat(smsc.boundReceiverCount()).isZero();
    }

    private void connect(URI webhookUri, String password) throws InterruptedException {
        connection = new SmscConnection(settings(password), handler(webhookUri));
        connection.start();
        assertThat(smsc.awaitBoundReceiver(WAIT)).isTrue();
        await(connection::isBound);
    }

    private SmscSettings settings(String password) {
        return new SmscSettings("sandbox", "127.0.0.1", smsc.port(), "khur", password, "", BindMode.RECEIVER, "",
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMillis(500));
    }

    private static DeliverSmHandler handler(URI webhookUri) {
        Duration timeout = Duration.ofSeconds(2);
        WebhookClient client = new WebhookClient(webhookUri, new WebhookSigner(secret(), webhookUri), timeout,
                WebhookClient.defaultHttpClient(timeout), Clock.systemUTC());
        return new DeliverSmHandler("sandbox", "130092", client, Clock.systemUTC(), DeliveryObserver.NONE);
    }

    private static byte[] secret() {
        return "sandbox-sms-secret".getBytes(StandardCharsets.UTF_8);
    }

    private static String field(byte[] json, String name) {
        try {
            return JSON.readTree(json).get(name).asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
