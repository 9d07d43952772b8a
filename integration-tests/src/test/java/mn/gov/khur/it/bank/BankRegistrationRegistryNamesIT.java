package mn.gov.khur.it.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxRegistry;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.sandbox.xyp.RegistryPerson;
import mn.gov.khur.it.support.pages.AddPhonePage;
import mn.gov.khur.it.support.pages.RegistryApprovalPage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17, item 2: a registration through a bank, once the bank has proven the person, asks the state registry's
 * names with the citizen's approval (ХУР's code to the phone the citizen registered with the state: a bank-registered
 * citizen has no phone with us yet); the registry's names replace the bank's and the token says they are verified.
 */
@ExtendWith(KhurServerExtension.class)
class BankRegistrationRegistryNamesIT {

    private final AdminApi admin = new AdminApi();
    private final OidcRelyingParty rp = OidcRelyingParty.demo();

    @Test
    void aBankRegistrationAsksTheRegistrysApprovalAndTheIdTokenCarriesTheRegistrysNames() throws Exception {
        TestCitizen person = TestCitizen.random(); // not registered with us
        SandboxBanks.Customer customer = SandboxBanks.customer(admin, SandboxBanks.GOLOMT, person.registerNumber());
        SandboxRegistry.register(RegistryPerson.answering(person.registerNumber(), "Хонгирад", "Сүхбаатар", "Мөнхзул",
                LocalDate.of(1993, 2, 11), "Эмэгтэй"));

        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser("mn");
        HttpBrowser.Page approval = SandboxBanks.logIn(browser, login.authorizationUri(), customer);
        assertThat(approval.has(RegistryApprovalPage.FORM)).as("the registry's approval after the bank, page was: %s", approval.body())
                .isTrue();
        var sent = SandboxRegistry.simulator().lastCode(person.registerNumber()).orElseThrow();
        assertThat(sent.phone()).as("no phone of ours yet: the one registered with the state").isEqualTo("(e-Mongolia)");
        HttpBrowser.Page offer = browser.submit(RegistryApprovalPage.FORM, Map.of("action", "submit", "code", sent.code()), null);
        assertThat(offer.has(AddPhonePage.FORM)).as("then the usual offer to add a phone, page was: %s", offer.body()).isTrue();
        HttpBrowser.Page back = browser.submit(AddPhonePage.SKIP_FORM, Map.of(), "skip");
        assertThat(back.leftIdp()).as("page was: %s", back.body()).isTrue();

        JWTClaimsSet idToken = rp.finish(login, back.uri()).idToken();
        assertThat(idToken.getClaim("given_name")).as("the registry's, not the bank's").isEqualTo("Мөнхзул");
        assertThat(idToken.getClaim("family_name")).isEqualTo("Сүхбаатар");
        assertThat(idToken.getClaim("birthdate")).isEqualTo("1993-02-11");
        assertThat(idToken.getBooleanClaim("registry_verified")).isTrue();
        assertThat(idToken.getClaim("amr")).isEqualTo(List.of("bank"));
        JsonNode state = Json.parse(admin.get("/admin/realms/khur/khur-registry/users/" + idToken.getSubject()).body());
        assertThat(state.path("verified").asBoolean()).isTrue();
        assertThat(admin.user(idToken.getSubject()).at("/attributes/clan_name/0").asText()).isEqualTo("Хонгирад");
    }
}
