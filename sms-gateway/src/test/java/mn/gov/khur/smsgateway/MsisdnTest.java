package mn.gov.khur.smsgateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MsisdnTest {

    @ParameterizedTest
    @CsvSource({
        "99112233, false, +97699112233",
        "97699112233, true, +97699112233",
        "97699112233, false, +97699112233",
        "+97699112233, true, +97699112233",
        "0097699112233, false, +97699112233",
        "' 88123456 ', false, +97688123456",
        "99112233, true, 99112233",          // TON international: not a national number
        "79161234567, true, 79161234567",    // foreign: passed through
        "130092, false, 130092",
        "MOBICOM, false, MOBICOM",           // alphanumeric sender: passed through
    })
    void normalizesMongolianNumbersToE164(String source, boolean international, String expected) {
        assertThat(Msisdn.normalize(source, international)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "+97699112233, +976 99****33",
        "79161234567, 79*******67",
        "130092, 13**92",
        "123, ****",
    })
    void masksForLogs(String msisdn, String masked) {
        assertThat(Msisdn.mask(msisdn)).isEqualTo(masked);
    }
}
