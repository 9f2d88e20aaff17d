// Field selectors: apimachinery pkg/fields/selector.go (parsing, escaping) plus the apiserver side:
// per-kind field label conversion (pkg/apis/*/v1 conversion.go, runtime.DefaultMetaV1FieldSelector-
// Conversion) and the selectable field sets (pkg/registry/*/strategy.go GetAttrs).

import { goCompare, goQuote } from './labels.js';

/** Field selector syntax error or unsupported field label; `message` is upstream's text. */
export class FieldSelectorError extends Error {
  override name = 'FieldSelectorError';
}

export interface FieldRequirement {
  readonly field: string;
  /** hasTerm ("=" and "==" both) or notHasTerm. */
  readonly operator: '=' | '!=';
  readonly value: string;
}

export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
  /** A missing field (getter returns undefined / absent key) reads as "" like fields.Set.Get. */
  matches(get: ((field: string) => string | undefined) | Record<string, string>): boolean;
  empty(): boolean;
  /** fields.Selector.String(): terms in parse (sorted) order, values re-escaped. */
  string(): string;
}

/** fields.EscapeValue: backslash-escape \, "," and "=". */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => '\\' + c);
}

/** fields.UnescapeValue. */
export function unescapeFieldValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=')
        throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      inSlash = false;
    } else if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=')
      // UnescapedRune prints the rune with %v, i.e. its code point number.
      throw new FieldSelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw new FieldSelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

