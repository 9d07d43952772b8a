package mn.gov.khur.it.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
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
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The state registry's approval by digital signature (issue 17, item 2: "the signature when the citizen logged in by
 * signature"), over plain HTTP: the test plays the page's script and the ESIGN client by signing with the sandbox
 * token. A citizen whose names the registry never verified logs in with a USB token and is asked, in the same tab,
 * to sign ХУР's approval text ({@code <register number>.<timestamp>}) with the same token; the sandbox ХУР checks
 * the signature against the certificate. The login's own signature, or a signature by another certificate, is refused
 * before anything reaches the registry.
 */
@ExtendWith(KhurServerExtension.class)
class RegistryApprovalBySignatureIT {

    private static RevocationServer revocation;
    private final AdminApi admin = new AdminApi();

    @BeforeAll
    static void startRevocationServer() throws Exception {
        revocation = RevocationServer.start(KhurServerExtension.esignPki(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stopRevocationServer() {
        revocation.close();
    }

    @Test
    void aTokenLoginApprovesTheRegistryFetchBySignatureAndTheIdTokenCarriesTheRegistrysNames() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        String userId = namelessCitizen(citizen); // registered before the registry was used: no names, nothing pending
        SandboxRegistry.register(RegistryCitizens.person(citizen));
        IssuedCertificate token = token(citizen);
        int approvalsBefore = SandboxRegistry.simulator().signatureApprovals();

        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin("openid profile", Map.of("acr_values", "high"));
        HttpBrowser browser = new HttpBrowser("en");
        HttpBrowser.Page approval = logInWithToken(browser, login, citizen, token);
        String text = approval.document().selectFirst("#khur-esign-form").attr("data-sign-data");
        assertThat(text).as("ХУР's approval text for this citizen, now").matches(citizen.registerNumber() + "\\.\\d{10}");
        assertThat(Math.abs(Long.parseLong(text.substring(11)) - Instant.now().getEpochSecond())).isLessThan(120);
        assertThat(approval.text("#khur-registry-sign-data")).isEqualTo(text);
        assertThat(approval.has("#khur-registry-use-code")).as("the registry's code stays possible").isTrue();
        assertThat(SandboxRegistry.simulator().lastCode(citizen.registerNumber())).as("no code asked for").isEmpty();

        HttpBrowser.Page back = postSignature(browser, token, token.sign(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(back.leftIdp()).as("back at the relying party, page was: %s", back.body()).isTrue();
        JWTClaimsSet idToken = rp.finish(login, back.uri()).idToken();
        assertThat(idToken.getClaim("acr")).isEqualTo("high");
        assertThat(idToken.getClaim("given_name")).isEqualTo("Ану-Ужин");
        assertThat(idToken.getClaim("family_name")).isEqualTo("Төмөрбаатар");
        assertThat(idToken.getClaim("birthdate")).isEqualTo("1990-06-15");
        assertThat(idToken.getBooleanClaim("registry_verified")).isTrue();
        assertThat(SandboxRegistry.simulator().signatureApprovals()).isEqualTo(approvalsBefore + 1);
        JsonNode state = registryState(userId);
        assertThat(state.path("verified").asBoolean()).isTrue();
        assertThat(state.path("source").asText()).startsWith("xyp:WS100101_getCitizenIDCardInfo requestId=sandbox-");

        // verified now: the next token login goes straight back to the site
        OidcRelyingParty.PendingLogin again = rp.begin("openid", Map.of("acr_values", "high"));
        HttpBrowser.Page next = logInWithToken(new HttpBrowser("en"), again, citizen, token);
        assertThat(next.leftIdp()).as("not asked again: %s", next.body()).isTrue();
    }

    @Test
    void theLoginSignatureOrAnotherCertificatesSignatureIsNoApprovalAndNeverReachesTheRegistry() {
        TestCitizen citizen = TestCitizen.random();
        String userId = namelessCitizen(citizen);
        SandboxRegistry.register(RegistryCitizens.person(citizen));
        IssuedCertificate token = token(citizen);
        TestCitizen someoneElse = TestCitizen.random();
        IssuedCertificate othersToken = token(someoneElse);

        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin("openid", Map.of("acr_values", "high"));
        HttpBrowser browser = new HttpBrowser("en");
        browser.open(login.authorizationUri());
        HttpBrowser.Page tokenPage = browser.submit("#khur-esign-choice", Map.of("method", "token"), null);
        byte[] loginSignature = token.sign(tokenPage.document().selectFirst("#khur-esign-form").attr("data-sign-data")
                .getBytes(StandardCharsets.UTF_8));
        HttpBrowser.Page approval = postLogin(browser, citizen, token, loginSignature);
        assertThat(approval.has("#khur-registry-sign-data")).as("approval page, got: %s", approval.body()).isTrue();
        int fetchesBefore = SandboxRegistry.simulator().idCardCalls();

        // 1. the signature made for the login, replayed as the registry's approval
        HttpBrowser.Page refused = postSignature(browser, token, loginSignature);
        assertThat(refused.leftIdp()).isFalse();
        assertThat(refused.status()).isLessThan(500);
        assertThat(refused.body()).contains("not the approval we asked for");
        assertThat(refused.has("#khur-registry-sign-data")).as("the citizen can sign again").isTrue();

        // 2. ХУР's approval text, signed by another citizen's certificate
        String text = refused.document().selectFirst("#khur-esign-form").attr("data-sign-data");
        HttpBrowser.Page other = postSignature(browser, othersToken, othersToken.sign(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(other.leftIdp()).isFalse();
        assertThat(other.body()).contains("not the approval we asked for");

        assertThat(SandboxRegistry.simulator().idCardCalls()).as("nothing sent to the registry").isEqualTo(fetchesBefore);
        assertThat(admin.user(userId).path("attributes").has("registry_verified_at")).isFalse();
        String events = admin.events(userId, "UPDATE_PROFILE_ERROR").toString();
        assertThat(events).contains("registry_signature_invalid").contains("registry_signature_other_certificate")
                .contains("khur_registry_signature_refused");

        // 3. the genuine approval still goes through
        String fresh = other.document().selectFirst("#khur-esign-form").attr("data-sign-data");
        HttpBrowser.Page back = postSignature(browser, token, token.sign(fresh.getBytes(StandardCharsets.UTF_8)));
        assertThat(back.leftIdp()).as(back.body()).isTrue();
        assertThat(registryState(userId).path("verified").asBoolean()).isTrue();
    }

    @Test
    void aTokenCitizenMayApproveWithTheRegistrysCodeInsteadOrPostpone() {
        TestCitizen citizen = TestCitizen.random();
        String userId = namelessCitizen(citizen);
        SandboxRegistry.register(RegistryCitizens.person(citizen));
        IssuedCertificate token = token(citizen);

        OidcRelyingParty rp = OidcRelyingParty.demo();
        HttpBrowser browser = new HttpBrowser("mn");
        HttpBrowser.Page approval = logInWithToken(browser, rp.begin("openid", Map.of("acr_values", "high")), citizen, token);
        assertThat(approval.text("#khur-registry-intro")).contains("тоон гарын үсгээр");
        HttpBrowser.Page codePage = browser.submit("#khur-registry-other-form", Map.of("action", "code"), null);
        assertThat(codePage.has("#khur-registry-form")).as("the code page, got: %s", codePage.body()).isTrue();
        String code = SandboxRegistry.simulator().lastCode(citizen.registerNumber()).orElseThrow().code();
        HttpBrowser.Page back = browser.submit("#khur-registry-form", Map.of("action", "submit", "code", code), null);
        assertThat(back.leftIdp()).as(back.body()).isTrue();
        assertThat(registryState(userId).path("verified").asBoolean()).isTrue();

        // another citizen postpones: the login goes on, a retry is kept, nothing is stored
        TestCitizen later = TestCitizen.random();
        String laterId = namelessCitizen(later);
        SandboxRegistry.register(RegistryCitizens.person(later));
        HttpBrowser other = new HttpBrowser("mn");
        HttpBrowser.Page asked = logInWithToken(other, rp.begin("openid", Map.of("acr_values", "high")), later, token(later));
        HttpBrowser.Page skipped = other.submit("#khur-registry-other-form", Map.of("action", "skip"), null);
        assertThat(skipped.leftIdp()).as(skipped.body()).isTrue();
        JsonNode state = registryState(laterId);
        // pending, or already awaiting the citizen's next login if the retry task (every 3 s in tests) ran meanwhile
        assertThat(state.path("state").asText()).isIn("pending", "awaiting_citizen");
        assertThat(state.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(state.path("verified").asBoolean()).isFalse();
        assertThat(admin.user(laterId).path("firstName").asText("")).isEmpty();
        assertThat(asked.has("#khur-registry-sign-data")).isTrue();
    }

    @Test
    void askingForTheRegistrysCodeInALoopSendsOneCodeNotOnePerPost() {
        // review of issue 17: every post of action=code sent a new ХУР code (the organisation's quota, the citizen's phone)
        TestCitizen citizen = TestCitizen.random();
        namelessCitizen(citizen);
        SandboxRegistry.register(RegistryCitizens.person(citizen));
        HttpBrowser browser = new HttpBrowser("en");
        HttpBrowser.Page page = logInWithToken(browser, OidcRelyingParty.demo().begin("openid", Map.of("acr_values", "high")),
                citizen, token(citizen));
        assertThat(page.has("#khur-registry-sign-data")).as(page.body()).isTrue();
        for (int post = 0; post < 8; post++) {
            page = browser.submit("#khur-registry-other-form", Map.of("action", "code"), null);
            assertThat(page.status()).isLessThan(500);
            assertThat(page.leftIdp()).isFalse();
        }
        assertThat(page.has("#khur-registry-form")).as("still the code page: %s", page.body()).isTrue();
        assertThat(SandboxRegistry.simulator().codesSent(citizen.registerNumber()))
                .as("one code for the citizen's one choice; the code already sent still works").isEqualTo(1);
    }

    @Test
    void theSameSignaturePostedAgainNeverReachesTheRegistryTwice() {
        // review of issue 17: after a refused post the page issued "now" again, the same second as the consumed
        // timestamp, so the same signature (the same text) was sent to ХУР a second time
        TestCitizen citizen = TestCitizen.random();
        namelessCitizen(citizen);
        SandboxRegistry.register(RegistryCitizens.person(citizen).refusingConsent()); // ХУР refuses: the page asks again
        IssuedCertificate token = token(citizen);
        OidcRelyingParty rp = OidcRelyingParty.demo();
        for (int login = 0; login < 5; login++) {
            HttpBrowser browser = new HttpBrowser("en");
            HttpBrowser.Page page = logInWithToken(browser, rp.begin("openid", Map.of("acr_values", "high")), citizen, token);
            // a fresh text right now (the ESIGN client "was cancelled"), signed and posted at once
            page = browser.submit("#khur-esign-form", Map.of("clientError", "cancelled"), null);
            String text = page.document().selectFirst("#khur-esign-form").attr("data-sign-data");
            byte[] signature = token.sign(text.getBytes(StandardCharsets.UTF_8));
            int callsBefore = SandboxRegistry.simulator().idCardCalls();
            HttpBrowser.Page refused = postSignature(browser, token, signature);
            assertThat(refused.has("#khur-esign-form")).as("asked again: %s", refused.body()).isTrue();
            String next = refused.document().selectFirst("#khur-esign-form").attr("data-sign-data");
            HttpBrowser.Page again = postSignature(browser, token, signature);
            assertThat(again.leftIdp()).isFalse();
            assertThat(SandboxRegistry.simulator().idCardCalls() - callsBefore)
                    .as("the signature over %s reached ХУР once (next text %s)", text, next).isEqualTo(1);
            assertThat(next).as("a timestamp is issued once per account").isNotEqualTo(text);
        }
    }

    /** A citizen account without names (phone registration before the registry was configured); its user id. */
    private String namelessCitizen(TestCitizen citizen) {
        var response = admin.createUserRaw(Map.of("username", citizen.registerNumber().toLowerCase(Locale.ROOT),
                "enabled", true, "attributes", Map.of("register_number", List.of(citizen.registerNumber()),
                        "phone_number", List.of(citizen.phoneE164()), "phone_number_verified", List.of("true"))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aCitizenWhoseNamesCameFromAnOperatorIsNotAskedAfterATokenLoginUntilAnOperatorAsksForARefresh() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen); // names typed by an operator
        SandboxRegistry.register(RegistryCitizens.person(citizen));
        IssuedCertificate token = token(citizen);
        OidcRelyingParty rp = OidcRelyingParty.demo();
        HttpBrowser.Page first = logInWithToken(new HttpBrowser("en"), rp.begin("openid", Map.of("acr_values", "high")), citizen, token);
        assertThat(first.leftIdp()).as("not asked: %s", first.body()).isTrue();

        assertThat(admin.post("/admin/realms/khur/khur-registry/users/" + userId + "/refresh", "").statusCode()).isEqualTo(202);
        HttpBrowser browser = new HttpBrowser("en");
        HttpBrowser.Page asked = logInWithToken(browser, rp.begin("openid", Map.of("acr_values", "high")), citizen, token);
        assertThat(asked.has("#khur-registry-sign-data")).as("the refresh offers the signature: %s", asked.body()).isTrue();
        String text = asked.document().selectFirst("#khur-esign-form").attr("data-sign-data");
        assertThat(postSignature(browser, token, token.sign(text.getBytes(StandardCharsets.UTF_8))).leftIdp()).isTrue();
        assertThat(registryState(userId).path("verified").asBoolean()).isTrue();
        assertThat(admin.user(userId).path("firstName").asText()).isEqualTo("Ану-Ужин");
    }

    private IssuedCertificate token(TestCitizen citizen) {
        return KhurServerExtension.esignPki().issue(CitizenCertificateRequest.valid("token of " + citizen.registerNumber(),
                citizen.registerNumber(), citizen.familyName() + " " + citizen.givenName(), KeyKind.EC_P256,
                revocation.endpoints(), Instant.now()));
    }

    /** acr=high → the USB-token page → the login's signature over the page's challenge. */
    private static HttpBrowser.Page logInWithToken(HttpBrowser browser, OidcRelyingParty.PendingLogin login, TestCitizen citizen,
                                                   IssuedCertificate token) {
        browser.open(login.authorizationUri());
        HttpBrowser.Page tokenPage = browser.submit("#khur-esign-choice", Map.of("method", "token"), null);
        String challenge = tokenPage.document().selectFirst("#khur-esign-form").attr("data-sign-data");
        return postLogin(browser, citizen, token, token.sign(challenge.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpBrowser.Page postLogin(HttpBrowser browser, TestCitizen citizen, IssuedCertificate token, byte[] signature) {
        return browser.submit("#khur-esign-form", Map.of("registerNumber", citizen.registerNumber(),
                "certificate", token.certificateBase64(), "signature", Base64.getEncoder().encodeToString(signature)), null);
    }

    /** What the page's script posts once the ESIGN client signed the approval text. */
    private static HttpBrowser.Page postSignature(HttpBrowser browser, IssuedCertificate token, byte[] signature) {
        return browser.submit("#khur-esign-form", Map.of("certificate", token.certificateBase64(),
                "signature", Base64.getEncoder().encodeToString(signature)), null);
    }

    private JsonNode registryState(String userId) {
        var response = admin.get("/admin/realms/khur/khur-registry/users/" + userId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }
}
