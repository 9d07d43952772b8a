package mn.gov.khur.it.support.pages;

/**
 * The citizen's passkeys ({@code khur-passkeys-manage.ftl}, required action khur-passkeys): one item per passkey,
 * numbered from 1 in order, each with its name and a form to rename or remove it; the removal asks first.
 */
public final class PasskeysManagePage {

    public static final String LIST = "#khur-passkey-list";
    /** Shown instead of the list when no passkey is left. */
    public static final String NONE = "#khur-passkey-none";
    /** The removal's confirmation: its form, its question (naming the passkey), confirm and cancel. */
    public static final String REMOVE_FORM = "#khur-passkey-remove-form";
    public static final String REMOVE_QUESTION = "#khur-passkey-remove-question";
    public static final String REMOVE_CONFIRM = "#khur-passkey-remove-confirm";
    public static final String REMOVE_CANCEL = "#khur-passkey-remove-cancel";
    /** Back to where the citizen came from. */
    public static final String DONE = "#khur-passkeys-done";

    private PasskeysManagePage() {
    }

    /** The n-th passkey's item (from 1). */
    public static String passkey(int n) {
        return "#khur-passkey-" + n;
    }

    /** The n-th passkey's name as shown. */
    public static String name(int n) {
        return passkey(n) + " h2";
    }

    /** The n-th passkey's form (field {@code label}; {@code khur-action} rename or remove). */
    public static String form(int n) {
        return passkey(n) + " form";
    }

    /** The n-th passkey's remove button. */
    public static String remove(int n) {
        return "#khur-passkey-remove-" + n;
    }
}
