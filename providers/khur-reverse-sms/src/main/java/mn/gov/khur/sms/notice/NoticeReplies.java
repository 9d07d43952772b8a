package mn.gov.khur.sms.notice;

import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;

import org.keycloak.models.RealmModel;

/** Acts on an authentic "0" from a phone: the pending notice's login is revoked, or nothing was pending. */
@FunctionalInterface
public interface NoticeReplies {

    NoticeReplies NONE = (realm, phone) -> Optional.empty();

    Optional<DeniedLogin> deny(RealmModel realm, MongolianMobileNumber phone);
}
