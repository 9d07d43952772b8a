package mn.gov.khur.it.relyingparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.BackChannelLogoutReceiver;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.KeycloakPages;
import mn.gov.khur.it.support.pages.LoginPage;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logout across government sites: OIDC RP-initiated logout at one site ends the ХУР session; the
 * other site hears of it through back-channel logout (a signed logout token to its registered URL)
 * or front-channel logout (an iframe to its registered URL); without an ID token hint ХУР asks the
 * citizen to confirm, in Mongolian or English.
 */
@ExtendWith(KhurServerExtension.class)
class RelyingPartyLogoutIT {

    private static final Duration BACK_CHANNEL_WAIT = Duration.ofSeconds(10);

    private final AdminApi admin = new AdminApi();
    private final BackChannelLogoutReceiver backChannel = BackChannelLogoutReceiver.instance();
    private final OidcRelyingParty first = DemoSites.first();
    private final OidcRelyingParty second = DemoSites.second();
    private HttpBrowser browser;
    private OidcRelyingParty.LoginResult atFirstSite;
    private OidcRelyingParty.LoginResult atSecondSite;

    @BeforeEach
    void citizenLoggedInAtBothSites() {
        browser = new HttpBrowser();
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        OidcRelyingParty.PendingLogin firstLogin = first.begin();
        atFirstSite = first.finish(firstLogin, CitizenLogin.logIn(browser, firstLogin, citizen).uri());
        OidcRelyingParty.PendingLogin secondLogin = second.begin();
        HttpBrowser.Page back = browser.open(secondLogin.authorizationUri());
        assertThat(back.leftIdp()).as("single sign-on to the second site").isTrue();
        atSecondSite = second.finish(secondLogin, back.uri());
        backChannel.clear();
    }

    @Test
    void logoutAtTheFirstSiteReachesTheSecondSiteThroughTheBackChannel() throws Exception {
        HttpBrowser.Page afterLogout = finishLogout(browser.open(
                RpInitiatedLogout.withIdTokenHint(first, atFirstSite, DemoSites.FIRST_SITE_HOME, "s-1")));

        assertThat(afterLogout.uri().toString()).startsWith(DemoSites.FIRST_SITE_HOME.toString());
        assertThat(query(afterLogout.uri())).containsEntry("state", "s-1");
        String token = backChannel.next(BACK_CHANNEL_WAIT)
                .orElseThrow(() -> new AssertionError("demo-rp-2 received no back-channel logout"));
        LogoutTokenClaimsSet claims = logoutTokenValidator().validate(JWTParser.parse(token));
        assertThat(claims.getSubject().getValue()).isEqualTo(atSecondSite.idToken().getSubject());
        assertThat(claims.getSessionID().getValue()).isEqualTo(atSecondSite.idToken().getClaim("sid"));
        assertThat(refreshAtSecondSite().indicatesSuccess()).as("the second site's refresh token is dead").isFalse();
        assertThat(sessionEnded()).isTrue();
    }

    @Test
    void logoutAtTheSecondSiteShowsTheFirstSitesFrontChannelLogoutThenReturns() {
        HttpBrowser.Page page = browser.open(
                RpInitiatedLogout.withIdTokenHint(second, atSecondSite, DemoSites.SECOND_SITE_HOME, "s-2"));

        assertThat(page.leftIdp()).as("front-channel logout page expected").isFalse();
        assertThat(page.document().text()).contains("Системээс гарч байна");
        Element frame = page.document().selectFirst("iframe[src]");
        assertThat(frame).as("an iframe for demo-rp's front-channel logout URL").isNotNull();
        URI frontChannel = URI.create(frame.attr("src"));
        assertThat(frontChannel.toString()).startsWith("http://localhost:8092/frontchannel-logout?");
        assertThat(query(frontChannel))
                .containsEntry("iss", first.provider().getIssuer().getValue())
                .containsEntry("sid", (String) atFirstSite.idToken().getClaim("sid"));
        URI continueTo = URI.create(page.document().selectFirst(KeycloakPages.FRONT_CHANNEL_CONTINUE).attr("href"));
        assertThat(continueTo.toString()).startsWith(DemoSites.SECOND_SITE_HOME.toString());
        assertThat(query(continueTo)).containsEntry("state", "s-2");
        assertThat(sessionEnded()).isTrue();
    }

