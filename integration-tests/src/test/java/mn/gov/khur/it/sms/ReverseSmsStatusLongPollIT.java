package mn.gov.khur.it.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The waiting page's long-poll: {@code GET .../challenges/{id}/status?wait=N} held by the server. */
@ExtendWith(KhurServerExtension.class)
class ReverseSmsStatusLongPollIT {

    /** Long enough that an answer before it can only come from the match, not from the timeout. */
    private static final int LONG_WAIT_SECONDS = 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final InboundSmsClient gateway = new InboundSmsClient();
    private TestCitizen citizen;
    private HttpBrowser.Page page;
    private String statusUrl;

    @BeforeEach
    void citizenAtTheChallengePage() {
        citizen = TestCitizen.random();
        new AdminApi().createCitizen(citizen);
        HttpBrowser browser = new HttpBrowser();
        browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        page = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        statusUrl = ReverseSmsPage.statusUrl(page);
    }

    @Test
    void aHeldRequestAnswersMatchedWhenTheSmsArrives() throws Exception {
        CompletableFuture<HttpResponse<String>> held = ask("?wait=" + LONG_WAIT_SECONDS);
        Thread.sleep(1000); // let it reach the server and be held (not an assertion on time)
        assertThat(held).as("held while the challenge is pending").isNotDone();

        HttpResponse<String> webhook = gateway.send(citizen.phoneE164(), CitizenLogin.shownCode(page));
        assertThat(Json.parse(webhook.body()).get("status").asText()).isEqualTo("matched");

        // well before the wait is over: only the match can have answered it
        HttpResponse<String> answer = held.get(LONG_WAIT_SECONDS - 5, TimeUnit.SECONDS);
        assertStatus(answer, "matched");
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aHeldRequestAnswersPendingAtTheEndOfItsWait() throws Exception {
        assertStatus(ask("?wait=1").get(30, TimeUnit.SECONDS), "pending");
    }

    @Test
    void aChallengeThatIsNoLongerPendingIsAnsweredAtOnce() throws Exception {
        gateway.send(citizen.phoneE164(), CitizenLogin.shownCode(page));
        assertStatus(ask("?wait=" + LONG_WAIT_SECONDS).get(LONG_WAIT_SECONDS - 5, TimeUnit.SECONDS), "matched");

        String unknown = statusUrl.replaceAll("/challenges/[^/]+/", "/challenges/AAAAAAAAAAAAAAAAAAAAAA/");
        HttpResponse<String> answer = http.sendAsync(get(unknown + "?wait=" + LONG_WAIT_SECONDS),
                HttpResponse.BodyHandlers.ofString()).get(LONG_WAIT_SECONDS - 5, TimeUnit.SECONDS);
        assertStatus(answer, "expired");
    }

    @Test
    void withoutWaitTheAnswerIsImmediateAsBefore() throws Exception {
        assertStatus(ask("").get(30, TimeUnit.SECONDS), "pending");
        assertStatus(ask("?wait=0").get(30, TimeUnit.SECONDS), "pending");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "61", "1.5", "999999999999"})
    void aBadWaitIsAJson400(String wait) throws Exception {
        HttpResponse<String> answer = ask("?wait=" + wait).get(30, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = Json.parse(answer.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_request");
        assertThat(answer.body()).doesNotContain("Exception");
    }

    private CompletableFuture<HttpResponse<String>> ask(String query) {
        return http.sendAsync(get(statusUrl + query), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(90))
                .header("Accept", "application/json").GET().build();
    }

    private static void assertStatus(HttpResponse<String> response, String status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(response.body()).get("status").asText()).isEqualTo(status);
    }
}
