package mn.gov.khur.bench;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 6 at saturation: the entry page (its passkey challenge), the software passkey's assertion posted as the
 * page's script posts it (form #webauth: no password, no SMS), 302 with code, tokens. Compared with scenario 1 in the
 * same run: the target is at least twice the baseline's logins/s, since no password hash is computed.
 */
public class PasskeyLoginSimulation extends Simulation {

    private static volatile List<BenchPasskey> passkeys = List.of();
    private static final String ORIGIN = origin(BenchConfig.BASE_URL);

    private final ChainBuilder flow = exec(Flows.begin(BenchConfig.LOGIN_POOL))
            .exec(session -> { Results.startWindow(BenchConfig.WARMUP_SECONDS, BenchConfig.MEASURE_SECONDS); return session; })
            .exitBlockOnFail().on(
                    exec(http("authorize (passkey)").get(session -> Flows.authorizePath(BenchConfig.KHUR_REALM, BenchConfig.KHUR_CLIENT, session))
                            .check(status().is(200),
                                    css("#khur-method-passkey").exists(),
                                    css("#webauth", "action").saveAs("passkeyAction"),
                                    regex("\\bchallenge\\s*:\\s*\"([^\"]+)\"").saveAs("passkeyChallenge"),
                                    regex("\\brpId\\s*:\\s*\"([^\"]+)\"").saveAs("rpId"))),
                    exec(session -> {
                        BenchPasskey passkey = passkeys.get(session.getInt("citizen"));
                        Map<String, String> fields = passkey.assertion(session.getString("passkeyChallenge"), session.getString("rpId"), ORIGIN);
                        return session.set("passkeyFields", fields);
                    }),
                    exec(http("passkey").post("#{passkeyAction}")
                            .formParamMap(session -> Map.<String, Object>copyOf(session.<Map<String, String>>get("passkeyFields")))
                            .check(status().is(302), headerRegex("Location", "[?&]code=([^&]+)").saveAs("code"))),
                    Flows.token(BenchConfig.KHUR_REALM, BenchConfig.KHUR_CLIENT, BenchConfig.KHUR_CLIENT_SECRET))
            .exec(Flows.end("login"));

    {
        setUp(Flows.closedLoop("passkey: the entry page + a passkey (no password, no SMS)", flow)).protocols(Flows.protocol());
    }

    @Override
    public void before() {
        Seed.ensure(BenchConfig.citizensNeeded());
        passkeys = PasskeyCitizens.create(BenchConfig.LOGIN_POOL);
        Results.measureIdle(5);
    }

    @Override
    public void after() {
        Results.write(Map.of("concurrency", BenchConfig.CONCURRENCY, "warmupSeconds", BenchConfig.WARMUP_SECONDS,
                "measureSeconds", BenchConfig.MEASURE_SECONDS, "citizenPool", BenchConfig.LOGIN_POOL));
    }

    /** The page's origin as a browser reports it in client data (scheme://host:port). */
    private static String origin(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
