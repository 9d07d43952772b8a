package mn.gov.khur.entry;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import mn.gov.khur.esign.flow.EsignMethod;
import mn.gov.khur.esign.flow.EsignMethodChoiceConfig;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalLoaAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalLoaAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The signature methods on the default entry page (login.ftl, level "substantial"). Picking one raises
 * this tab's requested level to the level of the subflow that holds the signature choice ("high"),
 * remembers the pick and restarts the flow: the level-1 subflow is then skipped, the choice page is
 * skipped ({@link EsignMethodChoiceAuthenticator}) and the chosen method runs, so the tokens say
 * acr=high only because a signature really was made. "Other methods" on the choice page undoes the raise.
 */
public final class SignatureFromEntryPage {

    /** Form field of the entry page's signature buttons (same name as on the choice page). */
    public static final String FORM_FIELD = "method";
    /** Template attribute: the methods to show on the entry page (empty: section hidden). */
    public static final String TEMPLATE_ATTRIBUTE = "khurEsignMethods";

    /** Auth note set after the restart; consumed by the choice authenticator. */
    static final String PICKED_NOTE = "khur.esign.entryMethod";
    /** Client notes (they survive a flow restart) with what the relying party asked for before the raise. */
    static final String PREVIOUS_LEVEL_NOTE = "khur.esign.entry.previousLevel";
    static final String PREVIOUS_ACR_VALUES_NOTE = "khur.esign.entry.previousAcrValues";
    private static final String ABSENT = "";

    private SignatureFromEntryPage() {
    }

    /** Where the signature choice sits in this flow and the level its subflow grants. */
    record SignatureStep(int level, List<EsignMethod> methods) {
    }

    /**
     * The signature methods this request may use from the entry page: none when the flow has no enabled
     * signature choice behind a level condition, or when the request's essential acr values exclude the
     * level a signature gives (the token would otherwise claim less than what happened).
     */
    public static List<EsignMethod> offered(AuthenticationFlowContext context) {
        return step(context).filter(s -> essentialAcrAllows(context, s.level())).map(SignatureStep::methods).orElse(List.of());
    }

    /** The method named by the entry page's form, when it is one this request may use. */
    public static Optional<EsignMethod> picked(AuthenticationFlowContext context, String formValue) {
        return EsignMethod.fromCode(formValue).filter(offered(context)::contains);
    }

