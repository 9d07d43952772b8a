package mn.gov.khur.realmapply;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Last step: the realm is stamped with the realm-config version it now equals. */
final class VersionStamp implements Reconciler {

    private final AdminRest rest;
    private final RealmConfigFile file;

    VersionStamp(AdminRest rest, RealmConfigFile file) {
        this.rest = rest;
        this.file = file;
    }

    @Override
    public List<Change> plan() {
        String want = String.valueOf(file.version());
        String have = rest.get("").path("attributes").path(RealmConfigFile.VERSION_ATTRIBUTE).asText("(none)");
        if (want.equals(have)) {
            return List.of();
        }
        return List.of(new Change("realm", file.name(), "stamp",
                List.of(JsonCompare.line("attributes." + RealmConfigFile.VERSION_ATTRIBUTE, have, want)), () -> {
                    ObjectNode stamp = JsonNodeFactory.instance.objectNode();
                    stamp.putObject("attributes").put(RealmConfigFile.VERSION_ATTRIBUTE, want);
                    rest.put("", RealmSettings.overlay(rest.get(""), stamp));
                }));
    }
}
