package mn.gov.khur.realmapply;

import java.util.List;

/**
 * One difference between the realm and realm-config, and what applying it does through the admin API.
 *
 * @param kind what sort of thing ("client", "flow", …)
 * @param name which one
 * @param verb "create", "update", "rebuild", "remove", …
 * @param details the differing fields, {@code path: live → file}
 * @param action the admin API calls that remove the difference
 */
record Change(String kind, String name, String verb, List<String> details, Action action) {

    @FunctionalInterface
    interface Action {
        void apply();
    }

    String describe() {
        StringBuilder text = new StringBuilder(switch (verb) {
            case "create" -> "+ ";
            case "remove" -> "- ";
            default -> "~ ";
        }).append(kind).append(" '").append(name).append("': ").append(verb);
        for (String detail : details) {
            text.append("\n    ").append(detail);
        }
        return text.toString();
    }
}
