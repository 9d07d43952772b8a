package mn.gov.khur.sandbox.esignclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import mn.gov.khur.sandbox.http.TestHttp;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EsignClientPageTest {

    private static final String ORIGIN = "http://localhost:8080";
    /** Any way a page reloads itself: a meta refresh, whatever its quoting. */
    private static final java.util.regex.Pattern RELOAD = java.util.regex.Pattern.compile("(?i)<meta[^>]*refresh");
    private EsignClientSimulator client;
    private EsignClientPage page;
    private WebSocketClient loginPage;

    @BeforeEach
    void start() throws Exception {
        client = EsignClientSimulator.start(0, Set.of(ORIGIN));
        page = EsignClientPage.start("127.0.0.1", 0, client);
    }

    @AfterEach
    void stop() throws Exception {
        if (loginPage != null) {
            loginPage.closeBlocking();
        }
        page.close();
        client.shutdown();
    }

    @Test
    void whileNoRequestWaitsThePageRefreshesItselfOnceAPinIsAskedItNeverReloadsUnderTheTypist() throws Exception {
        String idle = TestHttp.call(port(), "GET", "/", "").body();
        assertThat(idle).containsPattern(RELOAD);

        askForASignature();

        String asking = TestHttp.call(port(), "GET", "/", "").body();
        assertThat(asking).doesNotContainPattern(RELOAD)
                .contains("name=\"pin\"", "ПИН / PIN", "Sign in to <b>" + ORIGIN + "</b>?", "Шинэчлэх / Refresh");
        assertThat(idle).as("in Mongolian and English").contains("Гарын үсэг зурах хүсэлт алга", "No signing request");
    }

    private void askForASignature() throws Exception {
        loginPage = new WebSocketClient(URI.create("ws://127.0.0.1:" + client.getPort()), Map.of("Origin", ORIGIN)) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
            }

            @Override
            public void onError(Exception ex) {
            }
        };
        assertThat(loginPage.connectBlocking()).isTrue();
        String nonceHash = "A".repeat(43);
        loginPage.send("{\"type\":\"" + EsignClientSimulator.MESSAGE_TYPE + "\",\"data\":\"khur-login/v1 origin-sha256="
                + EsignClientSimulator.sha256(ORIGIN) + " nonce-sha256=" + nonceHash + "\"}");
        client.awaitPending(5000);
    }

    private int port() {
        return URI.create(page.uri()).getPort();
    }
}
