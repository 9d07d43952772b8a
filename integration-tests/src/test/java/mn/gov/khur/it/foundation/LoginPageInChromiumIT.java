package mn.gov.khur.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.pages.LoginPage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The login page, opened in real headless Chromium, is ours and speaks Mongolian by default. */
@ExtendWith(KhurServerExtension.class)
class LoginPageInChromiumIT {

    @Test
    void loginPageRendersInMongolianWithTheKhurTheme() {
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            browser.get(OidcRelyingParty.demo().begin().authorizationUri().toString());
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("mn");
            assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).contains("Регистрийн дугаар");
            assertThat(browser.findElement(By.cssSelector(LoginPage.LOGIN)).getAttribute("value") + browser.findElement(By.cssSelector(LoginPage.LOGIN)).getText())
                    .contains("Нэвтрэх");
            assertThat(browser.findElement(By.cssSelector(LoginPage.CLIENT_NAME)).getText())
                    .as("the relying party's name is shown").contains("Демо үйлчилгээ").endsWith("руу нэвтрэх");
            assertThat(browser.findElements(By.cssSelector("link[href*='/login/khur/css/khur.css']")))
                    .as("the khur theme's stylesheet is on the page").isNotEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    void englishIsOfferedToo() {
        ChromeDriver browser = Browsers.chromium("en");
        try {
            browser.get(OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=en");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).contains("Register number");
        } finally {
            browser.quit();
        }
    }
}
