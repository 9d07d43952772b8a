package mn.gov.khur.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterNumberClaimTest {

    @ParameterizedTest
    @ValueSource(strings = {"УБ99112233", "уб99112233", "  УБ 9911 2233 ", "Уб99112233\u00a0"})
    void normalisesWhatABankMaySend(String sent) {
        RegisterNumberClaim.Outcome outcome = RegisterNumberClaim.read(sent);
        assertThat(outcome.isValid()).isTrue();
        assertThat(outcome.registerNumber().orElseThrow().value()).isEqualTo("УБ99112233");
        assertThat(outcome.problem()).isEqualTo(RegisterNumberProblem.NONE);
    }

    @Test
    void acceptsAOneElementArray() {
        assertThat(RegisterNumberClaim.read(List.of("уб99112233")).registerNumber().orElseThrow().value()).isEqualTo("УБ99112233");
    }

    @Test
    void missingWhenAbsentOrEmpty() {
        assertThat(RegisterNumberClaim.read(null).problem()).isEqualTo(RegisterNumberProblem.MISSING);
        assertThat(RegisterNumberClaim.read("").problem()).isEqualTo(RegisterNumberProblem.MISSING);
        assertThat(RegisterNumberClaim.read("   ").problem()).isEqualTo(RegisterNumberProblem.MISSING);
        assertThat(RegisterNumberClaim.read(List.of()).problem()).isEqualTo(RegisterNumberProblem.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"УБ9911223", "UB99112233", "УB99112233", "УБ99135533", "УБ991122334", "12345678", "<script>"})
    void invalidWhenMalformedOrLatinLookAlike(String sent) {
        RegisterNumberClaim.Outcome outcome = RegisterNumberClaim.read(sent);
        assertThat(outcome.isValid()).isFalse();
        assertThat(outcome.problem()).isEqualTo(RegisterNumberProblem.INVALID);
    }

    @Test
    void invalidWhenTwoNumbersOrNotText() {
        assertThat(RegisterNumberClaim.read(List.of("УБ99112233", "ЧД05231478")).problem()).isEqualTo(RegisterNumberProblem.INVALID);
        assertThat(RegisterNumberClaim.read(9911223).problem()).isEqualTo(RegisterNumberProblem.INVALID);
        assertThat(RegisterNumberClaim.read(Map.of("value", "УБ99112233")).problem()).isEqualTo(RegisterNumberProblem.INVALID);
    }
}
