package mn.gov.khur.it.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.DonePage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.PhoneChangePage;
import mn.gov.khur.it.support.pages.RefusedPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;
import mn.gov.khur.it.support.pages.SelfServiceFields;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Утасны дугаар солих": register number + new phone + captcha → the new phone registered in the citizen's
 * own name → reverse SMS from the NEW phone → phone_number replaced.
 */
@ExtendWith(KhurServerExtension.class)
class SelfServicePhoneChangeIT {

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient gateway = new InboundSmsClient();
    private TestCitizen citizen;
    private String userId;
    private String newPhone;
    private HttpBrowser browser;

    @BeforeEach
    void citizenWithANewSim() {
        citizen = TestCitizen.random();
        userId = admin.createCitizen(citizen);
        newPhone = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(newPhone, citizen.registerNumber());
        browser = new HttpBrowser();
    }

    @Test
    void newPhoneConfirmedByItsOwnSmsReplacesTheOldOneForTheNextLogin() {
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.CHANGE_PHONE);
        assertThat(form.text(PhoneChangePage.SUBMIT)).isEqualTo("Дугаар солих");
        HttpBrowser.Page sms = submit(browser, form, citizen.registerNumber(), newPhone);
        String code = CitizenLogin.shownCode(sms);
        assertThat(sms.body()).contains(newPhone.substring(10)).doesNotContain(newPhone.substring(4));

        assertThat(gateway.send(citizen.phoneE164(), code).body()).as("the old phone cannot confirm").contains("\"unmatched\"");
        assertThat(CitizenLogin.pressContinue(browser).has(ReverseSmsPage.CODE)).isTrue();
        assertThat(phoneOf(userId)).isEqualTo(citizen.phoneE164());

        assertThat(gateway.send(newPhone, code).body()).contains("\"matched\"");
        HttpBrowser.Page done = CitizenLogin.pressContinue(browser);
        assertThat(DonePage.outcome(done)).isEqualTo("phone-change");
        assertThat(done.leftIdp()).as("a phone change never logs in").isFalse();

        JsonNode attributes = admin.user(userId).path("attributes");
        assertThat(attributes.path("phone_number").get(0).asText()).isEqualTo(newPhone);
        assertThat(attributes.path("phone_number_verified").get(0).asText()).isEqualTo("true");
        JsonNode events = admin.events(userId, "UPDATE_PROFILE");
        assertThat(events.size()).isGreaterThanOrEqualTo(1);
        JsonNode details = events.get(0).path("details");
        assertThat(details.path("khur_flow").asText()).isEqualTo("phone-change");
        assertThat(details.path("previous_phone_number").asText()).endsWith(citizen.phoneE164().substring(10))
                .doesNotContain(citizen.phoneE164().substring(4));
        assertThat(details.path("updated_phone_number").asText()).endsWith(newPhone.substring(10))
                .doesNotContain(newPhone.substring(4));

