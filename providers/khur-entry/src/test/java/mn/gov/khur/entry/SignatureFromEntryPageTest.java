package mn.gov.khur.entry;

import mn.gov.khur.esign.flow.EsignMethod;
import mn.gov.khur.esign.flow.EsignMethodChoiceConfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.junit.jupiter.api.Test;

/**
 * Where the entry page finds the signature step in the realm's flow (the shape of realm-config's
 * "khur browser"), and that "other methods" gives back exactly what the relying party asked for.
 */
class SignatureFromEntryPageTest {

    /** Flows by id, and authenticator configs by id: the little of RealmModel that findStep reads. */
    private final Map<String, List<AuthenticationExecutionModel>> flows = new HashMap<>();
    private final Map<String, AuthenticatorConfigModel> configs = new HashMap<>();

    private final RealmModel realm = (RealmModel) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {RealmModel.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getAuthenticationExecutionsStream" -> flows.getOrDefault((String) args[0], List.of()).stream();
                case "getAuthenticatorConfigById" -> configs.get((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private void step(String flowId, String authenticator, Requirement requirement, Map<String, String> config) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setAuthenticator(authenticator);
        execution.setRequirement(requirement);
        if (config != null) {
            AuthenticatorConfigModel model = new AuthenticatorConfigModel();
            model.setId("config-" + configs.size());
            model.setConfig(new HashMap<>(config));
            configs.put(model.getId(), model);
            execution.setAuthenticatorConfig(model.getId());
        }
        flows.computeIfAbsent(flowId, k -> new ArrayList<>()).add(execution);
    }

    private void subflow(String flowId, String childId, Requirement requirement) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setAuthenticatorFlow(true);
        execution.setFlowId(childId);
        execution.setRequirement(requirement);
        flows.computeIfAbsent(flowId, k -> new ArrayList<>()).add(execution);
    }

    /** khur browser → khur login methods → {khur substantial (level 1), khur high (level 2 + choice)}. */
    private void khurBrowser(Requirement high, String methods) {
        step("browser", "auth-cookie", Requirement.ALTERNATIVE, null);
        subflow("browser", "methods", Requirement.ALTERNATIVE);
        subflow("methods", "substantial", Requirement.CONDITIONAL);
        subflow("methods", "high", high);
        step("substantial", "conditional-level-of-authentication", Requirement.REQUIRED, Map.of("loa-condition-level", "1"));
        step("substantial", "khur-username-password-form", Requirement.REQUIRED, null);
        step("high", "conditional-level-of-authentication", Requirement.REQUIRED, Map.of("loa-condition-level", "2"));
        step("high", EsignMethodChoiceAuthenticatorFactory.PROVIDER_ID, Requirement.REQUIRED,
                Map.of(EsignMethodChoiceConfig.METHODS, methods));
    }

    @Test
    void findsTheChoiceTheLevelBesideItAndItsMethods() {
        khurBrowser(Requirement.CONDITIONAL, "sim, cloud");
        Optional<SignatureFromEntryPage.SignatureStep> step = SignatureFromEntryPage.findStep(realm, "browser");
        assertThat(step).contains(new SignatureFromEntryPage.SignatureStep(2, List.of(EsignMethod.SIM, EsignMethod.CLOUD)));
    }

    @Test
    void aDisabledSignatureSubflowOffersNothing() {
        khurBrowser(Requirement.DISABLED, "token,sim,cloud");
        assertThat(SignatureFromEntryPage.findStep(realm, "browser")).isEmpty();
    }

    @Test
    void aChoiceWithoutALevelConditionOffersNothing() {
        // without a level to raise to, picking a signature could not make the token say acr=high
        step("browser", EsignMethodChoiceAuthenticatorFactory.PROVIDER_ID, Requirement.REQUIRED, null);
        assertThat(SignatureFromEntryPage.findStep(realm, "browser")).isEmpty();
    }

    @Test
    void anUnreadableLevelOffersNothing() {
        step("browser", "conditional-level-of-authentication", Requirement.REQUIRED, Map.of("loa-condition-level", "two"));
        step("browser", EsignMethodChoiceAuthenticatorFactory.PROVIDER_ID, Requirement.REQUIRED, null);
        assertThat(SignatureFromEntryPage.findStep(realm, "browser")).isEmpty();
    }

    private static AuthenticationSessionModel authSession(Map<String, String> clientNotes) {
        return (AuthenticationSessionModel) Proxy.newProxyInstance(SignatureFromEntryPageTest.class.getClassLoader(),
                new Class<?>[] {AuthenticationSessionModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getClientNote" -> clientNotes.get((String) args[0]);
                    case "setClientNote" -> clientNotes.put((String) args[0], (String) args[1]);
                    case "removeClientNote" -> clientNotes.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void undoPutsBackWhatTheRelyingPartyAskedFor() {
        Map<String, String> notes = new HashMap<>(Map.of(
                Constants.REQUESTED_LEVEL_OF_AUTHENTICATION, "2", OIDCLoginProtocol.ACR_PARAM, "substantial high",
                SignatureFromEntryPage.PREVIOUS_LEVEL_NOTE, "1", SignatureFromEntryPage.PREVIOUS_ACR_VALUES_NOTE, "substantial"));
        AuthenticationSessionModel session = authSession(notes);
        assertThat(SignatureFromEntryPage.raised(session)).isTrue();

        SignatureFromEntryPage.undoRaise(session);

        assertThat(notes).containsExactlyInAnyOrderEntriesOf(Map.of(
                Constants.REQUESTED_LEVEL_OF_AUTHENTICATION, "1", OIDCLoginProtocol.ACR_PARAM, "substantial"));
        assertThat(SignatureFromEntryPage.raised(session)).isFalse();
    }

    @Test
    void undoRemovesNotesTheRelyingPartyNeverSent() {
        Map<String, String> notes = new HashMap<>(Map.of(
                Constants.REQUESTED_LEVEL_OF_AUTHENTICATION, "2", OIDCLoginProtocol.ACR_PARAM, "high",
                SignatureFromEntryPage.PREVIOUS_LEVEL_NOTE, "", SignatureFromEntryPage.PREVIOUS_ACR_VALUES_NOTE, ""));
        SignatureFromEntryPage.undoRaise(authSession(notes));
        assertThat(notes).isEmpty();
    }

    @Test
    void undoWithoutARaiseChangesNothing() {
        Map<String, String> notes = new HashMap<>(Map.of(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION, "2",
                OIDCLoginProtocol.ACR_PARAM, "high"));
        SignatureFromEntryPage.undoRaise(authSession(notes));
        assertThat(notes).containsExactlyInAnyOrderEntriesOf(Map.of(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION, "2",
                OIDCLoginProtocol.ACR_PARAM, "high"));
    }
}
