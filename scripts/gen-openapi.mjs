#!/usr/bin/env node
// Build step: kubernetes-types d.ts (via schema-model.mjs) -> an OpenAPI v3 document per
// group-version, shaped like kube-apiserver's /openapi/v3 so that a later `kube-lite serve` can hand
// the files out unchanged and real kubectl can read them (`explain`, apply's field validation):
//
//   build/openapi/index.json           GET /openapi/v3   {"paths":{"apis/apps/v1":{"serverRelativeURL":...}}}
//   build/openapi/api/v1.json          GET /openapi/v3/api/v1
//   build/openapi/apis/<g>/<v>.json    GET /openapi/v3/apis/<g>/<v>
//
// Each GV document is self-contained (it holds every schema its kinds reference, core and meta
// types included), has one list path and one item path per resource carrying
// x-kubernetes-group-version-kind (explain finds the kind through them), and the patch operation
// advertises the fieldValidation query parameter (kubectl then leaves validation to the server).
// `kube-lite explain` reads only the one GV file it needs.
//
// Schemas follow the apiserver's v3 conventions: a property that refers to a struct is
// {"allOf":[{"$ref":...}], "description":...}; Quantity and IntOrString have no "type" (oneOf), so
// kubectl names them by their schema name; Time is a string.
//
// Usage: node scripts/gen-openapi.mjs [outDir]      (default: <repo>/build)
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel, reachable, specialTypeDocs } from './schema-model.mjs';

export const KUBERNETES_VERSION = 'v1.36.3';
const REF = '#/components/schemas/';

