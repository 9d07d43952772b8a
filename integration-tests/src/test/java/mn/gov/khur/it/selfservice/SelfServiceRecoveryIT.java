package mn.gov.khur.it.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.DonePage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.NewPasswordPage;
import mn.gov.khur.it.support.pages.RecoveryPage;
import mn.gov.khur.it.support.pages.RefusedPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;
import mn.gov.khur.it.support.pages.SelfServiceFields;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Нууц үг сэргээх": register number + captcha → reverse SMS from the registered phone → that phone still
 * registered in the citizen's own name at the operator → new password → "цааш".
 */
@ExtendWith(KhurServerExtension.class)
class SelfServiceRecoveryIT {

    private static final String NEW_PASSWORD = "Shine2024Nuuts";
    private static final String RECOVERY_FLOW = "/admin/realms/khur/authentication/flows/khur%20reset%20credentials";

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient gateway = new InboundSmsClient();
    private TestCitizen citizen;
    private String userId;
    private HttpBrowser browser;

    @BeforeEach
    void citizen() {
        citizen = TestCitizen.random();
        userId = admin.createCitizen(citizen);
        SandboxSubscribers.registerOwner(citizen.phoneE164(), citizen.registerNumber());
        browser = new HttpBrowser();
    }

    @Test
    void recoveryByReverseSmsSetsTheNewPasswordAndSignsOutOtherSessions() {
        HttpBrowser elsewhere = new HttpBrowser();
        CitizenLogin.logIn(elsewhere, OidcRelyingParty.demo().begin(), citizen);
        assertThat(sessions()).isGreaterThanOrEqualTo(1);

        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.RESET_PASSWORD);
        assertThat(form.text(RecoveryPage.SUBMIT)).isEqualTo("Нууц үг сэргээх");
        HttpBrowser.Page sms = submitRecovery(browser, form, citizen.registerNumber());
        assertThat(sms.body()).doesNotContain(citizen.phoneE164().substring(4)).doesNotContain(citizen.phoneE164().substring(8));
        String code = CitizenLogin.shownCode(sms);
        assertThat(gateway.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        HttpBrowser.Page newPassword = CitizenLogin.pressContinue(browser);
        assertThat(newPassword.text(NewPasswordPage.SUBMIT)).isEqualTo("цааш");

        HttpBrowser.Page done = browser.submit(NewPasswordPage.FORM,
                Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD), "submitPassword");
        assertThat(DonePage.outcome(done)).isEqualTo("password-reset");
        assertThat(sessions()).as("all sessions of the user signed out").isZero();
        JsonNode events = admin.events(userId, "RESET_PASSWORD");
        assertThat(events.size()).isGreaterThanOrEqualTo(1);
        assertThat(events.get(0).path("details").path("khur_flow").asText()).isEqualTo("password-reset");

