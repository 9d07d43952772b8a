package mn.gov.khur.sandbox.mssp;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import mn.gov.khur.sandbox.http.Replies;
import mn.gov.khur.sandbox.http.Requests;
import mn.gov.khur.sandbox.http.SandboxHttpServer;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.signer.PushedPhones;
import mn.gov.khur.sandbox.signer.SignerControl;
import mn.gov.khur.sandbox.signer.SigningSessions;
import mn.gov.khur.sandbox.signer.SimulatedSigners;

import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Sandbox Mobile Signature Service Provider: the ETSI TS 102 204 asynchronous client-server
 * JSON binding that {@code mn.gov.khur.esign.sim.MsspClient} speaks ({@code POST <base>/signature}
 * with MSS_SignatureReq, {@code POST <base>/status} with MSS_StatusReq), under {@code /mssp/v1}.
 * Each registered phone holds a sandbox citizen's key and a behaviour: APPROVE (signs the hash on
 * the second status query, as if the citizen needed a moment), DECLINE (401 USER_CANCEL), TIMEOUT
 * (504 until the transaction expires, then 208 EXPIRED_TRANSACTION), FORGED (a valid CMS by the
 * right key over a different hash). Unknown phones get 105 UNKNOWN_CLIENT. Controls:
 * {@code POST /control/behaviour?msisdn=+976…&behaviour=decline} and the page at {@code /control}.
 */
public final class MsspSimulator implements AutoCloseable {

    public enum Behaviour { APPROVE, DECLINE, TIMEOUT, FORGED }

    private static final Logger LOG = Logger.getLogger(MsspSimulator.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final SignerControl.Page CONTROL_PAGE = new SignerControl.Page("Sandbox MSSP",
            "Sandbox MSSP (SIM signature)", "MSISDN", "msisdn", "Certificate");

    private final SandboxHttpServer server;
    private final String apId;
    private final String apPassword;
    private final SimulatedSigners<IssuedCertificate, Behaviour> subscribers = new SimulatedSigners<>(Behaviour.APPROVE);
    private final SigningSessions transactions = new SigningSessions();
    private final PushedPhones pushed = new PushedPhones();

    private MsspSimulator(SandboxHttpServer server, String apId, String apPassword) {
        this.server = server;
        this.apId = apId;
        this.apPassword = apPassword;
    }

    /** Port 0 picks a free port (tests). */
    public static MsspSimulator start(String host, int port, String apId, String apPassword) throws IOException {
        SandboxHttpServer http = SandboxHttpServer.bind(host, port);
        MsspSimulator simulator = new MsspSimulator(http, apId, apPassword);
        http.route("/mssp/v1/signature", exchange -> simulator.handle(exchange, simulator::signature))
                .route("/mssp/v1/status", exchange -> simulator.handle(exchange, simulator::status));
        new SignerControl<>(simulator.subscribers, CONTROL_PAGE, IssuedCertificate::label).mountOn(http);
        http.start();
        return simulator;
    }

    public URI baseUri() {
        return server.uri("/mssp/v1");
    }

    public int port() {
        return server.port();
    }

    public void register(String msisdn, IssuedCertificate credential) {
        subscribers.register(msisdn, credential);
    }

    public void behaviour(String msisdn, Behaviour behaviour) {
        subscribers.behaviour(msisdn, behaviour);
    }

    /** The text the last signature request showed on this phone (empty if none). */
    public String lastDisplayedText(String msisdn) {
        return subscribers.lastDisplayedText(msisdn);
    }

    /** How many signing requests reached this phone (PIN prompts shown), since the simulator started. */
    public int pushesTo(String msisdn) {
        return pushed.pushesTo(msisdn);
    }

    /** How long a transaction waits for the citizen before 208 EXPIRED_TRANSACTION. */
    public void transactionLifetime(Duration lifetime) {
        transactions.lifetime(lifetime);
    }

    private interface Operation {
        Map<String, Object> answer(JsonNode request);
    }

    private void handle(HttpExchange exchange, Operation operation) throws IOException {
        try (exchange) {
            if (!Requests.requirePost(exchange)) {
                return;
            }
            JsonNode request;
            try {
                request = Requests.jsonBody(exchange, MAX_REQUEST_BYTES);
            } catch (IOException e) {
                Replies.json(exchange, 400, fault(101, "WRONG_PARAM"));
                return;
            }
            Map<String, Object> answer;
            try {
                answer = operation.answer(request);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "MSSP simulator failed", e);
                answer = fault(900, "INTERNAL_ERROR");
            }
            Replies.json(exchange, answer.containsKey("Fault") ? 500 : 200, answer);
        }
    }

