package mn.gov.khur.registry.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class VerifiedNamesTest {

    @Test
    void theDigestSeparatesFieldsUnambiguously() {
        assertThat(VerifiedNames.digest(List.of("ab", "c"))).isNotEqualTo(VerifiedNames.digest(List.of("a", "bc")));
        assertThat(VerifiedNames.digest(List.of("Бат", "Болд"))).isEqualTo(VerifiedNames.digest(List.of("Бат", "Болд")))
                .hasSize(64);
    }
}