    @Test
    void logoutWithoutIdTokenHintAsksForConfirmationInMongolian() {
        HttpBrowser.Page confirm = browser.open(RpInitiatedLogout.withoutIdTokenHint(first, DemoSites.FIRST_SITE_HOME, Map.of()));

        assertThat(confirm.leftIdp()).isFalse();
        assertThat(confirm.document().text()).contains("Та системээс гарах уу?");
        assertThat(confirm.document().selectFirst(KeycloakPages.LOGOUT).attr("value")).isEqualTo("Гарах");

        HttpBrowser.Page afterConfirm = finishLogout(browser.submit(KeycloakPages.LOGOUT_CONFIRM + " form", Map.of(), "confirmLogout"));

        assertThat(afterConfirm.uri().toString()).startsWith(DemoSites.FIRST_SITE_HOME.toString());
        assertThat(backChannel.next(BACK_CHANNEL_WAIT)).as("second site told through the back channel").isPresent();
        assertThat(sessionEnded()).isTrue();
    }

    @Test
    void logoutConfirmationIsInEnglishWhenAskedFor() {
        HttpBrowser.Page confirm = browser.open(
                RpInitiatedLogout.withoutIdTokenHint(first, DemoSites.FIRST_SITE_HOME, Map.of("ui_locales", "en")));

        assertThat(confirm.document().text()).contains("Do you want to log out?");
        assertThat(confirm.document().selectFirst(KeycloakPages.LOGOUT).attr("value")).isEqualTo("Logout");

        HttpBrowser englishBrowser = new HttpBrowser("en");
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        CitizenLogin.logIn(englishBrowser, first.begin(), citizen);
        HttpBrowser.Page byHeader = englishBrowser.open(
                RpInitiatedLogout.withoutIdTokenHint(first, DemoSites.FIRST_SITE_HOME, Map.of()));
        assertThat(byHeader.document().text()).contains("Do you want to log out?");
    }

    @Test
    void forgedIdTokenHintIsRefusedWithAPageNotAServerError() {
        HttpBrowser.Page page = browser.open(RpInitiatedLogout.endSession(first, Map.of(
                "id_token_hint", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA",
                "post_logout_redirect_uri", DemoSites.FIRST_SITE_HOME.toString())));

        assertThat(page.status()).isBetween(400, 499);
        assertThat(page.body()).doesNotContain("Exception");
        assertThat(sessionEnded()).isFalse();
    }

    @Test
    void unregisteredPostLogoutRedirectIsRefused() {
        HttpBrowser.Page page = browser.open(
                RpInitiatedLogout.withIdTokenHint(first, atFirstSite, URI.create("https://evil.example/"), "s-3"));

        assertThat(page.leftIdp()).as("never redirected to an unregistered URI").isFalse();
        assertThat(page.status()).isBetween(400, 499);
        assertThat(sessionEnded()).isFalse();
    }

    /** Follows the front-channel logout page (shown when a front-channel site is in the session) to where it continues. */
    private HttpBrowser.Page finishLogout(HttpBrowser.Page page) {
        if (page.leftIdp()) {
            return page;
        }
        Element next = page.document().selectFirst(KeycloakPages.FRONT_CHANNEL_CONTINUE);
        assertThat(next).as("logout ended on a page without a way on: %s", page.body()).isNotNull();
        return new HttpBrowser.Page(URI.create(next.attr("href")), 302, null, "");
    }

    /** True if the browser no longer has a ХУР session: a new login at a site shows the login form. */
    private boolean sessionEnded() {
        HttpBrowser.Page page = browser.open(second.begin().authorizationUri());
        return !page.leftIdp() && page.has(LoginPage.FORM);
    }

    private TokenResponse refreshAtSecondSite() throws Exception {
        TokenRequest request = new TokenRequest(second.provider().getTokenEndpointURI(),
                new ClientSecretBasic(second.clientId(), second.secret()),
                new RefreshTokenGrant(atSecondSite.tokens().getRefreshToken()));
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    private LogoutTokenValidator logoutTokenValidator() throws Exception {
        return new LogoutTokenValidator(second.provider().getIssuer(), second.clientId(), JWSAlgorithm.RS256,
                second.provider().getJWKSetURI().toURL(), new DefaultResourceRetriever(10_000, 10_000));
    }

    private static Map<String, String> query(URI uri) {
        String raw = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return Arrays.stream(raw.split("&")).filter(p -> p.contains("="))
                .collect(Collectors.toMap(
                        p -> URLDecoder.decode(p.substring(0, p.indexOf('=')), StandardCharsets.UTF_8),
                        p -> URLDecoder.decode(p.substring(p.indexOf('=') + 1), StandardCharsets.UTF_8),
                        (a, b) -> a));
    }
}