    /** Raises the requested level, restarts the flow and hands the pick to the choice step. */
    public static void start(AuthenticationFlowContext context, EsignMethod method) {
        SignatureStep step = step(context).orElseThrow(() -> new IllegalStateException("no signature step in this flow"));
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getClientNote(PREVIOUS_LEVEL_NOTE) == null) {
            authSession.setClientNote(PREVIOUS_LEVEL_NOTE, valueOrAbsent(authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION)));
            authSession.setClientNote(PREVIOUS_ACR_VALUES_NOTE, valueOrAbsent(authSession.getClientNote(OIDCLoginProtocol.ACR_PARAM)));
        }
        authSession.setClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION, String.valueOf(step.level()));
        // the acr claim is chosen among the requested values: add the signature level's name so a request
        // for "substantial" that ended in a signature is answered with "high", not understated
        acrName(context, step.level()).ifPresent(acr -> {
            Set<String> values = new LinkedHashSet<>(split(authSession.getClientNote(OIDCLoginProtocol.ACR_PARAM)));
            values.add(acr);
            authSession.setClientNote(OIDCLoginProtocol.ACR_PARAM, String.join(" ", values));
        });
        // the restart clears auth notes, so the pick is written after it
        context.resetFlow(() -> authSession.setAuthNote(PICKED_NOTE, method.code()));
    }

    /** True when this tab's level was raised from the entry page (so "other methods" can go back to it). */
    public static boolean raised(AuthenticationSessionModel authSession) {
        return authSession.getClientNote(PREVIOUS_LEVEL_NOTE) != null;
    }

    /** Puts back what the relying party asked for; the caller restarts the flow. */
    public static void undoRaise(AuthenticationSessionModel authSession) {
        String level = authSession.getClientNote(PREVIOUS_LEVEL_NOTE);
        if (level == null) {
            return;
        }
        restore(authSession, Constants.REQUESTED_LEVEL_OF_AUTHENTICATION, level);
        restore(authSession, OIDCLoginProtocol.ACR_PARAM, authSession.getClientNote(PREVIOUS_ACR_VALUES_NOTE));
        authSession.removeClientNote(PREVIOUS_LEVEL_NOTE);
        authSession.removeClientNote(PREVIOUS_ACR_VALUES_NOTE);
    }

    /** Takes the entry page's pick, if any (once: a later "other methods" shows the choice page). */
    static Optional<EsignMethod> takePick(AuthenticationSessionModel authSession) {
        String code = authSession.getAuthNote(PICKED_NOTE);
        authSession.removeAuthNote(PICKED_NOTE);
        return EsignMethod.fromCode(code);
    }

    private static Optional<SignatureStep> step(AuthenticationFlowContext context) {
        return findStep(context.getRealm(), context.getTopLevelFlow().getId());
    }

    /** Depth-first through the enabled subflows: the choice execution and the level condition beside it. */
    static Optional<SignatureStep> findStep(RealmModel realm, String flowId) {
        List<AuthenticationExecutionModel> executions = realm.getAuthenticationExecutionsStream(flowId)
                .filter(e -> e.getRequirement() != AuthenticationExecutionModel.Requirement.DISABLED).toList();
        Optional<AuthenticationExecutionModel> choice = executions.stream()
                .filter(e -> EsignMethodChoiceAuthenticatorFactory.PROVIDER_ID.equals(e.getAuthenticator())).findFirst();
        if (choice.isPresent()) {
            Optional<Integer> level = executions.stream()
                    .filter(e -> ConditionalLoaAuthenticatorFactory.PROVIDER_ID.equals(e.getAuthenticator()))
                    .findFirst().flatMap(e -> configuredLevel(realm, e));
            return level.map(l -> new SignatureStep(l, EsignMethodChoiceConfig.from(config(realm, choice.get())).methods()));
        }
        return executions.stream().filter(AuthenticationExecutionModel::isAuthenticatorFlow)
                .map(e -> findStep(realm, e.getFlowId())).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Integer> configuredLevel(RealmModel realm, AuthenticationExecutionModel condition) {
        AuthenticatorConfigModel config = config(realm, condition);
        if (config == null || config.getConfig() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(config.getConfig().getOrDefault(ConditionalLoaAuthenticator.LEVEL, "").strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static AuthenticatorConfigModel config(RealmModel realm, AuthenticationExecutionModel execution) {
        return execution.getAuthenticatorConfig() == null ? null : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig());
    }

    private static boolean essentialAcrAllows(AuthenticationFlowContext context, int level) {
        List<String> essential = AcrUtils.getRequiredAcrValues(context.getAuthenticationSession().getClientNote(OIDCLoginProtocol.CLAIMS_PARAM));
        return essential.isEmpty() || acrName(context, level).map(essential::contains).orElse(false);
    }

    private static Optional<String> acrName(AuthenticationFlowContext context, int level) {
        Map<String, Integer> map = AcrUtils.getAcrLoaMap(context.getAuthenticationSession().getClient());
        return map.entrySet().stream().filter(e -> e.getValue() == level).map(Map.Entry::getKey).findFirst();
    }

    private static List<String> split(String values) {
        return values == null || values.isBlank() ? List.of() : Arrays.asList(values.strip().split("\\s+"));
    }

    private static String valueOrAbsent(String value) {
        return value == null ? ABSENT : value;
    }

    private static void restore(AuthenticationSessionModel authSession, String note, String previous) {
        if (previous == null || previous.equals(ABSENT)) {
            authSession.removeClientNote(note);
        } else {
            authSession.setClientNote(note, previous);
        }
    }
}
