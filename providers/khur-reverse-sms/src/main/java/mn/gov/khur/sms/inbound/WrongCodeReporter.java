package mn.gov.khur.sms.inbound;

import org.keycloak.models.RealmModel;

/** Counts a wrong code sent by the phone of an account that awaits one. */
interface WrongCodeReporter {

    void wrongCode(RealmModel realm, String userId);
}
