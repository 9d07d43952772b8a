package mn.gov.khur.sandbox.phone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mn.gov.khur.sandbox.citizens.SandboxCitizen;
import mn.gov.khur.sandbox.smsc.SmscMessage;
import mn.gov.khur.sandbox.smsc.SmscSimulator;
import mn.gov.khur.sandbox.subscribers.SubscriberRegistry;

/**
 * The "sandbox phone": a web page (and a JSON endpoint) on the JDK HTTP server from which a
 * developer or a test sends an SMS as one of the sandbox citizens, through the SMSC simulator.
 * <ul>
 *   <li>{@code GET /} page; {@code POST /send} form post, answered 303 to {@code /?sent=<id>}; the sender's
 *       number may be typed with spaces or dashes</li>
 *   <li>{@code POST /subscribers} (when started with the subscriber lookup's list) {@code msisdn}, {@code registerNumber}
 *       (empty: registered to nobody): the number's owner as the subscriber lookup answers it</li>
 *   <li>{@code POST /api/sms} {@code {"from","to","text"}} → 202 {@code {"id","state"}}</li>
 *   <li>{@code GET /api/sms/<id>} → the message's delivery state</li>
 *   <li>{@code GET /inbox?phone=+976…} the phone's inbox: MT (submit_sm) the SMSC took for it, e.g. login notices;
 *       {@code GET /api/inbox?phone=+976…} → {@code [{"id","from","text","receivedAt"}]}</li>
 * </ul>
 */
public final class PhonePage implements AutoCloseable {

    public static final int DEFAULT_PORT = 8091;
    private static final System.Logger LOG = System.getLogger(PhonePage.class.getName());
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JSON = "application/json";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SmscSimulator smsc;
    private final List<SandboxCitizen> citizens;
    private final String shortNumber;
    private final SubscriberRegistry subscribers;
    private final ObjectMapper json = new ObjectMapper();

    private PhonePage(HttpServer server, SmscSimulator smsc, List<SandboxCitizen> citizens, String shortNumber,
                      SubscriberRegistry subscribers) {
        this.server = server;
        this.smsc = smsc;
        this.citizens = List.copyOf(citizens);
        this.shortNumber = shortNumber;
        this.subscribers = subscribers;
    }

    /** Starts the page on {@code host:port} (port 0: ephemeral), without the subscriber form. */
    public static PhonePage start(String host, int port, SmscSimulator smsc, List<SandboxCitizen> citizens,
                                  String shortNumber) throws IOException {
        return start(host, port, smsc, citizens, shortNumber, null);
    }

    /**
     * Starts the page on {@code host:port} (port 0: ephemeral); with {@code subscribers} (the sandbox subscriber
     * lookup's list) it also offers the form that registers a number in a citizen's name.
     */
    public static PhonePage start(String host, int port, SmscSimulator smsc, List<SandboxCitizen> citizens,
                                  String shortNumber, SubscriberRegistry subscribers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        PhonePage page = new PhonePage(server, smsc, citizens, shortNumber, subscribers);
        server.setExecutor(page.executor);
        server.createContext("/", page::handle);
        server.start();
        LOG.log(Level.INFO, "sandbox phone page on {0}", page.uri());
        return page;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (Exchanges.BodyTooLarge e) {
            Exchanges.send(exchange, 413, JSON, "{\"error\":\"body_too_large\"}");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sandbox phone request failed", e);
            Exchanges.send(exchange, 500, JSON, "{\"error\":\"server_error\"}");
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/")) {
            requireMethod(exchange, "GET", this::showPage);
        } else if (path.equals("/send")) {
            requireMethod(exchange, "POST", this::sendFromForm);
        } else if (path.equals("/subscribers") && subscribers != null) {
            requireMethod(exchange, "POST", this::registerSubscriber);
        } else if (path.equals("/api/sms")) {
            requireMethod(exchange, "POST", this::sendFromJson);
        } else if (path.equals("/inbox")) {
            requireMethod(exchange, "GET", this::showInbox);
        } else if (path.equals("/api/inbox")) {
            requireMethod(exchange, "GET", this::inboxJson);
        } else if (path.startsWith("/api/sms/")) {
            requireMethod(exchange, "GET", ex -> showMessage(ex, path.substring("/api/sms/".length())));
        } else {
            Exchanges.send(exchange, 404, JSON, "{\"error\":\"not_found\"}");
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void requireMethod(HttpExchange exchange, String method, Handler handler) throws IOException {
        if (!method.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", method);
            Exchanges.send(exchange, 405, JSON, "{\"error\":\"method_not_allowed\"}");
            return;
        }
        if ("POST".equals(method) && !Exchanges.isSameOrigin(exchange)) {
            Exchanges.send(exchange, 403, JSON, "{\"error\":\"cross_origin_post\"}");
            return;
        }
        handler.handle(exchange);
    }

    private void showPage(HttpExchange exchange) throws IOException {
        Map<String, String> query = Exchanges.parseForm(exchange.getRequestURI().getRawQuery());
        String sentId = query.get("sent");
        Optional<SmscMessage> sent = sentId == null ? Optional.empty() : smsc.message(sentId);
        String selected = sent.map(SmscMessage::from).orElse(query.get("from"));
        PageView.Model model = new PageView.Model(citizens, shortNumber, smsc.messages(), selected,
                sent.map(SmscMessage::id).orElse(null), query.get("error"),
                subscribers == null ? null : subscribers.entries(), query.get("registered"));
        Exchanges.send(exchange, 200, HTML, PageView.render(model));
    }

    private void showInbox(HttpExchange exchange) throws IOException {
        String phone = inboxPhone(exchange);
        Exchanges.send(exchange, 200, HTML, InboxView.render(citizens, phone,
                phone == null ? List.of() : smsc.submittedTo(phone)));
    }

    private void inboxJson(HttpExchange exchange) throws IOException {
        String phone = inboxPhone(exchange);
        if (phone == null) {
            Exchanges.send(exchange, 400, JSON, error("phone must be +976 and 8 digits"));
            return;
        }
        List<Map<String, Object>> received = smsc.submittedTo(phone).stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", m.messageId());
            row.put("from", m.from());
            row.put("text", m.text());
            row.put("receivedAt", m.receivedAt().toString());
            return row;
        }).toList();
        Exchanges.send(exchange, 200, JSON, json.writeValueAsString(received));
    }

