package mn.gov.khur.it.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.PlainHttp;
import mn.gov.khur.it.support.SandboxRegistry;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.DonePage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.RegistrationPage;
import mn.gov.khur.it.support.pages.RegistryApprovalPage;
import mn.gov.khur.it.support.pages.SelfServiceFields;
import mn.gov.khur.sandbox.xyp.OrganisationKeys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The state registry ХУР as the source of names, over the real SOAP wire to the sandbox registry: a registry that is
 * down never stops a registration and the names come later with the citizen's approval; an answer about another
 * register number and a call without the organisation's valid signature store nothing; operators see the state and
 * ask for a refresh.
 */
@ExtendWith(KhurServerExtension.class)
class RegistryNamesIT {

    private static final String ACCOUNT_URL = KeycloakServer.BASE_URL + "/realms/khur/account/";

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient gateway = new InboundSmsClient();

    @Test
    void registryDownTheRegistrationCompletesAndTheNamesComeLaterWithTheCitizensApproval() throws Exception {
        TestCitizen citizen = RegistryCitizens.newcomer();
        SandboxRegistry.register(RegistryCitizens.person(citizen));
        SandboxRegistry.simulator().setDown(true);
        String userId;
        try {
            HttpBrowser.Page done = registerUpToTheRegistry(new HttpBrowser(), citizen);
            assertThat(DonePage.outcome(done)).isEqualTo("registration");
            assertThat(DonePage.registry(done)).isEqualTo("later");
            userId = account(citizen).path("id").asText();
            JsonNode user = admin.user(userId);
            assertThat(user.path("firstName").isMissingNode() || user.path("firstName").asText().isEmpty())
                    .as("never invented").isTrue();
            JsonNode state = registryState(userId);
            assertThat(state.path("state").asText()).isEqualTo("pending");
            assertThat(state.path("lastOutcome").asText()).isEqualTo("unavailable");
            assertThat(state.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(state.path("verified").asBoolean()).isFalse();
            assertThat(Json.parse(admin.get("/admin/realms/khur/khur-registry/refreshes?state=pending&max=200").body()).toString())
                    .as("operators see the pending retry").contains(userId);
            assertThat(admin.events(userId, "UPDATE_PROFILE_ERROR").toString()).contains("registry_unavailable");
        } finally {
            SandboxRegistry.simulator().setDown(false);
        }

        // the retry task finds the registry answering again: the approval is asked at the next login
        JsonNode awaiting = awaitRegistryState(userId, state -> "awaiting_citizen".equals(state.path("state").asText()));
        assertThat(awaiting.path("awaitingCitizen").asBoolean()).isTrue();

        JWTClaimsSet idToken = logInApprovingTheRegistry(citizen);
        assertThat(idToken.getClaim("given_name")).isEqualTo("Ану-Ужин");
        assertThat(idToken.getClaim("family_name")).isEqualTo("Төмөрбаатар");
        assertThat(idToken.getClaim("birthdate")).isEqualTo("1990-06-15");
        assertThat(idToken.getBooleanClaim("registry_verified")).isTrue();
        JsonNode after = registryState(userId);
        assertThat(after.path("state").isMissingNode() || after.path("state").isNull()).as("nothing left to retry").isTrue();
        assertThat(after.path("verified").asBoolean()).isTrue();
        assertThat(after.path("source").asText()).startsWith("xyp:WS100101_getCitizenIDCardInfo requestId=sandbox-");
        assertThat(admin.user(userId).at("/attributes/clan_name/0").asText()).isEqualTo("Боржигон");
    }

    @Test
    void anAnswerAboutAnotherRegisterNumberIsRefusedAndAudited() throws Exception {
        TestCitizen citizen = RegistryCitizens.newcomer();
        TestCitizen someoneElse = TestCitizen.random();
        SandboxRegistry.register(RegistryCitizens.person(citizen).answeringAs(someoneElse.registerNumber()));
        HttpBrowser browser = new HttpBrowser();
        HttpBrowser.Page approval = registerUpToTheRegistry(browser, citizen);
        HttpBrowser.Page done = approve(browser, approval, citizen);
        assertThat(DonePage.outcome(done)).isEqualTo("registration");
        assertThat(done.has(DonePage.REGISTRY)).as("neither verified nor retried").isFalse();

        String userId = account(citizen).path("id").asText();
        JsonNode user = admin.user(userId);
        assertThat(user.path("firstName").isMissingNode() || user.path("firstName").asText().isEmpty()).isTrue();
        assertThat(user.path("attributes").has("clan_name")).isFalse();
        JsonNode state = registryState(userId);
        assertThat(state.path("state").asText()).as("not retried: operators look").isEqualTo("refused");
        assertThat(state.path("lastOutcome").asText()).isEqualTo("register_number_mismatch");
        JsonNode refusal = admin.events(userId, "UPDATE_PROFILE_ERROR");
        assertThat(refusal.toString()).contains("registry_register_number_mismatch").contains("khur_registry_mismatch")
                .doesNotContain(someoneElse.registerNumber());

        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        JWTClaimsSet idToken = rp.finish(login, CitizenLogin.logIn(new HttpBrowser(), login, citizen).uri()).idToken();
        assertThat(idToken.getClaim("given_name")).isNull();
        assertThat(idToken.getBooleanClaim("registry_verified")).isFalse();
    }

    @Test
    void aCallWithoutTheOrganisationsValidSignatureIsRefusedByTheRegistryAndStoresNothing() throws Exception {
        TestCitizen citizen = RegistryCitizens.newcomer();
        SandboxRegistry.register(RegistryCitizens.person(citizen));
        Path key = Path.of(KeycloakServer.requiredProperty("khur.it.work"), "vault", "khur_" + OrganisationKeys.SIGNING_KEY_ENTRY);
        String genuine = Files.readString(key);
        int refusedBefore = SandboxRegistry.simulator().refusedSignatures();
        // Keycloak now signs accessToken.timestamp with a key that is not the one the registry knows
        Files.writeString(key, new OrganisationKeys(OrganisationKeys.generate().keyPair(), "unused").vaultEntries()
                .get(OrganisationKeys.SIGNING_KEY_ENTRY), StandardCharsets.UTF_8);
        try {
            HttpBrowser.Page done = registerUpToTheRegistry(new HttpBrowser(), citizen);
            assertThat(DonePage.registry(done)).isEqualTo("later");
        } finally {
            Files.writeString(key, genuine, StandardCharsets.UTF_8);
        }
        assertThat(SandboxRegistry.simulator().refusedSignatures()).isGreaterThan(refusedBefore);
        assertThat(SandboxRegistry.simulator().lastCode(citizen.registerNumber())).as("no code sent on a forged call").isEmpty();
        String userId = account(citizen).path("id").asText();
        assertThat(admin.events(userId, "UPDATE_PROFILE_ERROR").toString()).contains("registry_unavailable");
        assertThat(registryState(userId).path("attempts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(admin.user(userId).path("firstName").asText("")).isEmpty();
    }

    @Test
    void aCodeTheRegistryRefusesIsAskedAgainThenPostponedWithoutStoringAnything() {
        TestCitizen citizen = RegistryCitizens.newcomer();
        SandboxRegistry.register(RegistryCitizens.person(citizen).refusingConsent());
        HttpBrowser browser = new HttpBrowser("en");
        HttpBrowser.Page page = registerUpToTheRegistry(browser, citizen);
        for (int attempt = 1; attempt < 3; attempt++) {
            page = approve(browser, page, citizen);
            assertThat(page.text(RegistryApprovalPage.CODE_ERROR)).contains("did not accept");
        }
        HttpBrowser.Page notADigit = browser.submit(RegistryApprovalPage.FORM, Map.of("action", "submit", "code", "12ab"), null);
        assertThat(notADigit.text(RegistryApprovalPage.CODE_ERROR)).contains("4 to 8 digits");
        HttpBrowser.Page done = approve(browser, notADigit, citizen);
        assertThat(DonePage.registry(done)).isEqualTo("later");
        String userId = account(citizen).path("id").asText();
        assertThat(registryState(userId).path("attempts").asInt()).as("a retry is kept").isGreaterThanOrEqualTo(1);
        assertThat(admin.user(userId).path("firstName").asText("")).isEmpty();
        assertThat(admin.events(userId, "UPDATE_PROFILE_ERROR").toString()).contains("registry_consent_refused");
    }

    @Test
    void postingTheSignaturePagesCodeChoiceOrResendInALoopSendsNoMoreThanThreeCodes() {
        // review of issue 17: action=code (offered only on the signature page) sent a code on every post, past the cap
        TestCitizen citizen = RegistryCitizens.newcomer();
        SandboxRegistry.register(RegistryCitizens.person(citizen));
        HttpBrowser browser = new HttpBrowser("en");
        HttpBrowser.Page page = registerUpToTheRegistry(browser, citizen);
        assertThat(page.has("#khur-registry-form")).as(page.body()).isTrue();
        for (int post = 0; post < 6; post++) {
            page = browser.submit("#khur-registry-other-form", Map.of("action", "code"), null);
            assertThat(page.status()).isLessThan(500);
        }
        assertThat(SandboxRegistry.simulator().codesSent(citizen.registerNumber()))
                .as("the code page never offered action=code: nothing more sent").isEqualTo(1);
        for (int post = 0; post < 6; post++) {
            page = browser.submit("#khur-registry-other-form", Map.of("action", "resend"), null);
            assertThat(page.status()).isLessThan(500);
        }
        assertThat(SandboxRegistry.simulator().codesSent(citizen.registerNumber())).as("3 codes per tab").isEqualTo(3);
        assertThat(page.text("#khur-registry-info")).contains("No more new codes");
        HttpBrowser.Page done = approve(browser, page, citizen);
        assertThat(done.document().selectFirst("#khur-done-registry").attr("data-khur-registry")).as(done.body()).isEqualTo("verified");
    }

    @Test
    void anOperatorRefreshAsksTheCitizensApprovalAtTheNextLogin() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen); // names typed by an operator: not registry-verified
        SandboxRegistry.register(RegistryCitizens.person(citizen));
        assertThat(registryState(userId).path("verified").asBoolean()).isFalse();

        var refresh = admin.post("/admin/realms/khur/khur-registry/users/" + userId + "/refresh", "");
        assertThat(refresh.statusCode()).isEqualTo(202);
        assertThat(Json.parse(refresh.body()).path("state").asText()).isEqualTo("awaiting_citizen");
        assertThat(admin.post("/admin/realms/khur/khur-registry/users/no-such-user/refresh", "").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/realms/khur/khur-registry/refreshes?state=bogus").statusCode()).isEqualTo(400);

        JWTClaimsSet idToken = logInApprovingTheRegistry(citizen);
        assertThat(idToken.getClaim("given_name")).isEqualTo("Ану-Ужин");
        assertThat(idToken.getBooleanClaim("registry_verified")).isTrue();

        // an operator correcting a name: from then on the names are no longer the registry's
        JsonNode user = admin.user(userId);
        Map<String, Object> edited = new HashMap<>(Json.MAPPER.convertValue(user, Map.class));
        edited.put("firstName", "Засварласан");
        assertThat(admin.put("/admin/realms/khur/users/" + userId, Json.write(edited)).statusCode()).isEqualTo(204);
        assertThat(registryState(userId).path("verified").asBoolean()).isFalse();
    }

    @Test
    void aCitizenCannotMarkTheirOwnNamesRegistryVerifiedThroughTheAccountApi() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen); // names typed by an operator: not registry-verified
        String accessToken = accountConsoleToken(citizen);
        HttpResponse<String> mine = PlainHttp.send(HttpRequest.newBuilder(URI.create(ACCOUNT_URL))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build());
        assertThat(mine.statusCode()).isEqualTo(200);
        ObjectNode forged = (ObjectNode) Json.parse(mine.body());
        ObjectNode attributes = forged.with("attributes");
        attributes.putArray("clan_name").add("Хуурамч");
        attributes.putArray("registry_verified_at").add("2026-01-01T00:00:00Z");
        attributes.putArray("registry_source").add("xyp:WS100101_getCitizenIDCardInfo requestId=forged");
        // even the exact digest the verified claim checks (it is computed from values anyone knows)
        attributes.putArray("registry_digest").add(digest(citizen.registerNumber(), citizen.givenName(), citizen.familyName(),
                "", "", ""));
        HttpResponse<String> attempt = PlainHttp.send(HttpRequest.newBuilder(URI.create(ACCOUNT_URL))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(forged.toString())).build());
        assertThat(attempt.statusCode()).as(attempt.body()).isLessThan(500);

