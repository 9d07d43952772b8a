package mn.gov.khur.it.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The settings of our login steps appear in the admin console (the config description it renders
 * the form from) with a label and a help text in Mongolian and English.
 */
@ExtendWith(KhurServerExtension.class)
class OperatorConsoleSettingsIT {

    private final AdminApi admin = new AdminApi();

    @ParameterizedTest
    @ValueSource(strings = {"khur-reverse-sms", "khur-selfservice-sms"})
    void everySettingHasMongolianAndEnglishLabelAndHelp(String providerId) {
        HttpResponse<String> response = admin.get("/admin/realms/khur/authentication/config-description/" + providerId);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode properties = Json.parse(response.body()).get("properties");

        assertThat(properties).isNotEmpty();
        for (JsonNode property : properties) {
            String name = property.get("name").asText();
            assertThat(property.path("label").asText()).as("label of %s", name).matches(BILINGUAL);
            assertThat(property.path("helpText").asText()).as("help text of %s", name).matches(BILINGUAL);
        }
    }

    /** At least one Latin word and one Cyrillic word. */
    private static final String BILINGUAL = "(?s)(?=.*[A-Za-z]{3,})(?=.*[\\p{IsCyrillic}]{3,}).*";
}
