package mn.gov.khur.it.esign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import mn.gov.khur.it.esign.EsignTokenFixture.Citizen;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.pages.EsignTokenPage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.sandbox.esignclient.EsignClientSimulator;
import mn.gov.khur.sandbox.esignclient.EsignToken;
import mn.gov.khur.sandbox.esignclient.PendingSignature;
import mn.gov.khur.sandbox.esignclient.SigningOutcome;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real token page in headless Chromium talking to the ESIGN client simulator on
 * ws://127.0.0.1:59001 (contracts §4): success, PIN refused, cancel, timeout, client not running,
 * and the simulator's Origin check.
 */
@ExtendWith(KhurServerExtension.class)
class EsignTokenInChromiumIT {

    private static final String PIN = "4821";
    private static RevocationServer revocation;
    private static EsignTokenFixture fixture;
    private static EsignClientSimulator client;

    @BeforeAll
    static void start() throws Exception {
        revocation = RevocationServer.start(KhurServerExtension.esignPki(), "127.0.0.1", 0);
        fixture = new EsignTokenFixture(revocation);
        client = EsignClientSimulator.start(EsignClientSimulator.DEFAULT_PORT, Set.of(KeycloakServer.BASE_URL));
    }

    @AfterAll
    static void stop() {
        client.shutdown();
        revocation.close();
    }

    private record Started(ChromeDriver browser, OidcRelyingParty.PendingLogin pending, Citizen citizen, String tokenId) {
    }

    private Started pressSign() {
        Citizen citizen = fixture.registeredCitizen();
        IssuedCertificate credential = fixture.validCertificate(citizen.person(), KeyKind.RSA_PKCS1);
        String tokenId = "token-" + citizen.userId();
        client.plugIn(new EsignToken(tokenId, PIN, credential));
        ChromeDriver browser = Browsers.chromium("mn");
        OidcRelyingParty.PendingLogin pending = fixture.rp.begin("openid", Map.of("acr_values", "high"));
        browser.get(pending.authorizationUri().toString());
        // the click submits a form: wait for the token page instead of racing its load on a busy machine
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.METHOD_ESIGN_TOKEN))).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(EsignTokenPage.REGISTER_NUMBER)))
                .sendKeys(citizen.person().registerNumber());
        browser.findElement(By.cssSelector(EsignTokenPage.SIGN)).click();
        return new Started(browser, pending, citizen, tokenId);
    }

    private static void awaitText(ChromeDriver browser, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    @Test
    void citizenSignsWithThePinAndGetsAcrHigh() throws Exception {
        Started s = pressSign();
        try {
            PendingSignature request = client.awaitPending(15_000);
            assertThat(request.origin()).as("the PIN dialog shows who asks").isEqualTo(KeycloakServer.BASE_URL);
            assertThat(client.approve(request.id(), s.tokenId(), PIN)).isEqualTo(SigningOutcome.SIGNED);
            new WebDriverWait(s.browser(), Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().startsWith(OidcRelyingParty.REDIRECT_URI.toString()));
            var result = fixture.finish(s.pending(), URI.create(s.browser().getCurrentUrl()));
            assertThat(result.idToken().getClaim("acr")).isEqualTo("high");
            assertThat(result.idToken().getStringListClaim("amr")).containsExactly("esign_token", "hwk", "pin");
        } finally {
            s.browser().quit();
        }
    }

    @Test
    void wrongPinIsReported() throws Exception {
        Started s = pressSign();
        try {
            PendingSignature request = client.awaitPending(15_000);
            assertThat(client.approve(request.id(), s.tokenId(), "0000")).isEqualTo(SigningOutcome.PIN_REFUSED);
            awaitText(s.browser(), "Пин код буруу");
        } finally {
            s.browser().quit();
        }
    }

    @Test
    void citizenDeclines() throws Exception {
        Started s = pressSign();
        try {
            PendingSignature request = client.awaitPending(15_000);
            assertThat(client.cancel(request.id())).isEqualTo(SigningOutcome.CANCELLED);
            awaitText(s.browser(), "татгалзлаа");
        } finally {
            s.browser().quit();
        }
    }

    @Test
    void noPinWithinTheTimeout() throws Exception {
        Started s = pressSign();
        try {
            PendingSignature request = client.awaitPending(15_000);
            assertThat(request).isNotNull();
            // nobody answers: the page gives up after KHUR_ESIGN_CLIENT_TIMEOUT_SECONDS (8 s in tests)
            awaitText(s.browser(), "хугацаа дууссан");
        } finally {
            client.pending().forEach(p -> client.cancel(p.id()));
            s.browser().quit();
        }
    }

    @Test
    void clientNotRunningShowsTheInstallLink() throws Exception {
        client.shutdown();
        try {
            Started s = pressSign();
            try {
                awaitText(s.browser(), "ажиллахгүй байна");
                assertThat(s.browser().findElements(By.cssSelector(EsignTokenPage.INSTALL))).isNotEmpty();
            } finally {
                s.browser().quit();
            }
        } finally {
            client = EsignClientSimulator.start(EsignClientSimulator.DEFAULT_PORT, Set.of(KeycloakServer.BASE_URL));
        }
    }

    @Test
    void anotherOriginIsRefusedBeforeAnyMessage() throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        CompletableFuture<String> message = new CompletableFuture<>();
        WebSocketClient evil = new WebSocketClient(URI.create("ws://127.0.0.1:" + EsignClientSimulator.DEFAULT_PORT),
                Map.of("Origin", "http://evil.test")) {
            @Override public void onOpen(ServerHandshake handshake) { send("{\"type\":\"e457cb50ed64bde0\",\"data\":\"x\"}"); }
            @Override public void onMessage(String text) { message.complete(text); }
            @Override public void onClose(int code, String reason, boolean remote) { closed.complete(code); }
            @Override public void onError(Exception ex) { }
        };
        boolean opened = evil.connectBlocking(5, TimeUnit.SECONDS);
        assertThat(opened).as("handshake from http://evil.test must fail").isFalse();
        closed.get(5, TimeUnit.SECONDS);
        assertThat(message).isNotDone();
        assertThat(client.pending()).isEmpty();
    }
}
