package mn.gov.khur.sandbox.gsign;

import static mn.gov.khur.sandbox.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import mn.gov.khur.sandbox.gsign.GSignSimulator.Behaviour;
import mn.gov.khur.sandbox.http.TestHttp;
import mn.gov.khur.sandbox.http.TestHttp.Reply;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationEndpoints;
import mn.gov.khur.sandbox.pki.SandboxPki;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox GSign's Smart-ID-style wire format and its operator controls (the page byte for byte). */
class GSignSimulatorTest {

    private static final String RN = "УБ99112233";
    private static final String RN_FORM = "%D0%A3%D0%9199112233";
    private static final String PHONE = "+97699112233";
    private static final String RP = "rp-uuid";
    private static final SandboxPki PKI = SandboxPki.generate();

    private GSignSimulator gsign;

    @BeforeEach
    void start() throws Exception {
        gsign = GSignSimulator.start("127.0.0.1", 0, RP);
        RevocationEndpoints endpoints = new RevocationEndpoints(URI.create("http://127.0.0.1:9/ocsp"),
                URI.create("http://127.0.0.1:9/crl"));
        gsign.register(RN, PHONE, PKI.issue(CitizenCertificateRequest.valid("ec", RN, "Бат Болд", KeyKind.EC_P256,
                endpoints, Instant.now())));
    }

    @AfterEach
    void stop() {
        gsign.close();
    }

    @Test
    void baseUriIsTheV2ApiOnLoopback() {
        assertThat(gsign.baseUri()).hasToString("http://127.0.0.1:" + gsign.port() + "/v2");
    }

    @Test
    void approvedSessionRunsOnceThenCompletesWithTheSignatureAndCertificate() throws Exception {
        String id = authenticate(body(PHONE, RP, hash())).json().path("sessionID").asText();
        assertThat(id).isNotBlank();
        assertThat(gsign.lastDisplayedText(RN)).isEqualTo("Нэвтрэх");

        assertThat(poll(id).json()).isEqualTo(json("{\"state\":\"RUNNING\"}"));
        Reply done = poll(id);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.contentType()).isEqualTo("application/json");
        assertThat(done.json().path("state").asText()).isEqualTo("COMPLETE");
        assertThat(done.json().path("result")).isEqualTo(json("{\"endResult\":\"OK\"}"));
        assertThat(done.json().path("signature").path("algorithm").asText()).isEqualTo("sha256WithECDSA");
        assertThat(done.json().path("signature").path("value").asText()).isNotBlank();
        assertThat(done.json().path("cert").path("certificateLevel").asText()).isEqualTo("QUALIFIED");
    }

    @Test
    void refusalsOfTheAuthenticationRequest() throws Exception {
        Reply wrongParty = authenticate(body(PHONE, "other", hash()));
        assertThat(wrongParty.status()).isEqualTo(401);
        assertThat(wrongParty.json()).isEqualTo(json("{\"title\":\"Unauthorized\"}"));
        Reply unknown = call("POST", "/v2/authentication/etsi/PNOMN-" + "%D0%A3%D0%9100000000", body(PHONE, RP, hash()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json()).isEqualTo(json("{\"title\":\"Not Found\"}"));
        assertThat(authenticate(body("+97600000000", RP, hash())).status()).isEqualTo(404);
        Reply badHash = authenticate(body(PHONE, RP, "AAAA"));
        assertThat(badHash.status()).isEqualTo(400);
        assertThat(badHash.json()).isEqualTo(json("{\"title\":\"Bad request\"}"));
        assertThat(call("POST", "/v2/authentication/etsi/PNOMN-" + RN_FORM, "{not json").status()).isEqualTo(400);
        assertThat(call("GET", "/v2/authentication/etsi/PNOMN-" + RN_FORM, "").status()).isEqualTo(405);
        assertThat(poll("no-such-session").status()).isEqualTo(404);
    }

    @Test
    void declinedAndExpiredSessionsCompleteWithoutASignature() throws Exception {
        gsign.behaviour(RN, Behaviour.DECLINE);
        assertThat(poll(authenticate(body(PHONE, RP, hash())).json().path("sessionID").asText()).json()).isEqualTo(
                json("{\"state\":\"COMPLETE\",\"result\":{\"endResult\":\"USER_REFUSED\"}}"));
        gsign.sessionLifetime(Duration.ofSeconds(-1));
        assertThat(poll(authenticate(body(PHONE, RP, hash())).json().path("sessionID").asText()).json()).isEqualTo(
                json("{\"state\":\"COMPLETE\",\"result\":{\"endResult\":\"TIMEOUT\"}}"));
    }

    @Test
    void controlPageListsEachAccountByRegisterNumberAndPhone() throws Exception {
        String page = call("GET", "/control", "").body();
        assertThat(page).contains("<tr data-signer=\"УБ99112233\"><td>УБ99112233</td>", "<td class=\"shown-text\">—</td>",
                "<select name=\"behaviour\" aria-label=\"behaviour\"><option selected>APPROVE</option><option>DECLINE</option>"
                + "<option>TIMEOUT</option><option>FORGED</option></select><button>Set</button>");

        authenticate(body(PHONE, RP, hash()));
        byte[] hash = java.util.Base64.getDecoder().decode(hash());
        String code = mn.gov.khur.sandbox.signer.PhoneSideCode.of(hash);
        // the phone's side: the text it showed and the code it works out from the hash, to compare with the login page
        assertThat(call("GET", "/control", "").body()).contains("<td class=\"shown-text\">Нэвтрэх <small>(",
                "<td class=\"verification-code\"><b>" + code + "</b></td>");
    }

    @Test
    void controlFormPostsTheRegisterNumberAndTheNextSessionFollowsIt() throws Exception {
        assertThat(call("POST", "/control/behaviour", "rn=" + RN_FORM + "&behaviour=decline").status()).isEqualTo(303);
        assertThat(poll(authenticate(body(PHONE, RP, hash())).json().path("sessionID").asText()).json()
                .path("result").path("endResult").asText()).isEqualTo("USER_REFUSED");
    }

    private Reply authenticate(String body) throws Exception {
        return call("POST", "/v2/authentication/etsi/PNOMN-" + RN_FORM, body);
    }

    private Reply poll(String id) throws Exception {
        return call("GET", "/v2/session/" + id, "");
    }

    private Reply call(String method, String path, String body) throws Exception {
        return TestHttp.call(gsign.port(), method, path, body);
    }

    private static String hash() {
        return Base64.getEncoder().encodeToString(new byte[32]);
    }

    private static String body(String phone, String rp, String hash) {
        return "{\"relyingPartyUUID\":\"" + rp + "\",\"phoneNumber\":\"" + phone + "\",\"hash\":\"" + hash
                + "\",\"hashType\":\"SHA256\",\"allowedInteractionsOrder\":[{\"type\":\"displayTextAndPIN\","
                + "\"displayText60\":\"Нэвтрэх\"}]}";
    }
}
