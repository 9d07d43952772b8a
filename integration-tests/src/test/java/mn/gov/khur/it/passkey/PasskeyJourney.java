package mn.gov.khur.it.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SoftwarePasskey;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.PasskeyOfferPage;

import com.fasterxml.jackson.databind.JsonNode;

/** The steps the passkey tests share: devices, an SMS login, a passkey made through the offer, what the server recorded. */
final class PasskeyJourney {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private PasskeyJourney() {
    }

    /** A browser whose entry page found a fingerprint/face/PIN authenticator (the cookie its script sets). */
    static HttpBrowser capableDevice() {
        return capable(new HttpBrowser("mn"));
    }

    /** The same on a network of its own ({@code 127.0.0.n}, {@link HttpBrowser#loopback}). */
    static HttpBrowser capableDeviceOn(int network) {
        return capable(HttpBrowser.from(HttpBrowser.loopback(network), "mn"));
    }

    private static HttpBrowser capable(HttpBrowser browser) {
        browser.setScriptCookie("/realms/khur/", "KHUR_PASSKEY_DEVICE", "platform");
        return browser;
    }

    /** Register number + password, the code texted from the citizen's phone, Continue: the page after the login. */
    static HttpBrowser.Page smsLogin(HttpBrowser browser, OidcRelyingParty.PendingLogin login, TestCitizen citizen) {
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertThat(new InboundSmsClient().send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        return CitizenLogin.pressContinue(browser);
    }

    /** The citizen's passkey, created through the offer after an SMS login on a capable device. */
    static SoftwarePasskey passkeyAfterSmsLogin(OidcRelyingParty rp, TestCitizen citizen) {
        HttpBrowser device = capableDevice();
        HttpBrowser.Page offer = smsLogin(device, rp.begin(), citizen);
        assertThat(offer.has(PasskeyOfferPage.CREATE)).as("the offer: %s", offer.body()).isTrue();
        SoftwarePasskey passkey = new SoftwarePasskey();
        HttpBrowser.Page back = device.submit(PasskeyOfferPage.REGISTER_FORM, passkey.create(offer.body(), "IT passkey"), null);
        assertThat(back.leftIdp()).as("created: %s", back.body()).isTrue();
        return passkey;
    }

    /** RP-initiated logout with the ID token as hint: no confirmation page. */
    static void logOut(HttpBrowser browser, OidcRelyingParty rp, OidcRelyingParty.LoginResult login) {
        browser.open(URI.create(rp.provider().getEndSessionEndpointURI() + "?id_token_hint="
                + URLEncoder.encode(login.tokens().getIDTokenString(), StandardCharsets.UTF_8)));
    }

    static List<JsonNode> passkeys(AdminApi admin, String userId) {
        List<JsonNode> passkeys = new ArrayList<>();
        for (JsonNode credential : Json.parse(admin.get("/admin/realms/khur/users/" + userId + "/credentials").body())) {
            if ("webauthn-passwordless".equals(credential.path("type").asText())) {
                passkeys.add(credential);
            }
        }
        return passkeys;
    }

    static List<String> passkeyLabels(AdminApi admin, String userId) {
        return passkeys(admin, userId).stream().map(c -> c.path("userLabel").asText()).toList();
    }

    static List<String> passkeyCredentialIds(AdminApi admin, String userId) {
        return passkeys(admin, userId).stream().map(c -> c.path("id").asText()).toList();
    }

    /** The brute-force protector works asynchronously: wait (bounded) until it has counted. */
    static void awaitFailures(AdminApi admin, String userId, int atLeast) {
        Instant deadline = Instant.now().plus(PATIENCE);
        int seen = 0;
        while (Instant.now().isBefore(deadline)) {
            seen = admin.attackDetection(userId).path("numFailures").asInt();
            if (seen >= atLeast) {
                return;
            }
            sleep();
        }
        throw new AssertionError("expected at least " + atLeast + " counted failures, the protector has " + seen);
    }

    static void awaitLocked(AdminApi admin, String userId) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (admin.attackDetection(userId).path("disabled").asBoolean()) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the account was not locked: " + admin.attackDetection(userId));
    }

    /** The newest realm event of this type whose khur_reason is this (events of any user). */
    static JsonNode latestEvent(AdminApi admin, String type, String reason) {
        for (JsonNode event : Json.parse(admin.get("/admin/realms/khur/events?type=" + type + "&max=200").body())) {
            if (reason.equals(event.at("/details/khur_reason").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event with khur_reason=" + reason);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
