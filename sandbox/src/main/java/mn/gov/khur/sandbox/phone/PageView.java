package mn.gov.khur.sandbox.phone;

import static mn.gov.khur.sandbox.http.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import mn.gov.khur.sandbox.citizens.SandboxCitizen;
import mn.gov.khur.sandbox.smsc.SmscMessage;

/** Renders the sandbox phone page: plain HTML, a form that works without JavaScript. */
final class PageView {

    /** Error codes the page may be redirected with; never echo request text into the page. */
    static final Map<String, String> ERRORS = Map.of(
            "invalid", "Дугаар эсвэл зурвас буруу байна. / The number or the message is not valid.",
            "empty", "Зурвас хоосон байна. / The message is empty.",
            "closed", "SMSC симулятор зогссон байна. / The SMSC simulator is stopped.",
            "subscriber", "Утасны дугаар (жишээ нь 9911 2233) эсвэл регистрийн дугаар (жишээ нь УБ99112233) буруу байна. "
                    + "/ The phone number (e.g. 9911 2233) or the register number (e.g. УБ99112233) is not valid.");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Ulaanbaatar"));
    private static final Map<SmscMessage.State, String> STATES = Map.of(
            SmscMessage.State.PENDING, "Хүлээгдэж байна / Pending",
            SmscMessage.State.DELIVERED, "Хүргэгдсэн / Delivered",
            SmscMessage.State.FAILED, "Татгалзсан / Refused",
            SmscMessage.State.CANCELLED, "Цуцлагдсан / Cancelled");
    private static final int SHOWN = 20;

    private PageView() {
    }

    /**
     * @param subscribers the subscriber lookup's list (number → register number, empty for nobody), null when the
     *                    page runs without the lookup
     * @param registered  the number just registered, for the confirmation
     */
    record Model(List<SandboxCitizen> citizens, String shortNumber, List<SmscMessage> messages,
                 String selectedFrom, String sentId, String errorCode, Map<String, String> subscribers, String registered) {

        Model(List<SandboxCitizen> citizens, String shortNumber, List<SmscMessage> messages,
              String selectedFrom, String sentId, String errorCode) {
            this(citizens, shortNumber, messages, selectedFrom, sentId, errorCode, null, null);
        }
    }

    static String render(Model m) {
        StringBuilder html = new StringBuilder(8192);
        html.append("""
                <!doctype html>
                <html lang="mn">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sandbox утас / Sandbox phone</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f24}
                main{max-width:56rem;margin:0 auto;padding:1rem}
                form{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1rem;display:grid;gap:.4rem;max-width:28rem}
                label{font-weight:600;margin-top:.4rem}
                input,select,textarea,button{font:inherit;padding:.45rem;border:1px solid #8c959f;border-radius:6px}
                button{background:#0b5cad;color:#fff;border:0;margin-top:.6rem;cursor:pointer}
                .note{color:#57606a}.ok{background:#dafbe1;padding:.6rem;border-radius:6px}
                .err{background:#ffebe9;padding:.6rem;border-radius:6px}
                table{border-collapse:collapse;width:100%;background:#fff;margin-top:.5rem}
                th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
                td.text{white-space:pre-wrap;word-break:break-word}
                </style>
                </head>
                <body><main>
                <h1>Sandbox утас / Sandbox phone</h1>
                <p class="note">Зөвхөн туршилтын орчин: энд илгээсэн зурвас SMPP-ээр SMS гарц руу хүрнэ.<br>
                Sandbox only: a message sent here reaches the SMS gateway over SMPP, as if typed on that phone.</p>
                """);
        flash(html, m);
        form(html, m);
        table(html, m.messages());
        if (m.subscribers() != null) {
            subscribers(html, m);
        }
        html.append("</main></body></html>\n");
        return html.toString();
    }

    private static void flash(StringBuilder html, Model m) {
        if (m.sentId() != null) {
            html.append("<p class=\"ok\" id=\"sandbox-sent\" role=\"status\">Илгээлээ / Sent: ")
                    .append(escape(m.sentId())).append("</p>\n");
        }
        if (m.errorCode() != null && ERRORS.containsKey(m.errorCode())) {
            html.append("<p class=\"err\" id=\"sandbox-error\" role=\"alert\">")
                    .append(escape(ERRORS.get(m.errorCode()))).append("</p>\n");
        }
    }

    private static void form(StringBuilder html, Model m) {
        html.append("<form id=\"sandbox-sms-form\" method=\"post\" action=\"/send\">\n")
                .append("<label for=\"sandbox-from\">Илгээгч утас / Sender phone</label>\n")
                .append("<select id=\"sandbox-from\" name=\"from\">\n");
        for (SandboxCitizen c : m.citizens()) {
            html.append("<option value=\"").append(escape(c.phone())).append('"')
                    .append(c.phone().equals(m.selectedFrom()) ? " selected" : "").append('>')
                    .append(escape(c.phone())).append(" — ").append(escape(c.displayName()))
                    .append(" (").append(escape(c.registerNumber())).append(")</option>\n");
        }
        html.append("</select>\n")
                .append("<label for=\"sandbox-from-other\">Өөр дугаар (заавал биш) / Other number (optional)</label>\n")
                .append("<input id=\"sandbox-from-other\" name=\"fromOther\" inputmode=\"tel\" placeholder=\"9911 2233\">\n")
                .append("<label for=\"sandbox-to\">Хүлээн авагч / To</label>\n")
                .append("<input id=\"sandbox-to\" name=\"to\" inputmode=\"numeric\" required value=\"")
                .append(escape(m.shortNumber())).append("\">\n")
                .append("<label for=\"sandbox-text\">Зурвас / Message</label>\n")
                .append("<textarea id=\"sandbox-text\" name=\"text\" rows=\"3\" maxlength=\"1000\" required></textarea>\n")
                .append("<button type=\"submit\" id=\"sandbox-send\">Илгээх / Send</button>\n")
                .append("</form>\n");
    }

