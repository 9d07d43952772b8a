package mn.gov.khur.it.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.AddPhonePage;
import mn.gov.khur.it.support.pages.EveryPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;
import mn.gov.khur.it.support.pages.SelfServiceFields;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 21.4: a citizen registered through a bank has no phone and no password, so password + reverse SMS, password
 * recovery and registration by phone can never work for them. After a bank login such a citizen is offered (skippable,
 * every bank login until done) to add a phone: an SMS from that phone, and the operators' word that it is in the
 * citizen's own name, exactly as phone change asks; with it a password when the account has none. Then password +
 * reverse SMS logs them in. Without JavaScript; {@link BankLoginInChromiumIT} walks it in Chromium.
 */
@ExtendWith(KhurServerExtension.class)
class BankCitizenAddsAPhoneIT {

    private final AdminApi admin = new AdminApi();
    private final OidcRelyingParty rp = OidcRelyingParty.demo();
    private final InboundSmsClient gateway = new InboundSmsClient();
    private TestCitizen person;
    private SandboxBanks.Customer customer;
    private HttpBrowser browser;
    private OidcRelyingParty.PendingLogin login;

    @BeforeEach
    void aPersonRegisteredThroughTheirBank() {
        person = TestCitizen.random();
        SandboxSubscribers.registerOwner(person.phoneE164(), person.registerNumber());
        customer = SandboxBanks.customer(admin, SandboxBanks.GOLOMT, person.registerNumber());
        browser = new HttpBrowser("mn");
        login = rp.begin();
    }

    @Test
    void aBankRegisteredCitizenAddsAPhoneAndAPasswordThenLogsInWithPasswordAndSms() {
        HttpBrowser.Page offer = SandboxBanks.logIn(browser, login.authorizationUri(), customer);
        assertThat(offer.leftIdp()).as("the offer comes before the site: %s", offer.body()).isFalse();
        assertThat(offer.has(AddPhonePage.FORM)).isTrue();
        assertThat(offer.text(AddPhonePage.INTRO)).contains("банк").contains("өөрийн нэр дээр").contains("130092");
        assertThat(offer.document().selectFirst(EveryPage.ATTEMPTED_USERNAME).attr("value"))
                .as("whose account: the number to log in with next time").isEqualToIgnoringCase(person.registerNumber());
        assertThat(offer.has(SelfServiceFields.PASSWORD_NEW)).as("the account has no password yet: the page asks for one").isTrue();
        assertThat(offer.has(AddPhonePage.SKIP)).isTrue();
        assertThat(account().path("attributes").has("phone_number")).as("no phone before the SMS").isFalse();

        HttpBrowser.Page sms = addPhone(person.phoneE164().substring(4), person.password(), person.password());
        String code = CitizenLogin.shownCode(sms);
        assertThat(sms.body()).as("the typed phone, masked").contains(person.phoneE164().substring(10))
                .doesNotContain(person.phoneE164().substring(4));
        assertThat(account().path("attributes").has("phone_number")).as("nothing stored before the SMS").isFalse();
        assertThat(gateway.send(person.phoneE164(), code).body()).contains("\"matched\"");

        HttpBrowser.Page done = CitizenLogin.pressContinue(browser);
        assertThat(done.has(AddPhonePage.DONE)).as("page was: %s", done.body()).isTrue();
        assertThat(done.text(AddPhonePage.DONE)).contains(person.registerNumber()).contains("нууц үг");
        JsonNode attributes = account().path("attributes");
        assertThat(attributes.path("phone_number").get(0).asText()).isEqualTo(person.phoneE164());
        assertThat(attributes.path("phone_number_verified").get(0).asText()).isEqualTo("true");
        JsonNode added = admin.events(userId(), "UPDATE_PROFILE");
        assertThat(added.size()).isGreaterThanOrEqualTo(1);
        assertThat(added.get(0).path("details").path("khur_flow").asText()).isEqualTo("bank-add-phone");
        assertThat(added.get(0).path("details").path("khur_password_set").asText()).isEqualTo("true");
        assertThat(added.get(0).toString()).doesNotContain(person.phoneE164().substring(4));

        HttpBrowser.Page back = browser.submit(AddPhonePage.CONTINUE_FORM, Map.of(), "proceed");
        assertThat(back.leftIdp()).as("on to the site, page was: %s", back.body()).isTrue();
        OidcRelyingParty.LoginResult bank = rp.finish(login, back.uri());
        assertThat(bank.idToken().getClaim("amr")).isEqualTo(List.of("bank"));
        assertThat(bank.idToken().getClaim("acr")).isEqualTo("substantial");

        OidcRelyingParty.PendingLogin byPassword = rp.begin();
        HttpBrowser.Page viaSms = CitizenLogin.logIn(new HttpBrowser("mn"), byPassword, person);
        OidcRelyingParty.LoginResult result = rp.finish(byPassword, viaSms.uri());
        assertThat(result.idToken().getSubject()).isEqualTo(bank.idToken().getSubject());
        assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("pwd", "sms", "mfa"));

