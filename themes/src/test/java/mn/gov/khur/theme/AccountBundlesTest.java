package mn.gov.khur.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The account console "khur" (parent keycloak.v3) speaks Mongolian everywhere: every key of keycloak.v3's English
 * bundle and every key of ours has a Mongolian text, with the same {{placeholders}} (i18next, not MessageFormat).
 */
class AccountBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}|<(\\d+)>");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    @Test
    void mongolianCoversKeycloakV3AndOurEnglish() throws IOException {
        Set<String> missing = new TreeSet<>(keycloakV3English().stringPropertyNames());
        missing.addAll(ours("en").stringPropertyNames());
        missing.removeAll(ours("mn").stringPropertyNames());
        assertTrue(missing.isEmpty(), "account keys without a Mongolian text: " + missing);
    }

    @Test
    void mongolianKeepsThePlaceholdersOfTheEnglishText() throws IOException {
        Properties mn = ours("mn");
        Properties en = new Properties();
        en.putAll(keycloakV3English());
        en.putAll(ours("en"));
        List<String> problems = new ArrayList<>();
        for (String key : mn.stringPropertyNames()) {
            Set<String> english = placeholders(en.getProperty(key, ""));
            Set<String> mongolian = placeholders(mn.getProperty(key));
            if (!english.equals(mongolian)) {
                problems.add(key + ": " + mongolian + " but English has " + english);
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void mongolianIsMongolian() throws IOException {
        Properties mn = ours("mn");
        long cyrillic = mn.stringPropertyNames().stream().filter(k -> CYRILLIC.matcher(mn.getProperty(k)).find()).count();
        assertTrue(cyrillic * 10 >= mn.size() * 9, "only " + cyrillic + " of " + mn.size() + " values are Cyrillic");
        assertEquals("Хувийн мэдээлэл", mn.getProperty("personalInfo"));
        assertEquals("Passkey-ууд", mn.getProperty("khurPasskeysPage"));
    }

    private static Properties ours(String language) throws IOException {
        return MessageBundlesTest.load("/theme/khur/account/messages/messages_" + language + ".properties");
    }

    private static Properties keycloakV3English() throws IOException {
        return MessageBundlesTest.load("/theme/keycloak.v3/account/messages/messages_en.properties");
    }

    private static Set<String> placeholders(String value) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : "<" + m.group(2) + ">");
        }
        return out;
    }
}
