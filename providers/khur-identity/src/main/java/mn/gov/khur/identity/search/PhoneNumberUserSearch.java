package mn.gov.khur.identity.search;

import java.util.Map;
import java.util.stream.Stream;

import mn.gov.khur.identity.profile.CitizenAttributes;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.UserQueryMethodsProvider;

/**
 * A user-storage provider that stores nothing: Keycloak asks every enabled one, besides its own database,
 * when the admin console searches users. This one answers a query that is a phone number with the citizens
 * whose {@code phone_number} is that number (one indexed attribute lookup in Keycloak's database, never a scan),
 * so an operator finds a citizen by typing the phone in any form. It owns no users and answers nothing else.
 */
final class PhoneNumberUserSearch implements UserStorageProvider, UserQueryMethodsProvider {

    private final KeycloakSession session;

    PhoneNumberUserSearch(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Stream<UserModel> searchForUserStream(RealmModel realm, Map<String, String> query, Integer first, Integer max) {
        return PhoneNumberSearch.of(query).map(search -> {
            // Keycloak's own attribute query; it asks providers like this one only through this same method's
            // sibling below, which answers nothing, so there is no recursion
            Stream<UserModel> citizens = session.users()
                    .searchForUserByUserAttributeStream(realm, CitizenAttributes.PHONE_NUMBER, search.phone().e164())
                    .filter(search::accepts);
            if (first != null && first > 0) {
                citizens = citizens.skip(first);
            }
            return max != null && max >= 0 ? citizens.limit(max) : citizens;
        }).orElseGet(Stream::empty);
    }

    @Override
    public Stream<UserModel> searchForUserByUserAttributeStream(RealmModel realm, String name, String value) {
        return Stream.empty();
    }

    @Override
    public Stream<UserModel> getGroupMembersStream(RealmModel realm, GroupModel group, Integer first, Integer max) {
        return Stream.empty();
    }

    @Override
    public void close() {
    }
}
