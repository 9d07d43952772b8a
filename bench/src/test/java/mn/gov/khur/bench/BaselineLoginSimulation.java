package mn.gov.khur.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;

import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/** Scenario 1: stock Keycloak (built-in browser flow and theme) username + password, code + PKCE, tokens. */
public class BaselineLoginSimulation extends Simulation {

    private final ChainBuilder flow = exec(Flows.begin(BenchConfig.LOGIN_POOL))
            .exec(session -> { Results.startWindow(BenchConfig.WARMUP_SECONDS, BenchConfig.MEASURE_SECONDS); return session; })
            .exitBlockOnFail().on(
                    Flows.authorize(BenchConfig.STOCK_REALM, BenchConfig.STOCK_CLIENT),
                    Flows.stockPassword(),
                    Flows.token(BenchConfig.STOCK_REALM, BenchConfig.STOCK_CLIENT, BenchConfig.STOCK_CLIENT_SECRET))
            .exec(Flows.end("login"));

    {
        setUp(Flows.closedLoop("baseline: stock username + password", flow)).protocols(Flows.protocol());
    }

    @Override
    public void before() {
        Seed.ensure(BenchConfig.citizensNeeded());
        Results.extra("hashStock", Seed.storedHashAlgorithm(BenchConfig.STOCK_REALM, Citizens.stockUsername(0)));
        Results.extra("hashKhur", Seed.storedHashAlgorithm(BenchConfig.KHUR_REALM, Citizens.username(0)));
        Results.measureIdle(5);
    }

    @Override
    public void after() {
        Results.write(Map.of("concurrency", BenchConfig.CONCURRENCY, "warmupSeconds", BenchConfig.WARMUP_SECONDS,
                "measureSeconds", BenchConfig.MEASURE_SECONDS, "citizenPool", BenchConfig.LOGIN_POOL));
    }
}
