package mn.gov.khur.sandbox.xyp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;

import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;

import com.sun.net.httpserver.HttpExchange;

import mn.gov.khur.sandbox.http.Html;
import mn.gov.khur.sandbox.http.Replies;
import mn.gov.khur.sandbox.http.Requests;
import mn.gov.khur.sandbox.http.SandboxHttpServer;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The sandbox ХУР: the citizen service ({@code /citizen-1.5.0/ws}: {@code WS100101_getCitizenIDCardInfo}) and the meta
 * service ({@code /meta-1.5.0/ws}: {@code WS100001_listAccess}, {@code WS100008_registerOTPRequest},
 * {@code WS100009_checkOtp}), SOAP 1.1 document/literal as the real registry speaks it. {@code GET …/ws?WSDL} serves
 * the WSDL; every POST must carry the organisation's {@code accessToken}/{@code timestamp}/{@code signature} headers
 * (RSA-SHA256 checked against the configured public key; otherwise HTTP 401 and a SOAP fault) and a body valid
 * against the WSDL's schema (otherwise HTTP 500 and a fault).
 *
 * <p>The citizen's approval is ХУР's one-time code, or a digital signature over {@code regnum.timestamp} checked against
 * the certificate with that serial number ({@link #certificates}, {@link CitizenSignatureCheck}).
 *
 * <p>Result codes: 0 success; {@link #NOT_FOUND} for a register number it does not know; {@link #CONSENT_REFUSED}
 * for a missing, wrong, expired or used one-time code, a signature that does not approve, and a person who refuses.
 * Only 0 is ХУР's (its example client proceeds on 0); 100 and 401 are this sandbox's own choice. Codes are 6 digits, valid 5
 * minutes, single use, dead after 5 wrong tries; the "sent" codes are listed on {@code GET /} (the sandbox stand-in
 * for the citizen's SMS) and through {@link #lastCode}. {@link #setDown} makes every call answer 503.
 */
public final class XypSimulator implements AutoCloseable {

    public static final int DEFAULT_PORT = 8101;
    public static final int NOT_FOUND = 100;
    public static final int CONSENT_REFUSED = 401;
    public static final String CITIZEN_PATH = "/citizen-1.5.0/ws";
    public static final String META_PATH = "/meta-1.5.0/ws";
    static final String CITIZEN_NS = "http://citizen.xyp.gov.mn/";
    static final String META_NS = "http://meta.xyp.gov.mn/";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_WRONG = 5;
    private static final int MAX_BODY = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(XypSimulator.class.getName());

    /** A code the registry "sent" a citizen. */
    public record SentCode(String regnum, String phone, String code, Instant sentAt) {
    }

    private static final class Pending {
        final String code;
        final Instant expires;
        int wrong;
        boolean used;

        Pending(String code, Instant expires) {
            this.code = code;
            this.expires = expires;
        }
    }

    private final SandboxHttpServer server;
    private final OrganisationSignature organisation;
    private final Clock clock;
    private final Map<String, RegistryPerson> people = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final List<SentCode> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger refusedSignatures = new AtomicInteger();
    private final AtomicInteger idCardCalls = new AtomicInteger();
    private final AtomicInteger signatureApprovals = new AtomicInteger();
    private final AtomicInteger refusedCitizenSignatures = new AtomicInteger();
    private final Map<String, Instant> presented = new ConcurrentHashMap<>();
    private volatile CitizenSignatureCheck.CertificateDirectory certificates = serial -> Optional.empty();
    private final SecureRandom random = new SecureRandom();
    private final byte[] citizenWsdl = SoapDocuments.wsdl("/xyp/citizen-1.5.0.wsdl");
    private final byte[] metaWsdl = SoapDocuments.wsdl("/xyp/meta-1.5.0.wsdl");
    private final Schema citizenSchema = SoapDocuments.schemaOf(citizenWsdl);
    private final Schema metaSchema = SoapDocuments.schemaOf(metaWsdl);

    private XypSimulator(SandboxHttpServer server, OrganisationSignature organisation, Clock clock) {
        this.server = server;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** Port 0 picks a free port. */
    public static XypSimulator start(String host, int port, String accessToken, PublicKey organisationKey,
                                     List<RegistryPerson> people) throws IOException {
        SandboxHttpServer server = SandboxHttpServer.bind(host, port);
        XypSimulator simulator = new XypSimulator(server, new OrganisationSignature(accessToken, organisationKey,
                Clock.systemUTC()), Clock.systemUTC());
        people.forEach(simulator::register);
        server.route(CITIZEN_PATH, exchange -> simulator.service(exchange, true))
                .route(META_PATH, exchange -> simulator.service(exchange, false))
                .route("/control/outage", simulator::outageControl)
                .route("/", simulator::codesPage)
                .start();
        return simulator;
    }

    public URI citizenUri() {
        return server.uri(CITIZEN_PATH);
    }

    public URI metaUri() {
        return server.uri(META_PATH);
    }

    public URI pageUri() {
        return server.uri("/");
    }

    public int port() {
        return server.port();
    }

    public void register(RegistryPerson person) {
        people.put(person.regnum(), person);
    }

    /** The outage switch: while down every call answers HTTP 503. */
    public void setDown(boolean isDown) {
        down.set(isDown);
    }

    /** The code last "sent" to this register number. */
    public Optional<SentCode> lastCode(String regnum) {
        List<SentCode> all = new ArrayList<>(sent);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).regnum().equals(regnum)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** How many codes ({@code WS100008_registerOTPRequest}) were "sent" to this register number so far. */
    public long codesSent(String regnum) {
        return sent.stream().filter(code -> code.regnum().equals(regnum)).count();
    }

    /**
     * Where the registry finds citizens' certificates by serial number for approvals by signature (the national PKI;
     * in the sandbox, the sandbox CA). Until set, every approval by signature is refused.
     */
    public void certificates(Function<BigInteger, Optional<X509Certificate>> bySerial) {
        this.certificates = bySerial::apply;
    }

    /** Approvals by signature accepted so far. */
    public int signatureApprovals() {
        return signatureApprovals.get();
    }

    /** Approvals by signature refused so far (unknown certificate, another register number, a bad signature). */
    public int refusedCitizenSignatures() {
        return refusedCitizenSignatures.get();
    }

    /** Calls refused for their organisation headers so far. */
    public int refusedSignatures() {
        return refusedSignatures.get();
    }

    /** {@code WS100101} calls that passed the organisation check so far. */
    public int idCardCalls() {
        return idCardCalls.get();
    }

    private void service(HttpExchange exchange, boolean citizenService) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod()) && "wsdl".equalsIgnoreCase(exchange.getRequestURI().getQuery())) {
                send(exchange, 200, "text/xml; charset=utf-8", citizenService ? citizenWsdl : metaWsdl);
                return;
            }
            if (!Requests.requirePost(exchange)) {
                return;
            }
            if (down.get()) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            var headers = exchange.getRequestHeaders();
            String refusal = organisation.refusal(headers.getFirst("accessToken"), headers.getFirst("timestamp"),
                    headers.getFirst("signature"));
            if (refusal != null) {
                refusedSignatures.incrementAndGet();
                LOG.info("ХУР sandbox refused a call: " + refusal);
                send(exchange, 401, "text/xml; charset=utf-8", SoapDocuments.bytes(SoapDocuments.fault("Client", refusal)));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            Element payload;
            try {
                payload = body.length > MAX_BODY ? null : SoapDocuments.payload(SoapDocuments.parse(body));
                if (payload == null) {
                    throw new SAXException("not a SOAP 1.1 envelope with one body element");
                }
                (citizenService ? citizenSchema : metaSchema).newValidator().validate(new DOMSource(payload));
            } catch (SAXException e) {
                send(exchange, 500, "text/xml; charset=utf-8",
                        SoapDocuments.bytes(SoapDocuments.fault("Client", "invalid request: " + e.getMessage())));
                return;
            }
            Document answer = citizenService ? citizen(payload, headers.getFirst("timestamp")) : meta(payload);
            if (answer == null) {
                send(exchange, 500, "text/xml; charset=utf-8", SoapDocuments.bytes(SoapDocuments.fault("Client",
                        "no such operation: " + payload.getLocalName())));
                return;
            }
            send(exchange, 200, "text/xml; charset=utf-8", SoapDocuments.bytes(answer));
        }
    }

    private Document citizen(Element payload, String timestamp) {
        if (!CITIZEN_NS.equals(payload.getNamespaceURI()) || !"WS100101_getCitizenIDCardInfo".equals(payload.getLocalName())) {
            return null;
        }
        idCardCalls.incrementAndGet();
        Element request = SoapDocuments.child(payload, "request");
        String regnum = SoapDocuments.childText(request, "regnum");
        Element citizenAuth = SoapDocuments.child(SoapDocuments.child(request, "auth"), "citizen");
        String otp = SoapDocuments.childText(citizenAuth, "otp");
        String certFingerprint = SoapDocuments.childText(citizenAuth, "certFingerprint");
        boolean bySignature = certFingerprint != null && !certFingerprint.isBlank();
        RegistryPerson person = regnum == null ? null : people.get(regnum);
        Document document = SoapDocuments.newDocument();
        Element response = document.createElementNS(CITIZEN_NS, "tns:WS100101_getCitizenIDCardInfoResponse");
        Element result = document.createElement("return");
        response.appendChild(result);
        SoapDocuments.text(document, result, "requestId", "sandbox-" + Long.toHexString(random.nextLong()));
        if (person == null) {
            finish(document, result, NOT_FOUND, "Иргэний мэдээлэл олдсонгүй");
        } else if (person.refusesConsent() || !(bySignature
                ? signatureApproves(regnum, citizenAuth, timestamp)
                : consume(regnum, otp, SoapDocuments.childText(citizenAuth, "regnum")))) {
            finish(document, result, CONSENT_REFUSED, "Иргэний зөвшөөрөл баталгаажсангүй");
        } else {
            Element data = document.createElement("response");
            data.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:tns", CITIZEN_NS);
            data.setAttributeNS(SoapDocuments.XSI, "xsi:type", "tns:citizenData");
            SoapDocuments.text(document, data, "birthDate", person.birthDate() + "T00:00:00+08:00");
            SoapDocuments.text(document, data, "firstname", person.firstname());
            SoapDocuments.text(document, data, "gender", person.gender());
            SoapDocuments.text(document, data, "lastname", person.lastname());
            SoapDocuments.text(document, data, "nationality", "Монгол");
            SoapDocuments.text(document, data, "regnum", person.answeredRegnum());
            SoapDocuments.text(document, data, "surname", person.surname());
            result.appendChild(data);
            finish(document, result, 0, "амжилттай");
        }
        return SoapDocuments.envelope(document, response);
    }

    private Document meta(Element payload) {
        if (!META_NS.equals(payload.getNamespaceURI())) {
            return null;
        }
        Document document = SoapDocuments.newDocument();
        Element response;
        Element result = document.createElement("return");
        switch (payload.getLocalName()) {
            case "WS100001_listAccess" -> {
                response = document.createElementNS(META_NS, "tns:WS100001_listAccessResponse");
                response.appendChild(result);
                finish(document, result, 0, "амжилттай");
            }
            case "WS100008_registerOTPRequest" -> {
                response = document.createElementNS(META_NS, "tns:WS100008_registerOTPRequestResponse");
                response.appendChild(result);
                Element request = SoapDocuments.child(payload, "request");
                String regnum = SoapDocuments.childText(request, "regnum");
                RegistryPerson person = regnum == null ? null : people.get(regnum);
                if (person == null) {
                    finish(document, result, NOT_FOUND, "Иргэний мэдээлэл олдсонгүй");
                } else {
                    String code = "%06d".formatted(random.nextInt(1_000_000));
                    pending.put(regnum, new Pending(code, clock.instant().plus(CODE_LIFETIME)));
                    String phoneNum = SoapDocuments.childText(request, "phoneNum");
                    sent.add(new SentCode(regnum, "0".equals(phoneNum) ? "(e-Mongolia)" : phoneNum, code, clock.instant()));
                    Element data = document.createElement("response");
                    data.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:tns", META_NS);
                    data.setAttributeNS(SoapDocuments.XSI, "xsi:type", "tns:registerOTPData");
                    SoapDocuments.text(document, data, "resultMsg", "OTP код илгээгдлээ");
                    SoapDocuments.text(document, data, "status", "SENT");
                    result.appendChild(data);
                    finish(document, result, 0, "амжилттай");
                }
            }
            case "WS100009_checkOtp" -> {
                response = document.createElementNS(META_NS, "tns:WS100009_checkOtpResponse");
                response.appendChild(result);
                Element request = SoapDocuments.child(payload, "request");
                Pending code = pending.get(String.valueOf(SoapDocuments.childText(request, "regnum")));
                boolean match = code != null && !code.used && clock.instant().isBefore(code.expires)
                        && code.code.equals(SoapDocuments.childText(request, "otp"));
                Element data = document.createElement("response");
                data.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:tns", META_NS);
                data.setAttributeNS(SoapDocuments.XSI, "xsi:type", "tns:checkOtpData");
                SoapDocuments.text(document, data, "match", Boolean.toString(match));
                result.appendChild(data);
                finish(document, result, 0, "амжилттай");
            }
            default -> {
                return null;
            }
        }
        return SoapDocuments.envelope(document, response);
    }

    /** The citizen's signature over {@code regnum.timestamp} by a certificate of theirs ({@link CitizenSignatureCheck}). */
    private boolean signatureApproves(String regnum, Element citizenAuth, String timestamp) {
        String refusal = CitizenSignatureCheck.refusal(certificates, regnum, SoapDocuments.childText(citizenAuth, "regnum"),
                SoapDocuments.childText(citizenAuth, "certFingerprint"), SoapDocuments.childText(citizenAuth, "signature"),
                timestamp, clock.instant(), this::firstPresentation);
        if (refusal != null) {
            refusedCitizenSignatures.incrementAndGet();
            LOG.info("ХУР sandbox refused a citizen's approval by signature: " + refusal);
            return false;
        }
        signatureApprovals.incrementAndGet();
        return true;
    }

    /** Remembers a presented approval for the window, forgetting older ones (a long-running sandbox stays small). */
    private boolean firstPresentation(String regnumDotTimestamp, Instant now) {
        presented.values().removeIf(at -> at.isBefore(now.minus(CitizenSignatureCheck.WINDOW.multipliedBy(2))));
        return presented.putIfAbsent(regnumDotTimestamp, now) == null;
    }

    /** The code approves only its own register number, once, before it expires; 5 wrong tries kill it. */
    private boolean consume(String regnum, String otp, String authRegnum) {
        Pending code = pending.get(regnum);
        if (code == null || otp == null || !regnum.equals(authRegnum)) {
            return false;
        }
        synchronized (code) {
            if (code.used || !clock.instant().isBefore(code.expires) || code.wrong >= MAX_WRONG) {
                return false;
            }
            String typed;
            try {
                typed = "%06d".formatted(Integer.parseInt(otp));
            } catch (NumberFormatException e) {
                return false;
            }
            if (!code.code.equals(typed)) {
                code.wrong++;
                return false;
            }
            code.used = true;
            return true;
        }
    }

    private static void finish(Document document, Element result, int code, String message) {
        SoapDocuments.text(document, result, "resultCode", Integer.toString(code));
        SoapDocuments.text(document, result, "resultMessage", message);
    }

    private void outageControl(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Requests.requirePost(exchange)) {
                return;
            }
            setDown("true".equals(Requests.formFields(exchange, 256).get("down")));
            Replies.json(exchange, 200, Map.of("down", down.get()));
        }
    }

    private void codesPage(HttpExchange exchange) throws IOException {
        try (exchange) {
            StringBuilder rows = new StringBuilder();
            List<SentCode> all = new ArrayList<>(sent);
            for (int i = all.size() - 1; i >= 0 && i >= all.size() - 50; i--) {
                SentCode code = all.get(i);
                rows.append("<tr><td>").append(Html.escape(code.sentAt().toString())).append("</td><td>")
                        .append(Html.escape(code.regnum())).append("</td><td>").append(Html.escape(code.phone()))
                        .append("</td><td><strong>").append(Html.escape(code.code())).append("</strong></td></tr>");
            }
            Replies.html(exchange, "<!doctype html><html lang=\"mn\"><head><meta charset=\"utf-8\"><title>ХУР sandbox</title>"
                    + "</head><body><h1>ХУР sandbox: codes sent to citizens</h1><p>Registry " + (down.get() ? "DOWN" : "up")
                    + ". Never use in production.</p><table><thead><tr><th>Sent</th><th>Register number</th><th>Phone</th>"
                    + "<th>Code</th></tr></thead><tbody>" + rows + "</tbody></table></body></html>");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
