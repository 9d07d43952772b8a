package mn.gov.khur.registry.approval;

import jakarta.ws.rs.core.Response;

import org.keycloak.models.utils.FormMessage;

/**
 * {@code khur-registry-approval.ftl}: "ХУР sent you a code; type it to let us fetch your names from the state
 * registry", with the code field, "send a new code" and "later". Bean {@code khurRegistry}.
 */
final class ApprovalPage {

    static final String TEMPLATE = "khur-registry-approval.ftl";

    private ApprovalPage() {
    }

    /**
     * @param sentTo       masked phone the code went to, or null for "the phone you registered with the state"
     * @param fieldError   message key for the code field, or null
     * @param info         message key of a notice above the form, or null
     */
    static Response show(ApprovalContext context, String sentTo, String fieldError, String info, boolean canResend) {
        var form = context.form().setAttribute("khurRegistry", new Bean(sentTo, canResend, info));
        if (fieldError != null) {
            form.addError(new FormMessage("code", fieldError));
        }
        return form.createForm(TEMPLATE);
    }

    /** The page's bean: a class with getters only (FreeMarker reads a record's accessors as methods, not values). */
    public static final class Bean {
        private final String sentTo;
        private final boolean canResend;
        private final String info;

        Bean(String sentTo, boolean canResend, String info) {
            this.sentTo = sentTo;
            this.canResend = canResend;
            this.info = info;
        }

        /** Masked phone the code went to, or null: the phone the citizen registered with the state. */
        public String getSentTo() {
            return sentTo;
        }

        public boolean isCanResend() {
            return canResend;
        }

        /** Message key of a notice, or null. */
        public String getInfo() {
            return info;
        }
    }
}
