package mn.gov.khur.realmapply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The declarative user profile ({@code PUT /users/profile}), compared both ways so that an attribute, validator or
 * annotation removed from the file is seen too. Changing the profile never removes a value a citizen has.
 */
final class UserProfile implements Reconciler {

    private static final String CONFIG_KEY = "kc.user.profile.config";

    private final AdminRest rest;
    private final JsonNode file;

    UserProfile(AdminRest rest, JsonNode file) {
        this.rest = rest;
        this.file = file;
    }

    @Override
    public List<Change> plan() {
        JsonNode desired = desired(file);
        if (desired == null) {
            return List.of();
        }
        JsonNode live = rest.get("/users/profile");
        List<String> differences = new ArrayList<>(JsonCompare.differences("", desired, live));
        JsonCompare.differences("", live, desired).forEach(line -> differences.add("(not in realm-config) " + line));
        if (differences.isEmpty()) {
            return List.of();
        }
        return List.of(new Change("user profile", rest.realm(), "update", differences, () -> rest.put("/users/profile", desired)));
    }

    /** The profile realm-config holds (as Keycloak exports it: the provider component's JSON string). */
    static JsonNode desired(JsonNode realm) {
        JsonNode component = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0);
        JsonNode text = component.path("config").path(CONFIG_KEY).path(0);
        if (text.isMissingNode()) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(text.asText());
        } catch (IOException e) {
            throw new IllegalStateException("realm-config's user profile is not JSON", e);
        }
    }
}
