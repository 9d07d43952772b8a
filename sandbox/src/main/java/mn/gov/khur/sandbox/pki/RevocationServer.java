package mn.gov.khur.sandbox.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpExchange;

import mn.gov.khur.sandbox.http.SandboxHttpServer;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The sandbox CA's revocation services over HTTP: an RFC 6960 OCSP responder at {@code POST /ocsp}
 * (delegated signer, nonce echoed, responses valid {@value #RESPONSE_MINUTES} minutes) and the
 * current CRL at {@code GET /crl/issuing.crl}. {@link #mode} makes it misbehave on purpose.
 */
public final class RevocationServer implements AutoCloseable {

    static final int RESPONSE_MINUTES = 5;
    public static final int DEFAULT_PORT = 8096;
    private static final Logger LOG = Logger.getLogger(RevocationServer.class.getName());
    private static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final SandboxPki pki;
    private final SandboxHttpServer server;
    private final AtomicReference<OcspMode> mode = new AtomicReference<>(OcspMode.NORMAL);

    private RevocationServer(SandboxPki pki, SandboxHttpServer server) {
        this.pki = pki;
        this.server = server;
    }

    /** Port 0 picks a free port (tests). */
    public static RevocationServer start(SandboxPki pki, String host, int port) throws IOException {
        SandboxHttpServer http = SandboxHttpServer.bind(host, port);
        RevocationServer server = new RevocationServer(pki, http);
        http.route("/ocsp", server::ocsp).route("/crl/issuing.crl", server::crl).start();
        return server;
    }

    public RevocationEndpoints endpoints() {
        return new RevocationEndpoints(server.uri("/ocsp"), server.uri("/crl/issuing.crl"));
    }

    public void mode(OcspMode newMode) {
        mode.set(newMode);
    }

    public OcspMode mode() {
        return mode.get();
    }

    private void ocsp(HttpExchange exchange) throws IOException {
        try (exchange) {
            OcspMode current = mode.get();
            if (current == OcspMode.DOWN) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = readLimited(exchange.getRequestBody());
            OCSPResp response;
            try {
                response = current == OcspMode.OCSP_ONLY_DOWN
                        ? new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null)
                        : answer(new OCSPReq(body), current);
            } catch (Exception e) {
                LOG.log(Level.FINE, "malformed OCSP request", e);
                response = new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null);
            }
            send(exchange, "application/ocsp-response", response.getEncoded());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "OCSP responder failed", e);
        }
    }

    private OCSPResp answer(OCSPReq request, OcspMode current) throws Exception {
        IssuedCertificate signer = current == OcspMode.FOREIGN_SIGNER ? pki.foreignOcspSigner() : pki.ocspSigner();
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        X509CertificateHolder issuer = new JcaX509CertificateHolder(pki.issuingCertificate());
        X509CertificateHolder signerHolder = new JcaX509CertificateHolder(signer.certificate());
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                new RespID(signerHolder.getSubjectPublicKeyInfo(), digests.get(CertificateID.HASH_SHA1)));
        Instant now = pki.clock().instant();
        Instant thisUpdate = current == OcspMode.STALE ? now.minus(Duration.ofDays(2)) : now;
        Instant nextUpdate = current == OcspMode.STALE ? now.minus(Duration.ofDays(1)) : now.plus(Duration.ofMinutes(RESPONSE_MINUTES));
        for (Req req : request.getRequestList()) {
            CertificateID id = req.getCertID();
            builder.addResponse(id, status(id, issuer, digests, current), Date.from(thisUpdate), Date.from(nextUpdate));
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            Extension echoed = current == OcspMode.WRONG_NONCE
                    ? new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(
                            new DEROctetString(randomBytes(32)).getEncoded()))
                    : nonce;
            builder.setResponseExtensions(new Extensions(echoed));
        }
        var basic = builder.build(CertificateAuthority.signer(signer.keyPair()), new X509CertificateHolder[] {signerHolder},
                Date.from(now));
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
    }

    private CertificateStatus status(CertificateID id, X509CertificateHolder issuer, DigestCalculatorProvider digests,
                                     OcspMode current) throws Exception {
        if (current == OcspMode.UNKNOWN || !id.matchesIssuer(issuer, digests)) {
            return new UnknownStatus();
        }
        return pki.revokedAt(id.getSerialNumber())
                .<CertificateStatus>map(at -> new RevokedStatus(Date.from(at), CRLReason.keyCompromise))
                .orElse(CertificateStatus.GOOD);
    }

    private void crl(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (mode.get() == OcspMode.DOWN) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            send(exchange, "application/pkix-crl", pki.currentCrl().getEncoded());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "CRL endpoint failed", e);
        }
    }

    private static void send(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
        if (body.length > MAX_REQUEST_BYTES) {
            throw new IOException("OCSP request too large");
        }
        return body;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
