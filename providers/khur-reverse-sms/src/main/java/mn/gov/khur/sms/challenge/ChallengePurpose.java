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
     * Whether the page may be told that the expected phone texted another code. Only the login's: its viewer
     * passed the password of the account whose phone it is. A registration or phone-change page names a phone
     * its viewer merely typed (someone else's, perhaps), and recovery's page is open to anyone who knows a
     * register number: telling them would reveal what that phone's holder did, or that an account exists.
     */
    public boolean toldOfWrongCodes() {
        return this == LOGIN;
    }

    static ChallengePurpose parse(String name) {
        try {
            return name == null ? null : valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null; // an entry written by a newer node with a purpose this one does not know
        }
    }
}
