package mn.gov.khur.registry.approval;

import java.time.Instant;
import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.profile.CitizenAttributes;
import mn.gov.khur.registry.Approval;
import mn.gov.khur.registry.CitizenRegistry;
import mn.gov.khur.registry.CodeDelivery;
import mn.gov.khur.registry.RegistryLookup;
import mn.gov.khur.registry.account.RegistryRecords;
import mn.gov.khur.registry.account.VerifiedNames;
import mn.gov.khur.registry.retry.RegistryRefresh;
import mn.gov.khur.registry.retry.RetrySettings;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The citizen's approval of the registry fetch, as ХУР requires it, with the citizen present: ХУР sends its own
 * one-time code ({@code WS100008_registerOTPRequest}), the citizen types it on our page, the fetch carries it
 * ({@code WS100101}). A citizen who logged in with a USB token in this tab approves by signature instead
 * ({@link SignatureApproval}), or asks for the code. Whatever the registry does, the citizen goes on: a registry that
 * does not answer, a code it does not accept three times, or "later" leave a retry on the account
 * ({@link RegistryRefresh}) and nothing invented; "not found" and an answer about another register number leave it to
 * operators.
 *
 * <p>State of the conversation lives in the tab's authentication-session notes: when the code was requested (a
 * reload shows the page again instead of asking for another code), how many codes were sent and how many were
 * wrong. Every path that sends a code goes through one cap ({@link #MAX_SENDS} per tab) and the reuse window.
 */
public final class RegistryApproval {

    /** Auth note naming the account a flow created, for the step after it (registration by phone). */
    public static final String SUBJECT_NOTE = "khur.registry.subject";
    static final String REQUESTED_AT = "khur.registry.requestedAt";
    static final String SENT_TO = "khur.registry.sentTo";
    static final String SENDS = "khur.registry.sends";
    static final String WRONG_CODES = "khur.registry.wrongCodes";
    static final int MAX_SENDS = 3;
    static final int MAX_WRONG_CODES = 3;
    /** How long a code is worth showing the page again for, instead of asking for a new one. */
    static final long CODE_REUSE_SECONDS = 300;
    private static final Logger LOG = Logger.getLogger(RegistryApproval.class);

    private final RetrySettings retry;
    private final SignatureApproval signature = new SignatureApproval();

    public RegistryApproval(RetrySettings retry) {
        this.retry = retry;
    }

    /** Whether this account still needs the registry: a citizen account without data the registry verified. */
    public static boolean needed(UserModel user) {
        return user != null && user.getFirstAttribute(CitizenAttributes.REGISTER_NUMBER) != null && !VerifiedNames.holdFor(user);
    }

    void begin(ApprovalContext context) {
        CitizenRegistry registry = context.session().getProvider(CitizenRegistry.class);
        Optional<RegisterNumber> registerNumber = registerNumber(context.user());
        if (registry == null || !registry.configured() || registerNumber.isEmpty()) {
            context.done();
            return;
        }
        if (signature.offered(context)) {
            signature.show(context, registerNumber.get(), null, this);
            return;
        }
        codePage(context, registry, registerNumber.get());
    }

    /** The code page: the code sent within {@link #CODE_REUSE_SECONDS} still works (a reload, a second choice), else a new one. */
    private void codePage(ApprovalContext context, CitizenRegistry registry, RegisterNumber registerNumber) {
        String requestedAt = context.authSession().getAuthNote(REQUESTED_AT);
        if (requestedAt != null && Time.currentTime() - Long.parseLong(requestedAt) < CODE_REUSE_SECONDS) {
            context.challenge(page(context, null, null));
            return;
        }
        sendCode(context, registry, registerNumber, null);
    }

    void action(ApprovalContext context) {
        CitizenRegistry registry = context.session().getProvider(CitizenRegistry.class);
        Optional<RegisterNumber> registerNumber = registerNumber(context.user());
        AuthenticationSessionModel notes = context.authSession();
        if (registry == null || !registry.configured() || registerNumber.isEmpty()) {
            begin(context);
            return;
        }
        String choice = context.formParameters().getFirst("action");
        if ("skip".equals(choice)) {
            postpone(context, "skipped");
            return;
        }
        if (SignatureApproval.SIGN.equals(choice) && signature.offered(context)) {
            signature.action(context, registry, registerNumber.get(), this);
            return;
        }
        if (SignatureApproval.BY_CODE.equals(choice)) {
            if (!signature.offered(context)) {
                // only the signature page offers "send me ХУР's code instead": anything else is a crafted post
                error(context, "registry_code_not_offered", KhurEvents.REGISTRY_CODE_REFUSED);
                begin(context);
                return;
            }
            signature.declined(context);
            codePage(context, registry, registerNumber.get());
            return;
        }
        if (notes.getAuthNote(REQUESTED_AT) == null) {
            begin(context);
            return;
        }
        if ("resend".equals(choice)) {
            sendCode(context, registry, registerNumber.get(), "khurRegistryCodeResent");
            return;
        }
        String typed = Optional.ofNullable(context.formParameters().getFirst("code")).orElse("").strip();
        if (!typed.matches("\\d{4,8}")) {
            context.challenge(ApprovalPage.show(context, notes.getAuthNote(SENT_TO), "khurRegistryCodeFormat", null,
                    count(notes, SENDS) < MAX_SENDS));
            return;
        }
        Approval approval = new Approval.OneTimeCode(Integer.parseInt(typed), Long.parseLong(notes.getAuthNote(REQUESTED_AT)));
        answered(context, registry.fetch(registerNumber.get(), approval), () -> {
            int wrong = count(notes, WRONG_CODES) + 1;
            notes.setAuthNote(WRONG_CODES, Integer.toString(wrong));
            if (wrong >= MAX_WRONG_CODES) {
                postpone(context, "consent_refused");
            } else {
                context.challenge(ApprovalPage.show(context, notes.getAuthNote(SENT_TO), "khurRegistryCodeRefused", null,
                        count(notes, SENDS) < MAX_SENDS));
            }
        });
    }

    /** What the registry answered a fetch with the citizen's approval; {@code refusedAgain}: ask again or give up. */
    void answered(ApprovalContext context, RegistryLookup answer, Runnable refusedAgain) {
        switch (answer) {
            case RegistryLookup.Found found -> {
                clearNotes(context.authSession());
                if (!RegistryRecords.store(context.user(), found.record(), context.event())) {
                    LOG.debugf("Registry answer refused for account %s", context.user().getId());
                }
                context.done();
            }
            case RegistryLookup.ConsentRefused refused -> {
                error(context, "registry_consent_refused", KhurEvents.REGISTRY_CONSENT_REFUSED);
                refusedAgain.run();
            }
            case RegistryLookup.NotFound notFound -> notFound(context);
            case RegistryLookup.Unavailable unavailable -> unavailable(context, unavailable.reason());
        }
    }

    /**
     * The only way a code is sent (each costs the organisation's ХУР quota and texts the citizen's phone): at most
     * {@link #MAX_SENDS} per tab, whatever the path (first page, "send a new code", "send me ХУР's code instead", a
     * reload after the reuse window).
     */
    private void sendCode(ApprovalContext context, CitizenRegistry registry, RegisterNumber registerNumber, String info) {
        AuthenticationSessionModel notes = context.authSession();
        if (count(notes, SENDS) >= MAX_SENDS) {
            error(context, "registry_code_limit", KhurEvents.REGISTRY_CODE_REFUSED);
            if (notes.getAuthNote(REQUESTED_AT) != null) {
                context.challenge(page(context, null, "khurRegistryNoMoreCodes"));
            } else {
                postpone(context, "code_limit"); // no code of this tab left to type: the names come at a later login
            }
            return;
        }
        Optional<MongolianMobileNumber> phone = verifiedPhone(context.user());
        switch (registry.sendOneTimeCode(registerNumber, phone)) {
            case CodeDelivery.Sent sent -> {
                notes.setAuthNote(REQUESTED_AT, Long.toString(sent.timestamp()));
                notes.setAuthNote(SENDS, Integer.toString(count(notes, SENDS) + 1));
                phone.ifPresentOrElse(number -> notes.setAuthNote(SENT_TO, number.masked()), () -> notes.removeAuthNote(SENT_TO));
                context.challenge(page(context, null, info));
            }
            case CodeDelivery.NotFound notFound -> notFound(context);
            case CodeDelivery.Unavailable unavailable -> unavailable(context, unavailable.reason());
        }
    }

    private jakarta.ws.rs.core.Response page(ApprovalContext context, String fieldError, String info) {
        AuthenticationSessionModel notes = context.authSession();
        return ApprovalPage.show(context, notes.getAuthNote(SENT_TO), fieldError, info, count(notes, SENDS) < MAX_SENDS);
    }

    private void notFound(ApprovalContext context) {
        clearNotes(context.authSession());
        error(context, "registry_not_found", KhurEvents.REGISTRY_NOT_FOUND);
        RegistryRefresh.settle(context.user(), RegistryRefresh.State.NOT_FOUND, "not_found");
        context.done();
    }

    private void unavailable(ApprovalContext context, String reason) {
        LOG.infof("Registry unavailable for account %s (%s): retry later", context.user().getId(), reason);
        error(context, "registry_unavailable", KhurEvents.REGISTRY_UNAVAILABLE);
        postpone(context, "unavailable");
    }

    void postpone(ApprovalContext context, String outcome) {
        clearNotes(context.authSession());
        RegistryRefresh.attemptFailed(context.user(), outcome, Instant.ofEpochMilli(Time.currentTimeMillis()), retry);
        context.done();
    }

    static void error(ApprovalContext context, String reason, String error) {
        context.event().clone().event(EventType.UPDATE_PROFILE_ERROR).user(context.user()).detail(KhurEvents.FLOW, "registry")
                .detail(KhurEvents.REASON, reason).error(error);
    }

    private static void clearNotes(AuthenticationSessionModel notes) {
        notes.removeAuthNote(REQUESTED_AT);
        notes.removeAuthNote(SENT_TO);
        notes.removeAuthNote(WRONG_CODES);
        SignatureApproval.clearNotes(notes);
    }

    static int count(AuthenticationSessionModel notes, String note) {
        String value = notes.getAuthNote(note);
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static Optional<RegisterNumber> registerNumber(UserModel user) {
        return RegisterNumber.tryParse(user.getFirstAttribute(CitizenAttributes.REGISTER_NUMBER));
    }

    private static Optional<MongolianMobileNumber> verifiedPhone(UserModel user) {
        if (!"true".equals(user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER_VERIFIED))) {
            return Optional.empty();
        }
        return MongolianMobileNumber.tryParse(user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER));
    }
}
