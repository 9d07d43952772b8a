package mn.gov.khur.it.support.pages;

/** Password recovery ({@code khur-recovery.ftl}); its fields are {@link SelfServiceFields}. */
public final class RecoveryPage {

    public static final String FORM = "#khur-recovery-form";
    public static final String SUBMIT = "#khur-recovery-submit";
    /** The other ways in, for a citizen whose phone is gone. */
    public static final String OTHER_WAYS = "#khur-recovery-other-ways";
    public static final String OTHER_LOGIN = "#khur-recovery-other-login";

    private RecoveryPage() {
    }
}
