package mn.gov.khur.it.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import com.nimbusds.jwt.JWTClaimsSet;

import mn.gov.khur.it.support.Accessibility;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxRegistry;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.DonePage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.RegistrationPage;
import mn.gov.khur.it.support.pages.RegistryApprovalPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;
import mn.gov.khur.it.support.pages.SelfServiceFields;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 17's "done": a citizen registers by phone in Chromium, approves the state registry's fetch with the code
 * ХУР itself sent, and the ID token of the next login carries the registry's names, marked registry-verified.
 */
@ExtendWith(KhurServerExtension.class)
class RegistryNamesInChromiumIT {

    private final InboundSmsClient phone = new InboundSmsClient();

    @Test
    void aPhoneRegisteredCitizensIdTokenCarriesTheRegistryNames() throws Exception {
        TestCitizen citizen = RegistryCitizens.newcomer();
        SandboxRegistry.register(RegistryCitizens.person(citizen));
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            OidcRelyingParty rp = OidcRelyingParty.demo();
            OidcRelyingParty.PendingLogin login = rp.begin();
            browser.get(login.authorizationUri().toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.REGISTER))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(RegistrationPage.FORM)));
            browser.findElement(By.cssSelector(SelfServiceFields.REGISTER_NUMBER)).sendKeys(citizen.registerNumber());
            browser.findElement(By.cssSelector(SelfServiceFields.PHONE)).sendKeys(citizen.phoneE164().substring(4));
            browser.findElement(By.cssSelector(SelfServiceFields.PASSWORD_NEW)).sendKeys(citizen.password());
            browser.findElement(By.cssSelector(SelfServiceFields.PASSWORD_CONFIRM)).sendKeys(citizen.password());
            browser.findElement(By.cssSelector(SelfServiceFields.CAPTCHA)).sendKeys(browser.findElement(By.cssSelector(SelfServiceFields.CAPTCHA_IMAGE))
                    .getAttribute("data-khur-test-answer"));
            browser.findElement(By.cssSelector(RegistrationPage.SUBMIT)).click();
            String smsCode = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
            assertThat(phone.send(citizen.phoneE164(), smsCode).body()).contains("\"matched\"");

            // the SMS proved the phone: the account exists, and ХУР has sent the citizen its own code
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(RegistryApprovalPage.FORM)));
            assertThat(browser.findElement(By.cssSelector(RegistryApprovalPage.INTRO)).getText()).contains("ХУР")
                    .contains(citizen.phoneE164().substring(10));
            Screenshots.save(browser, "registry-approval-mn-1280");
            assertThat(Accessibility.seriousViolations(browser)).as("axe-core on the registry approval page").isEmpty();
            String registryCode = SandboxRegistry.simulator().lastCode(citizen.registerNumber()).orElseThrow().code();
            browser.findElement(By.cssSelector(RegistryApprovalPage.CODE)).sendKeys(registryCode);
            browser.findElement(By.cssSelector(RegistryApprovalPage.SUBMIT)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(DonePage.DONE)));
            assertThat(browser.findElement(By.cssSelector(DonePage.REGISTRY)).getAttribute("data-khur-registry")).isEqualTo("verified");

            // the next login, as always: password + reverse SMS
            browser.get(login.authorizationUri().toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME))).sendKeys(citizen.registerNumber());
            browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys(citizen.password());
            browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
            String loginCode = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
            assertThat(phone.send(citizen.phoneE164(), loginCode).body()).contains("\"matched\"");
            wait.until(d -> d.getCurrentUrl().startsWith(OidcRelyingParty.REDIRECT_URI.toString()));
            JWTClaimsSet idToken = rp.finish(login, URI.create(browser.getCurrentUrl())).idToken();
            assertThat(idToken.getClaim("given_name")).isEqualTo("Ану-Ужин");
            assertThat(idToken.getClaim("family_name")).isEqualTo("Төмөрбаатар");
            assertThat(idToken.getClaim("birthdate")).isEqualTo("1990-06-15");
            assertThat(idToken.getClaim("register_number")).isEqualTo(citizen.registerNumber());
            assertThat(idToken.getBooleanClaim("registry_verified")).isTrue();
            assertThat(idToken.getLongClaim("registry_verified_at")).isPositive();
        } finally {
            browser.quit();
        }
    }
}
