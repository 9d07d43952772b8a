package mn.gov.khur.sandbox.citizens;

import java.time.LocalDate;

/**
 * A test identity. {@code registerNumber} is canonical (upper case, no spaces), {@code phone}
 * is E.164; {@code password} meets the realm policy (8+ characters, upper, lower, digit).
 */
public record SandboxCitizen(String registerNumber, String givenName, String familyName, LocalDate birthdate,
                             String phone, String password) {

    /** The Keycloak username: the register number in lower case (see contracts §1). */
    public String username() {
        return registerNumber.toLowerCase(java.util.Locale.ROOT);
    }

    public String displayName() {
        return givenName + " " + familyName;
    }
}
