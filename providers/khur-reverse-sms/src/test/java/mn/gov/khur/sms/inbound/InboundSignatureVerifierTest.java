package mn.gov.khur.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class InboundSignatureVerifierTest {

    private static final String SECRET = "sandbox-sms-secret";
    private static final Instant NOW = Instant.parse("2026-11-24T10:15:00Z");
    private static final String TS = Long.toString(NOW.getEpochSecond());
    private static final String REALM = "khur";
    private static final byte[] BODY = "{\"messageId\":\"mobicom-0001\",\"from\":\"+97699112233\",\"to\":\"130092\",\"text\":\"482913\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final InboundSignatureVerifier verifier = new InboundSignatureVerifier(
            List.of(SECRET.getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(300), true);

    @Test
    void acceptsTheContractSignature() {
        assertThat(verifier.verify(REALM, TS, InboundSignatureVerifier.header(SECRET, TS, BODY), BODY, NOW))
                .isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void matchesAnIndependentlyComputedVector() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signed = (TS + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String header = "v1=" + java.util.HexFormat.of().formatHex(mac.doFinal(signed));

        assertThat(verifier.verify(REALM, TS, header, BODY, NOW)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void acceptsAV2SignatureForThisRealm() {
        assertThat(verifier.verify(REALM, TS, InboundSignatureVerifier.headerV2(SECRET, TS, REALM, BODY), BODY, NOW))
                .isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void v2MatchesAnIndependentlyComputedVector() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signed = (TS + "\nPOST\n/realms/khur/sms-gateway/inbound\n" + new String(BODY, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        String header = "v2=" + java.util.HexFormat.of().formatHex(mac.doFinal(signed));

        assertThat(verifier.verify(REALM, TS, header, BODY, NOW)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void aV2SignatureForAnotherRealmIsRefusedEvenWithTheSameSecret() {
        String forMaster = InboundSignatureVerifier.headerV2(SECRET, TS, "master", BODY);

        assertThat(verifier.verify(REALM, TS, forMaster, BODY, NOW)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(verifier.verify("master", TS, forMaster, BODY, NOW)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void v1IsRefusedOnceSwitchedOffAndV2StillWorks() {
        InboundSignatureVerifier v2Only = new InboundSignatureVerifier(List.of(SECRET.getBytes(StandardCharsets.UTF_8)),
                Duration.ofSeconds(300), false);

        assertThat(v2Only.verify(REALM, TS, InboundSignatureVerifier.header(SECRET, TS, BODY), BODY, NOW))
                .isEqualTo(SignatureCheck.VERSION_NOT_ACCEPTED);
        assertThat(v2Only.verify(REALM, TS, InboundSignatureVerifier.headerV2(SECRET, TS, REALM, BODY), BODY, NOW))
                .isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void refusesAnotherSecret() {
        assertThat(verifier.verify(REALM, TS, InboundSignatureVerifier.header("another-secret", TS, BODY), BODY, NOW))
                .isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void refusesATamperedBodyOrTimestamp() {
        String header = InboundSignatureVerifier.header(SECRET, TS, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("482913", "482914").getBytes(StandardCharsets.UTF_8);
        String otherTs = Long.toString(NOW.getEpochSecond() - 1);

        assertThat(verifier.verify(REALM, TS, header, tampered, NOW)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(verifier.verify(REALM, otherTs, header, BODY, NOW)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void refusesMalformedSignatures() {
        String good = InboundSignatureVerifier.header(SECRET, TS, BODY);
        String hex = good.substring(3);

        assertThat(verifier.verify(REALM, TS, hex, BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED_SIGNATURE);
        assertThat(verifier.verify(REALM, TS, "v3=" + hex, BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED_SIGNATURE);
        assertThat(verifier.verify(REALM, TS, "V1=" + hex, BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED_SIGNATURE);
        assertThat(verifier.verify(REALM, TS, "v1=" + hex + ",v2=" + hex, BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED_SIGNATURE);
        assertThat(verifier.verify(REALM, TS, "v1=" + hex.toUpperCase(), BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED_SIGNATURE);
        assertThat(verifier.verify(REALM, TS, "v1=" + hex.substring(2), BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED_SIGNATURE);
        assertThat(verifier.verify(REALM, TS, "v1=" + hex + "00", BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED_SIGNATURE);
        assertThat(verifier.verify(REALM, TS, "v1=" + "zz" + hex.substring(2), BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED_SIGNATURE);
        assertThat(verifier.verify(REALM, TS, "v1=", BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED_SIGNATURE);
    }

    @Test
    void refusesMissingHeaders() {
        String good = InboundSignatureVerifier.header(SECRET, TS, BODY);

        assertThat(verifier.verify(REALM, null, good, BODY, NOW)).isEqualTo(SignatureCheck.MISSING_TIMESTAMP);
        assertThat(verifier.verify(REALM, " ", good, BODY, NOW)).isEqualTo(SignatureCheck.MISSING_TIMESTAMP);
        assertThat(verifier.verify(REALM, TS, null, BODY, NOW)).isEqualTo(SignatureCheck.MISSING_SIGNATURE);
        assertThat(verifier.verify(REALM, TS, "", BODY, NOW)).isEqualTo(SignatureCheck.MISSING_SIGNATURE);
    }

    @Test
    void refusesMalformedTimestamps() {
        for (String ts : new String[] {"-1", "1.5", "2026-11-24T10:15:00Z", "0x10", "1234567890123"}) {
            assertThat(verifier.verify(REALM, ts, InboundSignatureVerifier.header(SECRET, ts, BODY), BODY, NOW))
                    .as(ts).isEqualTo(SignatureCheck.MALFORMED_TIMESTAMP);
        }
    }

    @Test
    void acceptsTimestampsWithinThreeHundredSecondsEitherWay() {
        for (long skew : new long[] {-300, -1, 1, 300}) {
            String ts = Long.toString(NOW.getEpochSecond() + skew);
            assertThat(verifier.verify(REALM, ts, InboundSignatureVerifier.header(SECRET, ts, BODY), BODY, NOW))
                    .as("skew %d", skew).isEqualTo(SignatureCheck.VALID);
        }
    }

    @Test
    void refusesStaleAndFutureTimestampsEvenWhenCorrectlySigned() {
        for (long skew : new long[] {-301, 301, -86_400}) {
            String ts = Long.toString(NOW.getEpochSecond() + skew);
            assertThat(verifier.verify(REALM, ts, InboundSignatureVerifier.header(SECRET, ts, BODY), BODY, NOW))
                    .as("skew %d", skew).isEqualTo(SignatureCheck.STALE_TIMESTAMP);
        }
    }

    @Test
    void acceptsThePreviousSecretDuringRotation() {
        InboundSignatureVerifier rotating = new InboundSignatureVerifier(List.of(
                "new-secret".getBytes(StandardCharsets.UTF_8), SECRET.getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(300), true);

        assertThat(rotating.verify(REALM, TS, InboundSignatureVerifier.header(SECRET, TS, BODY), BODY, NOW)).isEqualTo(SignatureCheck.VALID);
        assertThat(rotating.verify(REALM, TS, InboundSignatureVerifier.header("new-secret", TS, BODY), BODY, NOW)).isEqualTo(SignatureCheck.VALID);
        assertThat(rotating.verify(REALM, TS, InboundSignatureVerifier.header("old-old", TS, BODY), BODY, NOW)).isEqualTo(SignatureCheck.MISMATCH);
    }
}