        TestCitizen withNewPhone = new TestCitizen(citizen.registerNumber(), newPhone, citizen.password(),
                citizen.givenName(), citizen.familyName());
        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser.Page back = CitizenLogin.logIn(new HttpBrowser(), login, withNewPhone);
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());

        HttpBrowser old = new HttpBrowser();
        old.open(OidcRelyingParty.demo().begin().authorizationUri());
        String loginCode = CitizenLogin.shownCode(CitizenLogin.passwordStep(old, citizen.registerNumber(), citizen.password()));
        assertThat(gateway.send(citizen.phoneE164(), loginCode).body()).as("the old phone no longer logs in").contains("\"unmatched\"");
        HttpBrowser.Page still = CitizenLogin.pressContinue(old);
        assertThat(still.leftIdp()).isFalse();
        assertThat(still.has(ReverseSmsPage.CODE)).isTrue();
    }

    @Test
    void smsFromTheOldPhoneDoesNotChangeTheNumber() {
        String code = CitizenLogin.shownCode(submit(browser, SelfServicePages.openFromLoginPage(browser, LoginPage.CHANGE_PHONE),
                citizen.registerNumber(), newPhone));
        assertThat(gateway.send(citizen.phoneE164(), code).body()).contains("\"unmatched\"");
        HttpBrowser.Page still = CitizenLogin.pressContinue(browser);
        assertThat(still.has(ReverseSmsPage.CODE)).isTrue();
        assertThat(still.has(DonePage.DONE)).isFalse();
        assertThat(phoneOf(userId)).isEqualTo(citizen.phoneE164());
        assertThat(admin.events(userId, "UPDATE_PROFILE").size()).isZero();
    }

    @Test
    void aPhoneNotInTheCitizensNameIsRefusedAfterItsSms() {
        String someoneElses = SelfServicePages.otherPhone(newPhone);
        SandboxSubscribers.registerOwner(someoneElses, TestCitizen.random().registerNumber());
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.CHANGE_PHONE);
        String code = CitizenLogin.shownCode(submit(browser, form, citizen.registerNumber(), someoneElses));
        assertThat(gateway.send(someoneElses, code).body()).contains("\"matched\"");
        HttpBrowser.Page refused = CitizenLogin.pressContinue(browser);
        assertThat(refused.has(DonePage.DONE)).isFalse();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(RefusedPage.reason(refused)).isEqualTo("not-confirmed");
        assertThat(refused.text(RefusedPage.REFUSED)).contains("үйлчилгээний төв");
        assertThat(phoneOf(userId)).isEqualTo(citizen.phoneE164());
        assertThat(admin.events(userId, "UPDATE_PROFILE").size()).isZero();
        JsonNode refusals = admin.events(userId, "UPDATE_PROFILE_ERROR");
        assertThat(refusals.size()).isGreaterThanOrEqualTo(1);
        assertThat(refusals.get(0).path("details").path("khur_reason").asText()).isEqualTo("ownership_no_match");
        assertThat(refusals.get(0).path("details").path("khur_flow").asText()).isEqualTo("phone-change");

        HttpBrowser unregisteredSim = new HttpBrowser();
        String nobodys = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(nobodys, null);
        String second = CitizenLogin.shownCode(submit(unregisteredSim,
                SelfServicePages.openFromLoginPage(unregisteredSim, LoginPage.CHANGE_PHONE), citizen.registerNumber(), nobodys));
        assertThat(gateway.send(nobodys, second).body()).contains("\"matched\"");
        HttpBrowser.Page alsoRefused = CitizenLogin.pressContinue(unregisteredSim);
        assertThat(alsoRefused.has(DonePage.DONE)).as("registered to nobody is not a match").isFalse();
        assertThat(alsoRefused.text(RefusedPage.REFUSED)).isEqualTo(refused.text(RefusedPage.REFUSED));
        assertThat(phoneOf(userId)).isEqualTo(citizen.phoneE164());
    }

    @Test
    void firstPageAnswersAlikeWhoeverOwnsTheNewPhoneAndWhetherOrNotTheNumberIsRegistered() {
        HttpBrowser.Page own = submit(browser, SelfServicePages.openFromLoginPage(browser, LoginPage.CHANGE_PHONE),
                citizen.registerNumber(), newPhone);
        String someoneElses = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(someoneElses, TestCitizen.random().registerNumber());
        String nobodys = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(nobodys, null);
        TestCitizen unknown = TestCitizen.random();
        SandboxSubscribers.registerOwner(unknown.phoneE164(), unknown.registerNumber());

        List<HttpBrowser.Page> others = List.of(
                submitInANewBrowser(citizen.registerNumber(), someoneElses),
                submitInANewBrowser(citizen.registerNumber(), nobodys),
                submitInANewBrowser(unknown.registerNumber(), unknown.phoneE164()),
                submitInANewBrowser(unknown.registerNumber(), someoneElses));
        for (HttpBrowser.Page page : others) {
            assertThat(page.status()).isEqualTo(own.status()).isEqualTo(200);
            assertThat(page.has(ReverseSmsPage.CODE)).as("every valid form gets the SMS page").isTrue();
            assertThat(ids(page)).isEqualTo(ids(own));
            assertThat(page.text(ReverseSmsPage.INSTRUCTION).replaceAll("\\d", "#"))
                    .isEqualTo(own.text(ReverseSmsPage.INSTRUCTION).replaceAll("\\d", "#"));
            assertThat(page.body()).doesNotContain("таны нэр дээр бүртгэлгүй");
        }
        assertThat(phoneOf(userId)).isEqualTo(citizen.phoneE164());
    }

    @Test
    void wrongCaptchaIsRefusedAndKeepsTheTypedValues() {
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.CHANGE_PHONE);
        String answer = SelfServicePages.captchaAnswer(form);
        HttpBrowser.Page wrong = browser.submit(PhoneChangePage.FORM, Map.of("registerNumber", citizen.registerNumber(),
                "phone", newPhone, "captcha", answer.equals("AAAAA") ? "CCCCC" : "AAAAA"), "submitPhoneChange");
        assertThat(wrong.has(ReverseSmsPage.CODE)).isFalse();
        assertThat(wrong.text(SelfServiceFields.CAPTCHA_ERROR)).isNotBlank();
        assertThat(wrong.document().selectFirst(SelfServiceFields.REGISTER_NUMBER).attr("value")).isEqualTo(citizen.registerNumber());
        assertThat(wrong.document().selectFirst(SelfServiceFields.PHONE).attr("value")).isEqualTo(newPhone);
        HttpBrowser.Page reused = browser.submit(PhoneChangePage.FORM, Map.of("registerNumber", citizen.registerNumber(),
                "phone", newPhone, "captcha", answer), "submitPhoneChange");
        if (!SelfServicePages.captchaAnswer(wrong).equals(answer)) {
            assertThat(reused.has(ReverseSmsPage.CODE)).as("an answered captcha is dead").isFalse();
        }
        HttpBrowser.Page omitted = browser.submit(PhoneChangePage.FORM, Map.of("registerNumber", citizen.registerNumber(),
                "phone", newPhone), "submitPhoneChange");
        assertThat(omitted.has(ReverseSmsPage.CODE)).isFalse();
        assertThat(omitted.has(SelfServiceFields.CAPTCHA_ERROR)).isTrue();
        assertThat(phoneOf(userId)).isEqualTo(citizen.phoneE164());
    }

    @Test
    void unknownRegisterNumberWalksTheSamePagesAndNeverMatches() {
        HttpBrowser.Page known = submit(browser, SelfServicePages.openFromLoginPage(browser, LoginPage.CHANGE_PHONE),
                citizen.registerNumber(), newPhone);
        TestCitizen nobody = TestCitizen.random();
        SandboxSubscribers.registerOwner(nobody.phoneE164(), nobody.registerNumber());
        HttpBrowser stranger = new HttpBrowser();
        HttpBrowser.Page unknown = submit(stranger, SelfServicePages.openFromLoginPage(stranger, LoginPage.CHANGE_PHONE),
                nobody.registerNumber(), nobody.phoneE164());

        assertThat(unknown.text(ReverseSmsPage.CODE)).matches("\\d{6}");
        assertThat(unknown.text(ReverseSmsPage.INSTRUCTION).replaceAll("\\d", "#"))
                .isEqualTo(known.text(ReverseSmsPage.INSTRUCTION).replaceAll("\\d", "#"));
        assertThat(unknown.text(ReverseSmsPage.INSTRUCTION)).contains(nobody.phoneE164().substring(10));
        assertThat(ids(unknown)).isEqualTo(ids(known));
        String status = ReverseSmsPage.statusUrl(unknown);
        assertThat(stranger.get(java.net.URI.create(status)).body()).contains("pending");

        String code = CitizenLogin.shownCode(unknown);
        assertThat(gateway.send(nobody.phoneE164(), code).body()).contains("\"unmatched\"");
        HttpBrowser.Page still = CitizenLogin.pressContinue(stranger);
        assertThat(still.has(ReverseSmsPage.CODE)).isTrue();
        assertThat(still.has(DonePage.DONE)).isFalse();
        assertThat(admin.usersByAttribute("phone_number", nobody.phoneE164()).size()).isZero();
    }

    @Test
    void backToLoginLeavesThePhoneChangeAndTheLoginWorksAsBefore() {
        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser.Page loginPage = browser.open(login.authorizationUri());
        HttpBrowser.Page form = browser.open(loginPage.uri().resolve(
                java.net.URI.create(loginPage.document().selectFirst(LoginPage.CHANGE_PHONE).attr("href"))));
        assertThat(form.has(PhoneChangePage.FORM)).isTrue();
        HttpBrowser.Page again = browser.open(form.uri().resolve(
                java.net.URI.create(form.document().selectFirst(SelfServiceFields.BACK_TO_LOGIN).attr("href"))));
        assertThat(again.has(LoginPage.FORM)).isTrue();
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertThat(gateway.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
        assertThat(back.leftIdp()).isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
        assertThat(phoneOf(userId)).isEqualTo(citizen.phoneE164());
    }

    private static HttpBrowser.Page submit(HttpBrowser in, HttpBrowser.Page form, String registerNumber, String phone) {
        Map<String, String> fields = new HashMap<>();
        fields.put("registerNumber", registerNumber);
        fields.put("phone", phone);
        fields.put("captcha", SelfServicePages.captchaAnswer(form));
        return in.submit(PhoneChangePage.FORM, fields, "submitPhoneChange");
    }

    private static HttpBrowser.Page submitInANewBrowser(String registerNumber, String phone) {
        HttpBrowser other = new HttpBrowser();
        return submit(other, SelfServicePages.openFromLoginPage(other, LoginPage.CHANGE_PHONE), registerNumber, phone);
    }

    private String phoneOf(String id) {
        return admin.user(id).path("attributes").path("phone_number").get(0).asText();
    }

    private static List<String> ids(HttpBrowser.Page page) {
        return page.document().select("[id]").eachAttr("id").stream()
                .filter(id -> !id.startsWith("kc-") || id.equals("kc-form")).toList();
    }
}
