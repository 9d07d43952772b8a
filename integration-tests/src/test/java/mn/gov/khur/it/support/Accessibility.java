package mn.gov.khur.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** Runs axe-core (from npm, pinned in integration-tests/package-lock.json) inside the page under test. */
public final class Accessibility {

    private static final Path AXE = Path.of(System.getProperty("khur.axe.js",
            Path.of(System.getProperty("user.dir"), "node_modules/axe-core/axe.min.js").toString()));

    private Accessibility() {
    }

    /** WCAG 2.1 A/AA rules; returns "rule-id (impact): help" for each serious or critical violation. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver browser) {
        String axe;
        try {
            axe = Files.readString(AXE);
        } catch (IOException e) {
            throw new IllegalStateException("axe-core missing at " + AXE + ": run bin/test (it installs it with npm ci)", e);
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}))))
                   .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: ''}]));
                """);
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
            Object impact = violation.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                serious.add(violation.get("id") + " (" + impact + "): " + violation.get("help") + " at " + violation.get("nodes"));
            }
        }
        return serious;
    }
}
