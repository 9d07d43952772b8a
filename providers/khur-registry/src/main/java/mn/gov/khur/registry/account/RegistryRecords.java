package mn.gov.khur.registry.account;

import java.util.Locale;

import mn.gov.khur.common.privacy.Masking;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.profile.CitizenAttributes;
import mn.gov.khur.registry.RegistryRecord;
import mn.gov.khur.registry.retry.RegistryRefresh;

import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * Stores what the registry answered on an account, or refuses it. The register number in the answer must be the
 * account's own, character for character after normalisation: an answer about someone else (a registry mix-up,
 * a forged or replayed answer) stores nothing, is audited and is not retried.
 */
public final class RegistryRecords {

    public static final String SERVICE = "xyp:WS100101_getCitizenIDCardInfo";
    private static final Logger LOG = Logger.getLogger(RegistryRecords.class);

    private RegistryRecords() {
    }

    /** @return true when stored; false when refused for another register number */
    public static boolean store(UserModel user, RegistryRecord record, EventBuilder event) {
        String accounts = user.getFirstAttribute(CitizenAttributes.REGISTER_NUMBER);
        if (accounts == null || !accounts.equals(record.registerNumber())) {
            event.clone().event(EventType.UPDATE_PROFILE_ERROR).user(user).detail(KhurEvents.FLOW, "registry")
                    .detail(KhurEvents.REASON, "registry_register_number_mismatch")
                    .detail(KhurEvents.REGISTRY_REGISTER_NUMBER, Masking.maskRegisterNumber(record.registerNumber()))
                    .detail(KhurEvents.REGISTRY_REQUEST_ID, String.valueOf(record.requestId()))
                    .error(KhurEvents.REGISTRY_MISMATCH);
            LOG.warnf("Registry answer for %s refused on account %s (register number %s): nothing stored",
                    Masking.maskRegisterNumber(record.registerNumber()), user.getId(), Masking.maskRegisterNumber(accounts));
            RegistryRefresh.settle(user, RegistryRefresh.State.REFUSED, "register_number_mismatch");
            return false;
        }
        user.setFirstName(record.givenName());
        user.setLastName(record.patronymic());
        user.setSingleAttribute(RegistryAttributes.CLAN_NAME, record.clanName());
        user.setSingleAttribute(CitizenAttributes.BIRTHDATE, record.birthDate().toString());
        if (record.gender() != null) {
            user.setSingleAttribute(CitizenAttributes.GENDER, record.gender().name().toLowerCase(Locale.ROOT));
        }
        user.setSingleAttribute(RegistryAttributes.VERIFIED_AT, record.fetchedAt().toString());
        user.setSingleAttribute(RegistryAttributes.SOURCE,
                SERVICE + (record.requestId() == null ? "" : " requestId=" + record.requestId()));
        user.setSingleAttribute(RegistryAttributes.DIGEST, VerifiedNames.digestOf(user));
        RegistryRefresh.clear(user);
        event.clone().event(EventType.UPDATE_PROFILE).user(user).detail(KhurEvents.FLOW, "registry")
                .detail(KhurEvents.REGISTRY_REQUEST_ID, String.valueOf(record.requestId())).success();
        LOG.debugf("Registry data stored on account %s", user.getId());
        return true;
    }
}
