package mn.gov.khur.sandbox.signer;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;

import mn.gov.khur.sandbox.http.Html;
import mn.gov.khur.sandbox.http.Replies;
import mn.gov.khur.sandbox.http.Requests;
import mn.gov.khur.sandbox.http.SandboxHttpServer;

/**
 * The operator's controls of a simulated remote signer: the page {@code /control} lists every account with what its
 * phone last showed (text and verification code) and a behaviour select, and {@code POST /control/behaviour} (form body or query: the account id and
 * {@code behaviour}, any case) switches one and goes back to the page.
 */
public final class SignerControl<A, B extends Enum<B>> {

    /** The page's wording; {@code idField} is the form field the account id travels in (tests post it). */
    public record Page(String title, String heading, String idHeader, String idField, String detailHeader) {
    }

    private static final int MAX_FORM_BYTES = 4096;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Ulaanbaatar"));

    private final SimulatedSigners<A, B> signers;
    private final Page page;
    private final Function<A, String> detail;

    /** {@code detail} is the account's second column (its phone, its certificate). */
    public SignerControl(SimulatedSigners<A, B> signers, Page page, Function<A, String> detail) {
        this.signers = signers;
        this.page = page;
        this.detail = detail;
    }

    public void mountOn(SandboxHttpServer server) {
        server.route("/control/behaviour", this::switchBehaviour).route("/control", this::showPage);
    }

    private void switchBehaviour(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Requests.requirePost(exchange)) {
                return;
            }
            Map<String, String> form = Requests.formFields(exchange, MAX_FORM_BYTES);
            B behaviour = behaviourNamed(form.getOrDefault("behaviour", ""));
            if (behaviour == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (!signers.behaviour(form.getOrDefault(page.idField(), ""), behaviour)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Replies.seeOther(exchange, "/control");
        }
    }

    private B behaviourNamed(String name) {
        String wanted = name.toUpperCase(Locale.ROOT);
        return signers.behaviours().stream().filter(b -> b.name().equals(wanted)).findFirst().orElse(null);
    }

    private void showPage(HttpExchange exchange) throws IOException {
        try (exchange) {
            Replies.html(exchange, render());
        }
    }

    /**
     * The phones' side: per account, what its last request showed on the phone (the text and the verification
     * code the phone works out from the hash, to compare with the code on the login page) and the behaviour.
     */
    String render() {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"mn\"><meta charset=\"utf-8\"><title>")
                .append(page.title()).append("</title><h1>").append(page.heading()).append("</h1>")
                .append("<p>Нэвтрэх хуудсан дээрх код утсан дээрх кодтой ижил байх ёстой. ")
                .append("/ The code on the login page must equal the code on the phone. ")
                .append("<a href=\"/control\" id=\"signer-refresh\">Шинэчлэх / Refresh</a></p><table><tr><th>")
                .append(page.idHeader()).append("</th><th>").append(page.detailHeader())
                .append("</th><th>Утсан дээр / On the phone</th><th>Шалгах код / Verification code</th><th>Behaviour</th></tr>");
        for (SimulatedSigners.Signer<A, B> signer : signers.all()) {
            Optional<SimulatedSigners.ShownRequest> shown = signers.lastShown(signer.id());
            html.append("<tr data-signer=\"").append(Html.escape(signer.id())).append("\"><td>").append(Html.escape(signer.id()))
                    .append("</td><td>").append(Html.escape(detail.apply(signer.account())))
                    .append("</td><td class=\"shown-text\">")
                    .append(shown.map(s -> Html.escape(s.text()) + " <small>(" + TIME.format(s.at()) + ")</small>").orElse("—"))
                    .append("</td><td class=\"verification-code\"><b>")
                    .append(shown.map(s -> Html.escape(s.verificationCode())).orElse("—"))
                    .append("</b></td><td><form method=\"post\" action=\"/control/behaviour\"><input type=\"hidden\" name=\"")
                    .append(page.idField()).append("\" value=\"").append(Html.escape(signer.id()))
                    .append("\"><select name=\"behaviour\" aria-label=\"behaviour\">");
            for (B b : signers.behaviours()) {
                html.append("<option").append(b == signer.behaviour() ? " selected" : "").append('>').append(b).append("</option>");
            }
            html.append("</select><button>Set</button></form></td></tr>");
        }
        return html.append("</table></html>").toString();
    }
}
