package mn.gov.khur.demorp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveHtmlSpecialCharacters() {
        assertThat(Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    }

    @Test
    void leavesMongolianTextAlone() {
        assertThat(Html.escape("Батбаяр УБ99112233")).isEqualTo("Батбаяр УБ99112233");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void claimValuesAsText() {
        assertThat(Html.claimText(List.of("pwd", "sms", "mfa"))).isEqualTo("pwd sms mfa");
        assertThat(Html.claimText(true)).isEqualTo("true");
        assertThat(Html.claimText(1732470000L)).isEqualTo("1732470000");
        assertThat(Html.claimText(null)).isEmpty();
        assertThat(Html.claimText(Map.of("country", "MN"))).isEqualTo("{\"country\":\"MN\"}");
    }

    @Test
    void pagesDeclareTheirLanguageAndCarryNoExternalResources() {
        String page = Html.page("t", "<p>x</p>");
        assertThat(page).contains("<html lang=\"mn\">", "<meta charset=\"utf-8\">", "<style>")
                .doesNotContain("<link", "<script", "http://", "https://");
    }
}
