package mn.gov.khur.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Mongolian and English bundles of the "khur" theme stay in step: Keycloak 26 reads them as
 * UTF-8 and formats every value with {@link MessageFormat}, falling back to English for a key
 * missing in Mongolian, so a missing or broken Mongolian text would silently show English.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    @ParameterizedTest
    @ValueSource(strings = {"login", "email"})
    void mongolianAndEnglishHaveTheSameKeys(String type) throws IOException {
        Set<String> mn = new TreeSet<>(load(ours(type, "mn")).stringPropertyNames());
        Set<String> en = new TreeSet<>(load(ours(type, "en")).stringPropertyNames());

        Set<String> onlyMn = new TreeSet<>(mn);
        onlyMn.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(mn);
        assertTrue(onlyMn.isEmpty() && onlyEn.isEmpty(),
                type + ": keys only in messages_mn " + onlyMn + ", only in messages_en " + onlyEn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "email"})
    void noMongolianValueIsARawKey(String type) throws IOException {
        Properties mn = load(ours(type, "mn"));
        List<String> raw = new ArrayList<>();
        for (String key : mn.stringPropertyNames()) {
            String value = mn.getProperty(key).trim();
            if (value.isEmpty() || value.equals(key)) {
                raw.add(key);
            }
        }
        assertTrue(raw.isEmpty(), type + ": messages_mn values that are empty or the raw key: " + raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "email"})
    void mongolianIsReallyReadAsUtf8Cyrillic(String type) throws IOException {
        Properties mn = load(ours(type, "mn"));
        long cyrillic = mn.stringPropertyNames().stream()
                .filter(k -> CYRILLIC.matcher(mn.getProperty(k)).find())
                .count();
        // Product names, "USB", "FreeOTP" … stay Latin; nearly everything else is Mongolian.
        assertTrue(cyrillic * 10 >= mn.size() * 9,
                type + ": only " + cyrillic + " of " + mn.size() + " messages_mn values contain Cyrillic");
        if (type.equals("login")) {
            assertEquals("Регистрийн дугаар", mn.getProperty("username"));
            assertEquals("Регистрийн дугаар", mn.getProperty("usernameOrEmail"));
            assertEquals("Нэвтрэх", mn.getProperty("doLogIn"));
            assertEquals("Монгол", mn.getProperty("locale_mn"));
            assertEquals("English", mn.getProperty("locale_en"));
            assertEquals("Register number", load(ours(type, "en")).getProperty("username"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"login/messages/messages_mn", "login/messages/messages_en",
            "email/messages/messages_mn", "email/messages/messages_en"})
    void everyValueIsAValidMessageFormatWithoutDuplicateKeys(String bundle) throws IOException {
        String resource = "/theme/khur/" + bundle + ".properties";
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        Properties props = load(resource);
        for (String line : lines(resource)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                problems.add("no '=' in line: " + trimmed);
                continue;
            }
            String key = trimmed.substring(0, eq).strip();
            if (!seen.add(key)) {
                problems.add("duplicate key " + key);
            }
        }
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key);
            if (value.contains("${")) {
                continue; // ${kc.org.name}: Keycloak resolves these before formatting
            }
            try {
                new MessageFormat(value, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
            }
            // MessageFormat drops a lone apostrophe: it must be written ''.
            if (value.replace("''", "").contains("'")) {
                problems.add(key + ": single apostrophe (write '')");
            }
        }
        assertTrue(problems.isEmpty(), resource + ": " + problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "email"})
    void mongolianUsesNoPlaceholderTheEnglishTextLacks(String type) throws IOException {
        Properties mn = load(ours(type, "mn"));
        Properties en = load(ours(type, "en"));
        List<String> problems = new ArrayList<>();
        for (String key : mn.stringPropertyNames()) {
            Set<String> mnArgs = placeholders(mn.getProperty(key));
            Set<String> enArgs = placeholders(en.getProperty(key, ""));
            Set<String> baseArgs = placeholders(keycloakEnglish(type).getProperty(key, ""));
            enArgs.addAll(baseArgs);
            if (!enArgs.containsAll(mnArgs)) {
                problems.add(key + " uses " + mnArgs + " but the English text has " + enArgs);
            }
        }
        assertTrue(problems.isEmpty(), type + ": " + problems);
    }

    /** Every key of Keycloak's own English bundle has a Mongolian text: no English leaks in. */
    @ParameterizedTest
    @ValueSource(strings = {"login", "email"})
    void mongolianCoversKeycloaksBaseBundle(String type) throws IOException {
        Set<String> missing = new TreeSet<>(keycloakEnglish(type).stringPropertyNames());
        missing.removeAll(load(ours(type, "mn")).stringPropertyNames());
        assertTrue(missing.isEmpty(), type + ": Keycloak keys without a Mongolian text: " + missing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"khurRegnumEmpty", "khurRegnumLength", "khurRegnumLetters", "khurRegnumDigits",
            "khurRegnumDate", "khurPhoneEmpty", "khurPhoneInvalid", "khurPhoneNotMongolianMobile",
            "khurRegnumLatin", "khurSmsNotYetReceived.login", "khurSmsNotYetReceived.registration",
            "khurSmsNotYetReceived.password-reset", "khurSmsNotYetReceived.phone-change", "khurSmsWrongCode",
            "khurSmsOtherNumber", "khurSmsOtherNumberNoPhone",
            "khurSmsNotYetReceived", "khurSmsExpired", "khurSmsTooManyNewCodes", "khurSmsLockedOut", "khurPasswordNetworkThrottled", "khurSmsNoPhone", "khurCrossSitePost",
            "khurRegnumNotCanonical", "khurRegnumTaken", "khurRegnumUsernameMismatch", "khurPhoneNotE164", "invalidUserMessage", "accountTemporarilyDisabledMessage",
            "expiredActionMessage", "cookieNotFoundMessage", "missingUsernameMessage",
            "invalidPasswordMinLengthMessage"})
    void keysOtherModulesRelyOnExist(String key) throws IOException {
        assertNotNull(load(ours("login", "mn")).getProperty(key), "messages_mn lacks " + key);
        assertNotNull(load(ours("login", "en")).getProperty(key), "messages_en lacks " + key);
    }

    // -------------------------------------------------------------------------------------------

    private static String ours(String type, String lang) {
        return "/theme/khur/" + type + "/messages/messages_" + lang + ".properties";
    }

    private static Properties keycloakEnglish(String type) throws IOException {
        return load("/theme/base/" + type + "/messages/messages_en.properties");
    }

    static Properties load(String resource) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                fail("resource not on the class path: " + resource);
            }
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return p;
        }
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static Set<String> placeholders(String value) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
