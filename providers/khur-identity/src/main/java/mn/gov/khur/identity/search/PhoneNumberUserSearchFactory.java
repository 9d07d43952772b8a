package mn.gov.khur.identity.search;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.storage.UserStorageProviderFactory;

/**
 * {@code khur-phone-search}: the realm's "user federation" entry (realm-config) that lets the admin console's
 * user search find citizens by phone number in any form. Owns no users; keep it enabled.
 */
public final class PhoneNumberUserSearchFactory implements UserStorageProviderFactory<PhoneNumberUserSearch> {

    public static final String PROVIDER_ID = "khur-phone-search";

    @Override
    public PhoneNumberUserSearch create(KeycloakSession session, ComponentModel model) {
        return new PhoneNumberUserSearch(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Finds citizens by phone number in any form (99112233, +976 9911 2233) in the user search; owns no users. "
                + "Хэрэглэгч хайхад утасны дугаарыг ямар ч хэлбэрээр бичсэн иргэнийг олно; хэрэглэгч хадгалахгүй.";
    }
}
