package mn.gov.khur.selfservice.flow;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * How a self-service flow ends after the reverse SMS when the change may not be made
 * ({@code khur-selfservice-refused.ftl}): one page per kind, in Mongolian and English, with the other
 * ways in. The operators' reason is in the event; the page says only what the holder of the proven
 * phone may be told, so one wording covers every "no" that must not be told apart.
 */
enum SelfServiceRefusal {

    /** The operators do not tie the proven phone to the register number, or a registration conflicts (see the caller). */
    NOT_CONFIRMED("not-confirmed", "khurSelfServiceNotConfirmed", Response.Status.FORBIDDEN),
    /** The proven phone's SIM changed within the hold. */
    SIM_CHANGED("sim-changed", "khurSimRecentlyChanged", Response.Status.FORBIDDEN),
    /**
     * The lookup did not answer. Not a 5xx: nothing the citizen sent was wrong and the page works; the matched
     * SMS stays good in this tab, so "try again" asks once more without a new SMS.
     */
    UNAVAILABLE("unavailable", "khurOwnershipUnavailable", Response.Status.OK),
    /** Only ever for the holder of the existing account's own phone. */
    ALREADY_REGISTERED("already-registered", "khurRegisterAlreadyRegistered", Response.Status.CONFLICT),
    /**
     * The register number has an account without a phone (registered through a bank), and the SMS came from a phone
     * the operators register to that number: recovery cannot work for it, so the page points to the bank login,
     * after which a phone and a password can be added ({@link BankPhoneOffer}).
     */
    REGISTERED_WITHOUT_PHONE("without-phone", "khurRegisterWithoutPhone", Response.Status.CONFLICT);

    static final String TEMPLATE = "khur-selfservice-refused.ftl";

    private final String kind;
    private final String messageKey;
    private final Response.Status status;

    SelfServiceRefusal(String kind, String messageKey, Response.Status status) {
        this.kind = kind;
        this.messageKey = messageKey;
        this.status = status;
    }

    Response page(AuthenticationFlowContext context, Object... messageParameters) {
        Response page = context.form().setAttribute("khurRefused", kind).setError(messageKey, messageParameters)
                .createForm(TEMPLATE);
        return Response.fromResponse(page).status(status).build();
    }
}
