// What `kubectl expose` reads from the object it exposes (kubectl pkg/polymorphichelpers:
// canbeexposed.go, mapbasedselectorforobject.go, portsforobject.go, protocolsforobject.go).
// Pure functions on objects; errors are plain messages that expose.ts wraps.

import type { KObject } from '../api/types.js';

type Labels = Record<string, string>;

interface ContainerPort {
  containerPort?: number;
  protocol?: string;
}

interface LabelSelectorRequirement {
  key?: string;
  operator?: string;
  values?: string[];
}

/** The kinds kubectl can expose, as Kind.group (GroupKind.String()). */
const EXPOSABLE = new Set(['ReplicationController', 'Service', 'Pod', 'Deployment.apps', 'ReplicaSet.apps', 'Deployment.extensions', 'ReplicaSet.extensions']);

/** canBeExposed: `cannot expose a Node`, `cannot expose a DaemonSet.apps`. */
export function cannotExposeError(kind: string, group: string): string | undefined {
  const gk = group ? `${kind}.${group}` : kind;
  return EXPOSABLE.has(gk) ? undefined : `cannot expose a ${gk}`;
}

/** MakeLabels: `k=v,k2=v2` (kubectl joins a Go map, so order carries no meaning). */
export function makeLabels(labels: Labels | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** Go's %+v of []LabelSelectorRequirement: `[{Key:tier Operator:In Values:[a b]}]`. */
function formatRequirements(reqs: LabelSelectorRequirement[]): string {
  return `[${reqs.map((r) => `{Key:${r.key ?? ''} Operator:${r.operator ?? ''} Values:[${(r.values ?? []).join(' ')}]}`).join(' ')}]`;
}

/** mapBasedSelectorForObject: the selector string, or throws the reason it has none. */
export function selectorForObject(obj: KObject): string {
  const spec = obj['spec'] ?? {};
  switch (obj.kind) {
    case 'ReplicationController':
      return makeLabels(spec.selector);
    case 'Pod':
      if (Object.keys(obj.metadata.labels ?? {}).length === 0) throw new Error('the pod has no labels and cannot be exposed');
      return makeLabels(obj.metadata.labels);
    case 'Service':
      // A nil selector is an error; an empty one yields "" and fails later ("selector must be specified").
      if (spec.selector == null) throw new Error('the service has no pod selector set');
      return makeLabels(spec.selector);
    case 'Deployment':
    case 'ReplicaSet': {
      const what = obj.kind === 'Deployment' ? 'deployment' : 'replicaset';
      const sel = spec.selector;
      if (!sel || Object.keys(sel.matchLabels ?? {}).length === 0) throw new Error(`invalid ${what}: no selectors, therefore cannot be exposed`);
      if ((sel.matchExpressions ?? []).length > 0) {
        throw new Error(`couldn't convert expressions - "${formatRequirements(sel.matchExpressions)}" to map-based selector format`);
      }
      return makeLabels(sel.matchLabels);
    }
    default:
      throw new Error(`cannot extract pod selector from ${obj.kind}`);
  }
}

function podSpecOf(obj: KObject): { containers?: { ports?: ContainerPort[] }[] } | undefined {
  return obj.kind === 'Pod' ? obj['spec'] : obj['spec']?.template?.spec;
}

/** portsForObject: container ports (service ports for a Service), as strings, first-seen order, unique. */
export function portsForObject(obj: KObject): string[] {
  const out: string[] = [];
  const add = (p: unknown) => {
    const s = String(p ?? 0);
    if (!out.includes(s)) out.push(s);
  };
  if (obj.kind === 'Service') for (const p of obj['spec']?.ports ?? []) add(p.port);
  else for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort);
  return out;
}

/** multiProtocolsForObject: port → protocols in container order (empty protocol defaults to TCP). */
export function protocolsForObject(obj: KObject): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (port: unknown, protocol: string | undefined) => {
    const key = String(port ?? 0);
    out.set(key, [...(out.get(key) ?? []), protocol || 'TCP']);
  };
  if (obj.kind === 'Service') for (const p of obj['spec']?.ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return out;
}