        OidcRelyingParty.PendingLogin bankAgain = rp.begin();
        HttpBrowser.Page noOffer = SandboxBanks.logIn(new HttpBrowser("mn"), bankAgain.authorizationUri(), customer);
        assertThat(noOffer.leftIdp()).as("a citizen with a phone is not asked again").isTrue();
    }

    @Test
    void theOfferCanBeSkippedAndComesBackAtTheNextBankLogin() {
        HttpBrowser.Page offer = SandboxBanks.logIn(browser, login.authorizationUri(), customer);
        assertThat(offer.has(AddPhonePage.FORM)).isTrue();
        HttpBrowser.Page back = skip();
        assertThat(back.leftIdp()).as("skipping goes on to the site: %s", back.body()).isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("amr")).isEqualTo(List.of("bank"));

        OidcRelyingParty.PendingLogin next = rp.begin();
        HttpBrowser later = new HttpBrowser("en");
        HttpBrowser.Page again = SandboxBanks.logIn(later, java.net.URI.create(next.authorizationUri() + "&ui_locales=en"), customer);
        assertThat(again.has(AddPhonePage.FORM)).as("asked again at the next bank login").isTrue();
        assertThat(again.text(AddPhonePage.INTRO)).contains("bank").contains("own name").contains("130092");
        HttpBrowser.Page backAgain = later.submit(AddPhonePage.SKIP_FORM, Map.of(), "skip");
        assertThat(rp.finish(next, backAgain.uri()).idToken().getSubject()).isEqualTo(userId());
        assertThat(account().path("attributes").has("phone_number")).isFalse();
        assertThat(credentials()).as("no password set by skipping").isEmpty();
    }

    @Test
    void aPhoneInAnotherNameOrNobodysIsNotAddedAndTheLoginStillGoesOn() {
        String someoneElses = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(someoneElses, TestCitizen.random().registerNumber());
        SandboxBanks.logIn(browser, login.authorizationUri(), customer);
        HttpBrowser.Page refused = addPhoneAndTextFrom(someoneElses);
        assertThat(AddPhonePage.refusal(refused)).isEqualTo("not-confirmed");
        assertThat(refused.text(AddPhonePage.REFUSED)).contains("таны нэр дээр");
        assertThat(refused.has(AddPhonePage.FORM)).as("another number can be tried").isTrue();

        String nobodys = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(nobodys, null);
        HttpBrowser.Page unknown = addPhoneAndTextFrom(nobodys);
        assertThat(unknown.text(AddPhonePage.REFUSED)).isEqualTo(refused.text(AddPhonePage.REFUSED));

        assertThat(account().path("attributes").has("phone_number")).isFalse();
        assertThat(credentials()).as("no password without a confirmed phone").isEmpty();
        List<String> reasons = reasons("UPDATE_PROFILE_ERROR");
        assertThat(reasons).contains("ownership_no_match", "ownership_unknown");

        HttpBrowser.Page back = skip();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("amr")).isEqualTo(List.of("bank"));
    }

    @Test
    void onlyAnSmsFromTheTypedPhoneAddsIt() {
        SandboxBanks.logIn(browser, login.authorizationUri(), customer);
        String code = CitizenLogin.shownCode(addPhone(person.phoneE164(), person.password(), person.password()));
        String other = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(other, person.registerNumber()); // even another phone in the same name
        assertThat(gateway.send(other, code).body()).contains("\"unmatched\"");
        HttpBrowser.Page still = CitizenLogin.pressContinue(browser);
        assertThat(still.has(ReverseSmsPage.CODE)).isTrue();
        HttpBrowser.Page backToOffer = browser.submit(ReverseSmsPage.FORM, Map.of(), "cancel");
        assertThat(backToOffer.has(AddPhonePage.FORM)).as("\"back\" returns to the offer: %s", backToOffer.body()).isTrue();
        assertThat(gateway.send(person.phoneE164(), code).body()).as("the withdrawn code is dead").contains("\"unmatched\"");
        assertThat(account().path("attributes").has("phone_number")).isFalse();
    }

    @Test
    void aRecentSimSwapBlocksAddingThePhone() {
        SandboxSubscribers.service().registry().simChanged(person.phoneE164(), Instant.now().minus(Duration.ofDays(2)));
        SandboxBanks.logIn(browser, login.authorizationUri(), customer);
        HttpBrowser.Page refused = addPhoneAndTextFrom(person.phoneE164());
        assertThat(AddPhonePage.refusal(refused)).isEqualTo("sim-changed");
        assertThat(refused.text(AddPhonePage.REFUSED)).contains("7 хоног");
        assertThat(account().path("attributes").has("phone_number")).isFalse();
        assertThat(reasons("UPDATE_PROFILE_ERROR")).contains("sim_recently_changed");
    }

    @Test
    void anUnreachableLookupIsTryAgainLaterNeverAPass() {
        SandboxBanks.logIn(browser, login.authorizationUri(), customer);
        SandboxSubscribers.service().setDown(true);
        try {
            HttpBrowser.Page later = addPhoneAndTextFrom(person.phoneE164());
            assertThat(later.status()).isLessThan(500);
            assertThat(AddPhonePage.refusal(later)).isEqualTo("unavailable");
            assertThat(later.has(AddPhonePage.RETRY)).isTrue();
            assertThat(browser.submit(AddPhonePage.RETRY_FORM, Map.of(), "retry").has(AddPhonePage.RETRY))
                    .as("still down: still try again later").isTrue();
            assertThat(account().path("attributes").has("phone_number")).isFalse();
        } finally {
            SandboxSubscribers.service().setDown(false);
        }
        HttpBrowser.Page done = browser.submit(AddPhonePage.RETRY_FORM, Map.of(), "retry");
        assertThat(done.has(AddPhonePage.DONE)).as("the same SMS, asked again: %s", done.body()).isTrue();
        assertThat(account().path("attributes").path("phone_number").get(0).asText()).isEqualTo(person.phoneE164());
    }

    @Test
    void badInputIsExplainedOnItsFieldAndIssuesNoCode() {
        SandboxBanks.logIn(browser, login.authorizationUri(), customer);
        HttpBrowser.Page badPhone = addPhone("12345", person.password(), person.password());
        assertThat(badPhone.has(ReverseSmsPage.CODE)).isFalse();
        assertThat(badPhone.has(SelfServiceFields.PHONE_ERROR)).isTrue();
        HttpBrowser.Page weak = addPhone(person.phoneE164(), "Ab1", "Ab1");
        assertThat(weak.has(ReverseSmsPage.CODE)).isFalse();
        assertThat(weak.text(SelfServiceFields.PASSWORD_NEW_ERROR)).contains("8");
        HttpBrowser.Page mismatch = addPhone(person.phoneE164(), person.password(), person.password() + "x");
        assertThat(mismatch.has(SelfServiceFields.PASSWORD_CONFIRM_ERROR)).isTrue();
        assertThat(mismatch.document().selectFirst(SelfServiceFields.PHONE).attr("value")).isEqualTo(person.phoneE164());
        assertThat(mismatch.document().selectFirst(SelfServiceFields.PASSWORD_NEW).attr("value")).isEmpty();
        assertThat(reasons("UPDATE_PROFILE_ERROR")).contains("invalid_phone", "password_policy");
    }

    @Test
    void anAccountThatHasAPasswordKeepsIt() {
        SandboxBanks.logIn(browser, login.authorizationUri(), customer);
        skip();
        String password = "Operator5Set";
        var reset = admin.put("/admin/realms/khur/users/" + userId() + "/reset-password",
                Json.write(Map.of("type", "password", "value", password, "temporary", false)));
        assertThat(reset.statusCode()).isEqualTo(204);

        OidcRelyingParty.PendingLogin next = rp.begin();
        HttpBrowser other = new HttpBrowser("mn");
        HttpBrowser.Page offer = SandboxBanks.logIn(other, next.authorizationUri(), customer);
        assertThat(offer.has(AddPhonePage.FORM)).isTrue();
        assertThat(offer.has(SelfServiceFields.PASSWORD_NEW)).as("a password exists: only the phone is asked").isFalse();
        HttpBrowser.Page sms = other.submit(AddPhonePage.FORM, Map.of("phone", person.phoneE164()), "addPhone");
        assertThat(gateway.send(person.phoneE164(), CitizenLogin.shownCode(sms)).body()).contains("\"matched\"");
        assertThat(CitizenLogin.pressContinue(other).has(AddPhonePage.DONE)).isTrue();
        assertThat(admin.events(userId(), "UPDATE_PROFILE").get(0).path("details").path("khur_password_set").asText()).isEqualTo("false");

        TestCitizen withOperatorsPassword = new TestCitizen(person.registerNumber(), person.phoneE164(), password,
                person.givenName(), person.familyName());
        CitizenLogin.logIn(new HttpBrowser("mn"), rp.begin(), withOperatorsPassword);
    }

    private HttpBrowser.Page addPhone(String phone, String password, String confirmation) {
        Map<String, String> fields = new HashMap<>();
        fields.put("phone", phone);
        fields.put("password-new", password);
        fields.put("password-confirm", confirmation);
        return browser.submit(AddPhonePage.FORM, fields, "addPhone");
    }

    /** From the offer: the form with {@code phone}, the SMS from it, "continue". */
    private HttpBrowser.Page addPhoneAndTextFrom(String phone) {
        String code = CitizenLogin.shownCode(addPhone(phone, person.password(), person.password()));
        assertThat(gateway.send(phone, code).body()).contains("\"matched\"");
        return CitizenLogin.pressContinue(browser);
    }

    private HttpBrowser.Page skip() {
        return browser.submit(AddPhonePage.SKIP_FORM, Map.of(), "skip");
    }

    private JsonNode account() {
        JsonNode users = admin.usersByAttribute("register_number", person.registerNumber());
        assertThat(users).as("registered through the bank").hasSize(1);
        return admin.user(users.get(0).path("id").asText());
    }

    private String userId() {
        return account().path("id").asText();
    }

    private JsonNode credentials() {
        return Json.parse(admin.get("/admin/realms/khur/users/" + userId() + "/credentials").body());
    }

    private List<String> reasons(String type) {
        List<String> reasons = new java.util.ArrayList<>();
        admin.events(userId(), type).forEach(event -> reasons.add(event.path("details").path("khur_reason").asText()));
        return reasons;
    }
}
