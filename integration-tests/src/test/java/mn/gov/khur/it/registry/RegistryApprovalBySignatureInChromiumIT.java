package mn.gov.khur.it.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;

import mn.gov.khur.it.support.Accessibility;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxRegistry;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.sandbox.esignclient.EsignClientSimulator;
import mn.gov.khur.sandbox.esignclient.EsignToken;
import mn.gov.khur.sandbox.esignclient.PendingSignature;
import mn.gov.khur.sandbox.esignclient.SigningOutcome;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The approval by signature end to end in headless Chromium with the ESIGN client simulator on ws://127.0.0.1:59001:
 * the token login, then the approval page's script has the client sign ХУР's approval text (the PIN dialog shows it),
 * and the ID token carries the registry's names.
 */
@ExtendWith(KhurServerExtension.class)
class RegistryApprovalBySignatureInChromiumIT {

    private static final String PIN = "5930";
    private static RevocationServer revocation;
    private static EsignClientSimulator client;

    @BeforeAll
    static void start() throws Exception {
        revocation = RevocationServer.start(KhurServerExtension.esignPki(), "127.0.0.1", 0);
        client = EsignClientSimulator.start(EsignClientSimulator.DEFAULT_PORT, Set.of(KeycloakServer.BASE_URL));
    }

    @AfterAll
    static void stop() {
        client.shutdown();
        revocation.close();
    }

    @Test
    void aTokenCitizenApprovesWithThePinAndTheIdTokenCarriesTheRegistrysNames() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        AdminApi admin = new AdminApi();
        var created = admin.createUserRaw(Map.of("username", citizen.registerNumber().toLowerCase(Locale.ROOT), "enabled", true,
                "attributes", Map.of("register_number", List.of(citizen.registerNumber()))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        SandboxRegistry.register(RegistryCitizens.person(citizen));
        String tokenId = "registry-" + citizen.registerNumber();
        client.plugIn(new EsignToken(tokenId, PIN, KhurServerExtension.esignPki().issue(CitizenCertificateRequest.valid(
                "token of " + citizen.registerNumber(), citizen.registerNumber(), "Туршилт Иргэн", KeyKind.RSA_PSS,
                revocation.endpoints(), Instant.now()))));
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            OidcRelyingParty rp = OidcRelyingParty.demo();
            OidcRelyingParty.PendingLogin login = rp.begin("openid profile", Map.of("acr_values", "high"));
            browser.get(login.authorizationUri().toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.id("khur-method-esign-token"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-esign-register-number")))
                    .sendKeys(citizen.registerNumber());
            browser.findElement(By.id("khur-esign-sign")).click();
            PendingSignature loginRequest = client.awaitPending(15_000);
            assertThat(client.approve(loginRequest.id(), tokenId, PIN)).isEqualTo(SigningOutcome.SIGNED);

            // logged in; the same tab now asks for ХУР's approval by the same token
            String text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-registry-sign-data"))).getText();
            assertThat(text).startsWith(citizen.registerNumber() + ".");
            Screenshots.save(browser, "registry-approval-signature-mn-1280");
            assertThat(Accessibility.seriousViolations(browser)).as("axe-core on the approval by signature").isEmpty();
            browser.findElement(By.id("khur-esign-sign")).click();
            PendingSignature approval = client.awaitPending(15_000);
            assertThat(approval.data()).as("the PIN dialog shows what is signed").isEqualTo(text);
            assertThat(client.approve(approval.id(), tokenId, PIN)).isEqualTo(SigningOutcome.SIGNED);

            wait.until(d -> d.getCurrentUrl().startsWith(OidcRelyingParty.REDIRECT_URI.toString()));
            JWTClaimsSet idToken = rp.finish(login, URI.create(browser.getCurrentUrl())).idToken();
            assertThat(idToken.getClaim("given_name")).isEqualTo("Ану-Ужин");
            assertThat(idToken.getClaim("family_name")).isEqualTo("Төмөрбаатар");
            assertThat(idToken.getBooleanClaim("registry_verified")).isTrue();
            assertThat(idToken.getClaim("acr")).isEqualTo("high");
        } finally {
            browser.quit();
        }
    }
}
