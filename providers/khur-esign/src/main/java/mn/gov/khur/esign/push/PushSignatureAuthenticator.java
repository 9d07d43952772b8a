package mn.gov.khur.esign.push;

import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import mn.gov.khur.esign.flow.ChosenMethod;
import mn.gov.khur.esign.pki.RevocationCache;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.flow.FlowStep;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The login step shared by the push signature methods (SIM via the MSSP, GSign cloud): the citizen
 * enters register number and phone; we push a signing request for the SHA-256 hash of a fresh
 * nonce-bound challenge, show the verification code derived from that hash (also shown on the
 * phone), and poll while the page waits ({@code js/khur-esign-wait.js} or the "Шалгах" button).
 * The answer must sign exactly our hash; then the shared certificate checks and the register
 * number match decide. This class only routes a post: {@link PushStart} for the start page,
 * {@link PushPoll} while a request ({@link PendingPush}) is waited for.
 *
 * <p>Push-bombing (threat model §4, issue 13 item 6): requests are counted per client address,
 * register number and phone ({@link PushLimiter}), and a push goes only to the registered phone of
 * the enabled account of the number typed ({@link PushRecipient}). Any other pair, and a phone or
 * account the service has no signing key for, gets a <em>decoy</em>: the same waiting page with a
 * code of the same kind, polled the same way until the same deadline, and nothing pushed.
 */
public final class PushSignatureAuthenticator implements FlowStep {

    private final PushMethod method;
    private final RevocationCache revocationCache;
    private final Clock clock;

    public PushSignatureAuthenticator(PushMethod method, RevocationCache revocationCache, Clock clock) {
        this.method = method;
        this.revocationCache = revocationCache;
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        PendingPush.end(context.getSession(), context.getAuthenticationSession());
        context.challenge(new PushPages(context, method).start(PushForm.EMPTY, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        context.getEvent().detail(Details.AUTH_METHOD, method.providerId()).detail(KhurEvents.ESIGN_METHOD, method.code());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (form.containsKey("back")) {
            PendingPush.end(context.getSession(), authSession);
            ChosenMethod.clear(authSession);
            context.resetFlow();
            return;
        }
        if (form.containsKey("cancel")) {
            PendingPush.end(context.getSession(), authSession);
            context.challenge(new PushPages(context, method).start(PushForm.EMPTY, null));
            return;
        }
        Optional<PendingPush> pending = PendingPush.of(authSession);
        if (pending.isPresent()) {
            new PushPoll(context, method, revocationCache, clock).answer(pending.get());
        } else {
            new PushStart(context, method, clock).answer(form);
        }
    }
}
