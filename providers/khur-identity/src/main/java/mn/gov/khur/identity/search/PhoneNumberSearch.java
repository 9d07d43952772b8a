package mn.gov.khur.identity.search;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.identity.profile.CitizenAttributes;

import org.keycloak.models.UserModel;

/**
 * What an operator typed, read as a phone number: the console's default search box ({@code search}, any form:
 * {@code 99112233}, {@code +976 9911 2233}, Keycloak's {@code *…*} and {@code "…"} marks allowed) or its attribute
 * search ({@code q=phone_number:…} in a form other than the stored E.164, which Keycloak's exact match misses).
 * Empty when the query is not (only) a whole Mongolian mobile number, or when Keycloak finds it by itself.
 */
record PhoneNumberSearch(MongolianMobileNumber phone, Boolean enabled, Boolean emailVerified, boolean includeServiceAccounts) {

    /** Query keys that only narrow or shape Keycloak's search; any other key makes this search answer nothing. */
    private static final Set<String> FILTERS = Set.of(UserModel.ENABLED, UserModel.EMAIL_VERIFIED,
            UserModel.INCLUDE_SERVICE_ACCOUNT, UserModel.EXACT);

    static Optional<PhoneNumberSearch> of(Map<String, String> query) {
        String search = query.get(UserModel.SEARCH);
        String attribute = query.get(CitizenAttributes.PHONE_NUMBER);
        Optional<MongolianMobileNumber> phone;
        String typedKey;
        if (search != null && attribute == null) {
            phone = MongolianMobileNumber.tryParse(withoutSearchMarks(search));
            typedKey = UserModel.SEARCH;
        } else if (attribute != null && search == null) {
            // already E.164: Keycloak's own attribute search finds it; answering too would list the citizen twice
            phone = MongolianMobileNumber.tryParse(attribute).filter(p -> !p.e164().equals(attribute.strip()));
            typedKey = CitizenAttributes.PHONE_NUMBER;
        } else {
            return Optional.empty();
        }
        boolean onlyFilters = query.keySet().stream().allMatch(key -> key.equals(typedKey) || FILTERS.contains(key));
        if (phone.isEmpty() || !onlyFilters) {
            return Optional.empty();
        }
        return Optional.of(new PhoneNumberSearch(phone.get(), flag(query.get(UserModel.ENABLED)),
                flag(query.get(UserModel.EMAIL_VERIFIED)), Boolean.parseBoolean(query.get(UserModel.INCLUDE_SERVICE_ACCOUNT))));
    }

    boolean accepts(UserModel user) {
        return user.getFederationLink() == null // local citizens only: a federated one is its own provider's business
                && (enabled == null || enabled == user.isEnabled())
                && (emailVerified == null || emailVerified == user.isEmailVerified())
                && (includeServiceAccounts || user.getServiceAccountClientLink() == null);
    }

    /** Keycloak's search marks: {@code *} (prefix/infix) and quotes (exact) around the term. */
    private static String withoutSearchMarks(String typed) {
        String term = typed.strip();
        if (term.length() >= 2 && term.startsWith("\"") && term.endsWith("\"")) {
            term = term.substring(1, term.length() - 1);
        }
        while (term.startsWith("*")) {
            term = term.substring(1);
        }
        while (term.endsWith("*")) {
            term = term.substring(0, term.length() - 1);
        }
        return term;
    }

    private static Boolean flag(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }
}
