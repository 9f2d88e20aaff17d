// Reads node_modules/kubernetes-types/**/*.d.ts with the TypeScript compiler API and turns the
// interfaces reachable from kube-lite's kinds into a compact type model ("descriptors", below).
// gen-schema.mjs turns that model into JSON Schema + ajv validators; the runtime error
// formatter (src/api/validation/) reads the same descriptors to print Go's decode errors.
//
// Descriptor grammar (one string per field):
//   s | s <GoName>   string (or a named Go string type, e.g. "s v1.Protocol")
//   i32 | i64 | u8 | b    Go int32 / int64 / uint8 / bool
//   q  Quantity   x  IntOrString   t  metav1.Time   mt  metav1.MicroTime
//   r  RawExtension/FieldsV1 (any JSON)   y  []byte (base64 string)
//   @<defId>      struct      [<desc>  slice      {<desc>  map[string]
//   =<GoName>;<desc>   overrides the Go type name printed for this node (named maps/slices)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { ADDED_FIELDS, ADDED_TYPES, GO_TYPES } from './schema-gotypes.mjs';

// d.ts module (path under kubernetes-types) -> OpenAPI-style definition prefix.
const PREFIX = {
  'core/v1': 'io.k8s.api.core.v1',
  'apps/v1': 'io.k8s.api.apps.v1',
  'batch/v1': 'io.k8s.api.batch.v1',
  'networking/v1': 'io.k8s.api.networking.v1',
  'discovery/v1': 'io.k8s.api.discovery.v1',
  'storage/v1': 'io.k8s.api.storage.v1',
  'meta/v1': 'io.k8s.apimachinery.pkg.apis.meta.v1',
};

// Types whose Go decoding is custom (UnmarshalJSON), keyed by module + exported name.
const SPECIAL = {
  'api/resource.Quantity': 'q',
  'meta/v1.Time': 't',
  'meta/v1.MicroTime': 'mt',
  'runtime.RawExtension': 'r',
  'meta/v1.FieldsV1': 'r',
};

/** Top-level kinds: [apiVersion, kind, d.ts module]. */
export const KINDS = [
  ['v1', 'Pod', 'core/v1'],
  ['v1', 'ReplicationController', 'core/v1'],
  ['v1', 'Service', 'core/v1'],
  ['v1', 'Endpoints', 'core/v1'],
  ['v1', 'Namespace', 'core/v1'],
  ['v1', 'Node', 'core/v1'],
  ['v1', 'Event', 'core/v1'],
  ['v1', 'ConfigMap', 'core/v1'],
  ['v1', 'Secret', 'core/v1'],
  ['v1', 'PersistentVolume', 'core/v1'],
  ['v1', 'PersistentVolumeClaim', 'core/v1'],
  ['v1', 'ServiceAccount', 'core/v1'],
  ['v1', 'ResourceQuota', 'core/v1'],
  ['v1', 'LimitRange', 'core/v1'],
  ['apps/v1', 'ControllerRevision', 'apps/v1'],
  ['apps/v1', 'ReplicaSet', 'apps/v1'],
  ['apps/v1', 'Deployment', 'apps/v1'],
  ['apps/v1', 'DaemonSet', 'apps/v1'],
  ['apps/v1', 'StatefulSet', 'apps/v1'],
  ['batch/v1', 'Job', 'batch/v1'],
  ['batch/v1', 'CronJob', 'batch/v1'],
  ['coordination.k8s.io/v1', 'Lease', 'coordination/v1'],
  ['discovery.k8s.io/v1', 'EndpointSlice', 'discovery/v1'],
  ['networking.k8s.io/v1', 'Ingress', 'networking/v1'],
  ['networking.k8s.io/v1', 'IngressClass', 'networking/v1'],
  ['storage.k8s.io/v1', 'StorageClass', 'storage/v1'],
];

// kubectl's generic List (metav1.List): not in kubernetes-types, so defined here.
const LIST_ID = 'io.k8s.apimachinery.pkg.apis.meta.v1.List';
const LIST_META_ID = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';

