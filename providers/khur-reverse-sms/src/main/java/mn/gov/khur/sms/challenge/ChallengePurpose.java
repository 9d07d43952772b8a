package mn.gov.khur.sms.challenge;

/** Why a reverse-SMS challenge was issued; a match only completes the flow that asked for it. */
public enum ChallengePurpose {
    LOGIN,
    REGISTRATION,
    PASSWORD_RESET,
    PHONE_CHANGE;

    /** Whether the challenge's subject reference is a Keycloak user id (registration has no user yet). */
    public boolean subjectIsUser() {
        return this != REGISTRATION;
    }

    /**
     * Whether this purpose's page names the phone the code must come from. Recovery's does not: anyone who knows
     * a register number can open it, so it must never learn anything about the account's phone.
     */
    public boolean pageNamesPhone() {
        return this != PASSWORD_RESET;
    }

    static ChallengePurpose parse(String name) {
        try {
            return name == null ? null : valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null; // an entry written by a newer node with a purpose this one does not know
        }
    }
}
