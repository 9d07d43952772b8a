package mn.gov.khur.demorp;

import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * HTML output. Every value that comes from outside (claims, userinfo, error descriptions, query
 * parameters) goes through {@link #escape} before it is written into a page: a name or an
 * {@code error_description} can contain {@code <script>}.
 */
final class Html {

    private Html() {
    }

    /** Escapes text for HTML element content and for quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A claim value as text: strings, numbers and booleans as they are in the token, arrays
     * joined with a single space ({@code amr}: {@code pwd sms mfa}), objects as JSON, absent as "".
     */
    static String claimText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(Html::claimText).collect(Collectors.joining(" "));
        }
        if (value instanceof Object[] values) {
            return claimText(java.util.Arrays.asList(values));
        }
        if (value instanceof Date date) {
            return String.valueOf(date.getTime() / 1000);
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> object = (Map<String, ?>) map;
            return JSONObjectUtils.toJSONString(object);
        }
        return String.valueOf(value);
    }

    private static final String STYLE = """
            :root { color-scheme: light; --blue: #0b4f8a; --line: #d6dbe1; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
                   color: #1d2329; background: #f4f6f8; }
            header { background: var(--blue); color: #fff; padding: .8rem 1.5rem; font-weight: 600; }
            main { max-width: 52rem; margin: 1.5rem auto; padding: 1.5rem 2rem; background: #fff;
                   border: 1px solid var(--line); border-radius: 8px; }
            h1 { font-size: 1.6rem; margin-top: 0; }
            h2 { font-size: 1.2rem; margin-top: 2rem; }
            .en { color: #58626d; }
            .actions { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1.25rem 0; }
            button, a.button { font: inherit; padding: .6rem 1.1rem; border-radius: 6px; border: 1px solid var(--blue);
                   background: var(--blue); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
            button.secondary, a.button.secondary { background: #fff; color: var(--blue); }
            label { display: block; margin: .5rem 0; }
            select { font: inherit; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }
            td.value { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; word-break: break-all; }
            td.note, small { color: #58626d; }
            pre { background: #f0f2f5; border: 1px solid var(--line); border-radius: 6px; padding: .8rem;
                  white-space: pre-wrap; word-break: break-all; font-size: .9rem; }
            code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
            .error { border-left: 4px solid #b3261e; padding-left: 1rem; }
            ol li { margin: .25rem 0; }
            """;

    /** A whole page: {@code title} is plain text (escaped here); {@code body} is HTML built by the caller. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n"
                + "<html lang=\"mn\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>\n" + STYLE + "</style>\n"
                + "</head>\n"
                + "<body>\n"
                + "<header>Демо үйлчилгээ <span lang=\"en\">/ Demo service</span></header>\n"
                + "<main>\n" + body + "</main>\n"
                + "</body>\n"
                + "</html>\n";
    }
}
