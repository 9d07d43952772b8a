package mn.gov.khur.registry.approval;

import jakarta.ws.rs.core.Response;

import org.keycloak.models.utils.FormMessage;

/**
 * {@code khur-registry-approval.ftl}: "ХУР sent you a code; type it to let us fetch your names from the state
 * registry", with the code field, "send a new code" and "later"; or, after a USB-token login, "sign with your token
 * to let us fetch them", with "send me ХУР's code instead" and "later". Bean {@code khurRegistry}.
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
        var form = context.form().setAttribute("khurRegistry", new Bean(sentTo, canResend, info, null, null));
        if (fieldError != null) {
            form.addError(new FormMessage("code", fieldError));
        }
        return form.createForm(TEMPLATE);
    }

    /**
     * The approval by signature: the ESIGN client at {@code clientUrl} signs exactly {@code signData}.
     *
     * @param error message key shown above the form, or null
     */
    static Response showSignature(ApprovalContext context, String signData, String clientUrl, String error) {
        var form = context.form().setAttribute("khurRegistry", new Bean(null, false, null, signData, clientUrl));
        if (error != null) {
            form.addError(new FormMessage(null, error));
        }
        return form.createForm(TEMPLATE);
    }

    /** The page's bean: a class with getters only (FreeMarker reads a record's accessors as methods, not values). */
    public static final class Bean {
        private final String sentTo;
        private final boolean canResend;
        private final String info;
        private final String signData;
        private final String clientUrl;

        Bean(String sentTo, boolean canResend, String info, String signData, String clientUrl) {
            this.sentTo = sentTo;
            this.canResend = canResend;
            this.info = info;
            this.signData = signData;
            this.clientUrl = clientUrl;
        }

        /** The exact text the ESIGN client signs for the approval by signature, or null: the code page. */
        public String getSignData() {
            return signData;
        }

        public String getClientUrl() {
            return clientUrl;
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
