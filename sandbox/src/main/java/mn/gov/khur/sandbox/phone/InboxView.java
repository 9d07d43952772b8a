package mn.gov.khur.sandbox.phone;

import static mn.gov.khur.sandbox.http.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import mn.gov.khur.sandbox.citizens.SandboxCitizen;
import mn.gov.khur.sandbox.smsc.SubmittedMessage;

/** The sandbox phone's inbox: MT messages (submit_sm) the SMSC took for one phone, e.g. login notices. */
final class InboxView {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM/dd HH:mm:ss").withZone(ZoneId.of("Asia/Ulaanbaatar"));

    private InboxView() {
    }

    static String render(List<SandboxCitizen> citizens, String phone, List<SubmittedMessage> received) {
        StringBuilder html = new StringBuilder(4096);
        html.append("""
                <!doctype html>
                <html lang="mn">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Ирсэн зурвас / Inbox</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f24}
                main{max-width:56rem;margin:0 auto;padding:1rem}
                table{border-collapse:collapse;width:100%;background:#fff;margin-top:.5rem}
                th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
                td.text{white-space:pre-wrap;word-break:break-word}
                </style>
                </head>
                <body><main>
                <h1>Ирсэн зурвас / Inbox</h1>
                <p><a href="/">Зурвас илгээх / Send a message</a></p>
                <nav aria-label="Утас / Phones"><ul>
                """);
        for (SandboxCitizen c : citizens) {
            html.append("<li><a href=\"/inbox?phone=").append(Exchanges.urlEncode(c.phone())).append("\">")
                    .append(escape(c.phone())).append(" — ").append(escape(c.displayName())).append("</a></li>\n");
        }
        html.append("</ul></nav>\n");
        if (phone != null) {
            html.append("<h2 id=\"sandbox-inbox-phone\">").append(escape(phone)).append("</h2>\n")
                    .append("<table id=\"sandbox-inbox\"><thead><tr><th>Цаг / Time</th><th>Илгээгч / From</th>")
                    .append("<th>Зурвас / Message</th></tr></thead><tbody>\n");
            if (received.isEmpty()) {
                html.append("<tr><td colspan=\"3\">Зурвас алга / No messages yet</td></tr>\n");
            }
            for (SubmittedMessage m : received.reversed()) {
                html.append("<tr data-message-id=\"").append(escape(m.messageId())).append("\"><td>")
                        .append(TIME.format(m.receivedAt())).append("</td><td>").append(escape(m.from()))
                        .append("</td><td class=\"text\">").append(escape(m.text())).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("</main></body></html>\n");
        return html.toString();
    }
}
