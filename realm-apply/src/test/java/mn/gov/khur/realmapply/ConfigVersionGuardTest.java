package mn.gov.khur.realmapply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigVersionGuardTest {

    @TempDir
    Path dir;

    private RealmConfigFile file(int version) throws Exception {
        Path path = dir.resolve("realm-" + version + ".json");
        Files.writeString(path, "{\"realm\":\"khur\",\"browserFlow\":\"khur browser\",\"attributes\":{\"khurRealmConfigVersion\":\""
                + version + "\"}}");
        return RealmConfigFile.read(path, name -> null);
    }

    private static JsonNode live(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void aRealmImportedBeforeTheStampIsAdoptedWhenItsBrowserFlowIsOurs() throws Exception {
        ConfigVersionGuard.Verdict verdict = ConfigVersionGuard.check(file(2),
                live("{\"realm\":\"khur\",\"browserFlow\":\"khur browser\",\"attributes\":{}}"));
        assertThat(verdict).isEqualTo(new ConfigVersionGuard.Proceed(0, 2, ((ConfigVersionGuard.Proceed) verdict).reason()));
    }

    @Test
    void anUnstampedRealmThatIsNotOursIsRefused() throws Exception {
        assertThat(ConfigVersionGuard.check(file(2), live("{\"realm\":\"khur\",\"browserFlow\":\"browser\"}")))
                .isInstanceOfSatisfying(ConfigVersionGuard.Refuse.class,
                        refuse -> assertThat(refuse.reason()).contains("not made from our realm-config"));
    }

    @Test
    void aRealmStampedByANewerReleaseIsRefusedWithTheReason() throws Exception {
        assertThat(ConfigVersionGuard.check(file(2),
                live("{\"realm\":\"khur\",\"browserFlow\":\"khur browser\",\"attributes\":{\"khurRealmConfigVersion\":\"3\"}}")))
                .isInstanceOfSatisfying(ConfigVersionGuard.Refuse.class,
                        refuse -> assertThat(refuse.reason()).contains("version 3").contains("newer"));
    }

    @Test
    void aStampThatIsNoVersionOfOursIsRefused() throws Exception {
        assertThat(ConfigVersionGuard.check(file(2),
                live("{\"realm\":\"khur\",\"browserFlow\":\"khur browser\",\"attributes\":{\"khurRealmConfigVersion\":\"acme-9\"}}")))
                .isInstanceOfSatisfying(ConfigVersionGuard.Refuse.class,
                        refuse -> assertThat(refuse.reason()).contains("acme-9"));
    }

    @Test
    void theSameOrAnOlderVersionProceeds() throws Exception {
        assertThat(ConfigVersionGuard.check(file(2),
                live("{\"realm\":\"khur\",\"attributes\":{\"khurRealmConfigVersion\":\"2\"}}")))
                .isInstanceOf(ConfigVersionGuard.Proceed.class);
        assertThat(ConfigVersionGuard.check(file(2),
                live("{\"realm\":\"khur\",\"attributes\":{\"khurRealmConfigVersion\":\"1\"}}")))
                .isEqualTo(new ConfigVersionGuard.Proceed(1, 2, "realm at version 1: bringing it to version 2"));
    }

    @Test
    void anotherRealmNameIsRefused() throws Exception {
        assertThat(ConfigVersionGuard.check(file(2), live("{\"realm\":\"master\"}")))
                .isInstanceOf(ConfigVersionGuard.Refuse.class);
    }
}
