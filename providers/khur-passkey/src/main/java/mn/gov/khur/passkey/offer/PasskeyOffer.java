package mn.gov.khur.passkey.offer;

import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.assurance.AuthenticationMethods;
import mn.gov.khur.identity.flow.SameOriginPost;
import mn.gov.khur.sms.notice.BrowserDescription;

import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.authenticators.browser.WebAuthnConditionalUIAuthenticator;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegister;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

import com.webauthn4j.verifier.attestation.trustworthiness.certpath.CertPathTrustworthinessVerifier;

/**
 * "Дараагийн удаа SMS-гүйгээр нэвтрэх": after a fresh login of at least "substantial" in this browser
 * ({@link OfferMoment}), on a device that can keep a passkey ({@link CapableDevice}), a citizen who has not
 * answered the offer on this device ({@link OfferedDevices}) is offered to create a passkey, or to skip. Creating one is Keycloak's own passwordless registration (policy,
 * attestation checks, credential storage, UPDATE_CREDENTIAL event), bound to the account that just logged in,
 * inside that login's authentication session: no login, no passkey. The page is the theme's
 * {@code webauthn-register.ftl} with the attribute {@code khurPasskeyOffer} (offer texts and "Алгасах").
 * Only our trigger starts it: relying parties cannot ask for it ({@code kc_action}).
 */
final class PasskeyOffer extends WebAuthnPasswordlessRegister {

    static final String TEMPLATE_FLAG = "khurPasskeyOffer";
    static final String TEMPLATE_LABEL = "khurPasskeyLabel";
    static final String SKIP_FIELD = "khur-passkey-skip";
    /** Set when answered in this authentication, so the trigger (evaluated again after success) stays quiet. */
    static final String ANSWERED_NOTE = "khur.passkey.offer.answered";

    private final KeycloakSession session;

    PasskeyOffer(KeycloakSession session, CertPathTrustworthinessVerifier trustVerifier) {
        super(session, trustVerifier);
        this.session = session;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession == null || context.getUser() == null || authSession.getAuthNote(ANSWERED_NOTE) != null
                || !WebAuthnConditionalUIAuthenticator.isPasskeysEnabled(session)) {
            return;
        }
        OfferMoment moment = new OfferMoment(AuthenticatorUtil.isSSOAuthentication(authSession),
                AuthenticationMethods.parse(authSession.getUserSessionNotes().get(AuthenticationMethods.USER_SESSION_NOTE)),
                new AcrStore(session, authSession).getLevelOfAuthenticationFromCurrentAuthentication());
        OfferedDevices devices = OfferedDevices.of(session);
        if (devices.answeredBy(context.getRealm(), context.getUser())) {
            return;
        }
        if (moment.passkeyLogin()) {
            // not asked later on this device either (e.g. after a step-up by signature in the same session)
            devices.with(context.getRealm(), context.getUser()).remember(session, context.getRealm());
        } else if (moment.worthAnOffer() && CapableDevice.canHoldAPasskey(session)) {
            authSession.addRequiredAction(PasskeyOfferFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        // Keycloak's form provider is one per request: these attributes reach the page the parent renders
        String userAgent = context.getHttpRequest().getHttpHeaders().getHeaderString("User-Agent");
        context.form().setAttribute(TEMPLATE_FLAG, Boolean.TRUE).setAttribute(TEMPLATE_LABEL, BrowserDescription.of(userAgent));
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (SameOriginPost.refused(context)) {
            return; // a skip (or a registration) posted from another site: the offer stays
        }
        if (context.getHttpRequest().getDecodedFormParameters().containsKey(SKIP_FIELD)) {
            answered(context, "skipped");
            context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                    .detail(Details.CUSTOM_REQUIRED_ACTION, PasskeyOfferFactory.PROVIDER_ID)
                    .detail(KhurEvents.PASSKEY_OFFER, "skipped").success();
            context.success();
            return;
        }
        String userAgent = context.getHttpRequest().getHttpHeaders().getHeaderString("User-Agent");
        context.form().setAttribute(TEMPLATE_FLAG, Boolean.TRUE).setAttribute(TEMPLATE_LABEL, BrowserDescription.of(userAgent));
        super.processAction(context); // verifies and stores the passkey, or shows the error page (retry / skip)
        if (context.getStatus() == RequiredActionContext.Status.SUCCESS) {
            answered(context, "created");
        }
    }

    private void answered(RequiredActionContext context, String how) {
        context.getAuthenticationSession().setAuthNote(ANSWERED_NOTE, how);
        OfferedDevices.of(session).with(context.getRealm(), context.getUser()).remember(session, context.getRealm());
    }
}
