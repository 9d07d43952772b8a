// Validates docker/kubernetes/*.yaml (issue 18.3): built-in kinds against Kubernetes' own schemas (kubernetes-models:
// validators generated from the Kubernetes OpenAPI, v1.27.1), the Keycloak custom resource against
// docker/kubernetes/schema/keycloak-v2alpha1.schema.json (unknown fields are errors) with its Kubernetes-typed parts
// (resources, secret selectors, network-policy peers, scheduling) against Kubernetes' schemas again.
// Usage: node validate-kubernetes.mjs <keycloak schema> <manifest.yaml>...  Prints one JSON line per document.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const require = createRequire(import.meta.url);
const BUILT_IN = {
  "v1/Service": "kubernetes-models/v1/Service",
  "v1/Secret": "kubernetes-models/v1/Secret",
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "batch/v1/Job": "kubernetes-models/batch/v1/Job",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/networking.k8s.io/v1/NetworkPolicy",
  "networking.k8s.io/v1/Ingress": "kubernetes-models/networking.k8s.io/v1/Ingress",
};

// the packages do not export their schema modules: load them by path
const SCHEMAS = {
  api: join(dirname(require.resolve("kubernetes-models")), "_schemas"),
  apimachinery: join(dirname(require.resolve("@kubernetes-models/apimachinery")), "_schemas"),
};

function kubernetesSchema(name) {
  const directory = name.startsWith("IoK8sApimachinery") ? SCHEMAS.apimachinery : SCHEMAS.api;
  return require(join(directory, `${name}.js`)).validate;
}

function messages(errors, prefix = "") {
  return (errors ?? []).map((e) => `${prefix}${e.instancePath || "/"} ${e.message ?? e.keyword}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
}

const [schemaFile, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addKeyword({
  keyword: "x-kubernetes-schema",
  validate: function check(name, data, _schema, context) {
    const validate = kubernetesSchema(name);
    if (validate(data)) return true;
    check.errors = messages(validate.errors).map((message) => ({ instancePath: context.instancePath, message: `${name}: ${message}` }));
    return false;
  },
  errors: true,
});
const keycloak = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));

for (const file of files) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length) {
      console.log(JSON.stringify({ file, kind: "?", name: "?", errors: document.errors.map(String) }));
      continue;
    }
    const manifest = document.toJS();
    if (manifest == null) continue;
    const type = `${manifest.apiVersion}/${manifest.kind}`;
    const name = manifest.metadata?.name ?? "?";
    let errors;
    if (type === "k8s.keycloak.org/v2alpha1/Keycloak") {
      errors = keycloak(manifest) ? [] : messages(keycloak.errors);
    } else if (BUILT_IN[type]) {
      const Model = Object.values(require(BUILT_IN[type])).find((value) => typeof value === "function");
      try {
        new Model(manifest).validate();
        errors = [];
      } catch (e) {
        errors = [String(e.message)];
      }
    } else {
      errors = [`no schema for ${type}`];
    }
    console.log(JSON.stringify({ file, kind: manifest.kind, name, errors }));
  }
}
