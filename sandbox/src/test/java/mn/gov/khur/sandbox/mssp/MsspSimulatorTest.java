package mn.gov.khur.sandbox.mssp;

import static mn.gov.khur.sandbox.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.sandbox.http.TestHttp;
import mn.gov.khur.sandbox.http.TestHttp.Reply;
import mn.gov.khur.sandbox.mssp.MsspSimulator.Behaviour;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationEndpoints;
import mn.gov.khur.sandbox.pki.SandboxPki;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox MSSP's ETSI TS 102 204 JSON binding and its operator controls (the page byte for byte). */
class MsspSimulatorTest {

    private static final String MSISDN = "+97699112233";
    private static final String MSISDN_FORM = "%2B97699112233";
    private static final SandboxPki PKI = SandboxPki.generate();

    private MsspSimulator mssp;

    @BeforeEach
    void start() throws Exception {
        mssp = MsspSimulator.start("127.0.0.1", 0, "ap", "secret");
        RevocationEndpoints endpoints = new RevocationEndpoints(URI.create("http://127.0.0.1:9/ocsp"),
                URI.create("http://127.0.0.1:9/crl"));
        mssp.register(MSISDN, PKI.issue(CitizenCertificateRequest.valid("УБ99112233 <SIM>", "УБ99112233", "Бат Болд",
                KeyKind.EC_P256, endpoints, Instant.now())));
    }

    @AfterEach
    void stop() {
        mssp.close();
    }

    @Test
    void baseUriIsTheMsspApiOnLoopback() {
        assertThat(mssp.baseUri()).hasToString("http://127.0.0.1:" + mssp.port() + "/mssp/v1");
    }

    @Test
    void approvedTransactionIsOutstandingOnceThenSigned() throws Exception {
        Reply accepted = signature("secret", MSISDN, hash());
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.contentType()).isEqualTo("application/json");
        JsonNode resp = accepted.json().path("MSS_SignatureResp");
        assertThat(resp.path("AP_TransID").asText()).isEqualTo("t-1");
        assertThat(resp.path("Status")).isEqualTo(json("{\"StatusCode\":{\"Value\":100},\"StatusMessage\":\"REQUEST_OK\"}"));
        assertThat(mssp.lastDisplayedText(MSISDN)).isEqualTo("Нэвтрэх");

        String id = resp.path("MSSP_TransID").asText();
        assertThat(status(id).json()).isEqualTo(json("{\"MSS_StatusResp\":{\"Status\":{\"StatusCode\":{\"Value\":504},"
                + "\"StatusMessage\":\"OUTSTANDING_TRANSACTION\"}}}"));
        Reply signed = status(id);
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.json().path("MSS_StatusResp").path("Status"))
                .isEqualTo(json("{\"StatusCode\":{\"Value\":500},\"StatusMessage\":\"SIGNATURE\"}"));
        assertThat(signed.json().path("MSS_StatusResp").path("MSS_Signature").path("Base64Signature").asText()).isNotBlank();
    }

    @Test
    void faultsAreSoapStyleWithHttp500() throws Exception {
        Reply unauthorised = signature("wrong", MSISDN, hash());
        assertThat(unauthorised.status()).isEqualTo(500);
        assertThat(unauthorised.json()).isEqualTo(json("{\"Fault\":{\"Code\":{\"Value\":\"env:Receiver\","
                + "\"SubCode\":{\"Value\":\"mss:_104\"}},\"Reason\":\"UNAUTHORIZED_ACCESS\"}}"));
        assertThat(signature("secret", "+97600000000", hash()).json().path("Fault").path("Reason").asText())
                .isEqualTo("UNKNOWN_CLIENT");
        assertThat(signature("secret", MSISDN, "AAAA").json().path("Fault").path("Reason").asText()).isEqualTo("WRONG_PARAM");
        assertThat(status("no-such-transaction").json().path("Fault").path("Code").path("SubCode").path("Value").asText())
                .isEqualTo("mss:_101");
        Reply notJson = call("POST", "/mssp/v1/signature", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("Fault").path("Reason").asText()).isEqualTo("WRONG_PARAM");
        assertThat(call("GET", "/mssp/v1/status", "").status()).isEqualTo(405);
    }

    @Test
    void declinedAndExpiredTransactions() throws Exception {
        mssp.behaviour(MSISDN, Behaviour.DECLINE);
        assertThat(status(transaction()).json().path("MSS_StatusResp").path("Status"))
                .isEqualTo(json("{\"StatusCode\":{\"Value\":401},\"StatusMessage\":\"USER_CANCEL\"}"));
        mssp.transactionLifetime(Duration.ofSeconds(-1));
        assertThat(status(transaction()).json().path("MSS_StatusResp").path("Status"))
                .isEqualTo(json("{\"StatusCode\":{\"Value\":208},\"StatusMessage\":\"EXPIRED_TRANSACTION\"}"));
    }

    @Test
    void controlPageListsEachPhoneWithItsCertificate() throws Exception {
        String page = call("GET", "/control", "").body();
        assertThat(page).contains("<tr data-signer=\"+97699112233\"><td>+97699112233</td>", "<td class=\"shown-text\">—</td>",
                "<select name=\"behaviour\" aria-label=\"behaviour\"><option selected>APPROVE</option><option>DECLINE</option>"
                + "<option>TIMEOUT</option><option>FORGED</option></select><button>Set</button>");

        signature("secret", MSISDN, hash());
        byte[] hash = java.util.Base64.getDecoder().decode(hash());
        String code = mn.gov.khur.sandbox.signer.PhoneSideCode.of(hash);
        // the phone's side: the text it showed and the code it works out from the hash, to compare with the login page
        assertThat(call("GET", "/control", "").body()).contains("<td class=\"shown-text\">Нэвтрэх <small>(",
                "<td class=\"verification-code\"><b>" + code + "</b></td>");
    }

    @Test
    void controlFormPostsTheMsisdnAndTheNextTransactionFollowsIt() throws Exception {
        assertThat(call("POST", "/control/behaviour", "msisdn=" + MSISDN_FORM + "&behaviour=decline").status()).isEqualTo(303);
        assertThat(status(transaction()).json().path("MSS_StatusResp").path("Status").path("StatusMessage").asText())
                .isEqualTo("USER_CANCEL");
    }

    private String transaction() throws Exception {
        return signature("secret", MSISDN, hash()).json().path("MSS_SignatureResp").path("MSSP_TransID").asText();
    }

    private Reply signature(String password, String msisdn, String data) throws Exception {
        return call("POST", "/mssp/v1/signature", "{\"MSS_SignatureReq\":{\"AP_Info\":{\"AP_ID\":\"ap\",\"AP_PWD\":\""
                + password + "\",\"AP_TransID\":\"t-1\"},\"MobileUser\":{\"MSISDN\":\"" + msisdn + "\"},"
                + "\"DataToBeSigned\":{\"Data\":\"" + data + "\"},\"DataToBeDisplayed\":{\"Data\":\"Нэвтрэх\"}}}");
    }

    private Reply status(String id) throws Exception {
        return call("POST", "/mssp/v1/status", "{\"MSS_StatusReq\":{\"AP_Info\":{\"AP_ID\":\"ap\",\"AP_PWD\":\"secret\"},"
                + "\"MSSP_TransID\":\"" + id + "\"}}");
    }

    private Reply call(String method, String path, String body) throws Exception {
        return TestHttp.call(mssp.port(), method, path, body);
    }

    private static String hash() {
        return Base64.getEncoder().encodeToString(new byte[32]);
    }
}
