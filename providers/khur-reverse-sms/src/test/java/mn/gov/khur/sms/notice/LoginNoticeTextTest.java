package mn.gov.khur.sms.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LoginNoticeTextTest {

    private static final String CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Test
    void saysWhenInUlaanbaatarTimeFromWhichBrowserAndHowToSayNo() {
        String text = LoginNoticeText.of(Instant.parse("2026-11-24T06:05:00Z"), CHROME_WINDOWS, "130092");

        assertThat(text).isEqualTo("ХУР: 11/24 14:05-д таны бүртгэлээр нэвтэрлээ (Chrome, Windows). "
                + "Та биш бол 130092 руу 0 гэж илгээнэ үү.");
        assertThat(text).doesNotContain("http").doesNotContain("www");
        // UCS-2 on the air: two segments at most (2 × 67 characters with the concatenation header)
        assertThat(text.getBytes(StandardCharsets.UTF_16BE).length).isLessThanOrEqualTo(2 * 134);
    }

    @Test
    void aHostileUserAgentCannotLengthenOrInjectIntoTheNotice() {
        String text = LoginNoticeText.of(Instant.parse("2026-11-24T06:05:00Z"), "x".repeat(5000) + " http://evil.example", "130092");

        assertThat(text).contains("(тодорхойгүй хөтөч)").doesNotContain("evil");
        assertThat(text.length()).isLessThan(130);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0 | Edge, Windows",
            "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 | Chrome, Android",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | Safari, iOS",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 | Firefox, Linux",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36 | Chrome, macOS",
            "Java-http-client/25 | тодорхойгүй хөтөч",
    })
    void namesTheBrowserAndSystem(String userAgent, String expected) {
        assertThat(BrowserDescription.of(userAgent)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|true", "' 0 '|true", "'0\n'|true", "０|true", "00|false", "0 1|false",
            "O|false", "'' |false", "1|false", "no|false"})
    void theDenialIsExactlyOneZero(String text, boolean denial) {
        assertThat(LoginNoticeText.isDenial(text)).isEqualTo(denial);
    }
}
