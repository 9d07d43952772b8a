package mn.gov.khur.sandbox.signer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import mn.gov.khur.sandbox.http.SandboxHttpServer;
import mn.gov.khur.sandbox.http.TestHttp;
import mn.gov.khur.sandbox.http.TestHttp.Reply;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignerControlTest {

    enum Mood { CALM, GRUMPY }

    private record Card(String holder) {
    }

    private final SimulatedSigners<Card, Mood> signers = new SimulatedSigners<>(Mood.CALM);
    private final SignerControl<Card, Mood> control = new SignerControl<>(signers,
            new SignerControl.Page("Sandbox X", "Sandbox X (test)", "Card", "card", "Holder"), Card::holder);
    private SandboxHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = SandboxHttpServer.bind("127.0.0.1", 0);
        control.mountOn(server);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pageListsAccountsWithTheirBehaviourSelectedAndEscaped() throws Exception {
        signers.register("c\"1", new Card("Бат <Болд>"));
        signers.behaviour("c\"1", Mood.GRUMPY);
        assertThat(control.render()).isEqualTo("<!doctype html><html lang=\"mn\"><meta charset=\"utf-8\">"
                + "<title>Sandbox X</title><h1>Sandbox X (test)</h1>"
                + "<p>Нэвтрэх хуудсан дээрх код утсан дээрх кодтой ижил байх ёстой. / The code on the login page must equal "
                + "the code on the phone. <a href=\"/control\" id=\"signer-refresh\">Шинэчлэх / Refresh</a></p>"
                + "<table><tr><th>Card</th><th>Holder</th><th>Утсан дээр / On the phone</th>"
                + "<th>Шалгах код / Verification code</th><th>Behaviour</th></tr>"
                + "<tr data-signer=\"c&quot;1\"><td>c&quot;1</td><td>Бат &lt;Болд&gt;</td><td class=\"shown-text\">—</td>"
                + "<td class=\"verification-code\"><b>—</b></td><td><form method=\"post\" action=\"/control/behaviour\">"
                + "<input type=\"hidden\" name=\"card\" value=\"c&quot;1\"><select name=\"behaviour\" aria-label=\"behaviour\">"
                + "<option>CALM</option><option selected>GRUMPY</option></select><button>Set</button></form></td></tr>"
                + "</table></html>");
        Reply page = TestHttp.call(server.port(), "GET", "/control", "");
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).isEqualTo(control.render());
    }

    @Test
    void thePhonesSideShowsTheLastTextAndTheVerificationCodeWorkedOutFromTheHash() throws Exception {
        signers.register("c1", new Card("Бат"));
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest("khur-login/v1 …".getBytes());
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(hash);
        String expected = String.format("%04d", (((digest[30] & 0xff) << 8) | (digest[31] & 0xff)) % 10000);

        signers.shown("c1", "ХУР нэвтрэх / KHUR login. Код / Code: " + expected, hash);

        String page = TestHttp.call(server.port(), "GET", "/control", "").body();
        assertThat(page).contains("<td class=\"verification-code\"><b>" + expected + "</b></td>")
                .contains("<td class=\"shown-text\">ХУР нэвтрэх / KHUR login. Код / Code: " + expected + " <small>(");
        assertThat(signers.lastDisplayedText("c1")).endsWith(expected);
    }

    @Test
    void emptyPageHasOnlyTheHeaderRow() {
        assertThat(control.render()).endsWith("<th>Шалгах код / Verification code</th><th>Behaviour</th></tr></table></html>");
    }

    @Test
    void postSwitchesByTheIdFieldInAnyCaseAndRedirectsToThePage() throws Exception {
        signers.register("c1", new Card("Бат"));
        Reply set = TestHttp.call(server.port(), "POST", "/control/behaviour", "card=c1&behaviour=grumpy");
        assertThat(set.status()).isEqualTo(303);
        assertThat(set.location()).isEqualTo("/control");
        assertThat(signers.find("c1").orElseThrow().behaviour()).isEqualTo(Mood.GRUMPY);

        assertThat(TestHttp.call(server.port(), "POST", "/control/behaviour?card=c1&behaviour=Calm", "").status())
                .isEqualTo(303);
        assertThat(signers.find("c1").orElseThrow().behaviour()).isEqualTo(Mood.CALM);
    }

    @Test
    void refusesUnknownBehavioursAccountsAndMethods() throws Exception {
        signers.register("c1", new Card("Бат"));
        assertThat(TestHttp.call(server.port(), "POST", "/control/behaviour", "card=c1&behaviour=sleepy").status())
                .isEqualTo(400);
        assertThat(TestHttp.call(server.port(), "POST", "/control/behaviour", "card=c1").status()).isEqualTo(400);
        assertThat(TestHttp.call(server.port(), "POST", "/control/behaviour", "rn=c1&behaviour=grumpy").status())
                .isEqualTo(404);
        assertThat(TestHttp.call(server.port(), "GET", "/control/behaviour", "").status()).isEqualTo(405);
        assertThat(signers.find("c1").orElseThrow().behaviour()).isEqualTo(Mood.CALM);
    }
}
