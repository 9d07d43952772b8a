package mn.gov.khur.registry.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.profile.CitizenAttributes;
import mn.gov.khur.identity.signature.TokenLoginCertificate;
import mn.gov.khur.registry.Approval;
import mn.gov.khur.registry.CitizenRegistry;
import mn.gov.khur.registry.RegistryLookup;
import mn.gov.khur.registry.TestKeys;
import mn.gov.khur.registry.retry.RetrySettings;

import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The approval by signature re-checks, at approval time, that the certificate this tab's token login verified carries
 * the account's register number. The realm cannot reach a mismatch through the admin API (the register number is the
 * read-only username), so no integration test can set it up: here the account holds A and the login certificate B,
 * and a post that is otherwise well formed (that very certificate, a valid signature over the account's approval text
 * and a timestamp this tab was given) must be refused before anything reaches the registry.
 */
class SignatureApprovalRegisterNumberTest {

    private static final String ACCOUNT_NUMBER = "УБ99112233";
    private static final String OTHER_NUMBER = "УБ99112288";

    private final KeyPair citizen = TestKeys.rsa2048();
    private final CitizenRegistry registry = mock(CitizenRegistry.class);
    private final EventBuilder event = mock(EventBuilder.class, RETURNS_SELF);
    private final Map<String, String> notes = new HashMap<>();

    @Test
    void aLoginCertificateForAnotherRegisterNumberIsRefusedAndNothingGoesToTheRegistry() throws Exception {
        FakeContext context = approvalPost(certificate("PNOMN-" + OTHER_NUMBER));

        new RegistryApproval(retry()).action(context);

        verify(event).event(EventType.UPDATE_PROFILE_ERROR);
        verify(event).detail(KhurEvents.REASON, "registry_signature_other_register_number");
        verify(event).error(KhurEvents.REGISTRY_SIGNATURE_REFUSED);
        verify(registry, never()).fetch(any(), any());
        assertThat(context.pages).as("the signature page again, for a new approval text").isEqualTo(1);
        assertThat(notes).containsEntry(SignatureApproval.REFUSED_SIGNATURES, "1");
    }

    @Test
    void theSamePostWithACertificateForTheAccountsRegisterNumberReachesTheRegistry() throws Exception {
        FakeContext context = approvalPost(certificate("PNOMN-" + ACCOUNT_NUMBER));

        new RegistryApproval(retry()).action(context);

        verify(registry).fetch(any(RegisterNumber.class), any(Approval.Signature.class));
        verify(event, never()).error(KhurEvents.REGISTRY_SIGNATURE_REFUSED);
        verify(event).error(KhurEvents.REGISTRY_UNAVAILABLE);
        assertThat(context.finished).as("postponed: the registry did not answer").isTrue();
    }

    /**
     * This tab's state after a token login with {@code loginCertificate} and the signature page, and the ESIGN client's
     * post: that certificate and a valid signature over the account's approval text with the page's timestamp.
     */
    private FakeContext approvalPost(X509Certificate loginCertificate) throws Exception {
        AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
        when(authSession.getAuthNote(anyString())).thenAnswer(call -> notes.get(call.<String>getArgument(0)));
        doAnswer(call -> notes.put(call.getArgument(0), call.getArgument(1))).when(authSession).setAuthNote(anyString(), anyString());
        doAnswer(call -> notes.remove(call.<String>getArgument(0))).when(authSession).removeAuthNote(anyString());
        TokenLoginCertificate.remember(authSession, loginCertificate.getEncoded(), "ws://127.0.0.1:59001");
        long signAt = Time.currentTime();
        notes.put(SignatureApproval.SIGN_AT, Long.toString(signAt));

        UserModel user = mock(UserModel.class);
        when(user.getId()).thenReturn("account-a");
        when(user.getFirstAttribute(CitizenAttributes.REGISTER_NUMBER)).thenReturn(ACCOUNT_NUMBER);
        KeycloakSession session = mock(KeycloakSession.class);
        when(registry.configured()).thenReturn(true);
        when(registry.fetch(any(), any())).thenReturn(new RegistryLookup.Unavailable("test")); // then postponed
        when(session.getProvider(CitizenRegistry.class)).thenReturn(registry);
        SingleUseObjectProvider singleUse = mock(SingleUseObjectProvider.class);
        when(singleUse.putIfAbsent(anyString(), anyLong())).thenReturn(true);
        when(session.singleUseObjects()).thenReturn(singleUse);

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(citizen.getPrivate());
        signer.update(Approval.Signature.text(RegisterNumber.parse(ACCOUNT_NUMBER), signAt).getBytes(StandardCharsets.UTF_8));
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("action", SignatureApproval.SIGN);
        form.putSingle("certificate", Base64.getEncoder().encodeToString(loginCertificate.getEncoded()));
        form.putSingle("signature", Base64.getEncoder().encodeToString(signer.sign()));
        return new FakeContext(session, user, authSession, mock(LoginFormsProvider.class, RETURNS_SELF), event, form);
    }

    /** The citizen's certificate, its subject's serialNumber carrying a register number as the ESIGN CAs write it. */
    private X509Certificate certificate(String serialNumber) throws Exception {
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, new DERUTF8String("Test Citizen"))
                .addRDN(BCStyle.SERIALNUMBER, new DERUTF8String(serialNumber)).build();
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), subject, citizen.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(citizen.getPrivate())));
    }

    private static RetrySettings retry() {
        return new RetrySettings(Duration.ofMinutes(5), Duration.ofHours(6), 5, Duration.ofMinutes(1));
    }

    /** The flow step's side of the approval, recording what the approval did with it. */
    private static final class FakeContext implements ApprovalContext {
        private final KeycloakSession session;
        private final UserModel user;
        private final AuthenticationSessionModel authSession;
        private final LoginFormsProvider form;
        private final EventBuilder event;
        private final MultivaluedMap<String, String> formParameters;
        int pages;
        boolean finished;

        FakeContext(KeycloakSession session, UserModel user, AuthenticationSessionModel authSession, LoginFormsProvider form,
                EventBuilder event, MultivaluedMap<String, String> formParameters) {
            this.session = session;
            this.user = user;
            this.authSession = authSession;
            this.form = form;
            this.event = event;
            this.formParameters = formParameters;
        }

        @Override public KeycloakSession session() { return session; }
        @Override public UserModel user() { return user; }
        @Override public AuthenticationSessionModel authSession() { return authSession; }
        @Override public LoginFormsProvider form() { return form; }
        @Override public EventBuilder event() { return event; }
        @Override public MultivaluedMap<String, String> formParameters() { return formParameters; }
        @Override public void challenge(Response page) { pages++; }
        @Override public void done() { finished = true; }
    }
}