// Served resources: [group, version, kind, plural, namespaced]. Mirrors src/api/registry.ts (a
// unit test keeps the two in step).
export const SERVED = [
  ['', 'v1', 'ConfigMap', 'configmaps', true],
  ['', 'v1', 'Endpoints', 'endpoints', true],
  ['', 'v1', 'Event', 'events', true],
  ['', 'v1', 'LimitRange', 'limitranges', true],
  ['', 'v1', 'Namespace', 'namespaces', false],
  ['', 'v1', 'Node', 'nodes', false],
  ['', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true],
  ['', 'v1', 'PersistentVolume', 'persistentvolumes', false],
  ['', 'v1', 'Pod', 'pods', true],
  ['', 'v1', 'ReplicationController', 'replicationcontrollers', true],
  ['', 'v1', 'ResourceQuota', 'resourcequotas', true],
  ['', 'v1', 'Secret', 'secrets', true],
  ['', 'v1', 'ServiceAccount', 'serviceaccounts', true],
  ['', 'v1', 'Service', 'services', true],
  ['apps', 'v1', 'ControllerRevision', 'controllerrevisions', true],
  ['apps', 'v1', 'DaemonSet', 'daemonsets', true],
  ['apps', 'v1', 'Deployment', 'deployments', true],
  ['apps', 'v1', 'ReplicaSet', 'replicasets', true],
  ['apps', 'v1', 'StatefulSet', 'statefulsets', true],
  ['batch', 'v1', 'CronJob', 'cronjobs', true],
  ['batch', 'v1', 'Job', 'jobs', true],
  ['coordination.k8s.io', 'v1', 'Lease', 'leases', true],
  ['discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true],
  ['networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false],
  ['networking.k8s.io', 'v1', 'Ingress', 'ingresses', true],
  ['storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false],
];

// The one-letter descriptors (schema-model.mjs) that stand for named apimachinery types.
const SPECIAL_IDS = {
  q: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  x: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  t: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  mt: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
  RawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  FieldsV1: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
};

// kubernetes-types writes IntOrString inline (number | string), so its description is not in the
// d.ts; this is the apiserver's text for the type.
const INT_OR_STRING_DOC =
  'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.';

function specialSchemas() {
  const docs = specialTypeDocs();
  const withDoc = (doc, schema) => (doc ? { description: doc, ...schema } : schema);
  return {
    [SPECIAL_IDS.q]: withDoc(docs.Quantity?.doc, { oneOf: [{ type: 'string' }, { type: 'number' }] }),
    [SPECIAL_IDS.x]: { description: INT_OR_STRING_DOC, format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] },
    [SPECIAL_IDS.t]: withDoc(docs.Time?.doc, { type: 'string', format: 'date-time' }),
    [SPECIAL_IDS.mt]: withDoc(docs.MicroTime?.doc, { type: 'string', format: 'date-time' }),
    [SPECIAL_IDS.RawExtension]: withDoc(docs.RawExtension?.doc, { type: 'object' }),
    [SPECIAL_IDS.FieldsV1]: withDoc(docs.FieldsV1?.doc, { type: 'object' }),
  };
}

/** The OpenAPI schema of one descriptor (grammar in schema-model.mjs), and the ids it refers to. */
function typeSchema(desc, field, refs) {
  if (desc.startsWith('=')) desc = desc.slice(desc.indexOf(';') + 1);
  const ref = (id) => (refs.add(id), { $ref: REF + id });
  if (desc.startsWith('@')) return ref(desc.slice(1));
  if (desc.startsWith('[')) return { type: 'array', items: typeSchema(desc.slice(1), field, refs) };
  if (desc.startsWith('{')) return { type: 'object', additionalProperties: typeSchema(desc.slice(1), field, refs) };
  switch (desc.split(' ')[0]) {
    case 's': return { type: 'string' };
    case 'b': return { type: 'boolean' };
    case 'i32': return { type: 'integer', format: 'int32' };
    case 'i64': return { type: 'integer', format: 'int64' };
    case 'u8': return { type: 'integer', format: 'int32' };
    case 'y': return { type: 'string', format: 'byte' };
    case 'q': case 'x': case 't': case 'mt': return ref(SPECIAL_IDS[desc]);
    // FieldsV1 and RawExtension share the descriptor "r"; only managedFields[].fieldsV1 is FieldsV1.
    case 'r': return ref(SPECIAL_IDS[field === 'fieldsV1' ? 'FieldsV1' : 'RawExtension']);
    default: throw new Error(`gen-openapi: unknown descriptor ${desc}`);
  }
}

/** A property: a bare $ref becomes allOf so that the property's own description can sit beside it. */
function propertySchema(desc, field, doc, refs) {
  const t = typeSchema(desc, field, refs);
  const schema = t.$ref ? { allOf: [t] } : t;
  return doc ? { ...schema, description: doc } : schema;
}

function structSchema(def, refs) {
  const properties = {};
  const required = [];
  for (const name of Object.keys(def.fields).sort()) {
    const { desc, optional, doc } = def.fields[name];
    properties[name] = propertySchema(desc, name, doc, refs);
    if (!optional) required.push(name);
  }
  const schema = {};
  if (def.doc) schema.description = def.doc;
  schema.type = 'object';
  schema.properties = properties;
  if (required.length) schema.required = required;
  return schema;
}

const gvPath = (group, version) => (group ? `apis/${group}/${version}` : `api/${version}`);

/** List and item paths of one resource, as kube-apiserver names its operations. */
function resourcePaths(group, version, kind, plural, namespaced) {
  const gvk = { group, version, kind };
  const base = `/${gvPath(group, version)}${namespaced ? '/namespaces/{namespace}' : ''}/${plural}`;
  const suffix = `${group ? group.split('.')[0].replace(/^./, (c) => c.toUpperCase()) : 'Core'}${version.replace(/^./, (c) => c.toUpperCase())}`;
  const scope = namespaced ? 'Namespaced' : '';
  const ok = { 200: { description: 'OK' } };
  const op = (verb, action, what, parameters) => ({
    operationId: `${verb}${suffix}${scope}${what}`,
    ...(parameters ? { parameters } : {}),
    responses: ok,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
  });
  const q = (name) => ({ name, in: 'query', schema: { type: 'string', uniqueItems: true } });
  const writeParams = [q('dryRun'), q('fieldManager'), q('fieldValidation')];
  return {
    [base]: {
      get: op('list', 'list', kind),
      post: op('create', 'post', kind, writeParams),
    },
    [`${base}/{name}`]: {
      get: op('read', 'get', kind),
      put: op('replace', 'put', kind, writeParams),
      patch: op('patch', 'patch', kind, [...writeParams, { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } }]),
      delete: op('delete', 'delete', kind, [q('dryRun')]),
    },
  };
}

/**
 * Writes <outDir>/openapi/{index.json, api/v1.json, apis/<group>/<version>.json}.
 * Returns {dir, groupVersions} for the build log.
 */
export function generateOpenAPI(outDir) {
  const { defs, roots } = buildModel();
  const specials = specialSchemas();
  const dir = join(outDir, 'openapi');
  rmSync(dir, { recursive: true, force: true });

  const byGV = new Map();
  for (const entry of SERVED) {
    const key = gvPath(entry[0], entry[1]);
    if (!byGV.has(key)) byGV.set(key, []);
    byGV.get(key).push(entry);
  }

  const index = { paths: {} };
  for (const [key, entries] of byGV) {
    const schemas = {};
    const refs = new Set();
    const ids = new Set();
    const paths = {};
    for (const [group, version, kind, plural, namespaced] of entries) {
      const apiVersion = group ? `${group}/${version}` : version;
      const rootId = roots[`${apiVersion}/${kind}`];
      if (!rootId) throw new Error(`gen-openapi: no schema for ${apiVersion}/${kind}`);
      for (const id of reachable(defs, rootId)) ids.add(id);
      Object.assign(paths, resourcePaths(group, version, kind, plural, namespaced));
    }
    for (const id of [...ids].sort()) schemas[id] = structSchema(defs.get(id), refs);
    for (const [group, version, kind] of entries) {
      const apiVersion = group ? `${group}/${version}` : version;
      schemas[roots[`${apiVersion}/${kind}`]]['x-kubernetes-group-version-kind'] = [{ group, kind, version }];
    }
    for (const id of refs) {
      if (schemas[id]) continue;
      if (!specials[id]) throw new Error(`gen-openapi: unresolved $ref ${id}`);
      schemas[id] = specials[id];
    }
    const sorted = Object.fromEntries(Object.keys(schemas).sort().map((id) => [id, schemas[id]]));
    const doc = {
      openapi: '3.0.0',
      info: { title: 'Kubernetes', version: KUBERNETES_VERSION },
      paths,
      components: { schemas: sorted },
    };
    const text = JSON.stringify(doc);
    const file = join(dir, `${key}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    // kube-apiserver's hash is the upper-case hex SHA-512 of the document.
    const hash = createHash('sha512').update(text).digest('hex').toUpperCase();
    index.paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  }
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify(index)}\n`);
  return { dir, groupVersions: byGV.size };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'build'));
  const { dir, groupVersions } = generateOpenAPI(outDir);
  console.log(`gen-openapi: ${groupVersions} group-versions in ${dir}`);
}
