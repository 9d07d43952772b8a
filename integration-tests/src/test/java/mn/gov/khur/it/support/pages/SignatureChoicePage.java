package mn.gov.khur.it.support.pages;

/** The digital-signature choice ({@code khur-esign-choice.ftl}): token, SIM or cloud, or back to the other methods. */
public final class SignatureChoicePage {

    /** The form (field {@code method}: token, sim, cloud). */
    public static final String FORM = "#khur-esign-choice";
    public static final String OTHER_METHODS = "#khur-esign-other-methods";

    private SignatureChoicePage() {
    }
}
