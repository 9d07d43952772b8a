package mn.gov.khur.it.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.PasswordGuessing;
import mn.gov.khur.it.support.SoftwarePasskey;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.PasskeyOfferPage;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passkeys against the real server, driven like a browser without script would be, with a software passkey
 * (webauthn4j's emulator, user verification) answering what navigator.credentials would: the offer after an
 * SMS login, the passkey alone logging in at exactly {@code substantial}, and the attacks on it.
 */
@ExtendWith(KhurServerExtension.class)
class PasskeyLoginIT {

    /** What the entry page says to a network that spent its failures for an account (Mongolian). */
    private static final String THROTTLED_MN = "Энэ сүлжээнээс энэ бүртгэлд passkey-ээр хэт олон удаа амжилтгүй оролдсон";

    private final AdminApi admin = new AdminApi();
    private final OidcRelyingParty rp = OidcRelyingParty.demo();

    @Test
    void afterAnSmsLoginThePasskeyAloneLogsInAtSubstantialWithThePasskeyAmr() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        HttpBrowser phone = PasskeyJourney.capableDevice();
        OidcRelyingParty.PendingLogin first = rp.begin();
        HttpBrowser.Page offer = PasskeyJourney.smsLogin(phone, first, citizen);
        assertThat(offer.has(PasskeyOfferPage.CREATE)).as("the offer after a fresh SMS login: %s", offer.body()).isTrue();
        assertThat(offer.text("h1")).isEqualTo("Дараагийн удаа SMS-гүйгээр нэвтрэх");
        SoftwarePasskey passkey = new SoftwarePasskey();
        HttpBrowser.Page back = phone.submit(PasskeyOfferPage.REGISTER_FORM, passkey.create(offer.body(), "Chrome, Android"), null);
        assertThat(back.leftIdp()).as(back.body()).isTrue();
        var sms = rp.finish(first, back.uri());
        assertThat(sms.idToken().getClaim("amr")).isEqualTo(List.of("pwd", "sms", "mfa"));
        assertThat(new String(passkey.userHandle(), StandardCharsets.UTF_8)).as("bound to this account").isEqualTo(userId);
        assertThat(PasskeyJourney.passkeyLabels(admin, userId)).containsExactly("Chrome, Android");

        // later, logged out: the register-number field and the button offer the passkey; no password, no SMS
        HttpBrowser later = PasskeyJourney.capableDevice();
        OidcRelyingParty.PendingLogin second = rp.begin();
        HttpBrowser.Page entry = later.open(second.authorizationUri());
        assertThat(entry.has(LoginPage.METHOD_PASSKEY)).isTrue();
        assertThat(entry.document().selectFirst(LoginPage.USERNAME).attr("autocomplete")).isEqualTo("username webauthn");
        HttpBrowser.Page passkeyBack = later.submit(LoginPage.PASSKEY_ASSERTION_FORM, passkey.sign(entry.body()), null);
        assertThat(passkeyBack.leftIdp()).as("straight back to the site, no SMS page, no offer: %s", passkeyBack.body()).isTrue();
        var tokens = rp.finish(second, passkeyBack.uri());
        assertThat(tokens.idToken().getClaim("acr")).isEqualTo("substantial");
        assertThat(tokens.idToken().getClaim("amr")).isEqualTo(List.of("passkey", "hwk", "mfa"));
        assertThat(tokens.idToken().getSubject()).isEqualTo(userId);
        assertThat(tokens.userInfo().getClaim("register_number")).isEqualTo(citizen.registerNumber());

        JsonNode login = admin.events(userId, "LOGIN").get(0);
        assertThat(login.at("/details/auth_method").asText()).isEqualTo("khur-passkey");
        assertThat(login.at("/details/khur_reason").isMissingNode()).isTrue();
    }

    @Test
    void theOfferComesOnlyAfterAFreshLoginOncePerDeviceAndOnlyWhereAPasskeyCanBeKept() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        HttpBrowser laptop = PasskeyJourney.capableDevice();
        OidcRelyingParty.PendingLogin first = rp.begin();
        HttpBrowser.Page offer = PasskeyJourney.smsLogin(laptop, first, citizen);
        HttpBrowser.Page skipped = laptop.submit(PasskeyOfferPage.SKIP_FORM, Map.of(), "khur-passkey-skip");
        assertThat(skipped.leftIdp()).as("skipping finishes the login: %s", skipped.body()).isTrue();
        var firstTokens = rp.finish(first, skipped.uri());

        // single sign-on reuses the session: nobody proved anything just now, so no offer, whatever this device answered
        laptop.setScriptCookie("/realms/khur/", "KHUR_PASSKEY_OFFERED", "v1.");
        OidcRelyingParty.PendingLogin sso = rp.begin();
        HttpBrowser.Page ssoBack = laptop.open(sso.authorizationUri());
        assertThat(ssoBack.leftIdp()).as("SSO goes straight back: %s", ssoBack.body()).isTrue();

        // a fresh login on the same device, the answer forgotten: offered again (so SSO above was the reason)
        PasskeyJourney.logOut(laptop, rp, firstTokens);
        OidcRelyingParty.PendingLogin third = rp.begin();
        HttpBrowser.Page again = PasskeyJourney.smsLogin(laptop, third, citizen);
        assertThat(again.has(PasskeyOfferPage.SKIP)).as("offered after a fresh login").isTrue();
        HttpBrowser.Page skippedAgain = laptop.submit(PasskeyOfferPage.SKIP_FORM, Map.of(), "khur-passkey-skip");
        assertThat(skippedAgain.leftIdp()).isTrue();

        // answered on this device: a fresh login here is not asked again
        PasskeyJourney.logOut(laptop, rp, rp.finish(third, skippedAgain.uri()));
        HttpBrowser.Page notAgain = PasskeyJourney.smsLogin(laptop, rp.begin(), citizen);
        assertThat(notAgain.leftIdp()).as("once per device: %s", notAgain.body()).isTrue();

        // another device that can keep a passkey is asked; one that cannot (or runs no script) is not
        assertThat(PasskeyJourney.smsLogin(PasskeyJourney.capableDevice(), rp.begin(), citizen).has(PasskeyOfferPage.SKIP)).isTrue();
        assertThat(PasskeyJourney.smsLogin(new HttpBrowser(), rp.begin(), citizen).leftIdp()).isTrue();
    }

    @Test
    void anotherCitizensPasskeyIsRefusedAndCountsAgainstTheAccountItClaimed() {
        TestCitizen owner = TestCitizen.random();
        admin.createCitizen(owner);
        TestCitizen victim = TestCitizen.random();
        String victimId = admin.createCitizen(victim);
        SoftwarePasskey ownersPasskey = PasskeyJourney.passkeyAfterSmsLogin(rp, owner);

        HttpBrowser attacker = PasskeyJourney.capableDevice();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser.Page entry = attacker.open(login.authorizationUri());
        Map<String, String> forged = new HashMap<>(ownersPasskey.sign(entry.body()));
        forged.put("userHandle", SoftwarePasskey.base64Url(victimId.getBytes(StandardCharsets.UTF_8)));
        HttpBrowser.Page refused = attacker.submit(LoginPage.PASSKEY_ASSERTION_FORM, forged, null);

        assertThat(refused.leftIdp()).as("a valid signature by another citizen's passkey logs nobody in").isFalse();
        assertThat(refused.has(LoginPage.METHOD_PASSKEY)).as("the entry page again").isTrue();
        assertThat(refused.body()).doesNotContain(victim.username()).doesNotContain(victim.registerNumber());
        PasskeyJourney.awaitFailures(admin, victimId, 1);
        JsonNode error = admin.events(victimId, "LOGIN_ERROR").get(0);
        assertThat(error.at("/details/auth_method").asText()).isEqualTo("khur-passkey");
        assertThat(error.at("/details/khur_reason").asText()).isEqualTo("passkey_not_verified");
    }

    @Test
    void aRemovedPasskeyIsRefused() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        SoftwarePasskey passkey = PasskeyJourney.passkeyAfterSmsLogin(rp, citizen);
        String credentialId = PasskeyJourney.passkeyCredentialIds(admin, userId).get(0);
        assertThat(admin.delete("/admin/realms/khur/users/" + userId + "/credentials/" + credentialId).statusCode()).isEqualTo(204);

        HttpBrowser device = PasskeyJourney.capableDevice();
        HttpBrowser.Page entry = device.open(rp.begin().authorizationUri());
        HttpBrowser.Page refused = device.submit(LoginPage.PASSKEY_ASSERTION_FORM, passkey.sign(entry.body()), null);
        assertThat(refused.leftIdp()).isFalse();
        assertThat(refused.has(LoginPage.METHOD_PASSKEY)).isTrue();
        PasskeyJourney.awaitFailures(admin, userId, 1);
    }

    @Test
    void aCancelledPromptIsRefusedWithAnEventAndCountsNothing() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        PasskeyJourney.passkeyAfterSmsLogin(rp, citizen);
        HttpBrowser device = PasskeyJourney.capableDevice();
        device.open(rp.begin().authorizationUri());
        HttpBrowser.Page refused = device.submit(LoginPage.PASSKEY_ASSERTION_FORM,
                Map.of("error", "NotAllowedError: The operation either timed out or was not allowed."), null);
        assertThat(refused.leftIdp()).isFalse();
        assertThat(refused.body()).contains("Passkey-ээр нэвтрэхийг цуцаллаа");
        JsonNode cancelled = PasskeyJourney.latestEvent(admin, "LOGIN_ERROR", "passkey_cancelled");
        assertThat(cancelled.at("/details/auth_method").asText()).isEqualTo("khur-passkey");
        assertThat(admin.attackDetection(userId).get("numFailures").asInt()).isZero();
    }

    @Test
    void forgedPasskeysFromOneNetworkCountUntilItsBudgetThenWaitAndDoNotLockTheCitizenOut() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        SoftwarePasskey passkey = PasskeyJourney.passkeyAfterSmsLogin(rp, citizen);
        // the attacker knows the account id (sites see it as "sub") and sends assertions naming it, all refused
        HttpBrowser attacker = PasskeyJourney.capableDeviceOn(81);
        HttpBrowser.Page page = attacker.open(rp.begin().authorizationUri());
        int counted = 0;
        for (int i = 0; i < 10 && !page.body().contains(THROTTLED_MN); i++) {
            page = attacker.submit(LoginPage.PASSKEY_ASSERTION_FORM, tampered(passkey, page), null);
            assertThat(page.leftIdp()).isFalse();
            if (!page.body().contains(THROTTLED_MN)) {
                PasskeyJourney.awaitFailures(admin, userId, ++counted); // each refused assertion counts
            }
        }
        assertThat(page.body()).as("the network's budget for this account is spent: wait").contains(THROTTLED_MN);
        assertThat(counted).as("the password step's budget, shared").isBetween(1, 9);
        JsonNode throttled = PasskeyJourney.latestEvent(admin, "LOGIN_ERROR", "network_throttled");
        assertThat(throttled.at("/details/auth_method").asText()).isEqualTo("khur-passkey");
        assertThat(throttled.path("userId").asText()).isEqualTo(userId);
        // the next forged assertion from that network is not even checked: nothing more counts, nothing locks
        attacker.submit(LoginPage.PASSKEY_ASSERTION_FORM, tampered(passkey, page), null);
        assertThat(admin.attackDetection(userId).path("numFailures").asInt()).isEqualTo(counted);
        assertThat(admin.attackDetection(userId).path("disabled").asBoolean()).isFalse();
        // the citizen, on their own network, logs in with their passkey
        HttpBrowser owner = PasskeyJourney.capableDevice();
        HttpBrowser.Page entry = owner.open(rp.begin().authorizationUri());
        assertThat(owner.submit(LoginPage.PASSKEY_ASSERTION_FORM, passkey.sign(entry.body()), null).leftIdp()).isTrue();
    }

    @Test
    void aCitizenLockedOutByWrongPasswordsStillLogsInWithTheirPasskey() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        SoftwarePasskey passkey = PasskeyJourney.passkeyAfterSmsLogin(rp, citizen);
        PasswordGuessing.lockFromManyNetworks(admin, userId, citizen.registerNumber(), 90);
        assertThat(PasswordGuessing.locked(admin, userId)).isTrue();
        try {
            // the lock guards the guessable secrets (password, SMS code); a passkey cannot be guessed (as bank, signature)
            HttpBrowser owner = PasskeyJourney.capableDevice();
            OidcRelyingParty.PendingLogin login = rp.begin();
            HttpBrowser.Page entry = owner.open(login.authorizationUri());
            HttpBrowser.Page back = owner.submit(LoginPage.PASSKEY_ASSERTION_FORM, passkey.sign(entry.body()), null);
            assertThat(back.leftIdp()).as("logged in by passkey despite the lock: %s", back.body()).isTrue();
            var tokens = rp.finish(login, back.uri());
            assertThat(tokens.idToken().getSubject()).isEqualTo(userId);
            assertThat(tokens.idToken().getClaim("acr")).isEqualTo("substantial");
            assertThat(tokens.idToken().getClaim("amr")).isEqualTo(List.of("passkey", "hwk", "mfa"));

            // a forged assertion for the locked account is still refused
            HttpBrowser attacker = PasskeyJourney.capableDeviceOn(89);
            HttpBrowser.Page page = attacker.open(rp.begin().authorizationUri());
            HttpBrowser.Page refused = attacker.submit(LoginPage.PASSKEY_ASSERTION_FORM, tampered(passkey, page), null);
            assertThat(refused.leftIdp()).isFalse();
            assertThat(refused.body()).contains("Passkey-ээр нэвтэрч чадсангүй");
        } finally {
            admin.clearAttackDetection(userId);
        }
    }

    /** A valid assertion of {@code passkey} for this page's challenge, its signature's last bit flipped. */
    private static Map<String, String> tampered(SoftwarePasskey passkey, HttpBrowser.Page page) {
        Map<String, String> tampered = new HashMap<>(passkey.sign(page.body()));
        byte[] signature = Base64.getUrlDecoder().decode(tampered.get("signature"));
        signature[signature.length - 1] ^= 0x01;
        tampered.put("signature", SoftwarePasskey.base64Url(signature));
        return tampered;
    }

    @Test
    void aPasskeyWithoutUserVerificationNeverLogsIn() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        SoftwarePasskey passkey = PasskeyJourney.passkeyAfterSmsLogin(rp, citizen);

        // the authenticator did not verify the citizen (no fingerprint, face or PIN): one factor, refused
        HttpBrowser device = PasskeyJourney.capableDevice();
        HttpBrowser.Page entry = device.open(rp.begin().authorizationUri());
        HttpBrowser.Page refused = device.submit(LoginPage.PASSKEY_ASSERTION_FORM, passkey.signWithoutUserVerification(entry.body()), null);
        assertThat(refused.leftIdp()).isFalse();
        PasskeyJourney.awaitFailures(admin, userId, 1);
        admin.clearAttackDetection(userId);

        // an operator relaxes the realm's passkey policy (the admin console saves the whole realm): no passkey gives
        // "substantial" any more until it is back
        String realmPath = "/admin/realms/khur";
        String original = admin.get(realmPath).body();
        com.fasterxml.jackson.databind.node.ObjectNode relaxed = (com.fasterxml.jackson.databind.node.ObjectNode) mn.gov.khur.it.support.Json.parse(original);
        relaxed.put("webAuthnPolicyPasswordlessUserVerificationRequirement", "preferred");
        assertThat(admin.put(realmPath, mn.gov.khur.it.support.Json.write(relaxed)).statusCode()).isEqualTo(204);
        assertThat(admin.realm().path("webAuthnPolicyPasswordlessUserVerificationRequirement").asText()).isEqualTo("preferred");
        try {
            HttpBrowser.Page again = device.open(rp.begin().authorizationUri());
            HttpBrowser.Page stillRefused = device.submit(LoginPage.PASSKEY_ASSERTION_FORM, passkey.sign(again.body()), null);
            assertThat(stillRefused.leftIdp()).as("even with user verification: the policy no longer promises it").isFalse();
            assertThat(PasskeyJourney.latestEvent(admin, "LOGIN_ERROR", "user_verification_not_required")
                    .at("/details/auth_method").asText()).isEqualTo("khur-passkey");
        } finally {
            assertThat(admin.put(realmPath, original).statusCode()).isEqualTo(204);
        }
        HttpBrowser.Page entryAgain = device.open(rp.begin().authorizationUri());
        assertThat(device.submit(LoginPage.PASSKEY_ASSERTION_FORM, passkey.sign(entryAgain.body()), null).leftIdp()).isTrue();
    }

    @Test
    void aRelyingPartyCannotStartThePasskeyOffer() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        HttpBrowser device = PasskeyJourney.capableDevice();
        OidcRelyingParty.PendingLogin first = rp.begin();
        HttpBrowser.Page offer = PasskeyJourney.smsLogin(device, first, citizen);
        rp.finish(first, device.submit(PasskeyOfferPage.SKIP_FORM, Map.of(), "khur-passkey-skip").uri());

        // with the session open, a site asks for the offer (where a passkey could be registered without a fresh login)
        HttpBrowser.Page back = device.open(rp.begin("openid", Map.of("kc_action", "khur-passkey-offer")).authorizationUri());
        assertThat(back.leftIdp()).as("no registration page without a fresh login: %s", back.body()).isTrue();
        assertThat(String.valueOf(back.uri())).doesNotContain("kc_action_status=success");
        assertThat(offer.has(PasskeyOfferPage.CREATE)).isTrue();
    }

    @Test
    void aPasskeyNeverGivesHigh() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        SoftwarePasskey passkey = PasskeyJourney.passkeyAfterSmsLogin(rp, citizen);

        // a request for high offers signatures only: no passkey, no challenge to answer
        HttpBrowser device = PasskeyJourney.capableDevice();
        HttpBrowser.Page choice = device.open(rp.begin("openid", Map.of("acr_values", "high")).authorizationUri());
        assertThat(choice.has(LoginPage.METHOD_ESIGN_TOKEN)).isTrue();
        assertThat(choice.has(LoginPage.METHOD_PASSKEY)).isFalse();
        assertThat(choice.body()).doesNotContain("authenticatorData");

        // a passkey session asked for high is stepped up by a signature, never answered with tokens
        OidcRelyingParty.PendingLogin substantial = rp.begin();
        HttpBrowser.Page entry = device.open(substantial.authorizationUri());
        HttpBrowser.Page back = device.submit(LoginPage.PASSKEY_ASSERTION_FORM, passkey.sign(entry.body()), null);
        assertThat(rp.finish(substantial, back.uri()).idToken().getClaim("acr")).isEqualTo("substantial");
        HttpBrowser.Page stepUp = device.open(rp.begin("openid", Map.of("acr_values", "high")).authorizationUri());
        assertThat(stepUp.leftIdp()).as("no tokens for high from a passkey session").isFalse();
        assertThat(stepUp.has(LoginPage.METHOD_ESIGN_TOKEN)).isTrue();
        assertThat(stepUp.has(LoginPage.METHOD_PASSKEY)).isFalse();
        HttpBrowser.Page noneHigh = device.open(rp.begin("openid", Map.of("acr_values", "high", "prompt", "none")).authorizationUri());
        assertThat(noneHigh.leftIdp()).isTrue();
        assertThat(noneHigh.uri().toString()).as("prompt=none for high is an error, not a code").contains("error=");
    }
}
