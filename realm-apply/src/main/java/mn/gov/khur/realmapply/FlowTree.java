package mn.gov.khur.realmapply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An authentication flow as a tree: its steps in order, each an authenticator (with its configuration) or a
 * sub-flow. Built from realm-config (the export format) or from the live realm (the admin API's flattened
 * execution list). Two trees of the same {@link #shape()} differ only in what can change in place (requirements,
 * configuration values, descriptions); a different shape is rebuilt.
 *
 * @param id live flow id (null for the file's tree)
 */
record FlowTree(String alias, String description, String providerId, List<Step> steps, String id) {

    /**
     * @param authenticator provider id of an authenticator step (null for a sub-flow)
     * @param configAlias alias of its configuration, or null
     * @param config its configuration values
     * @param live the live execution (admin API info representation), null for the file's
     */
    record Step(String authenticator, FlowTree subflow, String requirement, int priority, String configAlias,
                Map<String, String> config, String configId, JsonNode live) {
    }

    /** The file's tree for a flow alias. */
    static FlowTree fromFile(String alias, Map<String, JsonNode> flows, Map<String, JsonNode> configs) {
        JsonNode flow = flows.get(alias);
        if (flow == null) {
            throw new IllegalStateException("realm-config names flow '" + alias + "' but does not define it");
        }
        List<JsonNode> executions = new ArrayList<>();
        flow.path("authenticationExecutions").forEach(executions::add);
        executions.sort(Comparator.comparingInt(execution -> execution.path("priority").asInt()));
        List<Step> steps = new ArrayList<>();
        for (JsonNode execution : executions) {
            String configAlias = execution.hasNonNull("authenticatorConfig") ? execution.get("authenticatorConfig").asText() : null;
            Map<String, String> config = configAlias == null ? Map.of() : values(configs.get(configAlias) == null
                    ? null : configs.get(configAlias).path("config"));
            boolean isFlow = execution.path("authenticatorFlow").asBoolean(false);
            steps.add(new Step(isFlow ? null : execution.path("authenticator").asText(),
                    isFlow ? fromFile(execution.path("flowAlias").asText(), flows, configs) : null,
                    execution.path("requirement").asText(), execution.path("priority").asInt(), configAlias, config, null, null));
        }
        return new FlowTree(alias, flow.path("description").asText(""), flow.path("providerId").asText("basic-flow"), steps, null);
    }

    /**
     * The live tree of a top-level flow from {@code GET /authentication/flows/{alias}/executions} (depth first,
     * with levels), the configurations read by id.
     */
    static FlowTree fromLive(JsonNode topLevel, JsonNode executions, java.util.function.Function<String, JsonNode> configById) {
        List<JsonNode> list = new ArrayList<>();
        executions.forEach(list::add);
        int[] position = {0};
        List<Step> steps = readLevel(list, position, 0, configById);
        return new FlowTree(topLevel.path("alias").asText(), topLevel.path("description").asText(""),
                topLevel.path("providerId").asText("basic-flow"), steps, topLevel.path("id").asText());
    }

    private static List<Step> readLevel(List<JsonNode> list, int[] position, int level,
                                        java.util.function.Function<String, JsonNode> configById) {
        List<Step> steps = new ArrayList<>();
        while (position[0] < list.size() && list.get(position[0]).path("level").asInt() == level) {
            JsonNode execution = list.get(position[0]++);
            String configId = execution.hasNonNull("authenticationConfig") ? execution.get("authenticationConfig").asText() : null;
            JsonNode config = configId == null ? null : configById.apply(configId);
            String configAlias = config == null ? null : config.path("alias").asText();
            Map<String, String> values = config == null ? Map.of() : values(config.path("config"));
            FlowTree subflow = null;
            if (execution.path("authenticationFlow").asBoolean(false)) {
                List<Step> children = readLevel(list, position, level + 1, configById);
                subflow = new FlowTree(execution.path("displayName").asText(), execution.path("description").asText(""),
                        execution.path("providerId").asText("basic-flow"), children, execution.path("flowId").asText());
            }
            steps.add(new Step(subflow == null ? execution.path("providerId").asText() : null, subflow,
                    execution.path("requirement").asText(), execution.path("priority").asInt(), configAlias, values,
                    configId, execution));
        }
        return steps;
    }

    private static Map<String, String> values(JsonNode config) {
        Map<String, String> values = new TreeMap<>();
        if (config != null) {
            config.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        }
        return values;
    }

    /** What cannot change in place: the order of steps, what each is, sub-flow names and types, config names. */
    String shape() {
        StringBuilder shape = new StringBuilder(alias).append('(').append(providerId).append(")[");
        for (Step step : steps) {
            shape.append(step.subflow() != null ? "flow:" + step.subflow().shape() : "auth:" + step.authenticator());
            if (step.configAlias() != null) {
                shape.append('@').append(step.configAlias());
            }
            shape.append(';');
        }
        return shape.append(']').toString();
    }

    /** Readable lines, one a step, for the dry run. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines(lines, "");
        return lines;
    }

    private void lines(List<String> out, String indent) {
        for (Step step : steps) {
            String what = step.subflow() != null ? "flow '" + step.subflow().alias() + "'" : step.authenticator();
            out.add(indent + step.requirement() + " " + what + (step.configAlias() == null ? "" : " ⚙ " + step.configAlias()));
            if (step.subflow() != null) {
                step.subflow().lines(out, indent + "  ");
            }
        }
    }
}
