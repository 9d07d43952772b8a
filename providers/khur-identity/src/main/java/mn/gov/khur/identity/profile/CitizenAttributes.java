package mn.gov.khur.identity.profile;

/** Names of the citizen attributes fixed by the contract (docs/CONTRACTS.md §1). */
public final class CitizenAttributes {

    public static final String REGISTER_NUMBER = "register_number";
    public static final String PHONE_NUMBER = "phone_number";
    public static final String PHONE_NUMBER_VERIFIED = "phone_number_verified";
    public static final String BIRTHDATE = "birthdate";
    public static final String GENDER = "gender";

    private CitizenAttributes() {
    }
}