// splitTerms: split on commas not preceded by an escaping backslash.
function splitTerms(s: string): string[] {
  if (s === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

// splitTerm: the first position where "!=", "==" or "=" starts (checked in that order).
function splitTerm(term: string): [string, '!=' | '==' | '=', string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

function makeSelector(reqs: FieldRequirement[]): FieldSelector {
  return {
    requirements: reqs,
    matches: (get) => {
      const read =
        typeof get === 'function' ? get : (f: string) => (Object.prototype.hasOwnProperty.call(get, f) ? get[f] : undefined);
      return reqs.every((r) => ((read(r.field) ?? '') === r.value) === (r.operator === '='));
    },
    empty: () => reqs.length === 0,
    string: () => reqs.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(','),
  };
}

/** fields.ParseSelector. Terms are sorted (by their raw text) before parsing, as upstream does. */
export function parseFieldSelector(s: string): FieldSelector {
  const parts = splitTerms(s).sort(goCompare);
  const reqs: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) throw new FieldSelectorError(`invalid selector: '${s}'; can't understand '${part}'`);
    const [field, op, rhs] = t;
    reqs.push({ field, operator: op === '!=' ? '!=' : '=', value: unescapeFieldValue(rhs) });
  }
  return makeSelector(reqs);
}

// ---------------------------------------------------------------------------------------------
// apiserver: field label conversion per kind. Read from pkg/apis/core/v1/conversion.go and
// pkg/apis/batch/v1/conversion.go. apps/v1 registers no conversion (so ReplicaSet's selectable
// "status.replicas" is rejected, kubernetes/kubernetes#135136, seen on 1.34 servers).

type Convert = (label: string) => string | undefined;

const only = (...labels: string[]): Convert => (l) => (labels.includes(l) ? l : undefined);

const CONVERSIONS: Record<string, { convert: Convert; error: (label: string) => string }> = {
  Pod: {
    convert: (l) =>
      l === 'spec.host' // backwards compatibility for old v1 clients
        ? 'spec.nodeName'
        : only('metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName',
            'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs',
            'status.nominatedNodeName')(l),
    error: notSupported,
  },
  Node: { convert: only('metadata.name', 'spec.unschedulable'), error: notSupported },
  ReplicationController: { convert: only('metadata.name', 'metadata.namespace', 'status.replicas'), error: notSupported },
  Event: {
    convert: only('involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
      'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason',
      'reportingComponent', 'source', 'type', 'metadata.namespace', 'metadata.name'),
    error: notSupported,
  },
  Namespace: { convert: only('status.phase', 'metadata.name'), error: notSupported },
  Secret: { convert: only('type', 'metadata.namespace', 'metadata.name'), error: notSupported },
  Service: { convert: only('metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'), error: notSupported },
  Job: {
    convert: only('metadata.name', 'metadata.namespace', 'status.successful'),
    error: (l) => `field label ${goQuote(l)} not supported for Job`,
  },
};

function notSupported(label: string): string {
  return `field label not supported: ${label}`;
}

// runtime.DefaultMetaV1FieldSelectorConversion, used by every kind without its own function.
const DEFAULT_CONVERSION = {
  convert: only('metadata.name', 'metadata.namespace'),
  error: (l: string) => `${goQuote(l)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
};

const CLUSTER_SCOPED = new Set([
  'Node', 'Namespace', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'PriorityClass',
  'CustomResourceDefinition', 'CertificateSigningRequest', 'IngressClass', 'RuntimeClass', 'APIService',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'VolumeAttachment', 'CSIDriver', 'CSINode',
]);

const KNOWN_KINDS = [
  ...Object.keys(CONVERSIONS), ...CLUSTER_SCOPED, 'ReplicaSet', 'Deployment', 'DaemonSet', 'StatefulSet', 'ConfigMap',
  'Endpoints', 'ServiceAccount', 'PersistentVolumeClaim', 'CronJob', 'Ingress',
];

/** Accepts a Kind ("Pod") or a lower-case kind/plural ("pod", "pods", "endpoints"). */
function canonicalKind(kind: string): string {
  const k = kind.toLowerCase();
  for (const known of KNOWN_KINDS) {
    const lk = known.toLowerCase();
    if (k === lk || k === lk + 's' || k === lk + 'es' || (lk.endsWith('y') && k === lk.slice(0, -1) + 'ies')) return known;
  }
  return kind;
}

/** Scheme.ConvertFieldLabel: the (possibly renamed) label, or FieldSelectorError upstream-worded. */
export function convertFieldLabel(kind: string, label: string): string {
  const c = CONVERSIONS[canonicalKind(kind)] ?? DEFAULT_CONVERSION;
  const out = c.convert(label);
  if (out === undefined) throw new FieldSelectorError(c.error(label));
  return out;
}

/**
 * What the apiserver does with ?fieldSelector= on a list of `kind`: parse, then Transform every
 * term through the kind's label conversion (first failing term in sorted order wins; the server
 * answers 400 BadRequest with this message).
 */
export function fieldSelectorForKind(kind: string, s: string): FieldSelector {
  const sel = parseFieldSelector(s);
  return makeSelector(sel.requirements.map((r) => ({ ...r, field: convertFieldLabel(kind, r.field) })));
}

// ---------------------------------------------------------------------------------------------
// Selectable field sets (strategy.go ToSelectableFields / GetAttrs), v1 object shapes.

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
// strconv.Itoa of an int32 status count (missing → 0).
const int = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? String(Math.trunc(v)) : '0');
const bool = (v: unknown): string => (v === true ? 'true' : 'false');

const SPECIFIC: Record<string, (o: Obj) => Record<string, string>> = {
  Pod: (o) => {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const ips = Array.isArray(status.podIPs) ? status.podIPs : [];
    // Internal PodIPs[0] (v1 podIPs, else the singular podIP) — "status.podIPs" itself is not in the set.
    const podIP = ips.length > 0 ? str(rec(ips[0]).ip) : str(status.podIP);
    return {
      'spec.nodeName': str(spec.nodeName),
      'spec.restartPolicy': str(spec.restartPolicy),
      'spec.schedulerName': str(spec.schedulerName),
      'spec.serviceAccountName': str(spec.serviceAccountName) || str(spec.serviceAccount),
      'spec.hostNetwork': bool(spec.hostNetwork),
      'status.phase': str(status.phase),
      'status.podIP': podIP,
      'status.nominatedNodeName': str(status.nominatedNodeName),
    };
  },
  Node: (o) => ({ 'spec.unschedulable': bool(rec(o.spec).unschedulable) }),
  ReplicationController: (o) => ({ 'status.replicas': int(rec(o.status).replicas) }),
  ReplicaSet: (o) => ({ 'status.replicas': int(rec(o.status).replicas) }),
  Event: (o) => {
    const io = rec(o.involvedObject);
    const source = str(rec(o.source).component) || str(o.reportingComponent);
    return {
      'involvedObject.kind': str(io.kind),
      'involvedObject.namespace': str(io.namespace),
      'involvedObject.name': str(io.name),
      'involvedObject.uid': str(io.uid),
      'involvedObject.apiVersion': str(io.apiVersion),
      'involvedObject.resourceVersion': str(io.resourceVersion),
      'involvedObject.fieldPath': str(io.fieldPath),
      reason: str(o.reason),
      reportingComponent: str(o.reportingComponent), // internal ReportingController
      source,
      type: str(o.type),
    };
  },
  // "name" is an upstream bug kept for compatibility; the conversion never lets it through.
  Namespace: (o) => ({ 'status.phase': str(rec(o.status).phase), name: str(rec(o.metadata).name) }),
  Secret: (o) => ({ type: str(o.type) }),
  Service: (o) => ({ 'spec.clusterIP': str(rec(o.spec).clusterIP), 'spec.type': str(rec(o.spec).type) }),
  Job: (o) => ({ 'status.successful': int(rec(o.status).succeeded) }),
};

/**
 * The fields.Set the apiserver matches a field selector against for one object of `kind`.
 * With `validate`, first checks every term's label against the kind's conversion and throws
 * FieldSelectorError like the apiserver (prefer fieldSelectorForKind, which also renames labels).
 */
export function fieldsForKind(kind: string, obj: unknown, validate?: FieldSelector): Record<string, string> {
  for (const r of validate?.requirements ?? []) convertFieldLabel(kind, r.field);
  const k = canonicalKind(kind);
  const o = rec(obj);
  const meta = rec(o.metadata);
  // generic.ObjectMetaFieldsSet: metadata.namespace only for namespaced kinds.
  const out: Record<string, string> = { 'metadata.name': str(meta.name) };
  if (!CLUSTER_SCOPED.has(k)) out['metadata.namespace'] = str(meta.namespace);
  return { ...(SPECIFIC[k]?.(o) ?? {}), ...out };
}

/** Convenience: does `obj` (of `kind`) match a selector from fieldSelectorForKind? */
export function matchesFields(sel: FieldSelector, kind: string, obj: unknown): boolean {
  return sel.matches(fieldsForKind(kind, obj));
}
