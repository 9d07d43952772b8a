package mn.gov.khur.identity.events;

/**
 * The names our steps write into Keycloak events: detail names and event errors. The strings are a contract for
 * whoever reads the event log (operators' searches, log shippers, alerts), so they never change; a name Keycloak
 * already has is used from {@link org.keycloak.events.Details} or {@link org.keycloak.events.Errors} instead
 * (the method as {@code Details.AUTH_METHOD}, the bank as {@code Details.IDENTITY_PROVIDER}, a taken register number
 * as {@code Errors.USERNAME_IN_USE}, a spent budget as {@code Errors.SLOW_DOWN}). Phone numbers in details are always
 * masked.
 */
public final class KhurEvents {

    private KhurEvents() {
    }

    // --- detail names ---------------------------------------------------------------------------------------

    /** Why a step refused, in words a log search can use ({@code network_throttled}, {@code password_policy}, …). */
    public static final String REASON = "khur_reason";
    /** The phone the step worked with, masked. */
    public static final String PHONE = "khur_phone";
    /** Which self-service flow or account change ({@code registration}, {@code phone-change}, {@code registry}, …). */
    public static final String FLOW = "khur_flow";
    /** The origin a refused cross-site form post claimed (shortened). */
    public static final String ORIGIN = "khur_origin";
    /** The precise reason a typed register number is malformed ({@code latin_letters}, …). */
    public static final String REGISTER_NUMBER_ERROR = "khur_register_number_error";
    /** When the operators last saw the proven phone's SIM change (ISO 8601). */
    public static final String SIM_CHANGED_AT = "khur_sim_changed_at";
    /** Milliseconds from the code on the page to the SMS that matched it. */
    public static final String SMS_WAIT_MS = "khur_sms_wait_ms";
    /** "Reply 0": whether the denied login's online and offline sessions were ended. */
    public static final String SESSION_ENDED = "khur_session_ended";
    public static final String OFFLINE_SESSION_ENDED = "khur_offline_session_ended";
    /** Recovery and phone change: how many sessions and consents of the citizen were ended. */
    public static final String SESSIONS_SIGNED_OUT = "khur_sessions_signed_out";
    public static final String OFFLINE_SESSIONS_SIGNED_OUT = "khur_offline_sessions_signed_out";
    public static final String CONSENTS_REVOKED = "khur_consents_revoked";
    /** Bank add-phone: whether the citizen also set a password. */
    public static final String PASSWORD_SET = "khur_password_set";
    /** Signature steps: the method ({@code token}, {@code sim}, {@code cloud}), how it ended, whether a push went out. */
    public static final String ESIGN_METHOD = "khur_esign_method";
    public static final String ESIGN_OUTCOME = "khur_esign_outcome";
    public static final String ESIGN_PUSHED = "khur_esign_pushed";
    /** State registry: the register number it answered for (masked) and its request id. */
    public static final String REGISTRY_REGISTER_NUMBER = "khur_registry_register_number";
    public static final String REGISTRY_REQUEST_ID = "khur_registry_request_id";
    /** Passkeys: what the citizen did with the offer after a login ({@code skipped}). */
    public static final String PASSKEY_OFFER = "khur_passkey_offer";

    // --- auth_method values of steps that are not one provider ------------------------------------------------

    /** The self-service forms and their guards (registration, recovery, phone change). */
    public static final String SELF_SERVICE_METHOD = "khur-selfservice";
    /** The reverse-SMS page of self-service and of the bank add-phone step. */
    public static final String SELF_SERVICE_SMS_METHOD = "khur-selfservice-sms";

    // --- event errors Keycloak has no name for ----------------------------------------------------------------

    public static final String INVALID_PHONE = "invalid_phone";
    public static final String INVALID_PASSWORD = "invalid_password";
    public static final String INVALID_REGISTER_NUMBER = "invalid_register_number";
    public static final String OWNERSHIP_UNAVAILABLE = "khur_ownership_unavailable";
    public static final String PHONE_NOT_OWNED = "khur_phone_not_owned";
    public static final String SIM_RECENTLY_CHANGED = "khur_sim_recently_changed";
    public static final String ESIGN_REVOCATION_UNAVAILABLE = "khur_esign_revocation_unavailable";
    /** Prefix of a push refusal's error: {@code khur_esign_push_<outcome>} ({@code declined}, {@code timeout}, …). */
    public static final String ESIGN_PUSH_ERROR_PREFIX = "khur_esign_push_";
    public static final String ESIGN_PUSH_UNAVAILABLE = ESIGN_PUSH_ERROR_PREFIX + "unavailable";
    public static final String ESIGN_PUSH_LIMITED = ESIGN_PUSH_ERROR_PREFIX + "limited";
    public static final String ESIGN_PUSH_NOT_SENT = ESIGN_PUSH_ERROR_PREFIX + "not_sent";
    public static final String ESIGN_PUSH_UNEXPECTED_ANSWER = ESIGN_PUSH_ERROR_PREFIX + "unexpected_answer";
    public static final String REGISTRY_MISMATCH = "khur_registry_mismatch";
    public static final String REGISTRY_CONSENT_REFUSED = "khur_registry_consent_refused";
    public static final String REGISTRY_NOT_FOUND = "khur_registry_not_found";
    public static final String REGISTRY_UNAVAILABLE = "khur_registry_unavailable";
    public static final String REGISTRY_CODE_REFUSED = "khur_registry_code_refused";
    public static final String REGISTRY_SIGNATURE_REFUSED = "khur_registry_signature_refused";

    // --- reasons ({@link #REASON} values) that several steps give ------------------------------------------------

    public static final String REASON_RATE_LIMITED = "rate_limited";
    public static final String REASON_PASSWORD_POLICY = "password_policy";
    public static final String REASON_OWNERSHIP_UNAVAILABLE = "ownership_unavailable";
    public static final String REASON_SIM_RECENTLY_CHANGED = "sim_recently_changed";

    /** An event error of our own for a push that ended with {@code outcome}. */
    public static String esignPushError(String outcome) {
        return ESIGN_PUSH_ERROR_PREFIX + outcome;
    }
}
