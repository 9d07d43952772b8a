package mn.gov.khur.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders our templates the way Keycloak 26.7.5 does (FreeMarker 2.3.35, HTML output format,
 * template lookup khur → keycloak.v2 → base) with a data model shaped like Keycloak's, and
 * checks the element ids of docs/CONTRACTS.md §3. Catches FreeMarker syntax and null-safety errors
 * without a running server.
 */
class TemplateRenderTest {

    private static final String RESOURCES = "/resources/v1/login/khur";
    private static final String LOGIN_ACTION =
            "https://sso.example.mn/realms/khur/login-actions/authenticate?session_code=a1&execution=e1&client_id=c1&tab_id=t1";

    private static final AtomicInteger DUMPS = new AtomicInteger();
    private static Configuration cfg;

    /** Message keys the templates asked for that no bundle has (would show as raw keys). */
    private final Set<String> missingKeys = new TreeSet<>();

    @BeforeAll
    static void configure() {
        cfg = new Configuration(Configuration.VERSION_2_3_32);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                new ClassTemplateLoader(TemplateRenderTest.class, "/theme/khur/login"),
                new ClassTemplateLoader(TemplateRenderTest.class, "/theme/keycloak.v2/login"),
                new ClassTemplateLoader(TemplateRenderTest.class, "/theme/base/login")}));
    }

    // ---- login.ftl ------------------------------------------------------------------------------

    @Test
    void loginPageHasTheContractIdsInMongolian() throws Exception {
        Document doc = render("login.ftl", model("mn", "login"));

        assertEquals("mn", doc.selectFirst("html").attr("lang"));
        Element username = byId(doc, "username");
        assertEquals("username", username.attr("name"));
        assertEquals("УБ99112233", username.attr("placeholder"));
        assertEquals("off", username.attr("autocomplete"));
        assertEquals("characters", username.attr("autocapitalize"));
        assertEquals("Регистрийн дугаар", doc.selectFirst("label[for=username]").text());
        assertEquals("password", byId(doc, "password").attr("type"));
        Element submit = byId(doc, "kc-login");
        assertEquals("Нэвтрэх", submit.text());
        assertEquals("submit", submit.attr("type"));
        assertEquals(LOGIN_ACTION, byId(doc, "kc-form-login").attr("action"));

        assertEquals("/realms/khur/register", byId(doc, "khur-register").attr("href"));
        assertEquals("Бүртгүүлэх", byId(doc, "khur-register").text());
        assertEquals("/realms/khur/reset", byId(doc, "khur-reset-password").attr("href"));
        assertEquals("Нууц үг сэргээх", byId(doc, "khur-reset-password").text());
        assertNull(doc.getElementById("khur-change-phone"), "no khurChangePhoneUrl, no link");

        assertTrue(doc.getElementById("kc-header-wrapper").text().contains("ХУР — Төрийн нэгдсэн нэвтрэлт"));
        assertEquals("ХУР — Төрийн нэгдсэн нэвтрэлт", doc.title());
        // language switch (realm internationalization on)
        List<String> languages = doc.select("#login-select-toggle option").eachText();
        assertTrue(languages.containsAll(List.of("Монгол", "English")), languages.toString());
        assertNoForeignHosts(doc);
        assertStylesheets(doc);
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void loginPageInEnglish() throws Exception {
        Document doc = render("login.ftl", model("en", "login"));
        assertEquals("Register number", doc.selectFirst("label[for=username]").text());
        assertEquals("Sign in", byId(doc, "kc-login").text());
        assertEquals("Register", byId(doc, "khur-register").text());
        assertTrue(doc.getElementById("kc-header-wrapper").text().contains("KHUR — Government single sign-on"));
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void loginLinksFollowTheRealmAndTheChangePhoneAttribute() throws Exception {
        Map<String, Object> model = model("mn", "login");
        realm(model).put("registrationAllowed", false);
        realm(model).put("resetPasswordAllowed", false);
        model.put("khurChangePhoneUrl", "https://sso.example.mn/realms/khur/protocol/openid-connect/auth?client_id=khur-phone");

        Document doc = render("login.ftl", model);
        assertNull(doc.getElementById("khur-register"));
        assertNull(doc.getElementById("khur-reset-password"));
        assertEquals("https://sso.example.mn/realms/khur/protocol/openid-connect/auth?client_id=khur-phone",
                byId(doc, "khur-change-phone").attr("href"));
        assertEquals("Утасны дугаар солих", byId(doc, "khur-change-phone").text());
    }

    @Test
    void loginWithoutAnyLinkHasNoLinkBand() throws Exception {
        Map<String, Object> model = model("mn", "login");
        realm(model).put("registrationAllowed", false);
        realm(model).put("resetPasswordAllowed", false);
        Document doc = render("login.ftl", model);
        assertNull(doc.getElementById("khur-links"));
    }

    @Test
    void loginShowsTheFieldErrorAndKeepsTheTypedUsername() throws Exception {
        Map<String, Object> model = model("mn", "login");
        model.put("messagesPerField", new FieldMessages(Map.of("username", "Регистрийн дугаар эсвэл нууц үг буруу байна.")));
        model.put("login", new HashMap<>(Map.of("username", "уб99112233")));
        model.put("message", Map.of("type", "error", "summary", "Регистрийн дугаар эсвэл нууц үг буруу байна."));

        Document doc = render("login.ftl", model);
        assertEquals("уб99112233", byId(doc, "username").attr("value"));
        assertEquals("true", byId(doc, "username").attr("aria-invalid"));
        assertEquals("Регистрийн дугаар эсвэл нууц үг буруу байна.", byId(doc, "input-error-username").text());
        assertTrue(doc.select(".pf-v5-c-alert").isEmpty(), "field error replaces the global alert");
    }

    // ---- the entry page: every method (login.ftl with banks and signature methods) ---------------

    private Map<String, Object> entryModel(String lang) throws IOException {
        Map<String, Object> model = model(lang, "login");
        model.put("social", Map.of("providers", List.of(
                Map.of("alias", "khanbank", "displayName", "Khan Bank", "loginUrl", "/realms/khur/broker/khanbank/login"))));
        model.put("khurEsignMethods", List.of(new EsignMethodBean("token"), new EsignMethodBean("sim"), new EsignMethodBean("cloud")));
        return model;
    }

    @Test
    void entryPageOffersEveryMethodWithTheContractIds() throws Exception {
        Document doc = render("login.ftl", entryModel("mn"));

        assertEquals("Нэвтрэх", byId(doc, "kc-page-title").text());
        assertEquals("Нэг удаагийн кодоор нэвтрэх", byId(doc, "khur-method-otp").text());
        assertEquals("#kc-form-login", byId(doc, "khur-method-otp").attr("href"));
        assertEquals("Банкны эрхээр нэвтрэх", byId(doc, "khur-method-bank").text());
        assertEquals("Тоон гарын үсгээр нэвтрэх", byId(doc, "khur-signatures-title").text());
        Map<String, String> labels = Map.of("token", "Токен төхөөрөмж ашиглан нэвтрэх",
                "sim", "Симд суурилсан тоон гарын үсэг", "cloud", "Клауд тоон гарын үсэг");
        for (String code : List.of("token", "sim", "cloud")) {
            Element button = byId(doc, "khur-method-esign-" + code);
            assertEquals("submit", button.attr("type"));
            assertEquals("method", button.attr("name"));
            assertEquals(code, button.attr("value"));
            assertEquals(labels.get(code), button.text());
            Element form = button.closest("form");
            assertEquals("khur-esign-entry", form.id(), "its own form, no script needed");
            assertEquals("post", form.attr("method"));
            assertEquals(LOGIN_ACTION, form.attr("action"));
        }
        for (String id : List.of("khur-register", "khur-reset-password", "username", "password", "kc-login")) {
            assertNotNull(doc.getElementById(id), id);
        }
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void entryPageInEnglish() throws Exception {
        Document doc = render("login.ftl", entryModel("en"));
        assertEquals("Log in", byId(doc, "kc-page-title").text());
        assertEquals("Sign in with a one-time code", byId(doc, "khur-method-otp").text());
        assertEquals("SIM-based digital signature", byId(doc, "khur-method-esign-sim").text());
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void aLockedAccountsNoticeSaysHowLongAndLinksTheWaysStillOpen() throws Exception {
        Map<String, Object> model = entryModel("mn");
        model.put("khurAccountLockedMinutes", 12L);
        Document doc = render("login.ftl", model);
        Element notice = byId(doc, "khur-account-locked");
        assertEquals("Нууц үгээр нэвтрэх эрх түр хаагдсан байна", notice.selectFirst(".pf-v5-c-alert__title").text());
        assertTrue(notice.text().contains("12 минутын дараа дахин оролдоно уу."), notice.text());
        assertEquals("Банкны эрхээр нэвтрэх", notice.selectFirst("a[href=#khur-banks]").text());
        assertEquals("Тоон гарын үсгээр нэвтрэх", notice.selectFirst("a[href=#khur-signatures]").text());
        assertNotNull(doc.getElementById("khur-banks"));
        assertNotNull(doc.getElementById("khur-signatures"));
        assertFalse(byId(doc, "username").hasAttr("autofocus"), "the page opens at the notice, not scrolled to the field");
        assertTrue(byId(render("login.ftl", entryModel("mn")), "username").hasAttr("autofocus"));
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void theLockNoticeInEnglishCountsItsMinutes() throws Exception {
        Map<String, Object> model = entryModel("en");
        model.put("khurAccountLockedMinutes", 1L);
        assertTrue(byId(render("login.ftl", model), "khur-account-locked").text().contains("Please try again in 1 minute."));
        model.put("khurAccountLockedMinutes", 15L);
        assertTrue(byId(render("login.ftl", model), "khur-account-locked").text().contains("Please try again in 15 minutes."));
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void theLockNoticeLinksOnlyTheWaysThePageOffers() throws Exception {
        Map<String, Object> model = model("mn", "login");
        model.put("khurAccountLockedMinutes", 3L);
        Element notice = byId(render("login.ftl", model), "khur-account-locked");
        assertTrue(notice.select("a").isEmpty(), "no bank, no signature on this page: nothing to link");
        assertNull(render("login.ftl", model("mn", "login")).getElementById("khur-account-locked"), "no lock, no notice");
    }

    @Test
    void noSignatureSectionWhenTheRequestMayNotUseOne() throws Exception {
        Map<String, Object> model = entryModel("mn");
        model.put("khurEsignMethods", List.of());
        Document doc = render("login.ftl", model);
        assertNull(doc.getElementById("khur-signatures"));
        assertNull(doc.getElementById("khur-method-esign-sim"));
        assertNotNull(doc.getElementById("khur-method-otp"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void signatureChoiceOffersTheWayBackOnlyWhenTheCitizenRaisedTheLevel(boolean raised) throws Exception {
        Map<String, Object> model = model("mn", "khur-esign-choice");
        model.put("khurEsignMethods", List.of(new EsignMethodBean("token"), new EsignMethodBean("sim")));
        model.put("khurEsignOtherMethods", raised);
        Document doc = render("khur-esign-choice.ftl", model);
        assertEquals(raised, doc.getElementById("khur-esign-other-methods") != null);
        assertEquals(raised ? "Тоон гарын үсгийн төрлөө сонгоно уу."
                        : "Энэ үйлчилгээнд тоон гарын үсгээр нэвтрэх шаардлагатай. Аргаа сонгоно уу.",
                doc.selectFirst(".khur-esign__intro").text());
        if (raised) {
            assertEquals("otherMethods", byId(doc, "khur-esign-other-methods").attr("name"));
        }
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    // ---- khur-esign-push.ftl, khur-esign-token.ftl ----------------------------------------------------

    @Test
    void pushStartPageHasItsIdsAndKeepsWhatWasTyped() throws Exception {
        Map<String, Object> model = pushStartModel("mn", "khurEsignSimTitle", "khurEsignSimHint", "УБ99112233", "99112233");
        model.put("messagesPerField", new FieldMessages(Map.of("phone", "Утасны дугаар буруу байна.")));

        Document doc = render("khur-esign-push.ftl", model);
        assertEquals("Симд суурилсан тоон гарын үсэг", byId(doc, "kc-page-title").text());
        Element form = byId(doc, "khur-esign-push-form");
        assertEquals(LOGIN_ACTION, form.attr("action"));
        assertEquals("post", form.attr("method"));
        assertEquals("УБ99112233", byId(doc, "khur-esign-register-number").attr("value"));
        assertEquals("false", byId(doc, "khur-esign-register-number").attr("aria-invalid"));
        assertEquals("99112233", byId(doc, "khur-esign-phone").attr("value"));
        assertEquals("true", byId(doc, "khur-esign-phone").attr("aria-invalid"));
        assertEquals("Утасны дугаар буруу байна.", byId(doc, "input-error-phone").text());
        assertTrue(doc.selectFirst(".khur-esign__hint").text().startsWith("Таны утсанд гарын үсэг зурах хүсэлт очно."));
        assertEquals("start", byId(doc, "khur-esign-push-sign").attr("name"));
        assertEquals("back", byId(doc, "khur-esign-back").attr("name"));
        assertNull(doc.getElementById("khur-esign-push-wait"), "the start page is not the waiting page");
        assertNoForeignHosts(doc);
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void pushStartPageOfTheCloudMethodInEnglish() throws Exception {
        Document doc = render("khur-esign-push.ftl", pushStartModel("en", "khurEsignCloudTitle", "khurEsignCloudHint", null, null));
        assertEquals("Cloud digital signature", byId(doc, "kc-page-title").text());
        assertEquals("", byId(doc, "khur-esign-register-number").attr("value"));
        assertEquals("", byId(doc, "khur-esign-phone").attr("value"));
        assertEquals("Log in another way", byId(doc, "khur-esign-back").text());
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void pushWaitingPageShowsTheVerificationCodeFirst() throws Exception {
        Document doc = render("khur-esign-push.ftl", pushWaitingModel("mn", "khurEsignCloudTitle", "0427", 3));
        assertEquals("Клауд тоон гарын үсэг", byId(doc, "kc-page-title").text());
        Element form = byId(doc, "khur-esign-push-wait");
        assertEquals(LOGIN_ACTION, form.attr("action"));
        assertEquals("3", form.attr("data-poll-seconds"));
        assertEquals("0427", byId(doc, "khur-esign-verification-code").wholeText(), "exactly the 4 digits");
        assertEquals("Шалгах код", byId(doc, "khur-esign-verification-code-label").text());
        assertEquals("0 4 2 7", doc.selectFirst(".khur-esign__vc-value .khur-sr-only").text());
        assertNotNull(doc.getElementById("khur-esign-code-mismatch"));
        assertEquals("polite", byId(doc, "khur-esign-push-status").attr("aria-live"));
        assertEquals("Шалгах", byId(doc, "khur-esign-push-check").text());
        assertEquals("cancel", byId(doc, "khur-esign-push-cancel").attr("name"));
        assertEquals(1, doc.select("script[src=" + RESOURCES + "/js/khur-esign-wait.js]").size());
        assertNull(doc.getElementById("khur-esign-push-form"), "no register number or phone while waiting");
        assertNoForeignHosts(doc);
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void tokenPageCarriesTheChallengeAndTheClientSettings() throws Exception {
        String challenge = "khur-login/v1 origin-sha256=abc nonce-sha256=def";
        Document doc = render("khur-esign-token.ftl", tokenModel("mn", challenge, "ws://127.0.0.1:59001",
                "https://esign.example.mn/install", 120, "УБ99112233"));
        assertEquals("Тоон гарын үсгээр нэвтрэх", byId(doc, "kc-page-title").text());
        Element form = byId(doc, "khur-esign-form");
        assertEquals(LOGIN_ACTION, form.attr("action"));
        assertEquals(challenge, form.attr("data-sign-data"));
        assertEquals("ws://127.0.0.1:59001", form.attr("data-client-url"));
        assertEquals("120", form.attr("data-timeout-seconds"));
        assertEquals("УБ99112233", byId(doc, "khur-esign-register-number").attr("value"));
        assertEquals("button", byId(doc, "khur-esign-sign").attr("type"));
        assertEquals("back", byId(doc, "khur-esign-back").attr("name"));
        assertEquals("https://esign.example.mn/install", byId(doc, "khur-esign-install").attr("href"));
        assertEquals(1, doc.select("script[src=" + RESOURCES + "/js/khur-esign-token.js]").size());
        assertNoForeignHosts(doc);
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void tokenPageWithoutADownloadPageHasNoLink() throws Exception {
        Document doc = render("khur-esign-token.ftl", tokenModel("en", "khur-login/v1 origin-sha256=abc nonce-sha256=def",
                "ws://127.0.0.1:59001", "", 5, null));
        assertNull(doc.getElementById("khur-esign-install"));
        assertEquals("5", byId(doc, "khur-esign-form").attr("data-timeout-seconds"));
        assertEquals("", byId(doc, "khur-esign-register-number").attr("value"));
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    /** The push start page's bean: register number and phone as typed ("" if none). */
    private Map<String, Object> pushStartModel(String lang, String titleKey, String hintKey, String registerNumber, String phone)
            throws IOException {
        Map<String, Object> model = model(lang, "khur-esign-push");
        model.put("khurEsignPush", EsignPushPageBean.start(titleKey, hintKey, registerNumber, phone));
        return model;
    }

    /** The push waiting page's bean. */
    private Map<String, Object> pushWaitingModel(String lang, String titleKey, String code, int pollSeconds) throws IOException {
        Map<String, Object> model = model(lang, "khur-esign-push");
        model.put("khurEsignPush", EsignPushPageBean.waiting(titleKey, code, pollSeconds));
        return model;
    }

    /** The token page's bean. */
    private Map<String, Object> tokenModel(String lang, String dataToSign, String clientUrl, String installUrl, int timeoutSeconds,
                                           String registerNumber) throws IOException {
        Map<String, Object> model = model(lang, "khur-esign-token");
        model.put("khurEsignToken", new EsignTokenPageBean(dataToSign, clientUrl, installUrl, timeoutSeconds, registerNumber));
        return model;
    }

    // ---- khur-sms-challenge.ftl ------------------------------------------------------------------

    @Test
    void smsPageHasTheContractIds() throws Exception {
        Map<String, Object> model = model("mn", "khur-sms-challenge");
        model.put("khurSms", new SmsChallengeBean("482913", false, "login", "+976 99****33"));

        Document doc = render("khur-sms-challenge.ftl", model);

        assertEquals("Нэг удаагийн кодоор нэвтрэх", byId(doc, "kc-page-title").text());
        Element code = byId(doc, "khur-sms-code");
        assertEquals("482913", code.wholeText(), "exactly the 6 digits, no whitespace");
        assertEquals(0, code.childrenSize());
        assertEquals("130092", byId(doc, "khur-sms-number").wholeText());

        Element form = byId(doc, "khur-sms-form");
        assertEquals("post", form.attr("method"));
        assertEquals(LOGIN_ACTION, form.attr("action"));
        assertEquals("https://sso.example.mn/realms/khur/khur-sms/status?tab_id=abc&session_code=x1",
                form.attr("data-status-url"));
        assertEquals("1764000000", form.attr("data-expires-at"));
        assertTrue(form.attr("data-server-now").matches("\\d{13}"), form.attr("data-server-now"));
        assertEquals("Зурвас хүлээн авлаа. Үргэлжлүүлж байна…", form.attr("data-text-matched"));

        Element cont = byId(doc, "khur-sms-continue");
        assertEquals("continue", cont.attr("name"));
        assertEquals("submit", cont.attr("type"));
        assertEquals("Үргэлжлүүлэх", cont.text());
        assertEquals(form, cont.closest("form"));
        assertEquals("resend", byId(doc, "khur-sms-resend").attr("name"));
        assertEquals("Шинэ код авах", byId(doc, "khur-sms-resend").text());
        assertEquals("cancel", byId(doc, "khur-sms-cancel").attr("name"));
        assertEquals(form, byId(doc, "khur-sms-cancel").closest("form"));

        Element status = byId(doc, "khur-sms-status");
        assertEquals("polite", status.attr("aria-live"));

        assertEquals("sms:130092?body=482913", byId(doc, "khur-sms-open").attr("href"));
        assertEquals("Зурвас бичих", byId(doc, "khur-sms-open").text());
        assertNotNull(doc.selectFirst("#khur-sms-qr svg path"), "QR svg printed unescaped");
        assertEquals("Утасныхаа камераар уншуулна уу", doc.selectFirst("#khur-sms-qr figcaption").text());

        String instruction = doc.selectFirst(".khur-sms__instruction").text();
        assertTrue(instruction.contains("(+976 99****33) 130092 тусгай дугаарт"), instruction);
        assertTrue(doc.text().contains("Код 5 минутын хугацаанд хүчинтэй."), "lifetime shown without JavaScript");
        assertTrue(doc.getElementById("khur-sms-expired").hasAttr("hidden"));

        // our script is external, and the page body has no inline script of ours
        assertEquals(1, doc.select("script[src=" + RESOURCES + "/js/khur-sms-wait.js]").size());
        assertTrue(doc.select("#khur-sms script:not([src])").isEmpty());
        assertNoForeignHosts(doc);
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void expiredSmsPageOffersOnlyANewCode() throws Exception {
        Map<String, Object> model = model("mn", "khur-sms-challenge");
        model.put("khurSms", new SmsChallengeBean("482913", true, "login", "+976 99****33"));

        Document doc = render("khur-sms-challenge.ftl", model);
        assertNull(doc.getElementById("khur-sms-code"));
        assertNull(doc.getElementById("khur-sms-continue"));
        Element resend = byId(doc, "khur-sms-resend");
        assertTrue(resend.hasClass("pf-m-primary"), resend.className());
        assertEquals("Шинэ код авах", resend.text());
        assertFalse(byId(doc, "khur-sms-expired").hasAttr("hidden"));
        assertEquals("Кодын хугацаа дууссан", byId(doc, "khur-sms-expired").selectFirst("p").text());
        assertNull(doc.selectFirst(".khur-sms__instruction"), "no 'send this code' once it expired");
        assertFalse(byId(doc, "khur-sms-form").hasAttr("data-status-url"), "nothing to poll");
        assertEquals("true", byId(doc, "khur-sms-form").attr("data-expired"));
        assertNotNull(doc.getElementById("khur-sms-cancel"));
    }

    @Test
    void noNewCodeButtonOnceTheLimitIsReached() throws Exception {
        Map<String, Object> model = model("mn", "khur-sms-challenge");
        model.put("khurSms", new SmsChallengeBean("482913", false, "login", "+976 99****33", false));
        Document doc = render("khur-sms-challenge.ftl", model);
        assertNotNull(doc.getElementById("khur-sms-continue"));
        assertNull(doc.getElementById("khur-sms-resend"));

        model.put("khurSms", new SmsChallengeBean("482913", true, "login", "+976 99****33", false));
        doc = render("khur-sms-challenge.ftl", model);
        assertNull(doc.getElementById("khur-sms-resend"));
        assertNotNull(doc.getElementById("khur-sms-cancel"));
        assertTrue(byId(doc, "khur-sms-expired").text().contains("“Буцах”"));
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void expiredMessageFromTheAuthenticatorIsNotRepeated() throws Exception {
        Map<String, Object> model = model("mn", "khur-sms-challenge");
        model.put("khurSms", new SmsChallengeBean("482913", true, "login", "+976 99****33"));
        model.put("message", Map.of("type", "warning", "summary", messages("mn").getProperty("khurSmsExpired")));

        Document doc = render("khur-sms-challenge.ftl", model);
        assertEquals(1, doc.select(".pf-v5-c-alert:not([hidden])").size());
        assertTrue(byId(doc, "khur-sms-expired").hasAttr("hidden"));
    }

    @Test
    void smsPageShowsTheAuthenticatorsMessage() throws Exception {
        Map<String, Object> model = model("mn", "khur-sms-challenge");
        model.put("khurSms", new SmsChallengeBean("482913", false, "login", "+976 99****33"));
        Properties mn = messages("mn");
        model.put("message", Map.of("type", "warning", "summary", mn.getProperty("khurSmsNotYetReceived")));

        Document doc = render("khur-sms-challenge.ftl", model);
        assertTrue(doc.selectFirst(".pf-v5-c-alert.pf-m-warning").text().contains("хараахан ирээгүй"));
    }

    /** Issue 21.2: the script's texts for an SMS that came but did not count; a wrong-code text on the login's page only. */
    @Test
    void smsPageCarriesTheFeedbackTextsForTheScript() throws Exception {
        Map<String, Object> model = model("mn", "khur-sms-challenge");
        model.put("khurSms", new SmsChallengeBean("482913", false, "login", "+976 88****56"));
        Element form = byId(render("khur-sms-challenge.ftl", model), "khur-sms-form");
        assertTrue(form.attr("data-text-feedback-wrong-code").contains("+976 88****56"), form.toString());
        assertTrue(form.attr("data-text-feedback-wrong-code").contains("өөр код"));
        assertTrue(form.attr("data-text-feedback-other-number").contains("+976 88****56"));
        assertTrue(form.attr("data-text-feedback-other-number").contains("130092"));

        Map<String, Object> change = model("mn", "khur-sms-challenge");
        change.put("khurSms", new SmsChallengeBean("482913", false, "phone-change", "+976 88****56"));
        Element changeForm = byId(render("khur-sms-challenge.ftl", change), "khur-sms-form");
        assertFalse(changeForm.hasAttr("data-text-feedback-wrong-code"));
        assertTrue(changeForm.attr("data-text-feedback-other-number").contains("+976 88****56"));

        Map<String, Object> recovery = model("mn", "khur-sms-challenge");
        recovery.put("khurSms", new SmsChallengeBean("482913", false, "password-reset", null));
        Element noPhone = byId(render("khur-sms-challenge.ftl", recovery), "khur-sms-form");
        assertFalse(noPhone.hasAttr("data-text-feedback-wrong-code"));
        assertTrue(noPhone.attr("data-text-feedback-other-number").contains("бүртгэлтэй гар утасны"));
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "registration", "password-reset", "phone-change", "something-else"})
    void smsPageTitleFollowsThePurpose(String purpose) throws Exception {
        Map<String, Object> model = model("en", "khur-sms-challenge");
        model.put("khurSms", new SmsChallengeBean("000123", false, purpose, "+976 99****33"));
        Document doc = render("khur-sms-challenge.ftl", model);

        String expected = switch (purpose) {
            case "registration" -> "Confirm your registration";
            case "password-reset" -> "Recover password";
            case "phone-change" -> "Change phone number";
            default -> "Sign in with a one-time code";
        };
        assertEquals(expected, byId(doc, "kc-page-title").text());
        assertEquals("000123", byId(doc, "khur-sms-code").wholeText(), "leading zeros kept");
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    @Test
    void smsPageWithoutPhoneOrBeanStillRenders() throws Exception {
        Map<String, Object> model = model("mn", "khur-sms-challenge");
        model.put("khurSms", new SmsChallengeBean("482913", false, "login", null));
        Document doc = render("khur-sms-challenge.ftl", model);
        assertEquals("482913", byId(doc, "khur-sms-code").wholeText());
        assertTrue(doc.selectFirst(".khur-sms__instruction").text().contains("130092"));

        Document none = render("khur-sms-challenge.ftl", model("mn", "khur-sms-challenge"));
        assertNotNull(none.selectFirst(".khur-sms__missing"));
        assertNotNull(none.getElementById("khur-sms-resend"));
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);
    }

    // ---- khur-selfservice-refused.ftl -------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"not-confirmed", "sim-changed", "unavailable", "already-registered", "without-phone", "forged"})
    void selfServiceRefusalNamesTheOtherWaysInAndOnlyItsOwnActions(String kind) throws Exception {
        for (String lang : List.of("mn", "en")) {
            Map<String, Object> model = model(lang, "khur-selfservice-refused");
            model.put("khurRefused", kind);
            model.put("message", Map.of("type", "error", "summary", "<b>text</b> of the step"));
            Document doc = render("khur-selfservice-refused.ftl", model);
            String shown = kind.equals("forged") ? "not-confirmed" : kind;
            assertEquals(shown, byId(doc, "khur-refused").attr("data-khur-refused"));
            assertEquals("text of the step", byId(doc, "khur-refused").text(), "sanitised message, no markup of its own");
            assertEquals(messages(lang).getProperty("khurRefusedTitle." + shown), byId(doc, "kc-page-title").text());
            assertEquals("/realms/khur/restart", byId(doc, "khur-refused-login").attr("href"));
            assertEquals(shown.equals("unavailable"), doc.getElementById("khur-refused-retry") != null);
            if (shown.equals("unavailable")) {
                assertEquals(LOGIN_ACTION, byId(doc, "khur-refused-form").attr("action"));
            }
            assertEquals(shown.equals("already-registered"), doc.getElementById("khur-refused-recovery") != null);
            assertTrue(missingKeys.isEmpty(), kind + "/" + lang + ": message keys without text: " + missingKeys);
            assertNoForeignHosts(doc);
        }
    }

    // ---- issue 21.4: recovery names the other ways in; khur-bank-add-phone.ftl -----------------------

    @Test
    void recoveryPagesNameTheBankAndSignatureWaysIn() throws Exception {
        for (String lang : List.of("mn", "en")) {
            Map<String, Object> model = model(lang, "khur-recovery");
            model.put("khurCaptcha", Map.of("image", "data:image/png;base64,AAAA"));
            Document first = render("khur-recovery.ftl", model);
            assertEquals(messages(lang).getProperty("khurRecoveryOtherWays"), byId(first, "khur-recovery-other-ways").text());
            assertEquals("/realms/khur/restart", byId(first, "khur-recovery-other-login").attr("href"));
            for (String purpose : List.of("password-reset", "login", "registration", "phone-change")) {
                Map<String, Object> sms = model(lang, "khur-sms-challenge");
                sms.put("khurSms", new SmsChallengeBean("482913", false, purpose, null));
                Document page = render("khur-sms-challenge.ftl", sms);
                assertEquals(purpose.equals("password-reset"), page.getElementById("khur-sms-other-ways") != null, purpose);
            }
            assertTrue(missingKeys.isEmpty(), lang + ": message keys without text: " + missingKeys);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"offer", "offer-keep-password", "not-confirmed", "sim-changed", "unavailable", "done", "done-kept"})
    void bankAddPhonePageOffersOnlyWhatItsStageAllows(String shape) throws Exception {
        for (String lang : List.of("mn", "en")) {
            Map<String, Object> model = model(lang, "khur-bank-add-phone");
            String stage = shape.startsWith("done") ? "done" : shape.equals("unavailable") ? "unavailable" : "offer";
            Map<String, Object> bean = new HashMap<>(Map.of("stage", stage, "registerNumber", "УБ99112233",
                    "askPassword", !shape.equals("offer-keep-password")));
            if (stage.equals("done")) {
                bean.put("phoneMasked", "+976 99****33");
                bean.put("passwordSet", shape.equals("done"));
            }
            model.put("khurAddPhone", bean);
            model.put("khurForm", Map.of("phone", "99112233"));
            if (shape.equals("not-confirmed") || shape.equals("sim-changed")) {
                model.put("khurAddPhoneRefused", shape);
                model.put("khurAddPhoneHoldDays", "7");
            }
            Document doc = render("khur-bank-add-phone.ftl", model);
            Properties texts = messages(lang);
            assertEquals(texts.getProperty(stage.equals("done") ? "khurAddPhoneDoneTitle" : "khurAddPhoneTitle"),
                    byId(doc, "kc-page-title").text());
            assertEquals(stage.equals("offer"), doc.getElementById("khur-add-phone-form") != null, shape);
            assertEquals(shape.equals("offer") || shape.equals("not-confirmed") || shape.equals("sim-changed"),
                    doc.getElementById("password-new") != null, shape);
            assertEquals(!stage.equals("done"), doc.getElementById("khur-add-phone-skip") != null, shape);
            assertEquals(stage.equals("unavailable"), doc.getElementById("khur-add-phone-retry") != null, shape);
            assertEquals(stage.equals("done"), doc.getElementById("khur-add-phone-continue") != null, shape);
            Element refused = doc.getElementById("khur-add-phone-refused");
            switch (shape) {
                case "not-confirmed", "sim-changed", "unavailable" -> assertEquals(shape, refused.attr("data-khur-refused"));
                default -> assertNull(refused, shape);
            }
            if (shape.equals("sim-changed")) {
                assertTrue(refused.text().contains("7"), refused.text());
            }
            if (stage.equals("offer")) {
                assertEquals("99112233", byId(doc, "phone").attr("value"));
                assertEquals(LOGIN_ACTION, byId(doc, "khur-add-phone-form").attr("action"));
            }
            if (stage.equals("done")) {
                assertTrue(byId(doc, "khur-add-phone-done").text().contains("+976 99****33"));
                assertTrue(byId(doc, "khur-add-phone-done").text().contains("УБ99112233"));
            }
            assertTrue(missingKeys.isEmpty(), shape + "/" + lang + ": message keys without text: " + missingKeys);
            assertNoForeignHosts(doc);
        }
    }

    // ---- khur-bank-refused.ftl ----------------------------------------------------------------

    /** A refused bank login says why and offers the entry page and the site: no dead end. */
    @ParameterizedTest
    @ValueSource(strings = {"mn", "en"})
    void bankRefusalOffersTheEntryPageAndTheSite(String lang) throws Exception {
        Map<String, Object> model = model(lang, "khur-bank-refused");
        Properties messages = messages(lang);
        model.put("message", Map.of("type", "error", "summary", messages.getProperty("khurBankRegisterNumberMissing")));
        model.put("khurSiteUrl", "https://service.example.mn/");

        Document doc = render("khur-bank-refused.ftl", model);

        assertEquals(messages.getProperty("khurBankRegisterNumberMissing"), byId(doc, "khur-bank-refused").text());
        assertEquals(messages.getProperty("khurBankRefusedTitle"), byId(doc, "kc-page-title").text());
        assertEquals("/realms/khur/restart", byId(doc, "khur-back-to-login").attr("href"));
        assertEquals(messages.getProperty("khurBankRefusedOtherMethod"), byId(doc, "khur-back-to-login").text());
        assertEquals("https://service.example.mn/", byId(doc, "khur-back-to-site").attr("href"));
        assertEquals(messages.getProperty("khurBackToSite"), byId(doc, "khur-back-to-site").text());
        assertTrue(missingKeys.isEmpty(), "message keys without text: " + missingKeys);

        model.remove("khurSiteUrl");
        assertNull(render("khur-bank-refused.ftl", model).getElementById("khur-back-to-site"), "no site known: no link");
    }

    // ---- issue 17: the state registry's approval page (khur-registry-approval.ftl) -----------------------
    @ParameterizedTest
    @ValueSource(strings = {"phone", "state", "resent", "no-more-codes"})
    void registryApprovalPageAsksForTheRegistrysCode(String shape) throws Exception {
        for (String lang : List.of("mn", "en")) {
            Map<String, Object> model = model(lang, "khur-registry-approval");
            Map<String, Object> bean = new HashMap<>();
            if (!shape.equals("state")) {
                bean.put("sentTo", "+976 99****33");
            }
            bean.put("canResend", !shape.equals("no-more-codes"));
            if (shape.equals("resent")) {
                bean.put("info", "khurRegistryCodeResent");
            }
            model.put("khurRegistry", bean);
            Document doc = render("khur-registry-approval.ftl", model);
            Properties texts = messages(lang);
            assertEquals(texts.getProperty("khurRegistryTitle"), byId(doc, "kc-page-title").text());
            assertTrue(byId(doc, "khur-registry-intro").text().contains("ХУР"), shape);
            assertEquals(!shape.equals("state"), byId(doc, "khur-registry-intro").text().contains("+976 99****33"), shape);
            assertEquals(LOGIN_ACTION, byId(doc, "khur-registry-form").attr("action"));
            assertEquals("one-time-code", byId(doc, "code").attr("autocomplete"));
            assertEquals("submit", byId(doc, "khur-registry-submit").attr("value"));
            assertEquals("skip", byId(doc, "khur-registry-skip").attr("value"));
            assertEquals(!shape.equals("no-more-codes"), doc.getElementById("khur-registry-resend") != null, shape);
            assertEquals(shape.equals("resent"), doc.getElementById("khur-registry-info") != null, shape);
            assertTrue(missingKeys.isEmpty(), shape + "/" + lang + ": message keys without text: " + missingKeys);
            assertNoForeignHosts(doc);
        }
    }

    // ---- Keycloak's own pages with our bundles ----------------------------------------------------

    /** keycloak.v2/base pages render with our texts and ask for no key we lack (no raw keys shown). */
    @ParameterizedTest
    @ValueSource(strings = {"login-reset-password.ftl", "login-update-password.ftl", "login-otp.ftl",
            "select-authenticator.ftl", "error.ftl", "info.ftl", "login-page-expired.ftl", "logout-confirm.ftl"})
    void keycloakPagesRenderInMongolianWithoutRawKeys(String template) throws Exception {
        Map<String, Object> model = model("mn", template.replace(".ftl", ""));
        realm(model).put("duplicateEmailsAllowed", false);
        Properties mn = messages("mn");
        model.put("message", Map.of("type", "error", "summary", mn.getProperty("expiredActionMessage")));
        model.put("client", Map.of("baseUrl", "https://service.example.mn/"));
        @SuppressWarnings("unchecked")
        Map<String, Object> url = (Map<String, Object>) model.get("url");
        url.put("logoutConfirmAction", "/realms/khur/protocol/openid-connect/logout/logout-confirm");
        url.put("loginUrl", "/realms/khur/login");
        model.put("passwordPolicies", Map.of("length", 8, "upperCase", 1, "lowerCase", 1, "digits", 1));
        model.put("logoutConfirm", Map.of("code", "c1", "skipLink", false));
        model.put("otpLogin", Map.of("selectedCredentialId", "o1",
                "userOtpCredentials", List.of(Map.of("id", "o1", "userLabel", "Утас"), Map.of("id", "o2", "userLabel", "Таблет"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = (Map<String, Object>) model.get("auth");
        auth.put("authenticationSelections", List.of(
                Map.of("authExecId", "e1", "displayName", "password-display-name", "helpText", "password-help-text",
                        "iconCssClass", "kcAuthenticatorPasswordClass"),
                Map.of("authExecId", "e2", "displayName", "otp-display-name", "helpText", "otp-help-text",
                        "iconCssClass", "kcAuthenticatorOTPClass")));

        Document doc = render(template, model);
        assertEquals("mn", doc.selectFirst("html").attr("lang"));
        String title = byId(doc, "kc-page-title").text();
        assertFalse(title.isBlank(), template + ": empty page title");
        assertTrue(missingKeys.isEmpty(), template + ": message keys without text: " + missingKeys);
        assertNoForeignHosts(doc);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Document render(String template, Map<String, Object> model) throws IOException, TemplateException {
        StringWriter out = new StringWriter();
        cfg.getTemplate(template, "UTF-8").process(model, out);
        dump(template, model, out.toString());
        return Jsoup.parse(out.toString());
    }

    /** mvn -pl themes test -Dkhur.theme.dump=target/rendered writes every rendered page there. */
    private static void dump(String template, Map<String, Object> model, String html) throws IOException {
        String dir = System.getProperty("khur.theme.dump");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path out = Path.of(dir);
        Files.createDirectories(out);
        String name = template.replace(".ftl", "") + "-" + model.get("lang") + "-" + DUMPS.incrementAndGet() + ".html";
        Files.writeString(out.resolve(name), html, StandardCharsets.UTF_8);
    }

    private static Element byId(Document doc, String id) {
        Element e = doc.getElementById(id);
        assertNotNull(e, "#" + id + " missing");
        return e;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> realm(Map<String, Object> model) {
        return (Map<String, Object>) model.get("realm");
    }

    private static void assertNoForeignHosts(Document doc) {
        for (Element e : doc.select("link[href], script[src], img[src]")) {
            String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            assertTrue(url.startsWith("/"), "resource from another host: " + url);
        }
    }

    private static void assertStylesheets(Document doc) {
        List<String> css = doc.select("link[rel=stylesheet]").eachAttr("href");
        int parent = css.indexOf(RESOURCES + "/css/styles.css");
        int ours = css.indexOf(RESOURCES + "/css/khur.css");
        assertTrue(parent >= 0 && ours > parent, "keycloak.v2's styles.css, then khur.css: " + css);
    }

    private Map<String, Object> model(String lang, String pageId) throws IOException {
        Locale locale = Locale.forLanguageTag(lang);
        Properties messages = messages(lang);
        Properties properties = themeProperties();

        Map<String, Object> m = new HashMap<>();
        m.put("properties", properties);
        m.put("msg", msgMethod(messages, locale));
        m.put("advancedMsg", msgMethod(messages, locale));
        m.put("kcSanitize", (TemplateMethodModelEx) args -> text(args.get(0)));
        m.put("lang", lang);
        m.put("darkMode", false);
        m.put("pageId", pageId);
        m.put("title", new MessageFormat(messages.getProperty("loginTitle"), locale).format(new Object[] {"ХУР"}));

        Map<String, Object> url = new HashMap<>();
        url.put("loginAction", LOGIN_ACTION);
        url.put("registrationUrl", "/realms/khur/register");
        url.put("loginResetCredentialsUrl", "/realms/khur/reset");
        url.put("loginRestartFlowUrl", "/realms/khur/restart");
        url.put("resourcesPath", RESOURCES);
        url.put("resourcesCommonPath", "/resources/v1/common/keycloak");
        url.put("ssoLoginInOtherTabsUrl", "/realms/khur/other-tabs");
        m.put("url", url);

        Map<String, Object> realm = new HashMap<>();
        realm.put("name", "khur");
        realm.put("displayName", "ХУР");
        realm.put("displayNameHtml", "ХУР");
        realm.put("password", true);
        realm.put("registrationAllowed", true);
        realm.put("resetPasswordAllowed", true);
        realm.put("rememberMe", false);
        realm.put("loginWithEmailAllowed", false);
        realm.put("registrationEmailAsUsername", false);
        realm.put("internationalizationEnabled", true);
        m.put("realm", realm);

        Map<String, Object> loc = new HashMap<>();
        loc.put("currentLanguageTag", lang);
        loc.put("rtl", false);
        List<Map<String, Object>> supported = new ArrayList<>();
        for (String tag : List.of("mn", "en")) {
            supported.add(Map.of("languageTag", tag, "label", messages.getProperty("locale_" + tag, tag),
                    "url", "/realms/khur/login-actions/authenticate?kc_locale=" + tag));
        }
        loc.put("supported", supported);
        m.put("locale", loc);

        boolean identified = pageId.equals("khur-sms-challenge");
        Map<String, Object> auth = new HashMap<>();
        auth.put("showUsername", (TemplateMethodModelEx) args -> identified);
        auth.put("showResetCredentials", (TemplateMethodModelEx) args -> false);
        auth.put("showTryAnotherWayLink", (TemplateMethodModelEx) args -> false);
        auth.put("attemptedUsername", "уб99112233");
        m.put("auth", auth);

        m.put("login", new HashMap<String, Object>());
        m.put("messagesPerField", new FieldMessages(Map.of()));
        return m;
    }

    private TemplateMethodModelEx msgMethod(Properties messages, Locale locale) {
        return args -> {
            String key = text(args.get(0));
            String pattern = messages.getProperty(key);
            if (pattern == null) {
                missingKeys.add(key);
                pattern = key;
            }
            Object[] params = new Object[args.size() - 1];
            for (int i = 1; i < args.size(); i++) {
                params[i - 1] = value(args.get(i));
            }
            return new MessageFormat(pattern, locale).format(params);
        };
    }

    private static String text(Object arg) throws TemplateModelException {
        return arg instanceof TemplateScalarModel s ? s.getAsString() : String.valueOf(arg);
    }

    private static Object value(Object arg) throws TemplateModelException {
        if (arg instanceof TemplateNumberModel n) {
            return n.getAsNumber();
        }
        return text(arg);
    }

    /** Keycloak's fallback: its English base, then ours in English, then ours in the language. */
    static Properties messages(String lang) throws IOException {
        Properties p = new Properties();
        p.putAll(MessageBundlesTest.load("/theme/base/login/messages/messages_en.properties"));
        p.putAll(MessageBundlesTest.load("/theme/keycloak.v2/login/messages/messages_en.properties"));
        p.putAll(MessageBundlesTest.load("/theme/khur/login/messages/messages_en.properties"));
        if (!lang.equals("en")) {
            p.putAll(MessageBundlesTest.load("/theme/khur/login/messages/messages_" + lang + ".properties"));
        }
        return p;
    }

    /** theme.properties merged like Keycloak does: base, keycloak.v2, then ours. */
    private static Properties themeProperties() throws IOException {
        Properties p = new Properties();
        for (String theme : List.of("base", "keycloak.v2", "khur")) {
            p.putAll(MessageBundlesTest.load("/theme/" + theme + "/login/theme.properties"));
        }
        return p;
    }

    /** Minimal stand-in for Keycloak's MessagesPerFieldBean. */
    public static final class FieldMessages {
        private final Map<String, String> errors;

        FieldMessages(Map<String, String> errors) {
            this.errors = new LinkedHashMap<>(errors);
        }

        public boolean existsError(String... fields) {
            return Arrays.stream(fields).anyMatch(errors::containsKey);
        }

        public String getFirstError(String... fields) {
            return Arrays.stream(fields).filter(errors::containsKey).map(errors::get).findFirst().orElse("");
        }

        public String get(String field) {
            return errors.getOrDefault(field, "");
        }

        public boolean exists(String field) {
            return errors.containsKey(field);
        }

        public String printIfExists(String field, String text) {
            return errors.containsKey(field) ? text : "";
        }
    }
}
