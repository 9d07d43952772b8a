package mn.gov.khur.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;

import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 2 at saturation: register number + password, reverse-SMS page, the phone's signed
 * webhook at once (no human delay: this measures the server's capacity), one status poll (as the
 * page's script does), continue, tokens. The human-paced model is {@link WaitingCitizensSimulation}.
 */
public class ReverseSmsLoginSimulation extends Simulation {

    private final ChainBuilder flow = exec(Flows.begin(BenchConfig.LOGIN_POOL))
            .exec(session -> { Results.startWindow(BenchConfig.WARMUP_SECONDS, BenchConfig.MEASURE_SECONDS); return session; })
            .exitBlockOnFail().on(
                    Flows.authorize(BenchConfig.KHUR_REALM, BenchConfig.KHUR_CLIENT),
                    Flows.khurPassword(),
                    Flows.phoneSendsCode("matched"),
                    Flows.pollStatus(),
                    Flows.pressContinue(),
                    Flows.token(BenchConfig.KHUR_REALM, BenchConfig.KHUR_CLIENT, BenchConfig.KHUR_CLIENT_SECRET))
            .exec(Flows.end("login"));

    {
        setUp(Flows.closedLoop("reverse SMS: register number + password + SMS", flow)).protocols(Flows.protocol());
    }

    @Override
    public void before() {
        Seed.ensure(BenchConfig.citizensNeeded());
        Results.measureIdle(5);
    }

    @Override
    public void after() {
        Results.write(Map.of("concurrency", BenchConfig.CONCURRENCY, "warmupSeconds", BenchConfig.WARMUP_SECONDS,
                "measureSeconds", BenchConfig.MEASURE_SECONDS, "citizenPool", BenchConfig.LOGIN_POOL));
    }
}