function typesRoot() {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('kubernetes-types/package.json'));
}

/** Parses one d.ts module into {imports, interfaces, aliases}. */
function parseModule(root, mod) {
  const file = join(root, `${mod}.d.ts`);
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out = { imports: new Map(), interfaces: new Map(), aliases: new Map() };
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const from = join(dirname(mod), st.moduleSpecifier.text).replace(/\\/g, '/');
      for (const el of st.importClause?.namedBindings?.elements ?? []) {
        out.imports.set(el.name.text, { mod: from, name: (el.propertyName ?? el.name).text });
      }
    } else if (ts.isInterfaceDeclaration(st)) {
      out.interfaces.set(st.name.text, st);
    } else if (ts.isTypeAliasDeclaration(st)) {
      out.aliases.set(st.name.text, st);
    }
  }
  return out;
}

/**
 * Builds the model: defs (defId -> {struct, module, doc, fields: {name: {desc, optional, doc}}}) and
 * roots ("apps/v1/Deployment" -> defId). Go type names come from GO_TYPES; d.ts numbers are
 * int32 unless GO_TYPES says otherwise (no floats are reachable from these kinds).
 */
export function buildModel() {
  const root = typesRoot();
  const modules = new Map();
  const mod = (m) => {
    if (!modules.has(m)) modules.set(m, parseModule(root, m));
    return modules.get(m);
  };
  const defs = new Map();
  const usedOverrides = new Set();

  // Resolves a type reference name seen in module m to {mod, name}.
  const resolveName = (m, name) => mod(m).imports.get(name) ?? { mod: m, name };

  function descOf(node, m, goName) {
    const go = goName ?? '';
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
      case ts.SyntaxKind.LiteralType:
        if (go === '[]uint8') return 'y';
        return go && go !== 'string' ? `s ${go}` : 's';
      case ts.SyntaxKind.NumberKeyword:
        return go === 'int64' ? 'i64' : 'i32';
      case ts.SyntaxKind.BooleanKeyword:
        return 'b';
      case ts.SyntaxKind.UnionType:
        return 'x'; // only `number | string` (IntOrString) occurs in these modules
      case ts.SyntaxKind.ArrayType:
        return `[${descOf(node.elementType, m, elemGo(go, '[]'))}`;
      case ts.SyntaxKind.TypeLiteral: {
        const sig = node.members.find(ts.isIndexSignatureDeclaration);
        if (!sig) throw new Error(`unsupported type literal in ${m}`);
        // Named maps (v1.ResourceList) and non-string keys print differently from map[string]X.
        const named = go ? `=${go};` : '';
        return `${named}{${descOf(sig.type, m, mapElemGo(go))}`;
      }
      case ts.SyntaxKind.TypeReference: {
        const name = node.typeName.getText();
        if (name === 'Array') return `[${descOf(node.typeArguments[0], m, elemGo(go, '[]'))}`;
        const ref = resolveName(m, name);
        const special = SPECIAL[`${ref.mod}.${ref.name}`];
        if (special) return special;
        const alias = mod(ref.mod).aliases.get(ref.name);
        if (alias) return descOf(alias.type, ref.mod, goName);
        return `@${defineInterface(ref.mod, ref.name)}`;
      }
      default:
        throw new Error(`unsupported d.ts type ${ts.SyntaxKind[node.kind]} in ${m}`);
    }
  }

  function defineInterface(m, name) {
    const id = `${PREFIX[m]}.${name}`;
    if (defs.has(id)) return id;
    const decl = mod(m).interfaces.get(name);
    if (!decl) throw new Error(`no interface ${name} in ${m}`);
    const def = { struct: name, module: m, fields: {}, doc: jsDoc(decl) };
    defs.set(id, def);
    for (const member of decl.members) {
      if (!ts.isPropertySignature(member)) continue;
      const field = member.name.getText().replace(/^"|"$/g, '');
      const key = `${m}.${name}.${field}`;
      if (GO_TYPES[key]) usedOverrides.add(key);
      const desc = descOf(member.type, m, GO_TYPES[key]);
      def.fields[field] = { desc, optional: !!member.questionToken, doc: jsDoc(member) };
    }
    addExtraFields(m, name, def);
    return id;
  }

  // Fields added upstream after kubernetes-types 1.30 (see schema-gotypes.mjs).
  function addExtraFields(m, name, def) {
    for (const [field, desc] of Object.entries(ADDED_FIELDS[`${m}.${name}`] ?? {})) {
      def.fields[field] = { desc: expandAdded(m, desc), optional: true };
    }
  }
  function expandAdded(m, desc) {
    return desc.replace(/@([\w/]+\.)?(\w+)/g, (_, modDot, typeName) => {
      const target = modDot ? modDot.slice(0, -1) : m;
      return `@${ADDED_TYPES[`${target}.${typeName}`] ? defineAdded(target, typeName) : defineInterface(target, typeName)}`;
    });
  }
  function defineAdded(m, name) {
    const id = `${PREFIX[m]}.${name}`;
    if (!defs.has(id)) {
      const def = { struct: name, module: m, fields: {} };
      defs.set(id, def);
      for (const [field, desc] of Object.entries(ADDED_TYPES[`${m}.${name}`])) {
        def.fields[field] = { desc: expandAdded(m, desc), optional: true };
      }
    }
    return id;
  }

  const roots = {};
  for (const [apiVersion, kind, m] of KINDS) roots[`${apiVersion}/${kind}`] = defineInterface(m, kind);
  defineInterface('meta/v1', 'ListMeta');
  defs.set(LIST_ID, {
    struct: 'List',
    module: 'meta/v1',
    fields: {
      apiVersion: { desc: 's', optional: true },
      kind: { desc: 's', optional: true },
      metadata: { desc: `@${LIST_META_ID}`, optional: true },
      items: { desc: '[r', optional: false },
    },
  });
  roots['v1/List'] = LIST_ID;

  const unused = Object.keys(GO_TYPES).filter((k) => !usedOverrides.has(k));
  if (unused.length) throw new Error(`schema-gotypes: overrides match no d.ts field: ${unused.join(', ')}`);
  return { defs, roots };
}

