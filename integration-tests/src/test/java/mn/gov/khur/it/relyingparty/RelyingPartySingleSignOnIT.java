package mn.gov.khur.it.relyingparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on between two government sites, and the assurance rule: a site asking for
 * {@code acr=high} after a {@code substantial} login never silently receives a substantial token.
 */
@ExtendWith(KhurServerExtension.class)
class RelyingPartySingleSignOnIT {

    private final AdminApi admin = new AdminApi();
    private final HttpBrowser browser = new HttpBrowser();
    private TestCitizen citizen;
    private OidcRelyingParty.LoginResult firstSite;

    @BeforeEach
    void citizenLoggedInAtTheFirstSite() {
        citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        OidcRelyingParty first = DemoSites.first();
        OidcRelyingParty.PendingLogin login = first.begin();
        firstSite = first.finish(login, CitizenLogin.logIn(browser, login, citizen).uri());
    }

    @Test
    void secondSiteGetsTheCitizenWithoutASecondLogin() {
        OidcRelyingParty second = DemoSites.second();
        OidcRelyingParty.PendingLogin login = second.begin("openid phone", Map.of());

        HttpBrowser.Page back = browser.open(login.authorizationUri());

        assertThat(back.leftIdp()).as("no login page for the second site, got: %s", back.body()).isTrue();
        OidcRelyingParty.LoginResult secondSite = second.finish(login, back.uri());
        assertThat(secondSite.idToken().getSubject()).isEqualTo(firstSite.idToken().getSubject());
        assertThat(secondSite.idToken().getClaim("sid")).isNotNull().isEqualTo(firstSite.idToken().getClaim("sid"));
        assertThat(secondSite.idToken().getAudience()).containsExactly("demo-rp-2");
        assertThat(secondSite.idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
        assertThat(secondSite.idToken().getClaim("phone_number")).isEqualTo(citizen.phoneE164());
        // acr/amr tell what happened in this session: the password + SMS login at the first site
        assertThat(secondSite.idToken().getClaim("acr")).isEqualTo("substantial");
        assertThat(secondSite.idToken().getClaim("amr")).asList().containsExactly("pwd", "sms", "mfa");
        assertThat(secondSite.idToken().getClaim("auth_time")).isEqualTo(firstSite.idToken().getClaim("auth_time"));
    }

    @Test
    void askingForHighAfterASubstantialLoginLeadsToDigitalSignatureNotToASubstantialToken() {
        OidcRelyingParty second = DemoSites.second();
        OidcRelyingParty.PendingLogin login = second.begin("openid", Map.of("acr_values", "high"));

        HttpBrowser.Page page = browser.open(login.authorizationUri());

        assertThat(page.leftIdp()).as("must not return to the site with the substantial session: %s", page.uri()).isFalse();
        assertThat(page.has(LoginPage.METHOD_ESIGN_TOKEN)).as("digital-signature choice offered").isTrue();
        assertThat(page.has(LoginPage.PASSWORD)).as("no password step for acr=high").isFalse();
    }

    @Test
    void essentialAcrHighInTheClaimsParameterIsNotDowngradedEither() {
        OidcRelyingParty second = DemoSites.second();
        String claims = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"high\"]}}}";
        OidcRelyingParty.PendingLogin login = second.begin("openid", Map.of("claims", claims));

        HttpBrowser.Page page = browser.open(login.authorizationUri());

        assertThat(page.leftIdp()).as("must not return to the site with the substantial session: %s", page.uri()).isFalse();
        assertThat(page.has(LoginPage.METHOD_ESIGN_TOKEN)).isTrue();
    }

    @Test
    void silentRequestForHighAnswersWithAnErrorNotWithASubstantialCode() throws ParseException {
        OidcRelyingParty second = DemoSites.second();
        OidcRelyingParty.PendingLogin login = second.begin("openid", Map.of("acr_values", "high", "prompt", "none"));

        HttpBrowser.Page back = browser.open(login.authorizationUri());

        assertThat(back.leftIdp()).isTrue();
        AuthorizationResponse response = AuthorizationResponse.parse(back.uri());
        assertThat(response.indicatesSuccess()).as("no code may be issued: %s", back.uri()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode())
                .isIn("interaction_required", "login_required");
    }

    @Test
    void silentRequestAtTheLevelAlreadyMetSucceeds() {
        OidcRelyingParty second = DemoSites.second();
        OidcRelyingParty.PendingLogin login = second.begin("openid", Map.of("acr_values", "substantial", "prompt", "none"));

        URI back = browser.open(login.authorizationUri()).uri();

        assertThat(second.finish(login, back).idToken().getClaim("acr")).isEqualTo("substantial");
    }
}
