package mn.gov.khur.selfservice.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.flow.SameOriginPost;
import mn.gov.khur.selfservice.captcha.CaptchaVerdict;
import mn.gov.khur.selfservice.ratelimit.PerIpRateLimiter;

import com.github.benmanes.caffeine.cache.Ticker;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * The first page of a self-service flow (registration, recovery, phone change), in this order on every
 * post: "new picture" → per-IP rate limit → captcha (single use, checked before any other work) →
 * the form's own checks ({@link #submitted}). Typed values except passwords and the captcha are kept
 * when the page is shown again.
 */
abstract class SelfServiceForm implements FlowStep {

    private final CaptchaGate captcha;
    private final PerIpRateLimiter limiter;

    SelfServiceForm(SelfServiceSettings settings) {
        this.captcha = new CaptchaGate(settings.captchaTestMode);
        this.limiter = new PerIpRateLimiter(settings.postsPerMinute, Ticker.systemTicker());
    }

    /** FreeMarker template of the page. */
    abstract String template();

    /** Fields whose typed value is shown again (never passwords). */
    abstract List<String> keptFields();

    /** Event detail naming the flow, e.g. {@code registration}. */
    abstract String flowName();

    /** The captcha was right: do the form's work; return a page to show, or null after {@code context.success()}. */
    abstract Response submitted(AuthenticationFlowContext context, MultivaluedMap<String, String> form);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context, Map.of(), null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (SameOriginPost.refused(context)) {
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Map<String, String> kept = kept(form);
        context.getEvent().detail(Details.AUTH_METHOD, KhurEvents.SELF_SERVICE_METHOD).detail(KhurEvents.FLOW, flowName());
        if (form.containsKey(CaptchaGate.REFRESH)) {
            context.challenge(page(context, kept, null));
            return;
        }
        if (!limiter.tryAcquire(context.getConnection().getRemoteAddr())) {
            context.getEvent().detail(KhurEvents.REASON, KhurEvents.REASON_RATE_LIMITED).error(Errors.SLOW_DOWN);
            context.challenge(page(context, kept, new FormMessage(null, "khurSelfServiceTooManyRequests")));
            return;
        }
        CaptchaVerdict verdict = captcha.check(context.getAuthenticationSession(), form.getFirst(CaptchaGate.FIELD));
        if (!verdict.passed()) {
            context.getEvent().detail(KhurEvents.REASON, "captcha_" + verdict.name().toLowerCase(java.util.Locale.ROOT))
                    .error(Errors.INVALID_INPUT);
            context.challenge(page(context, kept, new FormMessage(CaptchaGate.FIELD,
                    verdict == CaptchaVerdict.EXPIRED ? "khurCaptchaExpired" : "khurCaptchaWrong")));
            return;
        }
        Response again = submitted(context, form);
        if (again != null) {
            context.challenge(again);
        }
    }

    /** The page again with an error (field-bound when the message names a field). */
    Response page(AuthenticationFlowContext context, Map<String, String> kept, FormMessage error) {
        LoginFormsProvider forms = context.form();
        if (error != null) {
            forms.addError(error);
        }
        forms.setAttribute("khurForm", kept);
        return captcha.addTo(forms, context.getAuthenticationSession()).createForm(template());
    }

    Response page(AuthenticationFlowContext context, MultivaluedMap<String, String> form, FormMessage error) {
        return page(context, kept(form), error);
    }

    private Map<String, String> kept(MultivaluedMap<String, String> form) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String field : keptFields()) {
            String value = form.getFirst(field);
            kept.put(field, value == null ? "" : value.length() > 64 ? value.substring(0, 64) : value);
        }
        return kept;
    }
}
