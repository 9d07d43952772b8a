package mn.gov.khur.passkey.manage;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.flow.SameOriginPost;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * "Passkey-ууд" ({@code khur-passkeys}, started with {@code kc_action} from the account pages and the self-service
 * done pages through {@link PasskeyPageLink}): the citizen's passkeys with the day each was made; rename one,
 * remove one (after a confirmation). Keycloak asks for a fresh login first when the last one is older than the
 * action's maximum age, so a left-open session cannot quietly remove a passkey. Every change is an event
 * (UPDATE_CREDENTIAL / REMOVE_CREDENTIAL with the credential id); an id that is not one of this account's
 * passkeys changes nothing and is an error event.
 */
final class ManagePasskeys implements RequiredActionProvider {

    static final String TEMPLATE = "khur-passkeys-manage.ftl";
    static final String ACTION_FIELD = "khur-action";
    static final String ID_FIELD = "credentialId";
    static final String LABEL_FIELD = "label";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // only ever started by the citizen
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (SameOriginPost.refused(context)) {
            return; // a rename or removal posted from another site: nothing changes
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = String.valueOf(form.getFirst(ACTION_FIELD));
        UserModel user = context.getUser();
        String id = form.getFirst(ID_FIELD);
        switch (action) {
            case "rename" -> rename(context, user, id, form.getFirst(LABEL_FIELD));
            case "remove" -> confirmRemoval(context, user, id);
            case "remove-confirmed" -> remove(context, user, id);
            case "back" -> context.challenge(page(context, null));
            default -> context.success(); // "Болсон": back to where the citizen came from
        }
    }

    private void rename(RequiredActionContext context, UserModel user, String id, String typed) {
        Optional<CredentialModel> passkey = CitizenPasskeys.find(user, id);
        if (passkey.isEmpty()) {
            refuse(context, EventType.UPDATE_CREDENTIAL_ERROR, id, "passkey_not_found");
            return;
        }
        Optional<String> label = PasskeyLabel.parse(typed);
        if (label.isEmpty()) {
            event(context, EventType.UPDATE_CREDENTIAL_ERROR, passkey.get().getId()).detail(KhurEvents.REASON, "invalid_label")
                    .error("invalid_input");
            context.challenge(page(context, new FormMessage(LABEL_FIELD + "-" + passkey.get().getId(), "khurPasskeyLabelInvalid",
                    PasskeyLabel.MAX_LENGTH)));
            return;
        }
        user.credentialManager().updateCredentialLabel(passkey.get().getId(), label.get());
        event(context, EventType.UPDATE_CREDENTIAL, passkey.get().getId())
                .detail(Details.CREDENTIAL_USER_LABEL, label.get()).success();
        context.challenge(context.form().setSuccess("khurPasskeyRenamed", label.get())
                .setAttribute("khurPasskeys", CitizenPasskeys.of(user)).createForm(TEMPLATE));
    }

    private void confirmRemoval(RequiredActionContext context, UserModel user, String id) {
        Optional<CredentialModel> passkey = CitizenPasskeys.find(user, id);
        if (passkey.isEmpty()) {
            refuse(context, EventType.REMOVE_CREDENTIAL_ERROR, id, "passkey_not_found");
            return;
        }
        context.challenge(context.form()
                .setAttribute("khurPasskeyToRemove", CitizenPasskeys.Passkey.of(passkey.get()))
                .setAttribute("khurPasskeys", CitizenPasskeys.of(user)).createForm(TEMPLATE));
    }

    private void remove(RequiredActionContext context, UserModel user, String id) {
        Optional<CredentialModel> passkey = CitizenPasskeys.find(user, id);
        if (passkey.isEmpty()) {
            refuse(context, EventType.REMOVE_CREDENTIAL_ERROR, id, "passkey_not_found");
            return;
        }
        String label = CitizenPasskeys.Passkey.of(passkey.get()).getLabel();
        user.credentialManager().removeStoredCredentialById(passkey.get().getId());
        event(context, EventType.REMOVE_CREDENTIAL, passkey.get().getId()).detail(Details.CREDENTIAL_USER_LABEL, label).success();
        context.challenge(context.form().setSuccess("khurPasskeyRemoved", label)
                .setAttribute("khurPasskeys", CitizenPasskeys.of(user)).createForm(TEMPLATE));
    }

    private void refuse(RequiredActionContext context, EventType type, String id, String reason) {
        event(context, type, id).detail(KhurEvents.REASON, reason).error("credential_not_found");
        context.challenge(page(context, new FormMessage(null, "khurPasskeyNotFound")));
    }

    private static EventBuilder event(RequiredActionContext context, EventType type, String credentialId) {
        return context.getEvent().clone().event(type).user(context.getUser())
                .detail(Details.CREDENTIAL_TYPE, CitizenPasskeys.TYPE)
                .detail(Details.CREDENTIAL_ID, credentialId == null ? "" : credentialId.substring(0, Math.min(64, credentialId.length())));
    }

    private static Response page(RequiredActionContext context, FormMessage error) {
        var form = context.form().setAttribute("khurPasskeys", CitizenPasskeys.of(context.getUser()));
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public void close() {
    }
}