        JsonNode stored = admin.user(userId).path("attributes");
        for (String attribute : List.of("clan_name", "registry_verified_at", "registry_source", "registry_digest")) {
            assertThat(stored.has(attribute)).as("%s stays unset, answer was %d %s", attribute, attempt.statusCode(),
                    attempt.body()).isFalse();
        }
        assertThat(registryState(userId).path("verified").asBoolean()).isFalse();
        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        JWTClaimsSet idToken = rp.finish(login, CitizenLogin.logIn(new HttpBrowser(), login, citizen).uri()).idToken();
        assertThat(idToken.getBooleanClaim("registry_verified")).isFalse();
    }

    /** VerifiedNames' digest, written out here: what a citizen could compute from their own public values. */
    private static String digest(String... values) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("khur-registry/v1".getBytes(StandardCharsets.UTF_8));
        for (String value : values) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            sha256.update((byte) 0);
            sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) ':');
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The account console's own login (public client, code + PKCE), completed with password + reverse SMS. */
    private static String accountConsoleToken(TestCitizen citizen) throws Exception {
        OidcRelyingParty console = new OidcRelyingParty("account-console", "unused", URI.create(ACCOUNT_URL));
        OidcRelyingParty.PendingLogin login = console.begin("openid", Map.of());
        HttpBrowser browser = new HttpBrowser("mn", KeycloakServer.BASE_URL + "/realms/khur/login-actions");
        HttpBrowser.Page back = CitizenLogin.logIn(browser, login, citizen);
        String code = AuthorizationResponse.parse(back.uri()).toSuccessResponse().getAuthorizationCode().getValue();
        String form = String.join("&", "grant_type=authorization_code", "client_id=account-console",
                "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8),
                "redirect_uri=" + URLEncoder.encode(ACCOUNT_URL, StandardCharsets.UTF_8),
                "code_verifier=" + login.verifier().getValue());
        HttpResponse<String> tokens = PlainHttp.send(HttpRequest.newBuilder(URI.create(KeycloakServer.BASE_URL
                        + "/realms/khur/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return Json.parse(tokens.body()).path("access_token").asText();
    }

    /** Registration form → SMS → the page after the account exists (registry approval or done). */
    private HttpBrowser.Page registerUpToTheRegistry(HttpBrowser browser, TestCitizen citizen) {
        HttpBrowser.Page login = browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        HttpBrowser.Page form = browser.open(login.uri().resolve(login.document().selectFirst(LoginPage.REGISTER).attr("href")));
        Map<String, String> values = new HashMap<>(Map.of("registerNumber", citizen.registerNumber(),
                "phone", citizen.phoneE164(), "password-new", citizen.password(), "password-confirm", citizen.password(),
                "captcha", form.document().selectFirst(SelfServiceFields.CAPTCHA_IMAGE).attr("data-khur-test-answer")));
        HttpBrowser.Page sms = browser.submit(RegistrationPage.FORM, values, "submitRegistration");
        assertThat(gateway.send(citizen.phoneE164(), CitizenLogin.shownCode(sms)).body()).contains("\"matched\"");
        return CitizenLogin.pressContinue(browser);
    }

    /** Types the code ХУР sent this citizen on the approval page. */
    private HttpBrowser.Page approve(HttpBrowser browser, HttpBrowser.Page approval, TestCitizen citizen) {
        assertThat(approval.has(RegistryApprovalPage.FORM)).as("approval page, got: %s", approval.body()).isTrue();
        String code = SandboxRegistry.simulator().lastCode(citizen.registerNumber()).orElseThrow().code();
        return browser.submit(RegistryApprovalPage.FORM, Map.of("action", "submit", "code", code), null);
    }

    /** Password + reverse SMS, then the registry's approval page (the required action), then back to the RP. */
    private JWTClaimsSet logInApprovingTheRegistry(TestCitizen citizen) {
        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser();
        browser.open(login.authorizationUri());
        HttpBrowser.Page challenge = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        assertThat(gateway.send(citizen.phoneE164(), CitizenLogin.shownCode(challenge)).body()).contains("\"matched\"");
        HttpBrowser.Page approval = CitizenLogin.pressContinue(browser);
        HttpBrowser.Page back = approve(browser, approval, citizen);
        assertThat(back.leftIdp()).as("back at the relying party, page was: %s", back.body()).isTrue();
        return rp.finish(login, back.uri()).idToken();
    }

    private JsonNode account(TestCitizen citizen) {
        JsonNode found = admin.usersByAttribute("register_number", citizen.registerNumber());
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private JsonNode registryState(String userId) {
        var response = admin.get("/admin/realms/khur/khur-registry/users/" + userId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    /** The retry task runs every few seconds; a generous deadline, never a timing assertion. */
    private JsonNode awaitRegistryState(String userId, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode state = registryState(userId);
        while (!condition.test(state) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            state = registryState(userId);
        }
        assertThat(condition).as("registry state reached, last: %s", state).accepts(state);
        return state;
    }
}
