package mn.gov.khur.esign.push;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import mn.gov.khur.identity.profile.RegisterNumberField;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.utils.FormMessage;

/** The two faces of {@code khur-esign-push.ftl}: the start page (register number and phone) and the waiting page. */
final class PushPages {

    static final String TEMPLATE = "khur-esign-push.ftl";

    private final AuthenticationFlowContext context;
    private final PushMethod method;

    PushPages(AuthenticationFlowContext context, PushMethod method) {
        this.context = context;
        this.method = method;
    }

    /** The start page with what was typed, and a message on top when {@code messageKey} is not null. */
    Response start(PushForm typed, String messageKey) {
        return start(typed, messageKey == null ? null : new FormMessage(null, messageKey));
    }

    Response invalidRegisterNumber(PushForm typed) {
        return start(typed, new FormMessage("registerNumber",
                RegisterNumberField.messageKey(typed.registerNumber(), "khurEsignRegisterNumberInvalid")));
    }

    Response invalidPhone(PushForm typed) {
        return start(typed, new FormMessage("phone", "khurEsignPushPhoneInvalid"));
    }

    /** Which count is full, and for how long a request counts (the window, in whole minutes). */
    Response limited(PushForm typed, PushLimiter.Scope full, Duration window) {
        String key = switch (full) {
            case ADDRESS -> "khurEsignPushLimitAddress";
            case REGISTER_NUMBER -> "khurEsignPushLimit";
            case PHONE -> "khurEsignPushLimitPhone";
        };
        long minutes = Math.max(1, (window.toSeconds() + 59) / 60);
        return start(typed, new FormMessage(null, key, minutes));
    }

    Response waiting(String verificationCode, int pollSeconds) {
        return context.form()
                .setAttribute(PushSignaturePage.ATTRIBUTE, PushSignaturePage.waiting(method, verificationCode, pollSeconds))
                .createForm(TEMPLATE);
    }

    private Response start(PushForm typed, FormMessage message) {
        var form = context.form();
        if (message != null) {
            form.addError(message);
        }
        return form.setAttribute(PushSignaturePage.ATTRIBUTE, PushSignaturePage.start(method, typed)).createForm(TEMPLATE);
    }
}
