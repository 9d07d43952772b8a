package mn.gov.khur.it.support.pages;

/** The citizen approves the state registry's names with ХУР's own one-time code ({@code khur-registry-approval.ftl}). */
public final class RegistryApprovalPage {

    public static final String INTRO = "#khur-registry-intro";
    public static final String FORM = "#khur-registry-form";
    public static final String CODE = "#code";
    public static final String CODE_ERROR = "#input-error-code";
    public static final String SUBMIT = "#khur-registry-submit";

    private RegistryApprovalPage() {
    }
}
