package mn.gov.khur.realmapply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers over JSON trees shared by the reconcilers. */
final class Names {

    private Names() {
    }

    /** The array's objects by a key (first one wins). */
    static Map<String, JsonNode> byKey(JsonNode array, Function<JsonNode, String> key) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        if (array != null) {
            array.forEach(element -> map.putIfAbsent(key.apply(element), element));
        }
        return map;
    }

    static Map<String, JsonNode> byField(JsonNode array, String field) {
        return byKey(array, element -> element.path(field).asText());
    }

    /** A copy without the named fields. */
    static ObjectNode without(JsonNode node, String... fields) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(java.util.List.of(fields));
        return copy;
    }
}
