package mn.gov.khur.sandbox.esignclient;

import static mn.gov.khur.sandbox.http.Html.escape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import mn.gov.khur.sandbox.http.Replies;
import mn.gov.khur.sandbox.http.Requests;
import mn.gov.khur.sandbox.http.SandboxHttpServer;

/**
 * The simulated ESIGN client's "PIN dialog" for the dev run: lists pending signing requests with
 * the requesting origin, lets you pick a token, type its PIN, or cancel. Loopback only.
 */
public final class EsignClientPage implements AutoCloseable {

    public static final int DEFAULT_PORT = 8097;
    private final SandboxHttpServer server;
    private final EsignClientSimulator client;

    private EsignClientPage(SandboxHttpServer server, EsignClientSimulator client) {
        this.server = server;
        this.client = client;
    }

    public static EsignClientPage start(String host, int port, EsignClientSimulator client) throws IOException {
        SandboxHttpServer http = SandboxHttpServer.bind(host, port);
        EsignClientPage page = new EsignClientPage(http, client);
        http.route("/", page::handle).start();
        return page;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("POST".equals(exchange.getRequestMethod())) {
                Map<String, String> form = Requests.parseForm(
                        new String(exchange.getRequestBody().readNBytes(8192), StandardCharsets.UTF_8));
                String id = form.getOrDefault("request", "");
                SigningOutcome outcome = form.containsKey("cancel") ? client.cancel(id)
                        : client.approve(id, form.getOrDefault("token", ""), form.getOrDefault("pin", ""));
                Replies.seeOther(exchange, "/?last=" + outcome.name());
                return;
            }
            Replies.html(exchange, render(exchange.getRequestURI().getQuery()));
        }
    }

    /**
     * The page. While no request waits it reloads itself every few seconds, so a new one appears; once a request
     * (a PIN field) is on it, it never reloads: a reload would wipe what the tester is typing.
     */
    String render(String query) {
        boolean waiting = !client.pending().isEmpty();
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"mn\"><meta charset=\"utf-8\">")
                .append(waiting ? "" : "<meta http-equiv=\"refresh\" content=\"3\">")
                .append("<title>Sandbox ESIGN клиент / Sandbox ESIGN client</title>")
                .append("<h1>Sandbox ESIGN клиент / Sandbox ESIGN client (ws://127.0.0.1:").append(client.getPort()).append(")</h1>");
        if (query != null && query.startsWith("last=")) {
            html.append("<p id=\"esign-last\">Сүүлийн хариу / Last answer: ").append(escape(query.substring(5))).append("</p>");
        }
        if (!waiting) {
            html.append("<p id=\"esign-idle\">Гарын үсэг зурах хүсэлт алга. Нэвтрэх хуудсан дээр “Тоон гарын үсгээр нэвтрэх” ")
                    .append("товчийг дарна уу (энэ хуудас өөрөө шинэчлэгдэнэ). / No signing request. Press “Тоон гарын үсгээр ")
                    .append("нэвтрэх” on the login page (this page refreshes itself).</p>");
        }
        for (PendingSignature p : client.pending()) {
            html.append("<form method=\"post\" class=\"esign-request\"><fieldset><legend><b>").append(escape(p.origin()))
                    .append("</b> руу нэвтрэх үү? / Sign in to <b>").append(escape(p.origin())).append("</b>?</legend>")
                    .append("<input type=\"hidden\" name=\"request\" value=\"").append(escape(p.id())).append("\">")
                    .append("<label>Токен / Token <select name=\"token\">");
            for (EsignToken t : client.tokens()) {
                html.append("<option value=\"").append(escape(t.id())).append("\">").append(escape(t.credential().label()))
                        .append("</option>");
            }
            html.append("</select></label> <label>ПИН / PIN <input name=\"pin\" type=\"password\" autocomplete=\"off\" ")
                    .append("autofocus></label> <button>Гарын үсэг зурах / Sign</button> ")
                    .append("<button name=\"cancel\" value=\"1\">Цуцлах / Cancel</button></fieldset></form>");
        }
        if (waiting) {
            html.append("<p><a href=\"/\" id=\"esign-refresh\">Шинэчлэх / Refresh</a></p>");
        }
        html.append("<h2>Токенууд / Tokens</h2><ul>");
        for (EsignToken t : client.tokens()) {
            html.append("<li>").append(escape(t.credential().label())).append(" — ПИН / PIN ").append(escape(t.pin())).append("</li>");
        }
        return html.append("</ul></html>").toString();
    }

    public String uri() {
        return server.uri("/").toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
