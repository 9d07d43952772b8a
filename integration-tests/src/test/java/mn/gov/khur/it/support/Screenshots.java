package mn.gov.khur.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** PNGs of what a citizen saw, under target/screenshots, for people to look at. */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path save(WebDriver browser, String name) {
        try {
            Path dir = Files.createDirectories(Path.of(KeycloakServer.requiredProperty("khur.it.work")).resolve("screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
