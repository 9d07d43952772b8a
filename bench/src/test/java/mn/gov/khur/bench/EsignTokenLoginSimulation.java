package mn.gov.khur.bench;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;
import mn.gov.khur.sandbox.pki.SandboxPki;

/**
 * Scenario 4: USB-token signature login (acr=high) with the sandbox PKI. The bench plays the
 * ESIGN client: it signs the page's login string with the citizen's token key (RSA 2048,
 * PKCS#1 v1.5) in the load generator, as the client would after the PIN. Before the run it
 * generates a fresh sandbox PKI, starts its OCSP/CRL responder on loopback, points the realm's
 * {@code khur esign token} config at the PKI's trust anchors through the admin REST API, and
 * issues one certificate per citizen. The server caches verified OCSP answers per node (5 min
 * validity here), so after each citizen's first login the OCSP round trip is skipped.
 */
public class EsignTokenLoginSimulation extends Simulation {

    private static final int POOL = Math.min(BenchConfig.LOGIN_POOL, 100);
    private static final Map<Integer, IssuedCertificate> TOKENS = new ConcurrentHashMap<>();
    private RevocationServer revocation;

    private final ChainBuilder flow = exec(Flows.begin(POOL))
            .exec(session -> { Results.startWindow(BenchConfig.WARMUP_SECONDS, BenchConfig.MEASURE_SECONDS); return session; })
            .exitBlockOnFail().on(
                    exec(http("authorize (acr=high)").get(session -> "/realms/" + BenchConfig.KHUR_REALM + "/protocol/openid-connect/auth"
                                    + "?response_type=code&scope=openid&acr_values=high&client_id=" + BenchConfig.KHUR_CLIENT
                                    + "&redirect_uri=" + Flows.enc(BenchConfig.REDIRECT_URI)
                                    + "&state=" + session.getString("state") + "&nonce=" + session.getString("nonce")
                                    + "&code_challenge=" + session.getString("challenge") + "&code_challenge_method=S256")
                            .check(status().is(200), css("#khur-esign-choice", "action").saveAs("choiceAction"))),
                    exec(http("choose token").post("#{choiceAction}").formParam("method", "token")
                            .check(status().is(200), css("#khur-esign-form", "action").saveAs("signAction"),
                                    css("#khur-esign-form", "data-sign-data").saveAs("signData"))),
                    exec(session -> {
                        IssuedCertificate token = TOKENS.get(session.getInt("citizen"));
                        byte[] signature = token.sign(session.getString("signData").getBytes(StandardCharsets.UTF_8));
                        return session.set("certificate", token.certificateBase64())
                                .set("signature", Base64.getEncoder().encodeToString(signature));
                    }),
                    exec(http("signed login").post("#{signAction}")
                            .formParam("registerNumber", "#{registerNumber}")
                            .formParam("certificate", "#{certificate}")
                            .formParam("signature", "#{signature}")
                            .check(status().is(302), headerRegex("Location", "[?&]code=([^&]+)").saveAs("code"))),
                    Flows.token(BenchConfig.KHUR_REALM, BenchConfig.KHUR_CLIENT, BenchConfig.KHUR_CLIENT_SECRET))
            .exec(Flows.end("login"));

    {
        setUp(Flows.closedLoop("USB-token signature login", flow)).protocols(Flows.protocol());
    }

    @Override
    public void before() {
        Seed.ensure(BenchConfig.citizensNeeded());
        try {
            SandboxPki pki = SandboxPki.generate();
            Path anchors = pki.writeTo(Path.of(BenchConfig.RESULTS_DIR).toAbsolutePath().getParent().resolve("pki"));
            revocation = RevocationServer.start(pki, "127.0.0.1", 0);
            Seed.configureEsignTrustAnchors(anchors.toAbsolutePath().toString());
            Instant now = Instant.now();
            for (int i = 0; i < POOL; i++) {
                TOKENS.put(i, pki.issue(CitizenCertificateRequest.valid("bench token " + i, Citizens.registerNumber(Citizens.LOGIN_OFFSET + i),
                        "Болд Бат", KeyKind.RSA_PKCS1, revocation.endpoints(), now)));
            }
        } catch (Exception e) {
            throw new IllegalStateException("sandbox PKI for the token scenario", e);
        }
        Results.measureIdle(5);
    }

    @Override
    public void after() {
        if (revocation != null) {
            revocation.close();
        }
        Results.write(Map.of("concurrency", BenchConfig.CONCURRENCY, "warmupSeconds", BenchConfig.WARMUP_SECONDS,
                "measureSeconds", BenchConfig.MEASURE_SECONDS, "citizenPool", POOL, "key", "RSA 2048, SHA256withRSA"));
    }
}
