package mn.gov.khur.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsCodeExtractorTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "482913|482913",
            "\" 482913 \"|482913",
            "\"\t482913\n\"|482913",
            "Код: 482913|482913",
            "482913.|482913",
            "код482913|482913",
            "000000|000000",
            "４８２９１３|482913",
    })
    void findsTheOneSixDigitGroup(String text, String code) {
        assertThat(SmsCodeExtractor.extract(text)).contains(code);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {
            "", "   ", "hello", "12345", "1234567", "482 913", "482-913", "482913 482913", "482913 1",
            "1 482913", "48291３4", "４８２９１", "99112233",
    })
    void refusesAnythingElse(String text) {
        assertThat(SmsCodeExtractor.extract(text)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    void refusesNull(String text) {
        assertThat(SmsCodeExtractor.extract(text)).isEmpty();
    }
}