        TestCitizen withNewPassword = new TestCitizen(citizen.registerNumber(), citizen.phoneE164(), NEW_PASSWORD,
                citizen.givenName(), citizen.familyName());
        CitizenLogin.logIn(new HttpBrowser(), OidcRelyingParty.demo().begin(), withNewPassword);
        HttpBrowser old = new HttpBrowser();
        old.open(OidcRelyingParty.demo().begin().authorizationUri());
        assertThat(CitizenLogin.passwordStep(old, citizen.registerNumber(), citizen.password()).has(ReverseSmsPage.CODE))
                .as("the old password no longer works").isFalse();
    }

    @Test
    void aRecycledNumberDoesNotRecoverTheAccount() {
        // the operator has given the account's stored number to someone else, who now holds that SIM
        SandboxSubscribers.registerOwner(citizen.phoneE164(), TestCitizen.random().registerNumber());
        attackWithTheStoredPhoneAndExpectNothingChanged("ownership_no_match");
    }

    @Test
    void aLapsedNumberRegisteredToNobodyDoesNotRecoverTheAccount() {
        // the number lapsed: the operator has it on an unregistered prepaid SIM now
        SandboxSubscribers.registerOwner(citizen.phoneE164(), null);
        attackWithTheStoredPhoneAndExpectNothingChanged("ownership_unknown");
    }

    @Test
    void aFlowWithoutTheGuardStepStillLetsNoSmsAloneSetAPassword() {
        // a realm set up before the guard step existed, or an operator's edit: the step is not in the flow
        SandboxSubscribers.registerOwner(citizen.phoneE164(), TestCitizen.random().registerNumber());
        ObjectNode guard = guardExecution();
        setRequirement(guard, "DISABLED");
        try {
            HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.RESET_PASSWORD);
            String code = CitizenLogin.shownCode(submitRecovery(browser, form, citizen.registerNumber()));
            assertThat(gateway.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
            HttpBrowser.Page afterSms = CitizenLogin.pressContinue(browser);
            assertThat(afterSms.has(NewPasswordPage.FORM)).as("no guard, no change").isFalse();
            assertThat(afterSms.status()).isLessThan(500);
            assertThat(RefusedPage.reason(afterSms)).isEqualTo("unavailable");
            assertThat(admin.events(userId, "RESET_PASSWORD_ERROR").toString()).contains("ownership_not_checked");
        } finally {
            setRequirement(guard, "REQUIRED");
        }
        assertThat(admin.events(userId, "RESET_PASSWORD").size()).isZero();
    }

    private ObjectNode guardExecution() {
        JsonNode executions = Json.parse(admin.get(RECOVERY_FLOW + "/executions").body());
        for (JsonNode execution : executions) {
            if ("khur-sim-change-guard".equals(execution.path("providerId").asText())) {
                return (ObjectNode) execution;
            }
        }
        throw new AssertionError("no khur-sim-change-guard step in khur reset credentials: " + executions);
    }

    private void setRequirement(ObjectNode execution, String requirement) {
        ObjectNode updated = execution.deepCopy().put("requirement", requirement);
        var response = admin.put(RECOVERY_FLOW + "/executions", Json.write(updated));
        assertThat(response.statusCode()).as(response.body()).isIn(202, 204);
    }

    /** Whoever holds the stored phone completes the SMS step; without the operator's "match" nothing may change. */
    private void attackWithTheStoredPhoneAndExpectNothingChanged(String reason) {
        HttpBrowser elsewhere = new HttpBrowser();
        CitizenLogin.logIn(elsewhere, OidcRelyingParty.demo().begin(), citizen);
        int sessionsBefore = sessions();

        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.RESET_PASSWORD);
        String code = CitizenLogin.shownCode(submitRecovery(browser, form, citizen.registerNumber()));
        assertThat(gateway.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        HttpBrowser.Page afterSms = CitizenLogin.pressContinue(browser);

        assertThat(afterSms.has(NewPasswordPage.FORM)).as("the holder of a recycled number gets no new-password page").isFalse();
        assertThat(afterSms.status()).isEqualTo(403);
        assertThat(RefusedPage.reason(afterSms)).isEqualTo("not-confirmed");
        assertThat(afterSms.text(RefusedPage.REFUSED)).contains("Банк").contains("тоон гарын үсг").contains("үйлчилгээний төв");
        assertThat(afterSms.has(RefusedPage.LOGIN)).isTrue();
        HttpBrowser.Page again = browser.open(afterSms.uri());
        assertThat(again.has(NewPasswordPage.FORM)).as("the refused proof cannot be replayed").isFalse();

        assertThat(admin.events(userId, "RESET_PASSWORD").size()).isZero();
        JsonNode refusals = admin.events(userId, "RESET_PASSWORD_ERROR");
        assertThat(refusals.size()).isGreaterThanOrEqualTo(1);
        assertThat(refusals.get(0).path("details").path("khur_reason").asText()).isEqualTo(reason);
        assertThat(refusals.get(0).path("details").path("auth_method").asText()).isEqualTo("khur-selfservice");
        assertThat(refusals.get(0).path("details").path("khur_phone").asText()).doesNotContain(citizen.phoneE164().substring(4));
        assertThat(sessions()).as("no session signed out").isEqualTo(sessionsBefore);
        HttpBrowser old = new HttpBrowser();
        old.open(OidcRelyingParty.demo().begin().authorizationUri());
        assertThat(CitizenLogin.passwordStep(old, citizen.registerNumber(), citizen.password()).has(ReverseSmsPage.CODE))
                .as("the password did not change").isTrue();
    }

    @Test
    void wrongOmittedAndReusedCaptchasAreRefusedBeforeAnythingElse() {
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.RESET_PASSWORD);
        String first = SelfServicePages.captchaAnswer(form);
        HttpBrowser.Page wrong = browser.submit(RecoveryPage.FORM,
                Map.of("registerNumber", citizen.registerNumber(), "captcha", first.equals("AAAAA") ? "CCCCC" : "AAAAA"), "submitRecovery");
        assertThat(wrong.has(ReverseSmsPage.CODE)).isFalse();
        assertThat(wrong.text(SelfServiceFields.CAPTCHA_ERROR)).isNotBlank();
        String second = SelfServicePages.captchaAnswer(wrong);
        if (!second.equals(first)) {
            HttpBrowser.Page reused = browser.submit(RecoveryPage.FORM,
                    Map.of("registerNumber", citizen.registerNumber(), "captcha", first), "submitRecovery");
            assertThat(reused.has(ReverseSmsPage.CODE)).as("an answered captcha is dead").isFalse();
        }
        HttpBrowser.Page omitted = browser.submit(RecoveryPage.FORM,
                Map.of("registerNumber", citizen.registerNumber(), "captcha", ""), "submitRecovery");
        assertThat(omitted.has(ReverseSmsPage.CODE)).isFalse();
        HttpBrowser.Page lowerCase = browser.submit(RecoveryPage.FORM, Map.of("registerNumber", citizen.registerNumber(),
                "captcha", SelfServicePages.captchaAnswer(omitted).toLowerCase(java.util.Locale.ROOT)), "submitRecovery");
        assertThat(lowerCase.has(ReverseSmsPage.CODE)).as("case-insensitive").isTrue();
    }

    @Test
    void refreshGivesANewPictureAndKeepsTheRegisterNumber() {
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.RESET_PASSWORD);
        String image = form.document().selectFirst(SelfServiceFields.CAPTCHA_IMAGE).attr("src");
        HttpBrowser.Page refreshed = browser.submit(RecoveryPage.FORM, Map.of("registerNumber", citizen.registerNumber()),
                "refreshCaptcha");
        assertThat(refreshed.document().selectFirst(SelfServiceFields.CAPTCHA_IMAGE).attr("src")).isNotEqualTo(image);
        assertThat(refreshed.document().selectFirst(SelfServiceFields.REGISTER_NUMBER).attr("value")).isEqualTo(citizen.registerNumber());
    }

    @Test
    void smsFromAnotherPhoneDoesNotRecover() {
        String code = CitizenLogin.shownCode(submitRecovery(browser, SelfServicePages.openFromLoginPage(browser, LoginPage.RESET_PASSWORD),
                citizen.registerNumber()));
        assertThat(gateway.send(SelfServicePages.otherPhone(citizen.phoneE164()), code).body()).contains("\"unmatched\"");
        HttpBrowser.Page still = CitizenLogin.pressContinue(browser);
        assertThat(still.has(ReverseSmsPage.CODE)).isTrue();
        assertThat(still.has(NewPasswordPage.FORM)).isFalse();
    }

    @Test
    void unknownRegisterNumberWalksTheSamePagesAndNeverMatches() {
        HttpBrowser.Page known = submitRecovery(browser, SelfServicePages.openFromLoginPage(browser, LoginPage.RESET_PASSWORD),
                citizen.registerNumber());
        HttpBrowser stranger = new HttpBrowser();
        TestCitizen nobody = TestCitizen.random();
        HttpBrowser.Page unknown = submitRecovery(stranger, SelfServicePages.openFromLoginPage(stranger, LoginPage.RESET_PASSWORD),
                nobody.registerNumber());

        assertThat(unknown.text(ReverseSmsPage.CODE)).matches("\\d{6}");
        assertThat(unknown.text(".khur-sms__instruction")).isEqualTo(known.text(".khur-sms__instruction"));
        assertThat(ids(unknown)).isEqualTo(ids(known));
        String status = ReverseSmsPage.statusUrl(unknown);
        assertThat(stranger.get(java.net.URI.create(status)).body()).contains("pending");

        String code = CitizenLogin.shownCode(unknown);
        assertThat(gateway.send(nobody.phoneE164(), code).body()).contains("\"unmatched\"");
        HttpBrowser.Page still = CitizenLogin.pressContinue(stranger);
        assertThat(still.has(ReverseSmsPage.CODE)).isTrue();
        assertThat(still.has(NewPasswordPage.FORM)).isFalse();
    }

    @Test
    void recoveryPagesNameTheBankAndSignatureWaysInAlikeForEveryone() {
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.RESET_PASSWORD);
        assertThat(form.text(RecoveryPage.OTHER_WAYS)).contains("банкны эрхээр").contains("утасны дугаар")
                .contains("тоон гарын үсг");
        assertThat(form.has(RecoveryPage.OTHER_LOGIN)).isTrue();
        HttpBrowser.Page withPhone = submitRecovery(browser, form, citizen.registerNumber());

        // a citizen registered through a bank: no phone (issue 21.4); the page must not tell them apart
        TestCitizen bankCitizen = TestCitizen.random();
        var created = admin.createUserRaw(Map.of("username", bankCitizen.username(), "enabled", true,
                "attributes", Map.of("register_number", java.util.List.of(bankCitizen.registerNumber()))));
        assertThat(created.statusCode()).isEqualTo(201);
        HttpBrowser other = new HttpBrowser();
        HttpBrowser.Page withoutPhone = submitRecovery(other, SelfServicePages.openFromLoginPage(other, LoginPage.RESET_PASSWORD),
                bankCitizen.registerNumber());

        assertThat(withPhone.text(ReverseSmsPage.OTHER_WAYS)).contains("банкны эрхээр").contains("тоон гарын үсг");
        assertThat(withoutPhone.text(ReverseSmsPage.OTHER_WAYS)).isEqualTo(withPhone.text(ReverseSmsPage.OTHER_WAYS));
        assertThat(ids(withoutPhone)).isEqualTo(ids(withPhone));
        assertThat(withoutPhone.text(".khur-sms__instruction")).isEqualTo(withPhone.text(".khur-sms__instruction"));

        HttpBrowser en = new HttpBrowser("en");
        HttpBrowser.Page english = en.open(java.net.URI.create(OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=en"));
        english = en.open(english.uri().resolve(english.document().selectFirst(LoginPage.RESET_PASSWORD).attr("href")));
        assertThat(english.text(RecoveryPage.OTHER_WAYS)).contains("bank").contains("digital signature");
    }

    @Test
    void newPasswordMustFollowThePolicyAndMatch() {
        String code = CitizenLogin.shownCode(submitRecovery(browser, SelfServicePages.openFromLoginPage(browser, LoginPage.RESET_PASSWORD),
                citizen.registerNumber()));
        gateway.send(citizen.phoneE164(), code);
        CitizenLogin.pressContinue(browser);
        HttpBrowser.Page tooShort = browser.submit(NewPasswordPage.FORM,
                Map.of("password-new", "Ab1", "password-confirm", "Ab1"), "submitPassword");
        assertThat(tooShort.text(SelfServiceFields.PASSWORD_NEW_ERROR)).contains("8");
        HttpBrowser.Page noDigit = browser.submit(NewPasswordPage.FORM,
                Map.of("password-new", "Abcdefghij", "password-confirm", "Abcdefghij"), "submitPassword");
        assertThat(noDigit.has(SelfServiceFields.PASSWORD_NEW_ERROR)).isTrue();
        HttpBrowser.Page mismatch = browser.submit(NewPasswordPage.FORM,
                Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD + "x"), "submitPassword");
        assertThat(mismatch.has(SelfServiceFields.PASSWORD_CONFIRM_ERROR)).isTrue();
        HttpBrowser old = new HttpBrowser();
        old.open(OidcRelyingParty.demo().begin().authorizationUri());
        assertThat(CitizenLogin.passwordStep(old, citizen.registerNumber(), citizen.password()).has(ReverseSmsPage.CODE))
                .as("nothing changed yet").isTrue();
    }

    private static HttpBrowser.Page submitRecovery(HttpBrowser in, HttpBrowser.Page form, String registerNumber) {
        return in.submit(RecoveryPage.FORM,
                Map.of("registerNumber", registerNumber, "captcha", SelfServicePages.captchaAnswer(form)), "submitRecovery");
    }

    private static java.util.List<String> ids(HttpBrowser.Page page) {
        return page.document().select("[id]").eachAttr("id").stream()
                .filter(id -> !id.startsWith("kc-") || id.equals("kc-form")).toList();
    }

    private int sessions() {
        var response = admin.get("/admin/realms/khur/users/" + userId + "/sessions");
        return Json.parse(response.body()).size();
    }
}
