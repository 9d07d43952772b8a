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
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, "#khur-change-phone");
        assertThat(form.text("#khur-change-phone-submit")).isEqualTo("Дугаар солих");
        HttpBrowser.Page sms = submit(browser, form, citizen.registerNumber(), newPhone);
        String code = CitizenLogin.shownCode(sms);
        assertThat(sms.body()).contains(newPhone.substring(10)).doesNotContain(newPhone.substring(4));

        assertThat(gateway.send(citizen.phoneE164(), code).body()).as("the old phone cannot confirm").contains("\"unmatched\"");
        assertThat(CitizenLogin.pressContinue(browser).has("#khur-sms-code")).isTrue();
        assertThat(phoneOf(userId)).isEqualTo(citizen.phoneE164());

        assertThat(gateway.send(newPhone, code).body()).contains("\"matched\"");
        HttpBrowser.Page done = CitizenLogin.pressContinue(browser);
        assertThat(done.document().selectFirst("#khur-done").attr("data-khur-done")).isEqualTo("phone-change");
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
        assertThat(still.has("#khur-sms-code")).isTrue();
    }

    @Test
    void smsFromTheOldPhoneDoesNotChangeTheNumber() {
        String code = CitizenLogin.shownCode(submit(browser, SelfServicePages.openFromLoginPage(browser, "#khur-change-phone"),
                citizen.registerNumber(), newPhone));
        assertThat(gateway.send(citizen.phoneE164(), code).body()).contains("\"unmatched\"");
        HttpBrowser.Page still = CitizenLogin.pressContinue(browser);
        assertThat(still.has("#khur-sms-code")).isTrue();
        assertThat(still.has("#khur-done")).isFalse();
        assertThat(phoneOf(userId)).isEqualTo(citizen.phoneE164());
        assertThat(admin.events(userId, "UPDATE_PROFILE").size()).isZero();
    }

    @Test
    void aPhoneNotInTheCitizensNameIsRefusedAfterItsSms() {
        String someoneElses = SelfServicePages.otherPhone(newPhone);
        SandboxSubscribers.registerOwner(someoneElses, TestCitizen.random().registerNumber());
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, "#khur-change-phone");
        String code = CitizenLogin.shownCode(submit(browser, form, citizen.registerNumber(), someoneElses));
        assertThat(gateway.send(someoneElses, code).body()).contains("\"matched\"");
        HttpBrowser.Page refused = CitizenLogin.pressContinue(browser);
        assertThat(refused.has("#khur-done")).isFalse();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.document().selectFirst("#khur-refused").attr("data-khur-refused")).isEqualTo("not-confirmed");
        assertThat(refused.text("#khur-refused")).contains("үйлчилгээний төв");
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
                SelfServicePages.openFromLoginPage(unregisteredSim, "#khur-change-phone"), citizen.registerNumber(), nobodys));
        assertThat(gateway.send(nobodys, second).body()).contains("\"matched\"");
        HttpBrowser.Page alsoRefused = CitizenLogin.pressContinue(unregisteredSim);
        assertThat(alsoRefused.has("#khur-done")).as("registered to nobody is not a match").isFalse();
        assertThat(alsoRefused.text("#khur-refused")).isEqualTo(refused.text("#khur-refused"));
        assertThat(phoneOf(userId)).isEqualTo(citizen.phoneE164());
    }

    @Test
    void firstPageAnswersAlikeWhoeverOwnsTheNewPhoneAndWhetherOrNotTheNumberIsRegistered() {
        HttpBrowser.Page own = submit(browser, SelfServicePages.openFromLoginPage(browser, "#khur-change-phone"),
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
            assertThat(page.has("#khur-sms-code")).as("every valid form gets the SMS page").isTrue();
            assertThat(ids(page)).isEqualTo(ids(own));
            assertThat(page.text(".khur-sms__instruction").replaceAll("\\d", "#"))
                    .isEqualTo(own.text(".khur-sms__instruction").replaceAll("\\d", "#"));
            assertThat(page.body()).doesNotContain("таны нэр дээр бүртгэлгүй");
        }
        assertThat(phoneOf(userId)).isEqualTo(citizen.phoneE164());
    }

    @Test
    void wrongCaptchaIsRefusedAndKeepsTheTypedValues() {
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, "#khur-change-phone");
        String answer = SelfServicePages.captchaAnswer(form);
        HttpBrowser.Page wrong = browser.submit("#khur-change-phone-form", Map.of("registerNumber", citizen.registerNumber(),
                "phone", newPhone, "captcha", answer.equals("AAAAA") ? "CCCCC" : "AAAAA"), "submitPhoneChange");
        assertThat(wrong.has("#khur-sms-code")).isFalse();
        assertThat(wrong.text("#input-error-captcha")).isNotBlank();
        assertThat(wrong.document().selectFirst("#registerNumber").attr("value")).isEqualTo(citizen.registerNumber());
        assertThat(wrong.document().selectFirst("#phone").attr("value")).isEqualTo(newPhone);
        HttpBrowser.Page reused = browser.submit("#khur-change-phone-form", Map.of("registerNumber", citizen.registerNumber(),
                "phone", newPhone, "captcha", answer), "submitPhoneChange");
        if (!SelfServicePages.captchaAnswer(wrong).equals(answer)) {
            assertThat(reused.has("#khur-sms-code")).as("an answered captcha is dead").isFalse();
        }
        HttpBrowser.Page omitted = browser.submit("#khur-change-phone-form", Map.of("registerNumber", citizen.registerNumber(),
                "phone", newPhone), "submitPhoneChange");
        assertThat(omitted.has("#khur-sms-code")).isFalse();
        assertThat(omitted.has("#input-error-captcha")).isTrue();
        assertThat(phoneOf(userId)).isEqualTo(citizen.phoneE164());
    }

    @Test
    void unknownRegisterNumberWalksTheSamePagesAndNeverMatches() {
        HttpBrowser.Page known = submit(browser, SelfServicePages.openFromLoginPage(browser, "#khur-change-phone"),
                citizen.registerNumber(), newPhone);
        TestCitizen nobody = TestCitizen.random();
        SandboxSubscribers.registerOwner(nobody.phoneE164(), nobody.registerNumber());
        HttpBrowser stranger = new HttpBrowser();
        HttpBrowser.Page unknown = submit(stranger, SelfServicePages.openFromLoginPage(stranger, "#khur-change-phone"),
                nobody.registerNumber(), nobody.phoneE164());

        assertThat(unknown.text("#khur-sms-code")).matches("\\d{6}");
        assertThat(unknown.text(".khur-sms__instruction").replaceAll("\\d", "#"))
                .isEqualTo(known.text(".khur-sms__instruction").replaceAll("\\d", "#"));
        assertThat(unknown.text(".khur-sms__instruction")).contains(nobody.phoneE164().substring(10));
        assertThat(ids(unknown)).isEqualTo(ids(known));
        String status = unknown.document().selectFirst("#khur-sms-form").attr("data-status-url");
        assertThat(stranger.get(java.net.URI.create(status)).body()).contains("pending");

        String code = CitizenLogin.shownCode(unknown);
        assertThat(gateway.send(nobody.phoneE164(), code).body()).contains("\"unmatched\"");
        HttpBrowser.Page still = CitizenLogin.pressContinue(stranger);
        assertThat(still.has("#khur-sms-code")).isTrue();
        assertThat(still.has("#khur-done")).isFalse();
        assertThat(admin.usersByAttribute("phone_number", nobody.phoneE164()).size()).isZero();
    }

    @Test
    void backToLoginLeavesThePhoneChangeAndTheLoginWorksAsBefore() {
        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser.Page loginPage = browser.open(login.authorizationUri());
        HttpBrowser.Page form = browser.open(loginPage.uri().resolve(
                java.net.URI.create(loginPage.document().selectFirst("#khur-change-phone").attr("href"))));
        assertThat(form.has("#khur-change-phone-form")).isTrue();
        HttpBrowser.Page again = browser.open(form.uri().resolve(
                java.net.URI.create(form.document().selectFirst("#khur-back-to-login").attr("href"))));
        assertThat(again.has("#kc-form-login")).isTrue();
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
        return in.submit("#khur-change-phone-form", fields, "submitPhoneChange");
    }

    private static HttpBrowser.Page submitInANewBrowser(String registerNumber, String phone) {
        HttpBrowser other = new HttpBrowser();
        return submit(other, SelfServicePages.openFromLoginPage(other, "#khur-change-phone"), registerNumber, phone);
    }

    private String phoneOf(String id) {
        return admin.user(id).path("attributes").path("phone_number").get(0).asText();
    }

    private static List<String> ids(HttpBrowser.Page page) {
        return page.document().select("[id]").eachAttr("id").stream()
                .filter(id -> !id.startsWith("kc-") || id.equals("kc-form")).toList();
    }
}
