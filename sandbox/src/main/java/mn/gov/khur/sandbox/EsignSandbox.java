package mn.gov.khur.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import mn.gov.khur.sandbox.citizens.SandboxCitizens;
import mn.gov.khur.sandbox.esignclient.EsignClientPage;
import mn.gov.khur.sandbox.esignclient.EsignClientSimulator;
import mn.gov.khur.sandbox.esignclient.SandboxTokens;
import mn.gov.khur.sandbox.gsign.GSignSimulator;
import mn.gov.khur.sandbox.mssp.MsspSimulator;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;
import mn.gov.khur.sandbox.pki.SandboxPki;

/**
 * The digital-signature sandbox of the dev run: a fresh PKI written to {@code pkiDir} (Keycloak
 * reads its trust-anchors.pem), the OCSP/CRL server, the ESIGN client simulator on 59001 and
 * its PIN page, the MSSP simulator (SIM signature) and the GSign simulator (cloud signature) with their
 * control pages.
 */
record EsignSandbox(Path trustAnchors, RevocationServer revocation, EsignClientSimulator client, EsignClientPage page,
                    MsspSimulator mssp, GSignSimulator gsign, SandboxPki pki) implements AutoCloseable {

    /** SANDBOX_MSSP_PORT (system property sandbox.mssp.port), default 8099; AP credentials as in the realm's defaults. */
    static final int DEFAULT_MSSP_PORT = 8099;
    static final String MSSP_AP_ID = "khur-sandbox";
    static final String MSSP_AP_PASSWORD = "sandbox-mssp-secret";
    /** SANDBOX_GSIGN_PORT (system property sandbox.gsign.port), default 8100; RP UUID as in the realm's default. */
    static final int DEFAULT_GSIGN_PORT = 8100;
    static final String GSIGN_RP_UUID = "00000000-0000-4000-8000-00000000c0de";

    static EsignSandbox start(Path pkiDir, String host, int ocspPort, int clientPort, int pagePort, Set<String> origins,
                              SandboxCitizens citizens) throws IOException, InterruptedException {
        SandboxPki pki = SandboxPki.generate();
        Path anchors = pki.writeTo(pkiDir);
        RevocationServer revocation = RevocationServer.start(pki, host, ocspPort);
        EsignClientSimulator client = EsignClientSimulator.start(clientPort, origins);
        SandboxTokens.issue(pki, revocation.endpoints(), citizens.all()).forEach(client::plugIn);
        EsignClientPage page = EsignClientPage.start(host, pagePort, client);
        // SIM signature: every sandbox citizen's phone holds a valid SIM certificate (behaviour set on /control)
        MsspSimulator mssp = MsspSimulator.start(host, msspPort(), MSSP_AP_ID, MSSP_AP_PASSWORD);
        KeyKind[] kinds = KeyKind.values();
        var citizenList = citizens.all();
        for (int i = 0; i < citizenList.size(); i++) {
            var c = citizenList.get(i);
            mssp.register(c.phone(), pki.issue(CitizenCertificateRequest.valid(c.registerNumber() + " SIM", c.registerNumber(),
                    c.familyName() + " " + c.givenName(), kinds[i % kinds.length], revocation.endpoints(), Instant.now())));
        }
        // cloud signature: every sandbox citizen has a GSign account bound to their phone
        GSignSimulator gsign = GSignSimulator.start(host, port("sandbox.gsign.port", "SANDBOX_GSIGN_PORT", DEFAULT_GSIGN_PORT),
                GSIGN_RP_UUID);
        for (int i = 0; i < citizenList.size(); i++) {
            var c = citizenList.get(i);
            gsign.register(c.registerNumber(), c.phone(), pki.issue(CitizenCertificateRequest.valid(c.registerNumber() + " GSign",
                    c.registerNumber(), c.familyName() + " " + c.givenName(), i % 2 == 0 ? KeyKind.RSA_PKCS1 : KeyKind.EC_P256,
                    revocation.endpoints(), Instant.now())));
        }
        return new EsignSandbox(anchors, revocation, client, page, mssp, gsign, pki);
    }

    private static int msspPort() {
        return port("sandbox.mssp.port", "SANDBOX_MSSP_PORT", DEFAULT_MSSP_PORT);
    }

    private static int port(String property, String env, int fallback) {
        String value = System.getProperty(property, System.getenv(env));
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void close() {
        gsign.close();
        mssp.close();
        page.close();
        client.shutdown();
        revocation.close();
    }
}
