package mn.gov.khur.selfservice.flow;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.flow.SameOriginPost;
import mn.gov.khur.identity.profile.CitizenAttributes;
import mn.gov.khur.selfservice.ratelimit.PerIpRateLimiter;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.step.ReverseSmsStep;
import mn.gov.khur.sms.step.SmsTarget;
import mn.gov.khur.sms.step.StepResult;

import com.github.benmanes.caffeine.cache.Ticker;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * After a bank login ({@code khur bank post login}, after {@code khur-bank-assurance}), for a citizen whose account has
 * no phone, which is every citizen a bank registered: "add a phone so you can log in with password + SMS next time",
 * skippable, asked at every bank login until done. The phone is bound on exactly the proof phone change asks for:
 * a reverse SMS from it ({@link ReverseSmsStep}, bound to this account and this phone) and then the operators' word that
 * it is in the citizen's own name with no recent SIM change ({@link ProvenPhoneOwner}). The bank login that just
 * happened (substantial) stands for the person, so no register number, old factor or captcha is asked; an account
 * without a password gets one here (hashed in the tab's notes, stored only with the confirmed phone), otherwise its
 * password stays. The login then goes on as the bank login it is (amr {@code bank}): nothing here raises it.
 *
 * <p>Pages: {@code khur-bank-add-phone.ftl} (offer, "try again later", done) and the reverse-SMS page. Every refusal
 * leaves the login itself alone: the citizen can try another number or skip.
 */
final class BankPhoneOffer implements FlowStep {

    static final String TEMPLATE = "khur-bank-add-phone.ftl";
    static final String PHONE = "phone";
    static final String FLOW = "bank-add-phone";
    private static final String STAGE = "khur.bankphone.stage";
    private static final Logger LOG = Logger.getLogger(BankPhoneOffer.class);

    /** Where this tab is; the offer when no note is set. */
    private enum Stage { OFFER, SMS, UNAVAILABLE, DONE }

    private final ReverseSmsStep sms = new ReverseSmsStep(Clock.systemUTC());
    private final PerIpRateLimiter limiter;

    BankPhoneOffer(SelfServiceSettings settings) {
        this.limiter = new PerIpRateLimiter(settings.postsPerMinute, Ticker.systemTicker());
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null || stage(context) != Stage.DONE && hasPhone(user)) {
            finish(context); // nothing to offer (or a phone was added in another tab meanwhile)
            return;
        }
        switch (stage(context)) {
            case OFFER -> context.challenge(offer(context, user, Map.of(), null));
            case SMS -> {
                SmsTarget target = target(context, user);
                if (target == null) {
                    context.challenge(startOver(context, user, Map.of(), null));
                } else { // a reload: the same code (contract §3), or on at once if the SMS already came
                    smsAnswered(context, user, target, sms.open(context, target));
                }
            }
            case UNAVAILABLE -> context.challenge(unavailable(context));
            case DONE -> context.challenge(done(context, user));
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (SameOriginPost.refused(context)) {
            return;
        }
        UserModel user = context.getUser();
        Stage stage = stage(context);
        if (user == null || stage != Stage.DONE && hasPhone(user)) {
            finish(context);
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (stage == Stage.DONE || form.containsKey("skip")) {
            if (stage == Stage.SMS) {
                sms.clear(context);
            }
            finish(context); // skipped (the login goes on; asked again next bank login), or "continue" after done
            return;
        }
        switch (stage) {
            case OFFER -> offerPosted(context, user, form);
            case SMS -> smsPosted(context, user);
            case UNAVAILABLE -> askTheOperators(context, user); // "try again": the same SMS proof, asked once more
            default -> finish(context);
        }
    }

    private void offerPosted(AuthenticationFlowContext context, UserModel user, MultivaluedMap<String, String> form) {
        Map<String, String> kept = Map.of(PHONE, kept(form.getFirst(PHONE)));
        EventBuilder event = event(context, user);
        if (!form.containsKey("addPhone")) {
            context.challenge(offer(context, user, kept, null));
            return;
        }
        if (!limiter.tryAcquire(context.getConnection().getRemoteAddr())) {
            event.detail(KhurEvents.REASON, KhurEvents.REASON_RATE_LIMITED).error(Errors.SLOW_DOWN);
            context.challenge(offer(context, user, kept, new FormMessage(null, "khurSelfServiceTooManyRequests")));
            return;
        }
        Optional<MongolianMobileNumber> phone = MongolianMobileNumber.tryParse(form.getFirst(PHONE));
        if (phone.isEmpty()) {
            event.detail(KhurEvents.REASON, KhurEvents.INVALID_PHONE).error(KhurEvents.INVALID_PHONE);
            context.challenge(offer(context, user, kept, new FormMessage(PHONE, "khurPhoneNotMongolianMobile")));
            return;
        }
        RegisterNumber registerNumber = registerNumber(user);
        if (registerNumber == null) {
            // the bank steps before this one require it; an account without one has nothing to check a phone against
            event.detail(KhurEvents.REASON, "no_register_number").error(Errors.INVALID_USER);
            finish(context);
            return;
        }
        PendingRegistration.clear(context.getAuthenticationSession());
        if (asksPassword(user)) {
            FormMessage problem = Passwords.problem(context, user.getUsername(), form.getFirst(Passwords.NEW),
                    form.getFirst(Passwords.CONFIRM));
            if (problem != null) {
                event.detail(KhurEvents.REASON, KhurEvents.REASON_PASSWORD_POLICY).error(KhurEvents.INVALID_PASSWORD);
                context.challenge(offer(context, user, kept, problem));
                return;
            }
            PendingRegistration.write(context, registerNumber, form.getFirst(Passwords.NEW)); // hashed, not yet stored
        }
        SmsTarget target = new SmsTarget(ChallengePurpose.PHONE_CHANGE, phone.get(), user.getId(), phone.get().masked());
        SelfServiceTarget.write(context.getAuthenticationSession(), target, registerNumber);
        setStage(context, Stage.SMS);
        smsAnswered(context, user, target, sms.open(context, target));
    }

    private void smsPosted(AuthenticationFlowContext context, UserModel user) {
        SmsTarget target = target(context, user);
        if (target == null) {
            context.challenge(startOver(context, user, Map.of(), null));
            return;
        }
        context.getEvent().detail(Details.AUTH_METHOD, KhurEvents.SELF_SERVICE_SMS_METHOD).detail(KhurEvents.PHONE, target.phone().masked());
        smsAnswered(context, user, target, sms.act(context, target));
    }

    private void smsAnswered(AuthenticationFlowContext context, UserModel user, SmsTarget target, StepResult result) {
        switch (result) {
            case StepResult.Matched matched -> {
                SelfServiceTarget.markVerified(context.getAuthenticationSession(), target);
                askTheOperators(context, user);
            }
            case StepResult.Show show -> context.challenge(show.page());
            case StepResult.Cancelled cancelled -> context.challenge(startOver(context, user,
                    Map.of(PHONE, target.phone().national()), null));
        }
    }

    /** After the SMS from the typed phone matched: whose is it? Only then is anything stored. */
    private void askTheOperators(AuthenticationFlowContext context, UserModel user) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SmsTarget proven = SelfServiceTarget.verified(authSession, ChallengePurpose.PHONE_CHANGE);
        RegisterNumber registerNumber = registerNumber(user);
        if (proven == null || !user.getId().equals(proven.subjectRef()) || registerNumber == null) {
            context.challenge(startOver(context, user, Map.of(), null));
            return;
        }
        EventBuilder event = event(context, user).detail(KhurEvents.PHONE, proven.phone().masked());
        Duration hold = SimChangeGuardConfig.hold(context.getAuthenticatorConfig());
        Map<String, String> kept = Map.of(PHONE, proven.phone().national());
        switch (ProvenPhoneOwner.ask(context.getSession(), proven.phone(), registerNumber, hold)) {
            case ProvenPhoneOwner.Confirmed confirmed -> addPhone(context, user, proven, event);
            case ProvenPhoneOwner.Unavailable unavailable -> {
                event.detail(KhurEvents.REASON, KhurEvents.REASON_OWNERSHIP_UNAVAILABLE).error(KhurEvents.OWNERSHIP_UNAVAILABLE);
                setStage(context, Stage.UNAVAILABLE); // the proof stays for "try again"
                context.challenge(unavailable(context));
            }
            case ProvenPhoneOwner.NotOwned notOwned -> {
                event.detail(KhurEvents.REASON, notOwned.reason()).error(KhurEvents.PHONE_NOT_OWNED);
                context.challenge(startOver(context, user, kept, "not-confirmed"));
            }
            case ProvenPhoneOwner.SimChanged simChanged -> {
                event.detail(KhurEvents.REASON, KhurEvents.REASON_SIM_RECENTLY_CHANGED).detail(KhurEvents.SIM_CHANGED_AT, simChanged.changedAt().toString())
                        .error(KhurEvents.SIM_RECENTLY_CHANGED);
                context.form().setAttribute("khurAddPhoneHoldDays", String.valueOf(hold.toDays()));
                context.challenge(startOver(context, user, kept, "sim-changed"));
            }
        }
    }

    private void addPhone(AuthenticationFlowContext context, UserModel user, SmsTarget proven, EventBuilder event) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (hasPhone(user)) {
            finish(context); // added in another tab meanwhile: never overwritten from here
            return;
        }
        PendingRegistration password = PendingRegistration.read(authSession);
        boolean passwordSet = password != null && asksPassword(user);
        user.setSingleAttribute(CitizenAttributes.PHONE_NUMBER, proven.phone().e164());
        user.setSingleAttribute(CitizenAttributes.PHONE_NUMBER_VERIFIED, "true");
        if (passwordSet) {
            user.credentialManager().createStoredCredential(password.passwordCredential());
            context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user)
                    .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE).detail(KhurEvents.FLOW, FLOW).success();
        }
        event.detail(Details.PREF_PREVIOUS + CitizenAttributes.PHONE_NUMBER, "none")
                .detail(Details.PREF_UPDATED + CitizenAttributes.PHONE_NUMBER, proven.phone().masked())
                .detail(KhurEvents.PASSWORD_SET, String.valueOf(passwordSet)).success();
        LOG.debugf("Phone %s added to user %s after a bank login (password set: %s)", proven.phone().masked(), user.getId(),
                passwordSet);
        SelfServiceTarget.clear(authSession);
        PendingRegistration.clear(authSession);
        authSession.setAuthNote(STAGE + ".phone", proven.phone().masked());
        authSession.setAuthNote(STAGE + ".passwordSet", String.valueOf(passwordSet));
        setStage(context, Stage.DONE);
        context.challenge(done(context, user));
    }

    // ---- pages ---------------------------------------------------------------------------------------------------

    private Response offer(AuthenticationFlowContext context, UserModel user, Map<String, String> kept, FormMessage error) {
        LoginFormsProvider form = context.form();
        if (error != null) {
            form.addError(error);
        }
        return page(context, user, "offer").setAttribute("khurForm", kept).createForm(TEMPLATE);
    }

    /** Back to the offer, the SMS proof and the pending password dropped; {@code refused} names why, or null. */
    private Response startOver(AuthenticationFlowContext context, UserModel user, Map<String, String> kept, String refused) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SelfServiceTarget.clear(authSession);
        PendingRegistration.clear(authSession);
        setStage(context, Stage.OFFER);
        if (refused != null) {
            context.form().setAttribute("khurAddPhoneRefused", refused);
        }
        return offer(context, user, kept, null);
    }

    private Response unavailable(AuthenticationFlowContext context) {
        return page(context, context.getUser(), "unavailable").createForm(TEMPLATE);
    }

    private Response done(AuthenticationFlowContext context, UserModel user) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        LoginFormsProvider form = page(context, user, "done");
        Map<String, Object> bean = new HashMap<>(pageBean(user, "done"));
        bean.put("phoneMasked", Optional.ofNullable(authSession.getAuthNote(STAGE + ".phone")).orElse(""));
        bean.put("passwordSet", Boolean.parseBoolean(authSession.getAuthNote(STAGE + ".passwordSet")));
        return form.setAttribute("khurAddPhone", bean).createForm(TEMPLATE);
    }

    private LoginFormsProvider page(AuthenticationFlowContext context, UserModel user, String stage) {
        return context.form().setAttribute("khurAddPhone", pageBean(user, stage));
    }

    private static Map<String, Object> pageBean(UserModel user, String stage) {
        RegisterNumber registerNumber = registerNumber(user);
        return Map.of("stage", stage, "askPassword", asksPassword(user),
                "registerNumber", registerNumber == null ? "" : registerNumber.value());
    }

    // ---- state ---------------------------------------------------------------------------------------------------

    private void finish(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SelfServiceTarget.clear(authSession);
        PendingRegistration.clear(authSession);
        for (String note : new String[] {STAGE, STAGE + ".phone", STAGE + ".passwordSet"}) {
            authSession.removeAuthNote(note);
        }
        context.success();
    }

    private static Stage stage(AuthenticationFlowContext context) {
        String stage = context.getAuthenticationSession().getAuthNote(STAGE);
        try {
            return stage == null ? Stage.OFFER : Stage.valueOf(stage);
        } catch (IllegalArgumentException unknown) {
            return Stage.OFFER;
        }
    }

    private static void setStage(AuthenticationFlowContext context, Stage stage) {
        context.getAuthenticationSession().setAuthNote(STAGE, stage.name());
    }

    /** This tab's pending phone for exactly this account, or null. */
    private static SmsTarget target(AuthenticationFlowContext context, UserModel user) {
        SmsTarget target = SelfServiceTarget.read(context.getAuthenticationSession());
        return target != null && target.purpose() == ChallengePurpose.PHONE_CHANGE && user.getId().equals(target.subjectRef())
                ? target : null;
    }

    static boolean hasPhone(UserModel user) {
        return MongolianMobileNumber.tryParse(user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER)).isPresent();
    }

    private static boolean asksPassword(UserModel user) {
        return !user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE);
    }

    private static RegisterNumber registerNumber(UserModel user) {
        return RegisterNumber.tryParse(user.getFirstAttribute(CitizenAttributes.REGISTER_NUMBER)).orElse(null);
    }

    private static String kept(String value) {
        return value == null ? "" : value.length() > 64 ? value.substring(0, 64) : value;
    }

    /** UPDATE_PROFILE(_ERROR) of this flow, with the bank this login came through. */
    private static EventBuilder event(AuthenticationFlowContext context, UserModel user) {
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_PROFILE).user(user)
                .detail(Details.AUTH_METHOD, KhurEvents.SELF_SERVICE_METHOD).detail(KhurEvents.FLOW, FLOW)
                .detail(Details.USERNAME, user.getUsername());
        SerializedBrokeredIdentityContext bank = SerializedBrokeredIdentityContext.readFromAuthenticationSession(
                context.getAuthenticationSession(), PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT);
        if (bank != null && bank.getIdentityProviderId() != null) {
            event.detail(Details.IDENTITY_PROVIDER, bank.getIdentityProviderId());
        }
        return event;
    }
}
