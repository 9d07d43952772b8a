package mn.gov.khur.it.esign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mn.gov.khur.it.esign.EsignTokenFixture.Citizen;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.SignatureChoicePage;
import mn.gov.khur.it.support.pages.SignaturePushPage;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #13 item 6: push-bombing through the SIM (MSSP) and cloud (GSign) signature methods. Register
 * numbers are not secret and the start form needs no password, so these tests play an attacker who
 * aims signing requests (PIN prompts) at someone's phone, and then ask the sandbox signer how many
 * prompts actually reached that phone.
 */
@ExtendWith(KhurServerExtension.class)
class PushBombingIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static RevocationServer revocation;
    private static EsignTokenFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        revocation = RevocationServer.start(KhurServerExtension.esignPki(), "127.0.0.1", 0);
        fixture = new EsignTokenFixture(revocation);
    }

    @AfterAll
    static void stop() {
        revocation.close();
    }

    /** A push method as the attack sees it: how a phone gets a signing key, and how many prompts reached a phone. */
    enum Method {
        SIM("sim", "khur esign sim", "khur-esign-sim", "khur.esign.sim.") {
            @Override
            void enrol(TestCitizen account, TestCitizen keyHolder) {
                KhurServerExtension.mssp().register(account.phoneE164(), fixture.validCertificate(keyHolder, KeyKind.EC_P256));
            }

            @Override
            void enrolAnotherAccountOn(String phone, TestCitizen account) {
                // nothing to do: the MSSP addresses the phone alone, whose SIM signs whatever number was typed
            }

            @Override
            int pushesTo(String phone) {
                return KhurServerExtension.mssp().pushesTo(phone);
            }
        },
        CLOUD("cloud", "khur esign cloud", "khur-esign-cloud", "khur.esign.cloud.") {
            @Override
            void enrol(TestCitizen account, TestCitizen keyHolder) {
                KhurServerExtension.gsign().register(account.registerNumber(), account.phoneE164(),
                        fixture.validCertificate(keyHolder, KeyKind.EC_P256));
            }

            @Override
            void enrolAnotherAccountOn(String phone, TestCitizen account) {
                enrol(withPhone(account, phone), account);
            }

            @Override
            int pushesTo(String phone) {
                return KhurServerExtension.gsign().pushesTo(phone);
            }
        };

        final String code;
        final String flow;
        final String providerId;
        final String configPrefix;

        Method(String code, String flow, String providerId, String configPrefix) {
            this.code = code;
            this.flow = flow;
            this.providerId = providerId;
            this.configPrefix = configPrefix;
        }

        /** Gives {@code account}'s phone (SIM) or account (GSign) a signing key of {@code keyHolder}. */
        abstract void enrol(TestCitizen account, TestCitizen keyHolder);

        /** Makes {@code phone} able to sign for {@code account} too (GSign: an account of theirs bound to that phone). */
        abstract void enrolAnotherAccountOn(String phone, TestCitizen account);

        /** PIN prompts the simulated signer has shown on this phone. */
        abstract int pushesTo(String phone);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void manyRegisterNumbersAimedAtOnePhoneReachItOnlyUpToThePerPhoneLimit(Method method) {
        // a family phone: five accounts registered with it, each a signer (default limits: 3 per number, 3 per phone)
        String phone = TestCitizen.random().phoneE164();
        List<TestCitizen> family = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestCitizen member = withPhone(TestCitizen.random(), phone);
            fixture.admin.createCitizen(member);
            method.enrol(member, member);
            family.add(member);
        }
        List<HttpBrowser.Page> pages = new ArrayList<>();
        for (TestCitizen member : family) { // one request per register number: no per-number limit is reached
            pages.add(startLogin(new HttpBrowser("mn"), method, member.registerNumber(), phone));
        }

        assertThat(method.pushesTo(phone)).as("PIN prompts on the phone").isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(pages.get(i).has(SignaturePushPage.WAIT)).as("request " + (i + 1) + ": " + pages.get(i).body()).isTrue();
        }
        for (int i = 3; i < 5; i++) {
            assertRefusedAtStart(pages.get(i), "хэт олон хүсэлт");
        }
        JsonNode event = latestEvent("push_limited_phone", method);
        assertThat(event.path("details").path("khur_phone").asText()).doesNotContain(phone.substring(4)).contains("****");
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void registerNumberThatDoesNotOwnThePhoneGetsTheSameRequestSentPageAndNoPush(Method method) {
        Citizen holder = fixture.registeredCitizen();
        String phone = holder.person().phoneE164();
        method.enrol(holder.person(), holder.person());
        Citizen other = fixture.registeredCitizen(); // registered with another phone
        method.enrolAnotherAccountOn(phone, other.person());
        TestCitizen nobody = TestCitizen.random(); // no account at all
        method.enrolAnotherAccountOn(phone, nobody);
        // a disabled account with its own phone and signing key
        Citizen disabled = fixture.registeredCitizen();
        method.enrol(disabled.person(), disabled.person());
        ObjectNode user = (ObjectNode) fixture.admin.user(disabled.userId());
        user.put("enabled", false);
        assertThat(fixture.admin.put("/admin/realms/khur/users/" + disabled.userId(), user.toString()).statusCode()).isEqualTo(204);

        HttpBrowser.Page real = startLogin(new HttpBrowser("mn"), method, holder.person().registerNumber(), phone);
        assertThat(real.has(SignaturePushPage.WAIT)).as(real.body()).isTrue();
        assertThat(method.pushesTo(phone)).as("the account holder's own request reaches the phone").isEqualTo(1);

        HttpBrowser strangerBrowser = new HttpBrowser("mn");
        HttpBrowser.Page stranger = startLogin(strangerBrowser, method, nobody.registerNumber(), phone);
        HttpBrowser.Page otherPhone = startLogin(new HttpBrowser("mn"), method, other.person().registerNumber(), phone);
        HttpBrowser.Page disabledPage = startLogin(new HttpBrowser("mn"), method, disabled.person().registerNumber(),
                disabled.person().phoneE164());

        assertThat(method.pushesTo(phone)).as("no prompt for a number that is not the phone's account").isEqualTo(1);
        assertThat(method.pushesTo(disabled.person().phoneE164())).as("no prompt for a disabled account").isZero();
        for (HttpBrowser.Page decoy : List.of(stranger, otherPhone, disabledPage)) {
            assertThat(decoy.has(SignaturePushPage.WAIT)).as(decoy.body()).isTrue();
            assertThat(decoy.text(SignaturePushPage.VERIFICATION_CODE)).matches("\\d{4}");
            assertThat(comparable(decoy)).as("the same page as a real request").isEqualTo(comparable(real));
        }
        assertThat(latestEventOf(other.userId(), method).path("details").path("khur_reason").asText())
                .isEqualTo("account_phone_mismatch");
        assertThat(latestEventOf(disabled.userId(), method).path("details").path("khur_reason").asText())
                .isEqualTo("account_disabled");

        // the stranger's page keeps waiting like a real one, then ends as a request nobody answered
        HttpBrowser.Page polled = strangerBrowser.submit(SignaturePushPage.WAIT, Map.of(), null);
        assertThat(comparable(polled)).isEqualTo(comparable(real));
        HttpBrowser.Page end = pollUntilOver(strangerBrowser, polled, Duration.ofSeconds(60));
        assertRefusedAtStart(end, "хугацаа дууссан");
        assertThat(method.pushesTo(phone)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void manyRequestsFromOneAddressAreLimited(Method method) throws Exception {
        String configPath = "/admin/realms/khur/authentication/config/" + configId(method);
        String original = fixture.admin.get(configPath).body();
        ObjectNode lowered = (ObjectNode) Json.parse(original);
        ((ObjectNode) lowered.path("config")).put(method.configPrefix + "maxPushesPerAddress", "3");
        assertThat(fixture.admin.put(configPath, Json.write(lowered)).statusCode()).isEqualTo(204);
        try {
            InetAddress attacker = randomLoopbackAddress();
            List<Citizen> victims = new ArrayList<>();
            List<HttpBrowser.Page> pages = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // four different citizens, each with their own phone and key
                Citizen victim = fixture.registeredCitizen();
                method.enrol(victim.person(), victim.person());
                victims.add(victim);
                pages.add(startLogin(HttpBrowser.from(attacker, "mn"), method, victim.person().registerNumber(),
                        victim.person().phoneE164()));
            }
            assertThat(method.pushesTo(victims.get(3).person().phoneE164())).as("the fourth request from one address").isZero();
            for (int i = 0; i < 3; i++) {
                assertThat(pages.get(i).has(SignaturePushPage.WAIT)).as("request " + (i + 1) + ": " + pages.get(i).body()).isTrue();
                assertThat(method.pushesTo(victims.get(i).person().phoneE164())).isEqualTo(1);
            }
            assertRefusedAtStart(pages.get(3), "хэт олон хүсэлт");
            latestEvent("push_limited_address", method);

            // the same citizen from another address is not held up by the attacker's (127.0.0.1 has the whole
            // suite's requests behind it: another fresh address)
            HttpBrowser.Page elsewhere = startLogin(HttpBrowser.from(randomLoopbackAddress(), "mn"), method,
                    victims.get(3).person().registerNumber(),
                    victims.get(3).person().phoneE164());
            assertThat(elsewhere.has(SignaturePushPage.WAIT)).as(elsewhere.body()).isTrue();
            assertThat(method.pushesTo(victims.get(3).person().phoneE164())).isEqualTo(1);
        } finally {
            assertThat(fixture.admin.put(configPath, original).statusCode()).isEqualTo(204);
        }
    }

    /** acr=high login, the method chosen, register number and phone sent: the page that answers. */
    private static HttpBrowser.Page startLogin(HttpBrowser browser, Method method, String registerNumber, String phone) {
        browser.open(fixture.rp.begin("openid", Map.of("acr_values", "high")).authorizationUri());
        HttpBrowser.Page form = browser.submit(SignatureChoicePage.FORM, Map.of("method", method.code), null);
        assertThat(form.has(SignaturePushPage.FORM)).as(form.body()).isTrue();
        HttpBrowser.Page page = browser.submit(SignaturePushPage.FORM,
                Map.of("registerNumber", registerNumber, "phone", phone), "start");
        assertThat(page.status()).isLessThan(500);
        return page;
    }

    private static HttpBrowser.Page pollUntilOver(HttpBrowser browser, HttpBrowser.Page page, Duration max) {
        Instant deadline = Instant.now().plus(max);
        while (page.has(SignaturePushPage.WAIT) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            page = browser.submit(SignaturePushPage.WAIT, Map.of(), null);
            assertThat(page.status()).isLessThan(500);
        }
        return page;
    }

    /**
     * The page as an observer can compare it: the 4-digit code (different on every request, also spelt
     * out digit by digit for screen readers) and every query string (per login session) left out.
     */
    private static String comparable(HttpBrowser.Page page) {
        Document document = page.document().clone();
        Element code = document.selectFirst(SignaturePushPage.VERIFICATION_CODE);
        code.text("####");
        Element spelledOut = code.nextElementSibling();
        if (spelledOut != null) {
            spelledOut.text("# # # #");
        }
        // tab_id, client_data, session_code...: in form actions, links, the language menu and a script
        return document.outerHtml().replaceAll("\\?[^\"'\\s<>]*", "?…");
    }

    private static void assertRefusedAtStart(HttpBrowser.Page page, String expectedMessage) {
        assertThat(page.leftIdp()).as("login must not complete").isFalse();
        assertThat(page.status()).isLessThan(500);
        assertThat(page.body()).contains(expectedMessage);
        assertThat(page.has(SignaturePushPage.SIGN)).as("the start form again: " + page.body()).isTrue();
    }

    /** The newest LOGIN_ERROR of this method with this reason (anyone's). */
    private static JsonNode latestEvent(String reason, Method method) {
        JsonNode events = Json.parse(fixture.admin.get("/admin/realms/khur/events?type=LOGIN_ERROR&max=200").body());
        for (JsonNode event : events) {
            JsonNode details = event.path("details");
            if (reason.equals(details.path("khur_reason").asText()) && method.providerId.equals(details.path("auth_method").asText())) {
                return event;
            }
        }
        throw new AssertionError("no LOGIN_ERROR with khur_reason=" + reason + " for " + method + " in " + events);
    }

    /** The newest LOGIN_ERROR of this method for this user. */
    private static JsonNode latestEventOf(String userId, Method method) {
        for (JsonNode event : fixture.admin.events(userId, "LOGIN_ERROR")) {
            if (method.providerId.equals(event.path("details").path("auth_method").asText())) {
                return event;
            }
        }
        throw new AssertionError("no LOGIN_ERROR of " + method + " for user " + userId);
    }

    private static String configId(Method method) {
        String flow = method.flow.replace(" ", "%20");
        for (JsonNode execution : Json.parse(fixture.admin.get("/admin/realms/khur/authentication/flows/" + flow + "/executions").body())) {
            if (method.providerId.equals(execution.path("providerId").asText()) && execution.hasNonNull("authenticationConfig")) {
                return execution.path("authenticationConfig").asText();
            }
        }
        throw new AssertionError("no configured " + method.providerId + " step in " + method.flow);
    }

    /** 127.0.x.y: any of them reaches the server on Linux, which then sees it as the client address. */
    private static InetAddress randomLoopbackAddress() throws UnknownHostException {
        return InetAddress.getByName("127.0." + RANDOM.nextInt(1, 255) + "." + RANDOM.nextInt(2, 255));
    }

    private static TestCitizen withPhone(TestCitizen citizen, String phone) {
        return new TestCitizen(citizen.registerNumber(), phone, citizen.password(), citizen.givenName(), citizen.familyName());
    }
}
