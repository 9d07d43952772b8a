package mn.gov.khur.smsgateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MsisdnTest {

    @ParameterizedTest
    @CsvSource({
        "97699112233, INTERNATIONAL, ISDN, +97699112233",
        "+97699112233, INTERNATIONAL, ISDN, +97699112233",
        "99112233, NATIONAL, ISDN, +97699112233",
        "' 88123456 ', NATIONAL, ISDN, +97688123456",
        "99112233, UNKNOWN, UNKNOWN, +97699112233",
        "97699112233, UNKNOWN, ISDN, +97699112233",
        "+97699112233, UNKNOWN, ISDN, +97699112233",
        "0097699112233, UNKNOWN, ISDN, +97699112233",
    })
    void aMongolianMobileIsForwardedInE164AsTheOperatorGaveIt(String source, TypeOfNumber ton, NumberingPlanIndicator npi,
                                                              String expected) {
        assertThat(Msisdn.mongolianMobile(source, ton.value(), npi.value())).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "50051234, INTERNATIONAL, ISDN",        // Falklands +500 51234: never the national +976 50051234
        "99112233, INTERNATIONAL, ISDN",        // 8 digits with a country code are not a Mongolian number
        "79161234567, INTERNATIONAL, ISDN",     // foreign
        "+79161234567, UNKNOWN, ISDN",
        "0079161234567, UNKNOWN, ISDN",
        "97699112233, NATIONAL, ISDN",          // national digits carry no country code
        "70112233, NATIONAL, ISDN",             // a fixed line in Ulaanbaatar
        "97699112233, INTERNATIONAL, LAND_MOBILE", // E.212: an IMSI, not an MSISDN
        "97699112233, INTERNATIONAL, DATA",
        "MOBICOM, ALPHANUMERIC, UNKNOWN",
        "130092, ABBREVIATED, ISDN",
        "99112233, SUBSCRIBER_NUMBER, ISDN",
        "99112233, NETWORK_SPECIFIC, ISDN",
        "9911223, NATIONAL, ISDN",
        "991122334, UNKNOWN, ISDN",
        "' ', UNKNOWN, UNKNOWN",
    })
    void anyOtherSenderIsNone(String source, TypeOfNumber ton, NumberingPlanIndicator npi) {
        assertThat(Msisdn.mongolianMobile(source, ton.value(), npi.value())).isEmpty();
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
