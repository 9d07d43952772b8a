// Validates docker/kubernetes/*.yaml (issue 18.3): built-in kinds against Kubernetes' own schemas (kubernetes-models:
// validators generated from the Kubernetes OpenAPI, v1.27.1), the Keycloak custom resource against
// docker/kubernetes/schema/keycloak-v2alpha1.schema.json (unknown fields are errors) with its Kubernetes-typed parts
// (resources, secret selectors, network-policy peers, scheduling) against Kubernetes' schemas again, and also
// against the Operator's published CRD (docker/kubernetes/schema/crd/, its v2alpha1 openAPIV3Schema) as "crdErrors".
// Usage: node validate-kubernetes.mjs <keycloak schema> <keycloak CRD.yml> <manifest.yaml>...
// Prints one JSON line per document.
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

// A CRD's structural schema read as JSON Schema, with Kubernetes' semantics made explicit: an object schema with
// properties and no additionalProperties is closed (the API server prunes, and strict field validation refuses,
// fields it does not list) unless x-kubernetes-preserve-unknown-fields says otherwise. The other x-kubernetes-* keys
// are ignored (strict: false); x-kubernetes-int-or-string comes with its own anyOf of integer and string.
function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== "object") return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) =>
    [key, key === "properties" ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, closed(sub)])) : closed(value)]));
  if (copy.properties && copy.additionalProperties === undefined && copy["x-kubernetes-preserve-unknown-fields"] !== true) {
    copy.additionalProperties = false;
  }
  return copy;
}

function crdSchema(file, version) {
  const crd = parseAllDocuments(readFileSync(file, "utf8"))[0].toJS();
  const served = crd.spec.versions.find((v) => v.name === version);
  if (!served) throw new Error(`${file} has no version ${version}`);
  // every custom resource's apiVersion, kind and metadata are the API server's (ObjectMeta is validated by it, not by
  // the CRD's schema), so a CRD does not list them; the API server adds them, and so do we
  const root = served.schema.openAPIV3Schema;
  return closed({ ...root, properties: { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" }, ...root.properties } });
}

const [schemaFile, crdFile, ...files] = process.argv.slice(2);
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
const operatorCrd = new Ajv({ allErrors: true, strict: false }).compile(crdSchema(crdFile, "v2alpha1"));

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
    let crdErrors;
    if (type === "k8s.keycloak.org/v2alpha1/Keycloak") {
      errors = keycloak(manifest) ? [] : messages(keycloak.errors);
      crdErrors = operatorCrd(manifest) ? [] : messages(operatorCrd.errors);
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
    console.log(JSON.stringify({ file, kind: manifest.kind, name, errors, ...(crdErrors && { crdErrors }) }));
  }
}
