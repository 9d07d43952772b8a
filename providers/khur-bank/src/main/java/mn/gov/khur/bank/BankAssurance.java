package mn.gov.khur.bank;

/** The assurance a bank login gives (docs/CONTRACTS.md §1): acr {@code substantial}, amr {@code ["bank"]}. */
public final class BankAssurance {

    /** Level of authentication of {@code substantial} in the realm's acr.loa.map. */
    public static final int LEVEL_OF_AUTHENTICATION = 1;
    public static final String AMR = "bank";

    private BankAssurance() {
    }
}
