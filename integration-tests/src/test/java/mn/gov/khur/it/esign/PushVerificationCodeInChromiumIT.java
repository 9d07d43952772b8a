package mn.gov.khur.it.esign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import mn.gov.khur.it.esign.EsignTokenFixture.Citizen;
import mn.gov.khur.it.support.Accessibility;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.SignaturePushPage;
import mn.gov.khur.sandbox.gsign.GSignSimulator;
import mn.gov.khur.sandbox.mssp.MsspSimulator;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #21 item 9: on the SIM and cloud waiting pages the 4-digit verification code is what stops a
 * relayed request (someone else's login pushed to this citizen's phone), so the page must make it
 * its focus: a visible label, large digits the eye finds first, and what to do when the phone shows
 * another code. Measured in headless Chromium as laid out at 360 px (phone) and 1280 px, in both
 * languages, with axe-core on the same page.
 */
@ExtendWith(KhurServerExtension.class)
class PushVerificationCodeInChromiumIT {

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

    @ParameterizedTest(name = "{0} {1} at {2}px")
    @CsvSource({"sim,mn,360", "sim,mn,1280", "sim,en,360", "sim,en,1280",
            "cloud,mn,360", "cloud,mn,1280", "cloud,en,360", "cloud,en,1280"})
    void theVerificationCodeIsLabelledLargeAndExplained(String method, String language, int width) {
        Citizen citizen = fixture.registeredCitizen();
        String phone = citizen.person().phoneE164();
        // the phone never answers: the page stays on "waiting"
        if ("sim".equals(method)) {
            MsspSimulator mssp = KhurServerExtension.mssp();
            mssp.register(phone, fixture.validCertificate(citizen.person(), KeyKind.EC_P256));
            mssp.behaviour(phone, MsspSimulator.Behaviour.TIMEOUT);
        } else {
            GSignSimulator gsign = KhurServerExtension.gsign();
            gsign.register(citizen.person().registerNumber(), phone, fixture.validCertificate(citizen.person(), KeyKind.EC_P256));
            gsign.behaviour(citizen.person().registerNumber(), GSignSimulator.Behaviour.TIMEOUT);
        }
        ChromeDriver browser = Browsers.chromium(language);
        try {
            browser.manage().window().setSize(new Dimension(width, 900));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            // the polling script is blocked so that the measurements and axe read one page
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*khur-esign-wait.js*")));
            browser.get(fixture.rp.begin("openid", Map.of("acr_values", "high")).authorizationUri() + "&ui_locales=" + language);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.signatureMethod(method)))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SignaturePushPage.REGISTER_NUMBER)))
                    .sendKeys(citizen.person().registerNumber());
            browser.findElement(By.cssSelector(SignaturePushPage.PHONE)).sendKeys(phone.substring(4));
            browser.findElement(By.cssSelector(SignaturePushPage.SIGN)).click();
            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SignaturePushPage.VERIFICATION_CODE))).getText();
            assertThat(code).as("the code's text is exactly the 4 digits").matches("\\d{4}");
            String name = "esign-push-code-" + method + "-" + language + "-" + width;
            Screenshots.save(browser, name);

            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) browser.executeScript("""
                    const px = e => parseFloat(getComputedStyle(e).fontSize);
                    const code = document.getElementById('khur-esign-verification-code');
                    const label = document.getElementById('khur-esign-verification-code-label');
                    const body = document.querySelector('.khur-esign__hint') || document.body;
                    const out = {codeSize: px(code), bodySize: px(body), codeWeight: getComputedStyle(code).fontWeight,
                                 codeBottom: code.getBoundingClientRect().bottom, viewport: window.innerHeight};
                    if (label) {
                      label.scrollIntoView({block: 'center'});
                      const r = label.getBoundingClientRect();
                      const hit = document.elementFromPoint(r.left + Math.min(8, r.width / 2), r.top + r.height / 2);
                      out.labelText = label.innerText.trim();
                      out.labelWidth = r.width;
                      out.labelHeight = r.height;
                      out.labelSize = px(label);
                      out.labelOnTop = hit !== null && (hit === label || label.contains(hit));
                      window.scrollTo(0, 0);
                    }
                    return out;""");
            assertThat(m.get("labelText")).as("a label next to the code, by id: " + m).isNotNull();
            assertThat((String) m.get("labelText")).as("the label's words")
                    .isEqualTo("mn".equals(language) ? "Шалгах код" : "Verification code");
            assertThat(number(m, "labelWidth")).as("the label is laid out, not screen-reader only: " + m).isGreaterThan(20);
            assertThat(number(m, "labelHeight")).as("label height: " + m).isGreaterThan(10);
            assertThat(m.get("labelOnTop")).as("the label is what the eye sees at its place: " + m).isEqualTo(Boolean.TRUE);
            assertThat(number(m, "labelSize")).as("label at least body size: " + m).isGreaterThanOrEqualTo(number(m, "bodySize"));
            assertThat(number(m, "codeSize")).as("the code at least twice the body text: " + m)
                    .isGreaterThanOrEqualTo(2 * number(m, "bodySize"));
            assertThat(Integer.parseInt(String.valueOf(m.get("codeWeight")))).as("bold digits").isGreaterThanOrEqualTo(700);
            assertThat(number(m, "codeBottom")).as("the code is on the first screen, without scrolling: " + m)
                    .isLessThanOrEqualTo(number(m, "viewport"));

            var advice = browser.findElement(By.cssSelector(SignaturePushPage.CODE_MISMATCH));
            assertThat(advice.isDisplayed()).isTrue();
            String text = advice.getText();
            if ("mn".equals(language)) {
                assertThat(text).contains("өөр код").contains("ПИН кодоо бүү оруулаарай").contains("хүсэлтийг цуцална уу")
                        .contains("Цуцлаад буцах");
            } else {
                assertThat(text).contains("different code").contains("Do not enter your PIN").contains("Cancel the request on your phone")
                        .contains("Cancel and go back");
            }

            assertThat(Accessibility.seriousViolations(browser)).as("axe-core on " + name).isEmpty();
            if (width <= 400) {
                assertThat(browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                        .as("no horizontal scroll at " + width + " px").isEqualTo(Boolean.TRUE);
            }
        } finally {
            browser.quit();
        }
    }

    private static double number(Map<String, Object> measured, String key) {
        Object value = measured.get(key);
        if (!(value instanceof Number n)) {
            throw new AssertionError(key + " not measured: " + measured);
        }
        return n.doubleValue();
    }
}