    private boolean authorised(JsonNode apInfo) {
        return apId.equals(apInfo.path("AP_ID").asText()) && apPassword.equals(apInfo.path("AP_PWD").asText());
    }

    private Map<String, Object> signature(JsonNode body) {
        JsonNode request = body.path("MSS_SignatureReq");
        if (!authorised(request.path("AP_Info"))) {
            return fault(104, "UNAUTHORIZED_ACCESS");
        }
        String msisdn = request.path("MobileUser").path("MSISDN").asText("");
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(request.path("DataToBeSigned").path("Data").asText(""));
        } catch (IllegalArgumentException e) {
            return fault(101, "WRONG_PARAM");
        }
        if (hash.length < 32 || request.path("DataToBeDisplayed").path("Data").asText("").isBlank()) {
            return fault(101, "WRONG_PARAM");
        }
        if (subscribers.find(msisdn).isEmpty()) {
            return fault(105, "UNKNOWN_CLIENT");
        }
        subscribers.shown(msisdn, request.path("DataToBeDisplayed").path("Data").asText(), hash);
        pushed.pushed(msisdn);
        String id = transactions.open(msisdn, hash);
        return Map.of("MSS_SignatureResp", Map.of("AP_TransID", request.path("AP_Info").path("AP_TransID").asText(""),
                "MSSP_TransID", id, "Status", status(100, "REQUEST_OK")));
    }

    private Map<String, Object> status(JsonNode body) {
        JsonNode request = body.path("MSS_StatusReq");
        if (!authorised(request.path("AP_Info"))) {
            return fault(104, "UNAUTHORIZED_ACCESS");
        }
        SigningSessions.Session transaction = transactions.find(request.path("MSSP_TransID").asText("")).orElse(null);
        if (transaction == null) {
            return fault(101, "WRONG_PARAM");
        }
        SimulatedSigners.Signer<IssuedCertificate, Behaviour> subscriber = subscribers.find(transaction.signerId()).orElseThrow();
        SigningSessions.Poll poll = transaction.poll();
        if (poll.expired()) {
            return statusResp(208, "EXPIRED_TRANSACTION", null);
        }
        return switch (subscriber.behaviour()) {
            case DECLINE -> statusResp(401, "USER_CANCEL", null);
            case TIMEOUT -> statusResp(504, "OUTSTANDING_TRANSACTION", null);
            case APPROVE -> poll.number() < 2 ? statusResp(504, "OUTSTANDING_TRANSACTION", null)
                    : statusResp(500, "SIGNATURE", cms(subscriber.account(), transaction.hash()));
            case FORGED -> {
                byte[] foreign = new byte[transaction.hash().length];
                RANDOM.nextBytes(foreign);
                yield statusResp(500, "SIGNATURE", cms(subscriber.account(), foreign));
            }
        };
    }

    /** CMS SignedData over {@code content}, encapsulated, with the signer's certificate. */
    public static String cms(IssuedCertificate credential, byte[] content) {
        try {
            BouncyCastleProvider provider = new BouncyCastleProvider();
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            var signer = new JcaContentSignerBuilder(credential.keyKind().signatureAlgorithm()).setProvider(provider)
                    .build(credential.keyPair().getPrivate());
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(provider).build()).build(signer, credential.certificate()));
            generator.addCertificate(new JcaX509CertificateHolder(credential.certificate()));
            return Base64.getEncoder().encodeToString(generator.generate(new CMSProcessableByteArray(content), true).getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException("CMS signing failed", e);
        }
    }

    private static Map<String, Object> statusResp(int code, String message, String cms) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Status", status(code, message));
        if (cms != null) {
            response.put("MSS_Signature", Map.of("Base64Signature", cms));
        }
        return Map.of("MSS_StatusResp", response);
    }

    private static Map<String, Object> status(int code, String message) {
        return Map.of("StatusCode", Map.of("Value", code), "StatusMessage", message);
    }

    private static Map<String, Object> fault(int code, String reason) {
        return Map.of("Fault", Map.of("Code", Map.of("Value", "env:Receiver", "SubCode", Map.of("Value", "mss:_" + code)),
                "Reason", reason));
    }

    @Override
    public void close() {
        server.close();
    }
}
