package mn.gov.khur.realmapply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Our authentication flows (the file's top-level flows that are not Keycloak's built-in ones) with their
 * sub-flows and authenticator configurations.
 *
 * <p>Requirements, configuration values and descriptions change in place. A flow whose steps changed (added,
 * removed, reordered, another authenticator or config) is never edited step by step on a live realm: for the
 * seconds that takes, a login could run a half-built flow (one without the SMS step, say). It is built complete
 * under a temporary name ({@value #NEXT}), everything that used the old flow (realm bindings, client overrides,
 * identity providers) is pointed at the new one, the old one is deleted, and the new one (its sub-flows and
 * configurations) takes the old names. A login in progress at that moment starts its steps again; none skips one.
 * Flows the file does not have are left alone.
 */
final class Flows implements Reconciler {

    static final String NEXT = " ~next";
    private static final String OWN = " ~own";
    private static final List<String> REALM_BINDINGS = List.of("browserFlow", "registrationFlow", "directGrantFlow",
            "resetCredentialsFlow", "clientAuthenticationFlow", "dockerAuthenticationFlow", "firstBrokerLoginFlow");

    private final AdminRest rest;
    private final JsonNode file;

    Flows(AdminRest rest, JsonNode file) {
        this.rest = rest;
        this.file = file;
    }

    @Override
    public List<Change> plan() {
        List<Change> changes = new ArrayList<>();
        Map<String, JsonNode> flows = Names.byField(file.path("authenticationFlows"), "alias");
        Map<String, JsonNode> configs = Names.byField(file.path("authenticatorConfig"), "alias");
        Map<String, JsonNode> live = Names.byField(rest.get("/authentication/flows"), "alias");
        changes.addAll(leftovers(live));
        for (JsonNode flow : file.path("authenticationFlows")) {
            if (!flow.path("topLevel").asBoolean() || flow.path("builtIn").asBoolean()) {
                continue;
            }
            String alias = flow.path("alias").asText();
            FlowTree desired = FlowTree.fromFile(alias, flows, configs);
            JsonNode have = live.get(alias);
            if (have == null) {
                List<String> lines = desired.lines().stream().map(line -> "+ " + line).toList();
                changes.add(new Change("flow", alias, "create", lines, () -> create(desired)));
                continue;
            }
            FlowTree current = liveTree(have);
            if (!desired.shape().equals(current.shape())) {
                changes.add(new Change("flow", alias, "rebuild", treeDifference(current, desired), () -> rebuild(desired, current)));
            } else {
                inPlace(desired, current, true, changes);
            }
        }
        return changes;
    }

    private FlowTree liveTree(JsonNode topLevel) {
        JsonNode executions = rest.get("/authentication/flows/" + AdminRest.segment(topLevel.path("alias").asText()) + "/executions");
        return FlowTree.fromLive(topLevel, executions, id -> rest.get("/authentication/config/" + id));
    }

    /** A rebuild that stopped half way leaves "… ~next" flows; unused ones are removed before anything else. */
    private List<Change> leftovers(Map<String, JsonNode> live) {
        List<Change> changes = new ArrayList<>();
        for (JsonNode flow : live.values()) {
            String alias = flow.path("alias").asText();
            if (alias.endsWith(NEXT) && !usedBy(alias, flow.path("id").asText())) {
                changes.add(new Change("flow", alias, "remove", List.of("left over from an interrupted rebuild"),
                        () -> rest.delete("/authentication/flows/" + flow.path("id").asText())));
            }
        }
        return changes;
    }

    private boolean usedBy(String alias, String id) {
        JsonNode realm = rest.get("");
        for (String binding : REALM_BINDINGS) {
            if (alias.equals(realm.path(binding).asText())) {
                return true;
            }
        }
        for (JsonNode client : rest.get("/clients")) {
            for (JsonNode bound : client.path("authenticationFlowBindingOverrides")) {
                if (id.equals(bound.asText())) {
                    return true;
                }
            }
        }
        for (JsonNode provider : rest.get("/identity-provider/instances")) {
            if (alias.equals(provider.path("firstBrokerLoginFlowAlias").asText())
                    || alias.equals(provider.path("postBrokerLoginFlowAlias").asText())) {
                return true;
            }
        }
        return false;
    }

    private void inPlace(FlowTree desired, FlowTree current, boolean topLevel, List<Change> changes) {
        if (!desired.description().equals(current.description())) {
            changes.add(new Change("flow", desired.alias(), "update",
                    List.of(JsonCompare.line("description", current.description(), desired.description())),
                    () -> rest.put("/authentication/flows/" + current.id(), flowBody(current.id(), desired, desired.alias(), topLevel))));
        }
        for (int i = 0; i < desired.steps().size(); i++) {
            FlowTree.Step want = desired.steps().get(i);
            FlowTree.Step have = current.steps().get(i);
            String what = desired.alias() + " / " + (want.subflow() != null ? want.subflow().alias() : want.authenticator());
            if (!want.requirement().equals(have.requirement())) {
                ObjectNode execution = have.live().deepCopy();
                execution.put("requirement", want.requirement());
                changes.add(new Change("flow step", what, "update",
                        List.of(JsonCompare.line("requirement", have.requirement(), want.requirement())),
                        () -> rest.put("/authentication/flows/" + AdminRest.segment(desired.alias()) + "/executions", execution)));
            }
            if (want.configAlias() != null && !sameConfig(want.config(), have.config())) {
                ObjectNode config = JsonNodeFactory.instance.objectNode();
                config.put("id", have.configId());
                config.put("alias", want.configAlias());
                want.config().forEach(config.putObject("config")::put);
                List<String> details = new ArrayList<>();
                Set<String> keys = new java.util.TreeSet<>(want.config().keySet());
                keys.addAll(have.config().keySet());
                for (String key : keys) {
                    if (!sameValue(want.config().get(key), have.config().get(key))) {
                        details.add(JsonCompare.line(want.configAlias() + "." + key, String.valueOf(have.config().get(key)),
                                String.valueOf(want.config().get(key))));
                    }
                }
                changes.add(new Change("authenticator config", want.configAlias(), "update", details,
                        () -> rest.put("/authentication/config/" + have.configId(), config)));
            }
            if (want.subflow() != null) {
                inPlace(want.subflow(), have.subflow(), false, changes);
            }
        }
    }

    /** Keycloak drops empty values and masks secret ones in what it returns: neither is a difference. */
    static boolean sameConfig(Map<String, String> want, Map<String, String> have) {
        Set<String> keys = new java.util.TreeSet<>(want.keySet());
        keys.addAll(have.keySet());
        return keys.stream().allMatch(key -> sameValue(want.get(key), have.get(key)));
    }

    private static boolean sameValue(String want, String have) {
        if (JsonCompare.MASKED.equals(have)) {
            return true;
        }
        return (want == null ? "" : want).equals(have == null ? "" : have);
    }

    private static List<String> treeDifference(FlowTree current, FlowTree desired) {
        List<String> live = current.lines();
        List<String> wanted = desired.lines();
        List<String> details = new ArrayList<>();
        details.add("steps changed: rebuilt as '" + desired.alias() + NEXT + "', swapped in, then renamed");
        live.stream().filter(line -> !wanted.contains(line)).forEach(line -> details.add("- " + line));
        wanted.stream().filter(line -> !live.contains(line)).forEach(line -> details.add("+ " + line));
        if (details.size() == 1) {
            details.add("(same steps, another order)");
        }
        return details;
    }

    private void build(FlowTree tree, UnaryOperator<String> name) {
        ObjectNode flow = flowBody(null, tree, name.apply(tree.alias()), true);
        rest.post("/authentication/flows", flow);
        addSteps(name.apply(tree.alias()), tree.steps(), name);
    }

    private void addSteps(String parentAlias, List<FlowTree.Step> steps, UnaryOperator<String> name) {
        String executionsPath = "/authentication/flows/" + AdminRest.segment(parentAlias) + "/executions";
        for (FlowTree.Step step : steps) {
            Set<String> before = topLevelIds(rest.get(executionsPath));
            ObjectNode request = JsonNodeFactory.instance.objectNode();
            if (step.subflow() != null) {
                FlowTree subflow = step.subflow();
                request.put("alias", name.apply(subflow.alias()));
                request.put("description", subflow.description());
                request.put("type", subflow.providerId());
                request.put("provider", "form-flow".equals(subflow.providerId()) ? "registration-page-form" : "");
                rest.post(executionsPath + "/flow", request);
            } else {
                request.put("provider", step.authenticator());
                rest.post(executionsPath + "/execution", request);
            }
            JsonNode added = added(rest.get(executionsPath), before, parentAlias);
            ObjectNode update = added.deepCopy();
            update.put("requirement", step.requirement());
            update.put("priority", step.priority());
            rest.put(executionsPath, update);
            if (step.configAlias() != null) {
                ObjectNode config = JsonNodeFactory.instance.objectNode();
                config.put("alias", name.apply(step.configAlias()));
                step.config().forEach(config.putObject("config")::put);
                rest.post("/authentication/executions/" + added.path("id").asText() + "/config", config);
            }
            if (step.subflow() != null) {
                addSteps(name.apply(step.subflow().alias()), step.subflow().steps(), name);
            }
        }
    }

    private static Set<String> topLevelIds(JsonNode executions) {
        Set<String> ids = new HashSet<>();
        executions.forEach(execution -> {
            if (execution.path("level").asInt() == 0) {
                ids.add(execution.path("id").asText());
            }
        });
        return ids;
    }

    private static JsonNode added(JsonNode executions, Set<String> before, String parentAlias) {
        for (JsonNode execution : executions) {
            if (execution.path("level").asInt() == 0 && !before.contains(execution.path("id").asText())) {
                return execution;
            }
        }
        throw new IllegalStateException("the step just added to flow '" + parentAlias + "' is not in its executions");
    }

    /** A new flow: built under temporary names too, since its configurations may share a name with one that exists. */
    private void create(FlowTree desired) {
        String temporary = desired.alias() + NEXT;
        build(desired, alias -> alias + NEXT);
        JsonNode built = Names.byField(rest.get("/authentication/flows"), "alias").get(temporary);
        rename(liveTree(built), desired, true);
    }

    private void rebuild(FlowTree desired, FlowTree current) {
        String temporary = desired.alias() + NEXT;
        build(desired, alias -> alias + NEXT);
        JsonNode built = Names.byField(rest.get("/authentication/flows"), "alias").get(temporary);
        List<Runnable> renames = separateSharedConfigs(current, desired.alias());
        repoint(current.alias(), current.id(), temporary, built.path("id").asText());
        rest.delete("/authentication/flows/" + current.id());
        rename(liveTree(built), desired, true);
        renames.forEach(Runnable::run);
    }

    /**
     * The realm import lets two executions in different flows share one configuration (realm-config does, e.g. the
     * SIM-swap hold in recovery and phone change). Deleting the old flow would delete that configuration under the
     * other flow's feet, so each such execution outside first gets its own copy (same values; Keycloak replaces an
     * execution's configuration in one request). The copies take the shared name once the old flow is gone.
     */
    private List<Runnable> separateSharedConfigs(FlowTree old, String rebuiltAlias) {
        Set<String> oldConfigIds = new HashSet<>();
        collectConfigIds(old, oldConfigIds);
        List<Runnable> renames = new ArrayList<>();
        for (JsonNode flow : rest.get("/authentication/flows")) {
            String alias = flow.path("alias").asText();
            if (alias.equals(rebuiltAlias) || alias.endsWith(NEXT) || flow.path("builtIn").asBoolean()) {
                continue;
            }
            separate(liveTree(flow).steps(), oldConfigIds, renames);
        }
        return renames;
    }

    private void separate(List<FlowTree.Step> steps, Set<String> oldConfigIds, List<Runnable> renames) {
        for (FlowTree.Step step : steps) {
            if (step.configId() != null && oldConfigIds.contains(step.configId())) {
                String executionId = step.live().path("id").asText();
                ObjectNode copy = JsonNodeFactory.instance.objectNode();
                copy.put("alias", step.configAlias() + OWN);
                step.config().forEach(copy.putObject("config")::put);
                rest.post("/authentication/executions/" + executionId + "/config", copy);
                renames.add(() -> {
                    String configId = rest.get("/authentication/executions/" + executionId).path("authenticatorConfig").asText();
                    ObjectNode named = copy.deepCopy();
                    named.put("id", configId);
                    named.put("alias", step.configAlias());
                    rest.put("/authentication/config/" + configId, named);
                });
            }
            if (step.subflow() != null) {
                separate(step.subflow().steps(), oldConfigIds, renames);
            }
        }
    }

    private static void collectConfigIds(FlowTree tree, Set<String> ids) {
        for (FlowTree.Step step : tree.steps()) {
            if (step.configId() != null) {
                ids.add(step.configId());
            }
            if (step.subflow() != null) {
                collectConfigIds(step.subflow(), ids);
            }
        }
    }

    /** Everything that used the old flow now uses the new one (bindings by alias in the realm and providers, by id in clients). */
    private void repoint(String oldAlias, String oldId, String newAlias, String newId) {
        JsonNode realm = rest.get("");
        ObjectNode bindings = JsonNodeFactory.instance.objectNode();
        for (String binding : REALM_BINDINGS) {
            if (oldAlias.equals(realm.path(binding).asText())) {
                bindings.put(binding, newAlias);
            }
        }
        if (!bindings.isEmpty()) {
            rest.put("", RealmSettings.overlay(realm, bindings));
        }
        for (JsonNode client : rest.get("/clients")) {
            if (client.path("authenticationFlowBindingOverrides") instanceof ObjectNode overrides) {
                Set<String> keys = new LinkedHashSet<>();
                overrides.fields().forEachRemaining(entry -> {
                    if (oldId.equals(entry.getValue().asText())) {
                        keys.add(entry.getKey());
                    }
                });
                if (!keys.isEmpty()) {
                    ObjectNode updated = client.deepCopy();
                    keys.forEach(key -> ((ObjectNode) updated.get("authenticationFlowBindingOverrides")).put(key, newId));
                    rest.put("/clients/" + client.path("id").asText(), updated);
                }
            }
        }
        for (JsonNode provider : rest.get("/identity-provider/instances")) {
            boolean first = oldAlias.equals(provider.path("firstBrokerLoginFlowAlias").asText());
            boolean post = oldAlias.equals(provider.path("postBrokerLoginFlowAlias").asText());
            if (first || post) {
                ObjectNode updated = provider.deepCopy();
                if (first) {
                    updated.put("firstBrokerLoginFlowAlias", newAlias);
                }
                if (post) {
                    updated.put("postBrokerLoginFlowAlias", newAlias);
                }
                rest.put("/identity-provider/instances/" + AdminRest.segment(provider.path("alias").asText()), updated);
            }
        }
    }

    /** The new tree (flows and configurations named "… ~next") takes the file's names. */
    private void rename(FlowTree fresh, FlowTree desired, boolean topLevel) {
        rest.put("/authentication/flows/" + fresh.id(), flowBody(fresh.id(), desired, desired.alias(), topLevel));
        for (int i = 0; i < desired.steps().size(); i++) {
            FlowTree.Step want = desired.steps().get(i);
            FlowTree.Step have = fresh.steps().get(i);
            if (want.configAlias() != null) {
                ObjectNode config = JsonNodeFactory.instance.objectNode();
                config.put("id", have.configId());
                config.put("alias", want.configAlias());
                want.config().forEach(config.putObject("config")::put);
                rest.put("/authentication/config/" + have.configId(), config);
            }
            if (want.subflow() != null) {
                rename(have.subflow(), want.subflow(), false);
            }
        }
    }

    private static ObjectNode flowBody(String id, FlowTree tree, String alias, boolean topLevel) {
        ObjectNode flow = JsonNodeFactory.instance.objectNode();
        if (id != null) {
            flow.put("id", id);
        }
        flow.put("alias", alias);
        flow.put("description", tree.description());
        flow.put("providerId", tree.providerId());
        flow.put("topLevel", topLevel);
        flow.put("builtIn", false);
        return flow;
    }
}
