package mn.gov.khur.it.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Operators find a citizen by register number or by phone through Keycloak's admin REST API
 * (what the admin console's user search calls).
 */
@ExtendWith(KhurServerExtension.class)
class OperatorCitizenSearchIT {

    private final AdminApi admin = new AdminApi();
    private TestCitizen citizen;
    private String userId;

    @BeforeEach
    void citizenExists() {
        citizen = TestCitizen.random();
        userId = admin.createCitizen(citizen);
        admin.createCitizen(TestCitizen.random()); // someone else, who must not be found
    }

    @Test
    void byRegisterNumberAsTypedInTheConsoleSearchBox() {
        JsonNode found = users("search=" + encode(citizen.registerNumber()));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("id").asText()).isEqualTo(userId);
    }

    @Test
    void byUsernameExactlyAndByRegisterNumberAttribute() {
        assertThat(ids(users("username=" + encode(citizen.username()) + "&exact=true"))).containsExactly(userId);
        assertThat(ids(users("q=" + encode("register_number:" + citizen.registerNumber())))).containsExactly(userId);
    }

    @Test
    void byPhoneNumberAttribute() {
        JsonNode found = users("q=" + encode("phone_number:" + citizen.phoneE164()));

        assertThat(ids(found)).containsExactly(userId);
        assertThat(found.get(0).at("/attributes/register_number/0").asText()).isEqualTo(citizen.registerNumber());
    }

    @Test
    void byPhoneNumberTypedAnyWayInTheConsoleSearchBox() {
        String national = citizen.phoneE164().substring(4);
        for (String typed : List.of(national, citizen.phoneE164(), "976" + national,
                "+976 " + national.substring(0, 4) + " " + national.substring(4), national.substring(0, 4) + "-" + national.substring(4))) {
            assertThat(ids(users("search=" + encode(typed)))).as(typed).containsExactly(userId);
            // what the admin console's user list calls (with brute-force status)
            HttpResponse<String> console = admin.get("/admin/realms/khur/ui-ext/brute-force-user?briefRepresentation=true&first=0&max=11"
                    + "&q=&search=" + encode(typed));
            assertThat(console.statusCode()).isEqualTo(200);
            assertThat(ids(Json.parse(console.body()))).as(typed).containsExactly(userId);
        }
        assertThat(ids(users("q=" + encode("phone_number:" + national)))).as("attribute search, national form").containsExactly(userId);
        assertThat(users("search=" + encode(national.substring(0, 4)))).as("a part of a number is no number").isEmpty();
        assertThat(users("search=" + encode(national) + "&enabled=false")).as("filters still apply").isEmpty();
    }

    @Test
    void anUnknownNumberFindsNobody() {
        assertThat(users("q=" + encode("phone_number:+97699000000"))).isEmpty();
        assertThat(users("q=" + encode("register_number:ЯЯ00000000"))).isEmpty();
        assertThat(users("search=" + encode("99000000"))).isEmpty();
    }

    private JsonNode users(String query) {
        HttpResponse<String> response = admin.get("/admin/realms/khur/users?briefRepresentation=false&" + query);
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static java.util.List<String> ids(JsonNode users) {
        return users.findValuesAsText("id");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