/** The JSDoc text of a declaration (the OpenAPI description kubernetes-types carries), or "". */
function jsDoc(node) {
  const docs = node.jsDoc;
  if (!docs || !docs.length) return '';
  return ts.getTextOfJSDocComment(docs[docs.length - 1].comment) ?? '';
}

/** Descriptions of the types kube-lite's descriptors collapse to one letter (Quantity, Time...). */
export function specialTypeDocs() {
  const root = typesRoot();
  const docs = {};
  for (const [key, code] of Object.entries(SPECIAL)) {
    const dot = key.lastIndexOf('.');
    const m = parseModule(root, key.slice(0, dot));
    const name = key.slice(dot + 1);
    const decl = m.aliases.get(name) ?? m.interfaces.get(name);
    docs[name] = { code, doc: decl ? jsDoc(decl) : '' };
  }
  return docs;
}

// "[]v1.Capability" -> "v1.Capability"; no Go name given -> undefined (use defaults).
function elemGo(go, prefix) {
  return go && go.startsWith(prefix) ? go.slice(prefix.length) : undefined;
}

// "map[v1.ResourceName]v1.ClaimResourceStatus" -> "v1.ClaimResourceStatus".
function mapElemGo(go) {
  if (!go || !go.startsWith('map[')) return undefined;
  let depth = 0;
  for (let i = 3; i < go.length; i++) {
    if (go[i] === '[') depth++;
    else if (go[i] === ']' && --depth === 0) return go.slice(i + 1);
  }
  return undefined;
}

/** Ids of all definitions reachable from defId (including itself). */
export function reachable(defs, defId, seen = new Set()) {
  if (seen.has(defId)) return seen;
  seen.add(defId);
  for (const { desc } of Object.values(defs.get(defId).fields)) {
    for (const m of desc.matchAll(/@([\w.]+)/g)) reachable(defs, m[1], seen);
  }
  return seen;
}
