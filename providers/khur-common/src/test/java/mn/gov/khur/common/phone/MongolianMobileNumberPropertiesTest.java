package mn.gov.khur.common.phone;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MongolianMobileNumberPropertiesTest {

    /** Two-digit prefixes the four operators hand out, every 6-digit suffix mobile in libphonenumber. */
    @Provide
    Arbitrary<String> mobileNationals() {
        Arbitrary<String> prefix = Arbitraries.of(
                "99", "95", "94", "85", "88", "89", "86", "80", "91", "96", "90", "98", "97", "93", "83");
        Arbitrary<String> suffix = Arbitraries.strings().numeric().ofLength(6);
        return prefix.flatMap(p -> suffix.map(s -> p + s));
    }

    @Property
    @Label("national, 976- and +976-forms, spaced or dashed, all give the same number")
    void allFormsAgree(@ForAll("mobileNationals") String national) {
        String spaced = national.substring(0, 4) + " " + national.substring(4);
        String dashed = national.substring(0, 4) + "-" + national.substring(4);

        MongolianMobileNumber number = MongolianMobileNumber.parse(national);

        assertThat(number.national()).isEqualTo(national);
        assertThat(number.e164()).isEqualTo("+976" + national);
        assertThat(MongolianMobileNumber.parse("+976" + national)).isEqualTo(number);
        assertThat(MongolianMobileNumber.parse("976" + national)).isEqualTo(number);
        assertThat(MongolianMobileNumber.parse("+976 " + spaced)).isEqualTo(number);
        assertThat(MongolianMobileNumber.parse(dashed)).isEqualTo(number);
        assertThat(MongolianMobileNumber.parse(number.e164())).isEqualTo(number);
    }

    @Property
    @Label("the mask keeps the country code, the first two and the last two digits only")
    void maskShowsFourDigits(@ForAll("mobileNationals") String national) {
        String masked = MongolianMobileNumber.parse(national).masked();

        assertThat(masked).isEqualTo("+976 " + national.substring(0, 2) + "****" + national.substring(6));
    }

    @Property(tries = 2000)
    @Label("arbitrary input either parses or fails with a message key, nothing else")
    void arbitraryInputNeverFailsUnexpectedly(@ForAll String input) {
        try {
            MongolianMobileNumber number = MongolianMobileNumber.parse(input);
            assertThat(MongolianMobileNumber.parse(number.e164())).isEqualTo(number);
        } catch (InvalidPhoneNumberException e) {
            assertThat(e.messageKey()).startsWith("khurPhone");
        }
    }
}
