package mn.gov.khur.sms.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mn.gov.khur.common.privacy.Masking;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The latest inbound SMS of a citizen, newest first, in the user-profile attribute {@value #NAME}: the realm's
 * profile makes it read-only and visible to administrators only, so an operator sees it on the citizen's page
 * in the admin console (group "SMS audit", a text area); the whole audit stays in
 * {@code /admin/realms/{realm}/khur-sms-audit}. Written in the webhook's own transaction with the audit row, only
 * for rows that name a citizen.
 *
 * <p>One value, one line per SMS: Keycloak updates a single value in place (one row), where a list is deleted and
 * inserted again whole on every change (up to ten deletes and ten inserts per SMS, each maintaining the attribute
 * table's indexes: measured as the largest share of a reverse-SMS login's writes at two million citizens). A
 * citizen still holding the older list form gets it folded into the one value on the next SMS.
 */
public final class CitizenSmsAuditAttribute {

    public static final String NAME = "khur_sms_audit";
    /** Lines kept on the citizen: enough for "what happened lately", small enough for a form. */
    static final int KEPT = 10;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CitizenSmsAuditAttribute() {
    }

    /** Adds the row to its citizen's attribute; nothing for rows without a citizen (or one deleted since). */
    public static void add(KeycloakSession session, InboundSmsAuditRecord record) {
        if (record.userId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(record.realmId());
        UserModel citizen = realm == null ? null : session.users().getUserById(realm, record.userId());
        if (citizen == null) {
            return;
        }
        write(citizen, line(record));
    }

    /** Puts the line first in the citizen's one value (older list values folded in), keeping {@link #KEPT}. */
    static void write(UserModel citizen, String line) {
        List<String> current = citizen.getAttributeStream(NAME).flatMap(String::lines).toList();
        citizen.setSingleAttribute(NAME, String.join("\n", prepend(current, line)));
    }

    /**
     * One row as the console shows it, e.g. {@code 2026-11-24 10:15:03 UTC · matched · login · +976 99****33};
     * a refusal adds its reason ({@code unmatched (wrong_code)}). The phone is masked, never the text or the code.
     */
    static String line(InboundSmsAuditRecord record) {
        StringBuilder line = new StringBuilder(TIME.format(record.processedAt())).append(" · ").append(record.outcome().wireName());
        if (record.reason() != null && !record.reason().isBlank()) {
            line.append(" (").append(record.reason()).append(')');
        }
        if (record.purpose() != null) {
            line.append(" · ").append(record.purpose().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (record.senderE164() != null) {
            line.append(" · ").append(Masking.maskMsisdn(record.senderE164()));
        }
        return line.toString();
    }

    /** Newest first, at most {@link #KEPT}. */
    static List<String> prepend(List<String> current, String line) {
        List<String> lines = new ArrayList<>(KEPT);
        lines.add(line);
        current.stream().limit(KEPT - 1L).forEach(lines::add);
        return lines;
    }
}
