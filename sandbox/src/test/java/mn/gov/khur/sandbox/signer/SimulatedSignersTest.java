package mn.gov.khur.sandbox.signer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatedSignersTest {

    enum Mood { CALM, GRUMPY }

    private final SimulatedSigners<String, Mood> signers = new SimulatedSigners<>(Mood.CALM);

    @Test
    void newAccountsStartWithTheInitialBehaviour() {
        signers.register("+97699112233", "key-1");
        assertThat(signers.find("+97699112233")).contains(new SimulatedSigners.Signer<>("+97699112233", "key-1", Mood.CALM));
        assertThat(signers.find("+97600000000")).isEmpty();
        assertThat(signers.behaviours()).containsExactly(Mood.CALM, Mood.GRUMPY);
    }

    @Test
    void behaviourSwitchesAKnownAccountOnly() {
        signers.register("a", "key-a");
        assertThat(signers.behaviour("a", Mood.GRUMPY)).isTrue();
        assertThat(signers.find("a").orElseThrow().behaviour()).isEqualTo(Mood.GRUMPY);
        assertThat(signers.find("a").orElseThrow().account()).isEqualTo("key-a");

        assertThat(signers.behaviour("nobody", Mood.GRUMPY)).isFalse();
        assertThat(signers.find("nobody")).isEmpty();
        assertThat(signers.all()).extracting(SimulatedSigners.Signer::id).containsExactly("a");
    }

    @Test
    void registeringAgainResetsTheBehaviour() {
        signers.register("a", "key-a");
        signers.behaviour("a", Mood.GRUMPY);
        signers.register("a", "key-b");
        assertThat(signers.find("a")).contains(new SimulatedSigners.Signer<>("a", "key-b", Mood.CALM));
    }

    @Test
    void remembersTheLastTextShownPerCitizen() {
        assertThat(signers.lastDisplayedText("a")).isEmpty();
        signers.shown("a", "first", new byte[32]);
        signers.shown("a", "Нэвтрэх", new byte[32]);
        assertThat(signers.lastDisplayedText("a")).isEqualTo("Нэвтрэх");
        assertThat(signers.lastDisplayedText("b")).isEmpty();
    }
}
