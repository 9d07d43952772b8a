package mn.gov.khur.identity.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

class PhoneNumberSearchTest {

    @Test
    void theSearchBoxTakesTheNumberInAnyForm() {
        for (String typed : new String[] {"99112233", "+976 9911 2233", "976-9911-2233", " +97699112233 ", "*99112233*", "\"99112233\""}) {
            assertThat(PhoneNumberSearch.of(Map.of(UserModel.SEARCH, typed))).as(typed)
                    .hasValueSatisfying(search -> assertThat(search.phone().e164()).isEqualTo("+97699112233"));
        }
    }

    @Test
    void anythingElseIsLeftToKeycloak() {
        for (String typed : new String[] {"УБ99112233", "9911", "Бат", "99112233 Бат", "+12025550100", ""}) {
            assertThat(PhoneNumberSearch.of(Map.of(UserModel.SEARCH, typed))).as(typed).isEmpty();
        }
        // a filter this search does not apply: answer nothing rather than too much
        assertThat(PhoneNumberSearch.of(Map.of(UserModel.SEARCH, "99112233", UserModel.IDP_ALIAS, "khanbank"))).isEmpty();
    }

    @Test
    void attributeSearchInAnotherFormIsAnsweredTheStoredFormIsKeycloaksOwn() {
        assertThat(PhoneNumberSearch.of(Map.of("phone_number", "9911 2233"))).isPresent();
        assertThat(PhoneNumberSearch.of(Map.of("phone_number", "+97699112233"))).as("Keycloak finds it: no duplicate").isEmpty();
        assertThat(PhoneNumberSearch.of(Map.of("phone_number", "99112233", "register_number", "УБ99112233"))).isEmpty();
    }

    @Test
    void enabledAndServiceAccountFiltersAreKept() {
        PhoneNumberSearch search = PhoneNumberSearch.of(Map.of(UserModel.SEARCH, "99112233", UserModel.ENABLED, "true",
                UserModel.INCLUDE_SERVICE_ACCOUNT, "false", UserModel.EXACT, "false")).orElseThrow();
        assertThat(search.enabled()).isTrue();
        assertThat(search.emailVerified()).isNull();
        assertThat(search.includeServiceAccounts()).isFalse();
    }
}
