package mn.gov.khur.realmapply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealmConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void placeholdersResolveFromTheEnvironmentLikeTheRealmImportAndMessageKeysStay() throws Exception {
        Path file = dir.resolve("realm.json");
        Files.writeString(file, """
                {"realm": "khur", "sslRequired": "${KHUR_SSL_REQUIRED:external}", "enabled": "${KHUR_ON:false}",
                 "displayName": "${KHUR_NAME}", "roles": {"realm": [{"name": "x", "description": "${role_x}"}]},
                 "attributes": {"khurRealmConfigVersion": "7"}}
                """);
        Map<String, String> environment = Map.of("KHUR_ON", "true", "KHUR_NAME", "ХУР");

        RealmConfigFile config = RealmConfigFile.read(file, environment::get);

        assertThat(config.realm().path("sslRequired").asText()).isEqualTo("external");
        assertThat(config.realm().path("enabled").asText()).isEqualTo("true");
        assertThat(config.realm().path("displayName").asText()).isEqualTo("ХУР");
        assertThat(config.realm().at("/roles/realm/0/description").asText()).isEqualTo("${role_x}");
        assertThat(config.name()).isEqualTo("khur");
        assertThat(config.version()).isEqualTo(7);
    }

    @Test
    void theShippedRealmConfigCarriesAVersion() throws Exception {
        RealmConfigFile shipped = RealmConfigFile.read(Path.of("../realm-config/khur-realm.json"), name -> null);
        assertThat(shipped.version()).isPositive();
    }

    @Test
    void placeholdersWithoutAVariableAreNamedAndAnEmptyVariableCountsAsSet() {
        String raw = """
                {"realm": "khur", "a": "${KHUR_SALT:dev-salt}", "b": "${KHUR_SECRET:}", "c": "${KHUR_SET_EMPTY:x}",
                 "d": "${KHUR_SALT:dev-salt}", "e": "${role_x}", "f": "${KHUR_SET:y}"}
                """;
        Map<String, String> environment = Map.of("KHUR_SET_EMPTY", "", "KHUR_SET", "prod");

        assertThat(RealmConfigFile.defaulted(raw, environment::get)).containsExactly("KHUR_SALT", "KHUR_SECRET");
    }

    @Test
    void theShippedRealmConfigNamesThePairwiseSaltAndTheBanksSecretsWhenNothingIsSet() throws Exception {
        RealmConfigFile shipped = RealmConfigFile.read(Path.of("../realm-config/khur-realm.json"), name -> null);
        assertThat(shipped.defaultedPlaceholders()).contains("KHUR_PAIRWISE_SUB_SALT", "KHUR_BANK_GOLOMT_CLIENT_SECRET",
                "KHUR_ESIGN_SIM_AP_PASSWORD", "KHUR_SSL_REQUIRED").hasSizeGreaterThan(100);
    }
}
