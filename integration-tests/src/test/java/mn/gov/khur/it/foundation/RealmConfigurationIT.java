package mn.gov.khur.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The realm imported from realm-config/ is the one the contract describes. */
@ExtendWith(KhurServerExtension.class)
class RealmConfigurationIT {

    private final AdminApi admin = new AdminApi();

    @Test
    void realmSettingsFollowTheContract() {
        JsonNode realm = admin.realm();
        assertThat(realm.get("realm").asText()).isEqualTo("khur");
        assertThat(realm.get("loginTheme").asText()).isEqualTo("khur");
        assertThat(realm.get("defaultLocale").asText()).isEqualTo("mn");
        assertThat(realm.get("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(realm.get("supportedLocales").toString()).contains("mn", "en");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        // docs/CONFIGURATION.md, "Lockout": the account's lock needs many networks (each has 5 wrong passwords an
        // hour at the password step), and no two quick failures lock an account by themselves
        assertThat(realm.get("failureFactor").asInt()).isEqualTo(30);
        assertThat(realm.get("quickLoginCheckMilliSeconds").asLong()).isZero();
        assertThat(realm.get("permanentLockout").asBoolean()).isFalse();
        assertThat(realm.get("eventsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("passwordPolicy").asText())
                .contains("length(8)", "upperCase(1)", "lowerCase(1)", "digits(1)", "notUsername");
        assertThat(realm.get("browserFlow").asText()).isEqualTo("khur browser");
    }

    @Test
    void ourProvidersAreDeployed() {
        HttpResponse<String> info = admin.get("/admin/serverinfo");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("khur-reverse-sms", "khur-register-number", "khur-mongolian-mobile", "khur-amr-mapper");
    }

    @Test
    void citizenWithCyrillicRegisterNumberUsernameCanBeCreatedAndFoundByRegisterNumber() {
        TestCitizen citizen = TestCitizen.random();
        String id = admin.createCitizen(citizen);
        JsonNode user = admin.user(id);
        assertThat(user.get("username").asText()).isEqualTo(citizen.username());
        assertThat(user.at("/attributes/register_number/0").asText()).isEqualTo(citizen.registerNumber());
        JsonNode found = admin.usersByAttribute("register_number", citizen.registerNumber());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void invalidRegisterNumberIsRejectedWithItsMessageKey() {
        HttpResponse<String> response = admin.createUserRaw(Map.of(
                "username", "уб99133233", "enabled", true,
                "attributes", Map.of("register_number", List.of("УБ99133233"))));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("khurRegnumDate");
    }

    @Test
    void registerNumberIsUniqueInTheRealm() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        HttpResponse<String> second = admin.createUserRaw(Map.of(
                "username", "other-" + System.nanoTime(), "enabled", true,
                "attributes", Map.of("register_number", List.of(citizen.registerNumber()))));
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).containsAnyOf("khurRegnumTaken", "khurRegnumUsernameMismatch");
        JsonNode found = admin.usersByAttribute("register_number", citizen.registerNumber());
        assertThat(found).hasSize(1);
    }

    @Test
    void phoneNumberMustBeAMongolianMobileInE164() {
        TestCitizen citizen = TestCitizen.random();
        HttpResponse<String> response = admin.createUserRaw(Map.of(
                "username", citizen.username(), "enabled", true,
                "attributes", Map.of("register_number", List.of(citizen.registerNumber()),
                        "phone_number", List.of("+97611123456"))));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).toString()).contains("khurPhoneNotMongolianMobile");
    }
}
