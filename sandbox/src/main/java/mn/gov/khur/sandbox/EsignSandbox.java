package mn.gov.khur.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import mn.gov.khur.sandbox.citizens.SandboxCitizens;
import mn.gov.khur.sandbox.esignclient.EsignClientPage;
import mn.gov.khur.sandbox.esignclient.EsignClientSimulator;
import mn.gov.khur.sandbox.esignclient.SandboxTokens;
import mn.gov.khur.sandbox.pki.RevocationServer;
import mn.gov.khur.sandbox.pki.SandboxPki;

/**
 * The digital-signature sandbox of the dev run: a fresh PKI written to {@code pkiDir} (Keycloak
 * reads its trust-anchors.pem), the OCSP/CRL server, the ESIGN client simulator on 59001 and
 * its PIN page.
 */
record EsignSandbox(Path trustAnchors, RevocationServer revocation, EsignClientSimulator client, EsignClientPage page)
        implements AutoCloseable {

    static EsignSandbox start(Path pkiDir, String host, int ocspPort, int clientPort, int pagePort, Set<String> origins,
                              SandboxCitizens citizens) throws IOException, InterruptedException {
        SandboxPki pki = SandboxPki.generate();
        Path anchors = pki.writeTo(pkiDir);
        RevocationServer revocation = RevocationServer.start(pki, host, ocspPort);
        EsignClientSimulator client = EsignClientSimulator.start(clientPort, origins);
        SandboxTokens.issue(pki, revocation.endpoints(), citizens.all()).forEach(client::plugIn);
        EsignClientPage page = EsignClientPage.start(host, pagePort, client);
        return new EsignSandbox(anchors, revocation, client, page);
    }

    @Override
    public void close() {
        page.close();
        client.shutdown();
        revocation.close();
    }
}
