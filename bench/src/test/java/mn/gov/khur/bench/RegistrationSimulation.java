package mn.gov.khur.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;

import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 5 at saturation: the relying party's authorization request → login page → registration
 * form (captcha) → register number, phone, password twice, captcha → reverse-SMS page → the phone's
 * signed webhook at once → one status poll → continue → the "done" page (the flow never logs in:
 * the citizen then logs in as always). Needs the dev-mode server of bin/bench (captcha test seam).
 */
public class RegistrationSimulation extends Simulation {

    private final ChainBuilder flow = exec(RegistrationFlows.newcomer())
            .exec(session -> { Results.startWindow(BenchConfig.WARMUP_SECONDS, BenchConfig.MEASURE_SECONDS); return session; })
            .exitBlockOnFail().on(
                    RegistrationFlows.phoneOwnedByNewcomer(),
                    RegistrationFlows.authorize(),
                    RegistrationFlows.openForm(),
                    RegistrationFlows.submitForm(),
                    Flows.phoneSendsCode("matched"),
                    Flows.pollStatus(),
                    RegistrationFlows.pressContinueToDone())
            .exec(Flows.end("registration"));

    {
        setUp(Flows.closedLoop("registration by phone", flow)).protocols(Flows.protocol());
    }

    @Override
    public void before() {
        Results.measureIdle(5);
    }

    @Override
    public void after() {
        Results.write(Map.of("concurrency", BenchConfig.CONCURRENCY, "warmupSeconds", BenchConfig.WARMUP_SECONDS,
                "measureSeconds", BenchConfig.MEASURE_SECONDS, "devMode", true));
    }
}
