package mn.gov.khur.esign.login;

import java.util.Optional;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.profile.CitizenAttributes;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Finds a citizen's account by the {@code register_number} attribute (exact, canonical). */
public final class CitizenAccounts {

    private CitizenAccounts() {
    }

    public static Optional<UserModel> byRegisterNumber(KeycloakSession session, RealmModel realm, RegisterNumber registerNumber) {
        return session.users().searchForUserByUserAttributeStream(realm, CitizenAttributes.REGISTER_NUMBER, registerNumber.value())
                .filter(u -> registerNumber.value().equals(u.getFirstAttribute(CitizenAttributes.REGISTER_NUMBER)))
                .findFirst();
    }
}