    /** The sandbox operators' subscriber list: whose name each number is registered in (what the lookup answers). */
    private static void subscribers(StringBuilder html, Model m) {
        html.append("<h2 id=\"sandbox-subscribers\">Утасны дугаарын эзэмшигч / Phone numbers and their owners</h2>\n")
                .append("<p class=\"note\">Бүртгүүлэх, утасны дугаар солиход ХУР дугаар иргэний нэр дээр бүртгэлтэй эсэхийг ")
                .append("операторуудаас асуудаг. Шинэ дугаарыг энд иргэний нэр дээр бүртгэнэ үү.<br>\n")
                .append("Registration and phone change ask the operators whether the number is registered in the citizen's ")
                .append("name. Register a new number in a citizen's name here first.</p>\n");
        if (m.registered() != null && m.subscribers().containsKey(m.registered())) {
            html.append("<p class=\"ok\" id=\"sandbox-registered\" role=\"status\">Бүртгэлээ / Registered: ")
                    .append(escape(m.registered())).append("</p>\n");
        }
        html.append("<form id=\"sandbox-subscriber-form\" method=\"post\" action=\"/subscribers\">\n")
                .append("<label for=\"sandbox-subscriber-msisdn\">Утасны дугаар / Phone number</label>\n")
                .append("<input id=\"sandbox-subscriber-msisdn\" name=\"msisdn\" inputmode=\"tel\" required ")
                .append("placeholder=\"9911 2233\">\n")
                .append("<label for=\"sandbox-subscriber-owner\">Эзэмшигчийн регистрийн дугаар (хоосон: хэний ч нэр дээр биш) ")
                .append("/ Owner's register number (empty: nobody)</label>\n")
                .append("<input id=\"sandbox-subscriber-owner\" name=\"registerNumber\" placeholder=\"УБ99112233\">\n")
                .append("<button type=\"submit\" id=\"sandbox-subscriber-register\">Бүртгэх / Register</button>\n")
                .append("</form>\n")
                .append("<table id=\"sandbox-subscriber-list\"><thead><tr><th>Утас / Phone</th>")
                .append("<th>Эзэмшигч / Owner</th></tr></thead><tbody>\n");
        m.subscribers().forEach((number, owner) -> html.append("<tr data-msisdn=\"").append(escape(number)).append("\"><td>")
                .append(escape(number)).append("</td><td>")
                .append(owner.isEmpty() ? "хэний ч нэр дээр биш / nobody" : escape(owner)).append("</td></tr>\n"));
        html.append("</tbody></table>\n");
    }

    private static void table(StringBuilder html, List<SmscMessage> messages) {
        html.append("<h2>Сүүлийн зурвасууд / Recent messages</h2>\n")
                .append("<p><a href=\"/\" id=\"sandbox-refresh\">Шинэчлэх / Refresh</a> · ")
                .append("<a href=\"/inbox\" id=\"sandbox-inbox-link\">Утсанд ирсэн зурвас / Phones' inbox</a></p>\n")
                .append("<table id=\"sandbox-messages\"><thead><tr><th>Цаг / Time</th><th>Илгээгч / From</th>")
                .append("<th>Хүлээн авагч / To</th><th>Зурвас / Message</th><th>Төлөв / State</th>")
                .append("<th>Оролдлого / Attempts</th></tr></thead><tbody>\n");
        List<SmscMessage> newestFirst = messages.reversed().stream().limit(SHOWN).toList();
        if (newestFirst.isEmpty()) {
            html.append("<tr><td colspan=\"6\">Зурвас алга / No messages yet</td></tr>\n");
        }
        for (SmscMessage msg : newestFirst) {
            SmscMessage.Snapshot s = msg.snapshot();
            String text = msg.kind() == SmscMessage.Kind.DELIVERY_RECEIPT ? "[delivery receipt]" : msg.text();
            html.append("<tr data-message-id=\"").append(escape(msg.id())).append("\" data-state=\"")
                    .append(s.state()).append("\"><td>").append(TIME.format(msg.createdAt())).append("</td><td>")
                    .append(escape(msg.from())).append("</td><td>").append(escape(msg.to()))
                    .append("</td><td class=\"text\">").append(escape(text)).append("</td><td>")
                    .append(escape(STATES.get(s.state())));
            if (s.lastStatus() != null && s.lastStatus() != 0) {
                html.append(" (0x").append(Integer.toHexString(s.lastStatus())).append(')');
            } else if (s.state() == SmscMessage.State.PENDING && s.lastProblem() != null) {
                html.append(" (").append(escape(s.lastProblem())).append(')');
            }
            html.append("</td><td>").append(s.attempts()).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }
}