    /** {@code ?phone=} as +976XXXXXXXX (typed any way), or null when absent or not such a number. */
    private static String inboxPhone(HttpExchange exchange) {
        String phone = Exchanges.parseForm(exchange.getRequestURI().getRawQuery()).getOrDefault("phone", "");
        return TypedPhoneNumber.mongolianE164(phone).orElse(null);
    }

    /**
     * The sandbox operators' list ("whose name is this number registered in?", what registration and phone change
     * ask): a number typed any way, and the citizen's register number, or none for a SIM registered to nobody.
     */
    private void registerSubscriber(HttpExchange exchange) throws IOException {
        Map<String, String> form;
        try {
            form = Exchanges.parseForm(Exchanges.readBody(exchange));
        } catch (IllegalArgumentException e) {
            Exchanges.redirect(exchange, "/?error=subscriber#sandbox-subscribers");
            return;
        }
        Optional<String> msisdn = TypedPhoneNumber.mongolianE164(form.getOrDefault("msisdn", ""));
        String owner = form.getOrDefault("registerNumber", "").replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
        if (msisdn.isEmpty() || !(owner.isEmpty() || owner.matches("\\p{IsCyrillic}{2}[0-9]{8}"))) {
            Exchanges.redirect(exchange, "/?error=subscriber#sandbox-subscribers");
            return;
        }
        subscribers.register(msisdn.get(), owner.isEmpty() ? null : owner);
        Exchanges.redirect(exchange, "/?registered=" + Exchanges.urlEncode(msisdn.get()) + "#sandbox-subscribers");
    }

    /** POST-redirect-GET: the browser ends on a GET, so a reload never re-sends the SMS. */
    private void sendFromForm(HttpExchange exchange) throws IOException {
        Map<String, String> form;
        try {
            form = Exchanges.parseForm(Exchanges.readBody(exchange));
        } catch (IllegalArgumentException e) {
            Exchanges.redirect(exchange, "/?error=invalid");
            return;
        }
        String other = TypedPhoneNumber.compact(form.getOrDefault("fromOther", "").strip());
        String from = other.isEmpty() ? form.getOrDefault("from", "") : other;
        String text = form.getOrDefault("text", "");
        if (text.isBlank()) {
            Exchanges.redirect(exchange, "/?error=empty&from=" + Exchanges.urlEncode(from));
            return;
        }
        try {
            SmscMessage message = smsc.deliverMo(from, form.getOrDefault("to", shortNumber), text);
            Exchanges.redirect(exchange, "/?sent=" + Exchanges.urlEncode(message.id()));
        } catch (IllegalArgumentException e) {
            Exchanges.redirect(exchange, "/?error=invalid&from=" + Exchanges.urlEncode(from));
        } catch (IllegalStateException e) {
            Exchanges.redirect(exchange, "/?error=closed");
        }
    }

    record SmsRequest(String from, String to, String text) {
    }

    private void sendFromJson(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith(JSON)) {
            Exchanges.send(exchange, 415, JSON, "{\"error\":\"unsupported_media_type\"}");
            return;
        }
        SmsRequest request;
        try {
            request = json.readValue(Exchanges.readBody(exchange), SmsRequest.class);
        } catch (JsonProcessingException e) {
            Exchanges.send(exchange, 400, JSON, error("malformed JSON"));
            return;
        }
        if (request == null || request.from() == null || request.text() == null || request.text().isBlank()) {
            Exchanges.send(exchange, 400, JSON, error("from and text are required"));
            return;
        }
        try {
            String to = request.to() == null ? shortNumber : request.to();
            SmscMessage message = smsc.deliverMo(TypedPhoneNumber.compact(request.from()), to, request.text());
            exchange.getResponseHeaders().set("Location", "/api/sms/" + message.id());
            Exchanges.send(exchange, 202, JSON, json.writeValueAsString(describe(message)));
        } catch (IllegalArgumentException e) {
            Exchanges.send(exchange, 400, JSON, error(e.getMessage()));
        } catch (IllegalStateException e) {
            Exchanges.send(exchange, 503, JSON, error("SMSC simulator is stopped"));
        }
    }

    private void showMessage(HttpExchange exchange, String id) throws IOException {
        Optional<SmscMessage> message = smsc.message(id);
        if (message.isEmpty()) {
            Exchanges.send(exchange, 404, JSON, "{\"error\":\"not_found\"}");
            return;
        }
        Exchanges.send(exchange, 200, JSON, json.writeValueAsString(describe(message.get())));
    }

    private static Map<String, Object> describe(SmscMessage message) {
        SmscMessage.Snapshot s = message.snapshot();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.id());
        body.put("from", message.from());
        body.put("to", message.to());
        body.put("state", s.state().name());
        body.put("attempts", s.attempts());
        body.put("lastStatus", s.lastStatus());
        return body;
    }

    private String error(String description) throws JsonProcessingException {
        return json.writeValueAsString(Map.of("error", "invalid_request", "error_description", description));
    }
}
