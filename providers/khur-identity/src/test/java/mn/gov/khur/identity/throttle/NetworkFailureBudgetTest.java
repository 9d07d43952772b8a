package mn.gov.khur.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class NetworkFailureBudgetTest {

    private static final ClientNetwork HOME = ClientNetwork.of("203.0.113.7");
    private static final ClientNetwork ELSEWHERE = ClientNetwork.of("198.51.100.9");

    private final TestSingleUseObjects store = new TestSingleUseObjects();
    private final NetworkFailureBudget budget = new NetworkFailureBudget(store, new FailuresPerNetwork(3, Duration.ofMinutes(60)));

    @Test
    void aNetworkSpendsItsBudgetPerAccountAndTheOthersKeepTheirs() {
        for (int i = 0; i < 3; i++) {
            assertThat(budget.claim("realm", HOME, "id:user-1")).isPresent();
        }
        assertThat(budget.claim("realm", HOME, "id:user-1")).as("spent").isEmpty();
        assertThat(budget.claim("realm", ELSEWHERE, "id:user-1")).as("another network").isPresent();
        assertThat(budget.claim("realm", HOME, "id:user-2")).as("another account").isPresent();
        assertThat(budget.claim("other-realm", HOME, "id:user-1")).as("another realm").isPresent();
    }

    @Test
    void aClaimGivenBackIsNotSpent() {
        for (int i = 0; i < 10; i++) {
            budget.claim("realm", HOME, "id:user-1").orElseThrow().giveBack();
        }
        assertThat(budget.claim("realm", HOME, "id:user-1")).isPresent();
    }

    @Test
    void theBudgetRefillsAsEachFailureLeavesTheWindow() {
        budget.claim("realm", HOME, "id:user-1");
        store.advance(Duration.ofMinutes(30));
        budget.claim("realm", HOME, "id:user-1");
        budget.claim("realm", HOME, "id:user-1");
        assertThat(budget.claim("realm", HOME, "id:user-1")).isEmpty();

        store.advance(Duration.ofMinutes(30));
        Optional<NetworkFailureBudget.Claim> refilled = budget.claim("realm", HOME, "id:user-1");
        assertThat(refilled).as("the first failure is an hour old").isPresent();
        assertThat(budget.claim("realm", HOME, "id:user-1")).as("the others are not").isEmpty();
    }

    @Test
    void noAddressNoAccountIsPartOfAKey() {
        budget.claim("realm", HOME, "name:уб99112233");

        assertThat(store.keys()).singleElement().asString().startsWith("khur-pwd:")
                .doesNotContain("203.0.113.7").doesNotContain("99112233");
    }

    @Test
    void anAdmissionKeepsItsSlotOnlyForAFailure() {
        for (int i = 0; i < 5; i++) {
            budget.admit("realm", HOME, "id:user-1").settle(false);
        }
        Admission failed = budget.admit("realm", HOME, "id:user-1");
        assertThat(failed).isInstanceOf(Admission.Admitted.class);
        failed.settle(true);
        budget.admit("realm", HOME, "id:user-1").settle(true);
        budget.admit("realm", HOME, "id:user-1").settle(true);
        assertThat(budget.admit("realm", HOME, "id:user-1").refused()).isTrue();
    }

    @Test
    void aBudgetTurnedOffAdmitsEverything() {
        NetworkFailureBudget off = new NetworkFailureBudget(store, new FailuresPerNetwork(0, Duration.ofMinutes(60)));
        for (int i = 0; i < 10; i++) {
            assertThat(off.admit("realm", HOME, "id:user-1")).isInstanceOf(Admission.Unlimited.class);
        }
        assertThat(store.keys()).isEmpty();
    }

    @Test
    void anAccountIsItsUserOrElseTheNameTyped() {
        assertThat(NetworkFailureBudget.account(null, " УБ99112233 ")).contains("name:уб99112233");
        assertThat(NetworkFailureBudget.account(null, " ")).isEmpty();
        assertThat(NetworkFailureBudget.account(null, null)).isEmpty();
    }
}
