package mn.gov.khur.realmapply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether realm-config may be applied to a live realm. Every realm-config carries {@code khurRealmConfigVersion}
 * (a realm attribute, raised with each release that changes the realm); realm-apply stamps the realm with it
 * last, after everything else succeeded. A realm stamped by a newer release, or stamped with something that is
 * not our version number, is refused with the reason: applying an older file would silently undo the newer
 * release's changes.
 */
final class ConfigVersionGuard {

    sealed interface Verdict permits Proceed, Refuse {
    }

    /** @param from the realm's version, 0 for a realm imported before realm-apply existed */
    record Proceed(int from, int to, String reason) implements Verdict {
    }

    record Refuse(String reason) implements Verdict {
    }

    private ConfigVersionGuard() {
    }

    static Verdict check(RealmConfigFile file, JsonNode liveRealm) {
        int to = file.version();
        if (to < 1) {
            return new Refuse("realm-config has no realm attribute " + RealmConfigFile.VERSION_ATTRIBUTE
                    + " (a positive integer): it cannot say which version of ours it is");
        }
        if (!file.name().equals(liveRealm.path("realm").asText())) {
            return new Refuse("realm-config is realm '" + file.name() + "', the server's is '"
                    + liveRealm.path("realm").asText() + "'");
        }
        JsonNode stamp = liveRealm.path("attributes").path(RealmConfigFile.VERSION_ATTRIBUTE);
        if (stamp.isMissingNode() || stamp.isNull()) {
            String ourBrowserFlow = file.realm().path("browserFlow").asText();
            if (!ourBrowserFlow.equals(liveRealm.path("browserFlow").asText())) {
                return new Refuse("realm '" + file.name() + "' carries no " + RealmConfigFile.VERSION_ATTRIBUTE
                        + " and its browser flow is '" + liveRealm.path("browserFlow").asText() + "', not '"
                        + ourBrowserFlow + "': it was not made from our realm-config; refusing to overwrite it");
            }
            return new Proceed(0, to, "realm imported before realm-apply (no " + RealmConfigFile.VERSION_ATTRIBUTE
                    + ", our browser flow): adopting it at version " + to);
        }
        int from;
        try {
            from = Integer.parseInt(stamp.asText().strip());
        } catch (NumberFormatException e) {
            return new Refuse("realm '" + file.name() + "' is stamped " + RealmConfigFile.VERSION_ATTRIBUTE + "='"
                    + stamp.asText() + "', which is no version of ours: refusing to apply");
        }
        if (from > to) {
            return new Refuse("realm '" + file.name() + "' is at realm-config version " + from
                    + ", newer than this realm-config (version " + to + "): a newer release brought it there and this "
                    + "file would undo that release's changes; run the newer release's realm-apply");
        }
        return new Proceed(from, to, from == to ? "realm at version " + to + ": bringing it back to the file"
                : "realm at version " + from + ": bringing it to version " + to);
    }
}
