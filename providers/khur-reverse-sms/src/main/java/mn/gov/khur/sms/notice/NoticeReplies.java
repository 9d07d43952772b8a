package mn.gov.khur.sms.notice;

import java.util.List;

import mn.gov.khur.common.phone.MongolianMobileNumber;

import org.keycloak.models.RealmModel;

/**
 * Acts on an authentic "0" from a phone: every login notified to it and not yet refused is revoked (empty when
 * nothing was pending).
 */
@FunctionalInterface
public interface NoticeReplies {

    NoticeReplies NONE = (realm, phone) -> List.of();

    List<DeniedLogin> deny(RealmModel realm, MongolianMobileNumber phone);
}
