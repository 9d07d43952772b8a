package mn.gov.khur.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupAndBothQuotes() {
        assertThat(Html.escape("<a href=\"x\" title='y'>Бат & Болд</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Бат &amp; Болд&lt;/a&gt;");
    }

    @Test
    void leavesPlainTextAloneAndNullEmpty() {
        assertThat(Html.escape("+97699112233 УБ99112233")).isEqualTo("+97699112233 УБ99112233");
        assertThat(Html.escape(null)).isEmpty();
    }
}
