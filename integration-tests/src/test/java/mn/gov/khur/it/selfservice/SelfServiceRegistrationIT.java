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
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.DonePage;
import mn.gov.khur.it.support.pages.EveryPage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.RefusedPage;
import mn.gov.khur.it.support.pages.RegistrationPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;
import mn.gov.khur.it.support.pages.SelfServiceFields;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Бүртгүүлэх": form + captcha → reverse SMS from that phone → only then the operators' word that the phone is in
 * the citizen's own name, and whether the register number is already registered → account.
 */
@ExtendWith(KhurServerExtension.class)
class SelfServiceRegistrationIT {

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient gateway = new InboundSmsClient();
    private TestCitizen citizen;
    private HttpBrowser browser;
    private HttpBrowser.Page form;

    @BeforeEach
    void newcomerAtTheRegistrationPage() {
        citizen = TestCitizen.random();
        SandboxSubscribers.registerOwner(citizen.phoneE164(), citizen.registerNumber());
        browser = new HttpBrowser();
        form = SelfServicePages.openFromLoginPage(browser, LoginPage.REGISTER);
        assertThat(form.text(RegistrationPage.SUBMIT)).isEqualTo("Бүртгүүлэх");
    }

    @Test
    void registrationByPhoneCreatesTheAccountOnlyAfterTheSms() {
        HttpBrowser.Page sms = register(fields(citizen.phoneE164(), citizen.password(), citizen.password()));
        String code = CitizenLogin.shownCode(sms);
        assertThat(sms.body()).contains(citizen.phoneE164().substring(10)).doesNotContain(citizen.phoneE164().substring(4));
        assertThat(account()).as("no account before the SMS").isNull();

        assertThat(gateway.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        HttpBrowser.Page done = CitizenLogin.pressContinue(browser);
        assertThat(DonePage.outcome(done)).isEqualTo("registration");

        JsonNode user = account();
        assertThat(user).isNotNull();
        JsonNode attributes = user.path("attributes");
        assertThat(attributes.path("register_number").get(0).asText()).isEqualTo(citizen.registerNumber());
        assertThat(attributes.path("phone_number").get(0).asText()).isEqualTo(citizen.phoneE164());
        assertThat(attributes.path("phone_number_verified").get(0).asText()).isEqualTo("true");
        assertThat(attributes.path("birthdate").get(0).asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(attributes.path("gender").get(0).asText()).isIn("male", "female");
        assertThat(admin.events(user.path("id").asText(), "REGISTER").size()).isGreaterThanOrEqualTo(1);

        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser.Page back = CitizenLogin.logIn(new HttpBrowser(), login, citizen);
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
    }

    @Test
    void aPhoneNotInTheCitizensNameIsRefusedAfterItsSms() {
        String someoneElses = SelfServicePages.otherPhone(citizen.phoneE164());
        SandboxSubscribers.registerOwner(someoneElses, TestCitizen.random().registerNumber());
        HttpBrowser.Page refused = registerAndTextFrom(citizen.registerNumber(), someoneElses);
        assertThat(refused.has(DonePage.DONE)).isFalse();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(RefusedPage.reason(refused)).isEqualTo("not-confirmed");
        assertThat(refused.text(RefusedPage.REFUSED)).contains("таны нэр дээр").contains("Банк").contains("үйлчилгээний төв");

        String nobodys = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(nobodys, null);
        HttpBrowser.Page unknownSim = registerAndTextFrom(citizen.registerNumber(), nobodys);
        assertThat(unknownSim.has(DonePage.DONE)).as("registered to nobody is not a match").isFalse();
        assertThat(unknownSim.text(RefusedPage.REFUSED)).isEqualTo(refused.text(RefusedPage.REFUSED));
        assertThat(account()).isNull();
    }

    @Test
    void lookupDownMeansTryAgainLaterNeverAPass() {
        SandboxSubscribers.service().setDown(true);
        try {
            HttpBrowser.Page sms = register(fields(citizen.phoneE164(), citizen.password(), citizen.password()));
            assertThat(sms.has(ReverseSmsPage.CODE)).as("the first page never asks the lookup").isTrue();
            assertThat(gateway.send(citizen.phoneE164(), CitizenLogin.shownCode(sms)).body()).contains("\"matched\"");
            HttpBrowser.Page later = CitizenLogin.pressContinue(browser);
            assertThat(later.status()).isLessThan(500);
            assertThat(RefusedPage.reason(later)).isEqualTo("unavailable");
            assertThat(later.body()).contains("Түр хүлээгээд дахин оролдоно уу");
            assertThat(browser.submit(RefusedPage.FORM, Map.of(), "retry").has(RefusedPage.RETRY))
                    .as("still down: still try again later").isTrue();
            assertThat(account()).isNull();
        } finally {
            SandboxSubscribers.service().setDown(false);
        }
        HttpBrowser.Page done = browser.submit(RefusedPage.FORM, Map.of(), "retry");
        assertThat(DonePage.outcome(done)).as("the same SMS, asked again").isEqualTo("registration");
        assertThat(account()).isNotNull();
    }

    @Test
    void smsFromAnotherPhoneCreatesNothing() {
        String code = CitizenLogin.shownCode(register(fields(citizen.phoneE164(), citizen.password(), citizen.password())));
        assertThat(gateway.send(SelfServicePages.otherPhone(citizen.phoneE164()), code).body()).contains("\"unmatched\"");
        assertThat(CitizenLogin.pressContinue(browser).has(ReverseSmsPage.CODE)).isTrue();
        assertThat(account()).isNull();
    }

    @Test
    void firstPageAnswersAlikeWhoeverOwnsThePhoneAndWhetherOrNotTheNumberIsRegistered() {
        // a phone in the newcomer's own name (set up for this.citizen)
        HttpBrowser.Page own = register(fields(citizen.phoneE164(), citizen.password(), citizen.password()));
        // a phone in someone else's name
        TestCitizen asker = TestCitizen.random();
        String someoneElses = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(someoneElses, TestCitizen.random().registerNumber());
        HttpBrowser.Page foreign = registerInANewBrowser(asker.registerNumber(), someoneElses, asker.password());
        // an already-registered register number, typed with that account's own phone
        TestCitizen registered = TestCitizen.random();
        admin.createCitizen(registered);
        SandboxSubscribers.registerOwner(registered.phoneE164(), registered.registerNumber());
        HttpBrowser.Page already = registerInANewBrowser(registered.registerNumber(), registered.phoneE164(), registered.password());
        // ... and typed with a phone in someone else's name
        HttpBrowser.Page alreadyForeign = registerInANewBrowser(registered.registerNumber(), someoneElsesPhone(), registered.password());

        for (HttpBrowser.Page page : List.of(foreign, already, alreadyForeign)) {
            assertThat(page.status()).isEqualTo(own.status()).isEqualTo(200);
            assertThat(page.has(ReverseSmsPage.CODE)).as("every valid form gets the SMS page").isTrue();
            assertThat(ids(page)).isEqualTo(ids(own));
            assertThat(page.text(EveryPage.TITLE)).isEqualTo(own.text(EveryPage.TITLE));
            assertThat(page.text(ReverseSmsPage.INSTRUCTION).replaceAll("\\d", "#"))
                    .isEqualTo(own.text(ReverseSmsPage.INSTRUCTION).replaceAll("\\d", "#"));
            assertThat(page.body()).doesNotContain("таны нэр дээр бүртгэлгүй").doesNotContain("аль хэдийн");
        }
    }

    @Test
    void alreadyRegisteredIsToldOnlyAfterAnSmsFromTheAccountsOwnPhone() {
        String userId = admin.createCitizen(citizen); // its phone is in its own name (set up above)
        String anotherInTheSameName = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(anotherInTheSameName, citizen.registerNumber());
        String strangers = someoneElsesPhone();

        HttpBrowser.Page byAnotherPhone = registerAndTextFrom(citizen.registerNumber(), anotherInTheSameName);
        HttpBrowser.Page byAStranger = registerAndTextFrom(citizen.registerNumber(), strangers);
        TestCitizen unregistered = TestCitizen.random();
        HttpBrowser.Page strangerOnAFreeNumber = registerAndTextFrom(unregistered.registerNumber(), someoneElsesPhone());
        for (HttpBrowser.Page page : List.of(byAnotherPhone, byAStranger)) {
            assertThat(page.has(DonePage.DONE)).isFalse();
            assertThat(page.body()).as("not told to a phone that is not the account's").doesNotContain("аль хэдийн");
            assertThat(page.status()).isEqualTo(strangerOnAFreeNumber.status()).isEqualTo(403);
            assertThat(RefusedPage.reason(page)).isEqualTo("not-confirmed");
            assertThat(page.text(RefusedPage.REFUSED)).as("the same page whether or not the number is registered")
                    .isEqualTo(strangerOnAFreeNumber.text(RefusedPage.REFUSED));
        }

        HttpBrowser.Page byTheAccountsPhone = registerAndTextFrom(citizen.registerNumber(), citizen.phoneE164());
        assertThat(RefusedPage.reason(byTheAccountsPhone))
                .isEqualTo("already-registered");
        assertThat(byTheAccountsPhone.text(RefusedPage.REFUSED)).contains("аль хэдийн").contains("Нууц үг сэргээх");
        assertThat(byTheAccountsPhone.has(RefusedPage.RECOVERY)).isTrue();
        assertThat(byTheAccountsPhone.status()).isLessThan(500);

        assertThat(admin.usersByAttribute("register_number", citizen.registerNumber())).hasSize(1);
        assertThat(admin.user(userId).path("attributes").path("phone_number").get(0).asText()).isEqualTo(citizen.phoneE164());
        assertThat(admin.usersByAttribute("register_number", unregistered.registerNumber())).isEmpty();
        HttpBrowser old = new HttpBrowser();
        old.open(OidcRelyingParty.demo().begin().authorizationUri());
        assertThat(CitizenLogin.passwordStep(old, citizen.registerNumber(), citizen.password()).has(ReverseSmsPage.CODE))
                .as("the account's password is untouched").isTrue();
        JsonNode refusals = Json.parse(admin.get("/admin/realms/khur/events?type=REGISTER_ERROR&max=200").body());
        List<String> reasons = new java.util.ArrayList<>();
        refusals.forEach(event -> {
            if (citizen.username().equals(event.path("details").path("username").asText())) {
                reasons.add(event.path("details").path("khur_reason").asText());
            }
        });
        assertThat(reasons).contains("already_registered", "already_registered_other_phone", "ownership_no_match");
    }

    @Test
    void aNumberRegisteredThroughABankWithoutAPhoneIsPointedToTheBankNotToRecovery() {
        // what a bank registration leaves: register number, names, no phone, no password (issue 21.4)
        var created = admin.createUserRaw(Map.of("username", citizen.username(), "enabled", true,
                "firstName", citizen.givenName(), "lastName", citizen.familyName(),
                "attributes", Map.of("register_number", List.of(citizen.registerNumber()))));
        assertThat(created.statusCode()).isEqualTo(201);
        String userId = account().path("id").asText();

        HttpBrowser.Page byAStranger = registerAndTextFrom(citizen.registerNumber(), someoneElsesPhone());
        assertThat(RefusedPage.reason(byAStranger))
                .as("a phone in another name learns nothing about the account").isEqualTo("not-confirmed");

        HttpBrowser.Page ownPhone = registerAndTextFrom(citizen.registerNumber(), citizen.phoneE164());
        assertThat(ownPhone.has(DonePage.DONE)).isFalse();
        assertThat(ownPhone.status()).isEqualTo(409);
        assertThat(RefusedPage.reason(ownPhone)).isEqualTo("without-phone");
        assertThat(ownPhone.text(RefusedPage.REFUSED)).contains("Банкны эрхээр нэвтэр").contains("утасны дугаар")
                .contains("нууц үг").doesNotContain("Нууц үг сэргээх");
        assertThat(ownPhone.has(RefusedPage.RECOVERY)).as("recovery cannot work without a phone").isFalse();
        assertThat(ownPhone.has(RefusedPage.LOGIN)).isTrue();

        JsonNode user = admin.user(userId);
        assertThat(user.path("attributes").has("phone_number")).as("registration binds nothing to the account").isFalse();
        assertThat(Json.parse(admin.get("/admin/realms/khur/users/" + userId + "/credentials").body())).isEmpty();
        assertThat(admin.events(userId, "REGISTER_ERROR").toString()).contains("already_registered_without_phone");
    }

    @Test
    void passwordPolicyViolationsAreExplainedInMongolian() {
        HttpBrowser.Page tooShort = register(fields(citizen.phoneE164(), "Ab1", "Ab1"));
        assertThat(tooShort.has(ReverseSmsPage.CODE)).isFalse();
        assertThat(tooShort.text(SelfServiceFields.PASSWORD_NEW_ERROR)).contains("8");
        HttpBrowser.Page noUpper = register(fields(citizen.phoneE164(), "nuuts1234ug", "nuuts1234ug"));
        assertThat(noUpper.has(SelfServiceFields.PASSWORD_NEW_ERROR)).isTrue();
        HttpBrowser.Page mismatch = register(fields(citizen.phoneE164(), citizen.password(), citizen.password() + "x"));
        assertThat(mismatch.has(SelfServiceFields.PASSWORD_CONFIRM_ERROR)).isTrue();
        assertThat(mismatch.document().selectFirst(SelfServiceFields.REGISTER_NUMBER).attr("value")).isEqualTo(citizen.registerNumber());
        assertThat(mismatch.document().selectFirst(SelfServiceFields.PASSWORD_NEW).attr("value")).isEmpty();
    }

    @Test
    void wrongCaptchaIsRefusedBeforeAnyCheck() {
        SandboxSubscribers.service().setDown(true); // the lookup must not even be asked
        try {
            Map<String, String> values = fields(citizen.phoneE164(), citizen.password(), citizen.password());
            values.put("captcha", "QQQQQ".equals(SelfServicePages.captchaAnswer(form)) ? "WWWWW" : "QQQQQ");
            HttpBrowser.Page refused = browser.submit(RegistrationPage.FORM, values, "submitRegistration");
            assertThat(refused.has(SelfServiceFields.CAPTCHA_ERROR)).isTrue();
            assertThat(refused.body()).doesNotContain("Түр хүлээгээд дахин оролдоно уу. Утасны");
        } finally {
            SandboxSubscribers.service().setDown(false);
        }
    }

    private Map<String, String> fields(String phone, String password, String confirmation) {
        return fields(citizen.registerNumber(), phone, password, confirmation);
    }

    private static Map<String, String> fields(String registerNumber, String phone, String password, String confirmation) {
        Map<String, String> values = new HashMap<>();
        values.put("registerNumber", registerNumber);
        values.put("phone", phone);
        values.put("password-new", password);
        values.put("password-confirm", confirmation);
        return values;
    }

    private HttpBrowser.Page register(Map<String, String> values) {
        return register(browser, values);
    }

    private static HttpBrowser.Page register(HttpBrowser in, Map<String, String> values) {
        Map<String, String> withCaptcha = new HashMap<>(values);
        withCaptcha.put("captcha", SelfServicePages.captchaAnswer(in.current()));
        return in.submit(RegistrationPage.FORM, withCaptcha, "submitRegistration");
    }

    private static HttpBrowser.Page registerInANewBrowser(String registerNumber, String phone, String password) {
        HttpBrowser other = new HttpBrowser();
        SelfServicePages.openFromLoginPage(other, LoginPage.REGISTER);
        return register(other, fields(registerNumber, phone, password, password));
    }

    /** The whole registration by someone holding {@code phone}: first page, the SMS from that phone, "continue". */
    private HttpBrowser.Page registerAndTextFrom(String registerNumber, String phone) {
        HttpBrowser other = new HttpBrowser();
        SelfServicePages.openFromLoginPage(other, LoginPage.REGISTER);
        String password = TestCitizen.random().password();
        String code = CitizenLogin.shownCode(register(other, fields(registerNumber, phone, password, password)));
        assertThat(gateway.send(phone, code).body()).contains("\"matched\"");
        return CitizenLogin.pressContinue(other);
    }

    private static String someoneElsesPhone() {
        String phone = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(phone, TestCitizen.random().registerNumber());
        return phone;
    }

    private static List<String> ids(HttpBrowser.Page page) {
        return page.document().select("[id]").eachAttr("id").stream()
                .filter(id -> !id.startsWith("kc-") || id.equals("kc-form")).toList();
    }

    private JsonNode account() {
        var response = admin.get("/admin/realms/khur/users?exact=true&username="
                + java.net.URLEncoder.encode(citizen.username(), java.nio.charset.StandardCharsets.UTF_8));
        JsonNode users = Json.parse(response.body());
        return users.size() == 0 ? null : users.get(0);
    }
}
