package mn.gov.khur.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18.3: {@code docker/kubernetes/*.yaml} validate. Built-in kinds against Kubernetes' own schemas (npm
 * kubernetes-models, generated from the Kubernetes 1.27 OpenAPI: required fields, types, formats) and against its
 * models for unknown fields (fabric8 kubernetes-model, also generated from the OpenAPI); the Keycloak custom resource
 * against {@code docker/kubernetes/schema/keycloak-v2alpha1.schema.json} (the Operator's spec, transcribed for the
 * Operator of our version, whose CRD is on no registry this build reaches) with its Kubernetes-typed parts against
 * Kubernetes' schemas, and also against the Operator's real published CRD of 26.0.0 ({@link #OPERATOR_CRD}, the newest
 * obtainable here; fields added since are listed in {@link #NEWER_THAN_THE_26_0_0_CRD}), and its server options against the options of the Keycloak distribution we ship. The validators are shown to fail
 * on broken copies, and the manifests are checked to agree with each other (who may reach the webhook).
 */
class KubernetesManifestsIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Class<?>> MODELS = Map.of(
            "apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class,
            "v1/Service", io.fabric8.kubernetes.api.model.Service.class,
            "networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class,
            "batch/v1/Job", io.fabric8.kubernetes.api.model.batch.v1.Job.class);

    /** keycloak/keycloak-k8s-resources, tag 26.0.0, unmodified (docker/kubernetes/schema/crd/README.md). */
    private static final String OPERATOR_CRD = "schema/crd/keycloaks.k8s.keycloak.org-v1-26.0.0.yml";
    /**
     * Spec fields our Keycloak resource uses that the 26.0.0 CRD does not know: the Operator added them in later 26.x
     * releases (network policy, probe tuning, the update strategy, env). The 26.0.0 CRD cannot check what is under
     * them; the transcribed schema does. Exactly these: any other field the real CRD does not know is a mistake.
     */
    private static final List<String> NEWER_THAN_THE_26_0_0_CRD = List.of(
            "/spec must NOT have additional properties (networkPolicy)",
            "/spec must NOT have additional properties (readinessProbe)",
            "/spec must NOT have additional properties (livenessProbe)",
            "/spec must NOT have additional properties (startupProbe)",
            "/spec must NOT have additional properties (update)",
            "/spec must NOT have additional properties (env)");

    private static Path repository;
    private static Path kubernetes;
    private static List<Path> manifests;

    @BeforeAll
    static void manifests() throws IOException {
        repository = Path.of(KeycloakServer.requiredProperty("khur.repo.root")).toRealPath();
        kubernetes = repository.resolve("docker/kubernetes");
        try (Stream<Path> files = Files.list(kubernetes)) {
            manifests = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyManifestValidatesAgainstKubernetesAndTheOperatorSchemas() throws Exception {
        List<JsonNode> results = validate(manifests);

        assertThat(results).allSatisfy(result -> assertThat(result.path("errors")).as(result.toString()).isEmpty());
        List<String> kinds = results.stream().map(result -> result.path("kind").asText()).toList();
        assertThat(kinds).contains("Keycloak", "Deployment", "Service", "NetworkPolicy", "Job", "Ingress");
        assertThat(results).hasSize(documents().size());
        JsonNode keycloak = results.stream().filter(result -> result.path("kind").asText().equals("Keycloak")).findFirst().orElseThrow();
        List<String> unknownToTheRealCrd = new ArrayList<>();
        keycloak.path("crdErrors").forEach(error -> unknownToTheRealCrd.add(error.asText()));
        assertThat(unknownToTheRealCrd).as("what the Operator's 26.0.0 CRD refuses").containsExactlyInAnyOrderElementsOf(NEWER_THAN_THE_26_0_0_CRD);
    }

    @Test
    void theValidatorsRefuseBrokenCopies(@TempDir Path broken) throws Exception {
        String keycloak = Files.readString(kubernetes.resolve("keycloak.yaml"))
                .replace("  instances: 2", "  replicas: 2") // not a field of the spec
                .replace("headers: xforwarded", "headers: x-forwarded") // not one of the Operator's values
                .replace("    poolMaxSize: 60", "    poolMaxSize: \"sixty\"\n    poolMaxSiz: 60"); // wrong type; a typo
        String bridge = Files.readString(kubernetes.resolve("sms-gateway.yaml"))
                .replace("  selector:\n    matchLabels:\n      app.kubernetes.io/name: khur-sms-gateway\n  template:", "  template:")
                .replace("containerPort: 8095", "containerPort: http");
        Files.writeString(broken.resolve("keycloak.yaml"), keycloak);
        Files.writeString(broken.resolve("sms-gateway.yaml"), bridge);

        String errors = validate(List.of(broken.resolve("keycloak.yaml"), broken.resolve("sms-gateway.yaml"))).toString();

        assertThat(errors).contains("additional properties (replicas)").contains("/spec/proxy/headers")
                .contains("required property selector").contains("containerPort must be integer");
        // the Operator's real CRD refuses them too
        JsonNode keycloakResult = validate(List.of(broken.resolve("keycloak.yaml"))).getFirst();
        List<String> crdErrors = new ArrayList<>();
        keycloakResult.path("crdErrors").forEach(error -> crdErrors.add(error.asText()));
        assertThat(crdErrors).contains("/spec must NOT have additional properties (replicas)",
                "/spec/db must NOT have additional properties (poolMaxSiz)", "/spec/db/poolMaxSize must be integer");
    }

    @Test
    void builtInKindsCarryNoFieldKubernetesDoesNotKnow(@TempDir Path broken) throws Exception {
        for (JsonNode document : documents()) {
            Class<?> model = MODELS.get(document.path("apiVersion").asText() + "/" + document.path("kind").asText());
            if (model != null) {
                assertThat(unknownFields(document, model)).as(document.path("kind").asText()).isEmpty();
            }
        }
        JsonNode deployment = documents().stream().filter(document -> document.path("kind").asText().equals("Deployment"))
                .findFirst().orElseThrow().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) deployment.at("/spec/template/spec/containers/0"))
                .putObject("readinesProbe").put("periodSeconds", 10); // a typo the cluster would ignore
        assertThat(unknownFields(deployment, MODELS.get("apps/v1/Deployment")))
                .containsExactly(".spec.template.spec.containers[0]: [readinesProbe]");
    }

    @Test
    void theKeycloakResourceIsProductionShapedAndItsOptionsAreOptionsOfOurKeycloak() throws Exception {
        JsonNode keycloak = document("Keycloak");
        JsonNode spec = keycloak.path("spec");
        assertThat(spec.path("instances").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(spec.path("startOptimized").asBoolean()).isTrue();
        assertThat(spec.at("/db/vendor").asText()).isEqualTo("postgres");
        assertThat(spec.at("/proxy/headers").asText()).isEqualTo("xforwarded");
        assertThat(spec.at("/hostname/hostname").asText()).startsWith("https://");
        assertThat(spec.at("/hostname/admin").asText()).startsWith("https://").isNotEqualTo(spec.at("/hostname/hostname").asText());
        assertThat(spec.at("/httpManagement/port").asInt()).isEqualTo(9000);
        assertThat(spec.has("readinessProbe") && spec.has("livenessProbe") && spec.has("startupProbe")).isTrue();
        assertThat(spec.at("/resources/requests/cpu").asText()).isNotBlank();
        assertThat(spec.at("/resources/limits/memory").asText()).isNotBlank();
        assertThat(spec.at("/features/enabled").toString()).contains("declarative-ui");

        Set<String> options = distributionOptions();
        for (JsonNode option : spec.path("additionalOptions")) {
            String name = option.path("name").asText();
            if (name.startsWith("spi-")) {
                assertThat(name).as("SPI option").matches("spi-[a-z0-9-]+--[a-z0-9-]+--[a-z0-9-]+");
            } else {
                assertThat(options).as("--" + name + " is an option of the Keycloak we ship").contains(name);
            }
        }
        for (JsonNode variable : spec.path("env")) {
            assertThat(variable.path("name").asText()).as("first-class options go in additionalOptions").doesNotStartWith("KC_");
        }
    }

    @Test
    void onlyTheBridgeReachesTheWebhookAndTheJobRunsTheImagesRealmApply() throws Exception {
        JsonNode keycloak = document("Keycloak");
        JsonNode bridge = document("Deployment");
        JsonNode job = document("Job");
        JsonNode bridgePods = bridge.at("/spec/template/metadata/labels");
        JsonNode jobPods = job.at("/spec/template/metadata/labels");
        List<JsonNode> peers = new ArrayList<>();
        keycloak.at("/spec/networkPolicy/https").forEach(peers::add);
        assertThat(keycloak.at("/spec/networkPolicy/enabled").asBoolean()).isTrue();
        assertThat(keycloak.at("/spec/networkPolicy/http").isMissingNode()).as("no plain-HTTP listener is opened").isTrue();
        // pods may reach Keycloak only as the ingress controller, the bridge or the realm-apply Job
        assertThat(peers).hasSize(3);
        assertThat(peers).anySatisfy(peer -> assertThat(selects(peer.path("podSelector"), bridgePods)).isTrue());
        assertThat(peers).anySatisfy(peer -> assertThat(selects(peer.path("podSelector"), jobPods)).isTrue());
        assertThat(peers).anySatisfy(peer -> assertThat(peer.at("/namespaceSelector/matchLabels").toString()).contains("ingress-nginx"));
        // the public ingress (what the ingress controller serves) routes only an allow-list; the webhook is not on it
        // (every spelling: thePublicIngressServesOnlyCitizensPathsInEverySpelling…)
        assertThat(nginxRoute(ingress("khur-public"), "/realms/khur/sms-gateway/inbound")).isEqualTo("404");
        // the bridge's own policy: in only from Keycloak (POST /mt) and monitoring, out only to Keycloak, DNS and SMSCs
        JsonNode bridgePolicy = document("NetworkPolicy");
        assertThat(selects(bridgePolicy.path("spec").path("podSelector"), bridgePods)).isTrue();
        assertThat(bridgePolicy.at("/spec/policyTypes").toString()).contains("Ingress").contains("Egress");
        // the Job runs the image's realm-apply, from the same image as Keycloak
        assertThat(job.at("/spec/template/spec/containers/0/command/0").asText()).isEqualTo("/opt/keycloak/bin/khur-realm-apply");
        assertThat(job.at("/spec/template/spec/containers/0/image").asText()).isEqualTo(keycloak.at("/spec/image").asText());
        assertThat(Files.readString(repository.resolve("docker/Dockerfile"))).contains("/opt/keycloak/bin/khur-realm-apply");
    }

    /** What must never reach Keycloak through the public Ingress, in the spellings ProxyConfigurationIT tries on HAProxy. */
    private static final List<String> NOT_PUBLIC = List.of(
            "/realms/khur/sms-gateway/inbound", "/realms/khur/sms-gateway/inbound/", "/realms/khur/sms-gateway/inbound?x=1",
            "/realms/khur/sms-gateway/inbound%2F", "/realms/khur/sms-gateway/inbound%3Bx=1",
            "/realms/khur/sms-gateway/inbound;x=1", "/realms/khur/sms-gateway;x=1/inbound",
            "/realms;x=1/khur/sms-gateway/inbound", "//realms/khur/sms-gateway/inbound",
            "/realms//khur//sms-gateway//inbound", "/realms/khur/SMS-GATEWAY/inbound", "/REALMS/khur/sms-gateway/inbound",
            "/realms/khur/./sms-gateway/inbound", "/realms/khur/x/../sms-gateway/inbound",
            "/realms/khur/protocol/../sms-gateway/inbound", "/realms/khur/protocol/%2E%2E/sms-gateway/inbound",
            "/realms/k%68ur/sms-gateway/inbound", "/realms%2Fkhur%2Fsms-gateway%2Finbound",
            "/realms/master/sms-gateway/inbound", "/realms/sandbox-bank-a/sms-gateway/inbound",
            "/admin/master/console/", "/admin/realms/khur/users", "/admin", "/%61dmin/realms/khur/users",
            "/realms/master/protocol/openid-connect/token", "/realms/master/", "/realms/khur/../master/protocol/openid-connect/auth");
    /** What citizens' browsers and relying parties need. */
    private static final List<String> PUBLIC = List.of("/realms/khur/protocol/openid-connect/auth",
            "/realms/khur/protocol/openid-connect/token", "/realms/khur/.well-known/openid-configuration",
            "/realms/khur/login-actions/authenticate", "/realms/khur/broker/golomt/endpoint",
            "/realms/khur/sms-gateway/challenges/abc/status", "/resources/x1y2z/login/khur/css/khur.css",
            "/realms/khur/account");

    @Test
    void thePublicIngressServesOnlyCitizensPathsInEverySpellingAndTheAdminHostHasItsOwnInternalIngress() throws Exception {
        JsonNode keycloak = document("Keycloak");
        JsonNode publicSide = ingress("khur-public");
        assertThat(publicSide.at("/spec/rules/0/host").asText()).isEqualTo(host(keycloak.at("/spec/hostname/hostname").asText()));
        assertThat(publicSide.at("/spec/defaultBackend").isMissingNode()).as("nothing unlisted has a backend").isTrue();
        for (String path : NOT_PUBLIC) {
            assertThat(nginxRoute(publicSide, path)).as("public Ingress routes " + path).isNotEqualTo("khur-service");
        }
        for (String path : PUBLIC) {
            assertThat(nginxRoute(publicSide, path)).as("public Ingress routes " + path).isEqualTo("khur-service");
        }
        JsonNode adminSide = ingress("khur-admin");
        assertThat(adminSide.at("/spec/rules/0/host").asText()).isEqualTo(host(keycloak.at("/spec/hostname/admin").asText()));
        assertThat(adminSide.at("/spec/ingressClassName").asText()).as("the operators' controller, not the internet's")
                .isNotEqualTo(publicSide.at("/spec/ingressClassName").asText());
        for (String path : List.of("/admin/master/console/", "/admin/realms/khur/users", "/realms/master/protocol/openid-connect/auth",
                "/resources/x1y2z/admin/keycloak.v2/x.js")) {
            assertThat(nginxRoute(adminSide, path)).as("admin Ingress routes " + path).isEqualTo("khur-service");
        }
        // the webhook in every spelling is not on the admin host either (the first 18: the master realm's is its own)
        for (String path : NOT_PUBLIC.subList(0, 18)) {
            assertThat(nginxRoute(adminSide, path)).as("admin Ingress routes " + path).isNotEqualTo("khur-service");
        }
    }

    private static JsonNode ingress(String name) throws IOException {
        return documents().stream().filter(document -> document.path("kind").asText().equals("Ingress")
                && document.at("/metadata/name").asText().equals(name)).findFirst().orElseThrow(() -> new AssertionError("Ingress " + name));
    }

    private static String host(String url) {
        return java.net.URI.create(url).getHost();
    }

    /**
     * The Service ingress-nginx sends a request line's path to, or "400"/"404": nginx percent-decodes the path,
     * merges slashes and resolves dot segments before it matches locations (";" is an ordinary character to it;
     * locations are case-sensitive); an Exact path matches only itself, a Prefix path element-wise, the longest wins.
     */
    private static String nginxRoute(JsonNode ingress, String requestPath) {
        String path = requestPath.contains("?") ? requestPath.substring(0, requestPath.indexOf('?')) : requestPath;
        try {
            path = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "400";
        }
        path = path.replaceAll("/+", "/");
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return "400";
                }
                segments.removeLast();
            } else if (!segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        String normalized = "/" + String.join("/", segments);
        String best = null;
        int longest = -1;
        for (JsonNode rule : ingress.at("/spec/rules/0/http/paths")) {
            String rulePath = rule.path("path").asText();
            boolean exact = rule.path("pathType").asText().equals("Exact");
            String trimmed = rulePath.endsWith("/") && rulePath.length() > 1 ? rulePath.substring(0, rulePath.length() - 1) : rulePath;
            boolean matches = exact ? normalized.equals(rulePath)
                    : rulePath.equals("/") || normalized.equals(trimmed) || normalized.startsWith(trimmed + "/");
            int weight = exact ? Integer.MAX_VALUE : rulePath.length();
            if (matches && weight > longest) {
                longest = weight;
                best = rule.at("/backend/service/name").asText();
            }
        }
        return best == null ? "404" : best;
    }

    @Test
    void theJobAndKeycloakReadTheRealmsValuesFromOneSecretAndTheJobHasNoDevelopmentMode() throws Exception {
        JsonNode keycloak = document("Keycloak");
        JsonNode container = document("Job").at("/spec/template/spec/containers/0");
        String jobSource = container.at("/envFrom/0/secretRef/name").asText();
        assertThat(jobSource).isNotBlank();
        JsonNode keycloakContainer = keycloak.at("/spec/unsupported/podTemplate/spec/containers/0");
        assertThat(keycloakContainer.at("/envFrom/0/secretRef/name").asText()).as("the import's values are the Job's").isEqualTo(jobSource);
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            assertThat(name).as("realm placeholders come from the shared Secret only")
                    .isIn("KHUR_KEYCLOAK_URL", "KHUR_ADMIN_CLIENT_ID", "KHUR_ADMIN_CLIENT_SECRET", "JAVA_OPTS");
        }
        assertThat(container.at("/args").toString()).doesNotContain("allow-defaults");
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode match = selector.path("matchLabels");
        if (match.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> label : match.properties()) {
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode document(String kind) throws IOException {
        return documents().stream().filter(document -> document.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    private static List<JsonNode> documents() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (Path file : manifests) {
            try (MappingIterator<JsonNode> all = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (all.hasNext()) {
                    JsonNode document = all.next();
                    if (document != null && !document.isNull() && !document.isMissingNode()) {
                        documents.add(document);
                    }
                }
            }
        }
        return documents;
    }

    /** Node + kubernetes-models + ajv (integration-tests/package.json; bin/test runs npm ci). */
    private static List<JsonNode> validate(List<Path> files) throws IOException, InterruptedException {
        Path script = repository.resolve("integration-tests/src/test/node/validate-kubernetes.mjs");
        List<String> command = new ArrayList<>(List.of("node", script.toString(),
                kubernetes.resolve("schema/keycloak-v2alpha1.schema.json").toString(), kubernetes.resolve(OPERATOR_CRD).toString()));
        files.forEach(file -> command.add(file.toString()));
        Process process = new ProcessBuilder(command).directory(repository.resolve("integration-tests").toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        List<JsonNode> results = new ArrayList<>();
        output.lines().filter(line -> line.startsWith("{")).forEach(line -> results.add(Json.parse(line)));
        assertThat(results).as(output).isNotEmpty();
        return results;
    }

    /** Fields the Kubernetes model has no property for ({@code additionalProperties} of the generated classes). */
    private static List<String> unknownFields(JsonNode document, Class<?> model) throws Exception {
        Object typed = new ObjectMapper().convertValue(document, model);
        List<String> unknown = new ArrayList<>();
        walk(typed, "", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) throws Exception {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "." + entry.getKey(), unknown);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object property = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + new TreeSet<>(extra.keySet().stream().map(String::valueOf).toList()));
                }
                continue;
            }
            String name = getter.getName().replaceFirst("^(get|is)", "");
            walk(property, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), unknown);
        }
    }

    /** The options {@code kc.sh start --help-all} lists for the server tree the image is built from. */
    private static Set<String> distributionOptions() throws IOException, InterruptedException {
        Path home = Path.of(KeycloakServer.requiredProperty("khur.server.home"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start", "--help-all")
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String help = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Set<String> options = new TreeSet<>();
        Matcher matcher = Pattern.compile("(?m)^\\s*--([a-z0-9][a-z0-9-]*)").matcher(help);
        while (matcher.find()) {
            options.add(matcher.group(1));
        }
        assertThat(options).as(help).contains("db-url", "hostname", "metrics-enabled");
        return options;
    }
}
