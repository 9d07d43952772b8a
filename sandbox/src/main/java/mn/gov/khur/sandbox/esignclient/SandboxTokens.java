package mn.gov.khur.sandbox.esignclient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import mn.gov.khur.sandbox.citizens.SandboxCitizen;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationEndpoints;
import mn.gov.khur.sandbox.pki.SandboxPki;

/**
 * The dev run's tokens: one valid token per sandbox citizen (schemes rotate through RSA PKCS#1,
 * RSA-PSS and ECDSA), plus a revoked, an expired and an untrusted-CA token for the first citizen.
 * An RN mismatch needs no special token: use one citizen's token with another's register number.
 */
public final class SandboxTokens {

    public static final String PIN = "1234";

    private SandboxTokens() {
    }

    public static List<EsignToken> issue(SandboxPki pki, RevocationEndpoints endpoints, List<SandboxCitizen> citizens) {
        List<EsignToken> tokens = new ArrayList<>();
        Instant now = Instant.now();
        KeyKind[] kinds = KeyKind.values();
        for (int i = 0; i < citizens.size(); i++) {
            SandboxCitizen c = citizens.get(i);
            tokens.add(new EsignToken("valid-" + i, PIN, pki.issue(request(c, "valid", kinds[i % kinds.length], endpoints, now))));
        }
        if (!citizens.isEmpty()) {
            SandboxCitizen first = citizens.get(0);
            IssuedCertificate revoked = pki.issue(request(first, "REVOKED", KeyKind.EC_P256, endpoints, now));
            pki.revoke(revoked.certificate());
            tokens.add(new EsignToken("revoked", PIN, revoked));
            tokens.add(new EsignToken("expired", PIN, pki.issue(request(first, "EXPIRED", KeyKind.EC_P256, endpoints, now)
                    .expiredAt(now.minusSeconds(86_400)))));
            tokens.add(new EsignToken("untrusted", PIN, pki.issueUntrusted(request(first, "UNTRUSTED CA", KeyKind.EC_P256,
                    endpoints, now))));
        }
        return tokens;
    }

    private static CitizenCertificateRequest request(SandboxCitizen c, String kind, KeyKind keyKind,
                                                     RevocationEndpoints endpoints, Instant now) {
        return CitizenCertificateRequest.valid(c.registerNumber() + " " + c.displayName() + " (" + kind + ")",
                c.registerNumber(), c.familyName() + " " + c.givenName(), keyKind, endpoints, now);
    }
}
