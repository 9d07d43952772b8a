package mn.gov.khur.it.relyingparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A site that does not need the register number is given client scope {@code khur-pairwise} instead of
 * {@code khur-citizen}: a {@code sub} of its own per citizen (sites on other hosts cannot join their records by it),
 * stable across logins, and no {@code register_number}. Sites with {@code khur-citizen} keep today's claims.
 */
@ExtendWith(KhurServerExtension.class)
class PairwiseSubjectIT {

    private final AdminApi admin = new AdminApi();
    private final List<String> created = new java.util.ArrayList<>();

    @AfterEach
    void removeSites() {
        created.forEach(id -> admin.delete("/admin/realms/khur/clients/" + id));
    }

    @Test
    void twoPairwiseSitesSeeTheSameCitizenUnderDifferentSubjectsAndNoRegisterNumber() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        OidcRelyingParty library = pairwiseSite(URI.create("http://localhost:8097/callback"));
        OidcRelyingParty clinic = pairwiseSite(URI.create("http://127.0.0.1:8098/callback"));

        OidcRelyingParty.LoginResult atLibrary = logIn(library, citizen);
        OidcRelyingParty.LoginResult atClinic = logIn(clinic, citizen);
        OidcRelyingParty.LoginResult atLibraryAgain = logIn(library, citizen);
        OidcRelyingParty.LoginResult atDemo = logIn(DemoSites.first(), citizen);

        String librarySub = atLibrary.idToken().getSubject();
        assertThat(librarySub).isNotEqualTo(userId).isNotEqualTo(atClinic.idToken().getSubject());
        assertThat(atLibraryAgain.idToken().getSubject()).as("stable across logins").isEqualTo(librarySub);
        assertThat(atLibrary.userInfo().getSubject().getValue()).as("userinfo agrees with the ID token").isEqualTo(librarySub);
        for (OidcRelyingParty.LoginResult pairwise : List.of(atLibrary, atClinic)) {
            assertThat(pairwise.idToken().getClaim("register_number")).isNull();
            assertThat(pairwise.userInfo().getClaim("register_number")).isNull();
            assertThat(pairwise.idToken().getClaim("acr")).isEqualTo("substantial");
            assertThat(pairwise.idToken().getClaim("amr")).asList().containsExactly("pwd", "sms", "mfa");
        }
        // a site that needs the register number: unchanged
        assertThat(atDemo.idToken().getSubject()).isEqualTo(userId);
        assertThat(atDemo.idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
    }

    /** A secret-based site registered with khur-pairwise in place of khur-citizen, as the guide tells operators. */
    private OidcRelyingParty pairwiseSite(URI callback) {
        String clientId = "it-pairwise-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("secret", clientId + "-secret");
        client.put("standardFlowEnabled", true);
        client.put("redirectUris", List.of(callback.toString()));
        client.put("defaultClientScopes", List.of("web-origins", "acr", "profile", "basic", "khur-pairwise", "khur-standard"));
        var response = admin.post("/admin/realms/khur/clients", Json.write(client));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        created.add(location.substring(location.lastIndexOf('/') + 1));
        JsonNode scopes = Json.parse(admin.get("/admin/realms/khur/clients/" + created.get(created.size() - 1)
                + "/default-client-scopes").body());
        assertThat(scopes.toString()).contains("khur-pairwise").doesNotContain("khur-citizen");
        return new OidcRelyingParty(clientId, clientId + "-secret", callback);
    }

    private static OidcRelyingParty.LoginResult logIn(OidcRelyingParty site, TestCitizen citizen) {
        OidcRelyingParty.PendingLogin login = site.begin();
        return site.finish(login, CitizenLogin.logIn(new HttpBrowser(), login, citizen).uri());
    }
}
