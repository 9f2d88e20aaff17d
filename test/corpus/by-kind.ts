// The corpus report by kind: for each kind in the corpus manifests, how many objects were applied and
// how many rejected, and what became of them after the controllers converged (pods by STATUS,
// Deployments available, Services with ready endpoints, PVCs by phase, Jobs by condition, …).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { parseAllDocuments } from 'yaml';

type Json = Record<string, any>;

export interface KindRow {
  applied: number;
  rejected: number;
  /** State name → count, for the objects of this kind found in the cluster afterwards. */
  states: Record<string, number>;
}

export type KindReport = Record<string, KindRow>;

/** The objects a manifest file declares (List items expanded), as parsed documents. */
export function declaredObjects(text: string, json: boolean): Json[] {
  const docs: unknown[] = [];
  try {
    if (json) docs.push(JSON.parse(text));
    else for (const d of parseAllDocuments(text)) docs.push(d.toJSON());
  } catch {
    return [];
  }
  const out: Json[] = [];
  const visit = (d: unknown) => {
    if (!d || typeof d !== 'object') return;
    const o = d as Json;
    if (typeof o['kind'] === 'string' && o['kind'].endsWith('List') && Array.isArray(o['items'])) o['items'].forEach(visit);
    else if (typeof o['kind'] === 'string') out.push(o);
  };
  docs.forEach(visit);
  return out;
}

/** "deployment.apps" as `apply -o name` and the created/configured lines name it. */
function kindKey(o: Json): string {
  const av = String(o['apiVersion'] ?? '');
  const group = av.includes('/') ? av.slice(0, av.indexOf('/')) : '';
  const k = String(o['kind']).toLowerCase();
  return group ? `${k}.${group}` : k;
}

const row = (r: KindReport, kind: string): KindRow => (r[kind] ??= { applied: 0, rejected: 0, states: {} });

/**
 * Counts one file: objects named in apply's stdout (`deployment.apps/web created`) were applied,
 * the other declared objects of that kind were rejected.
 */
export function countApplied(report: KindReport, declared: Json[], applyStdout: string): void {
  const applied = new Map<string, number>();
  for (const line of applyStdout.split('\n')) {
    const m = /^([a-z0-9.-]+)\/\S+ (created|configured|unchanged)/.exec(line);
    if (m) applied.set(m[1]!, (applied.get(m[1]!) ?? 0) + 1);
  }
  const byKey = new Map<string, { kind: string; n: number }>();
  for (const o of declared) {
    const e = byKey.get(kindKey(o)) ?? { kind: String(o['kind']), n: 0 };
    e.n++;
    byKey.set(kindKey(o), e);
  }
  for (const [key, { kind, n }] of byKey) {
    const ok = Math.min(applied.get(key) ?? 0, n);
    row(report, kind).applied += ok;
    row(report, kind).rejected += n - ok;
  }
}

const cond = (o: Json, type: string): boolean => (o['status']?.conditions ?? []).some((c: Json) => c?.type === type && c.status === 'True');
const bump = (r: KindReport, kind: string, state: string) => {
  const s = row(r, kind).states;
  s[state] = (s[state] ?? 0) + 1;
};

/**
 * The states of the objects in the cluster (`get … -A -o json` items): only user objects, i.e. the
 * kinds declared in the corpus; `podStatus` gives each pod's STATUS column.
 */
export function countStates(report: KindReport, items: Json[], podStatus: Map<string, string>, slices: Json[]): void {
  const ready = new Set<string>();
  for (const s of slices) {
    const svc = s['metadata']?.labels?.['kubernetes.io/service-name'];
    if (svc && (s['endpoints'] ?? []).some((e: Json) => e?.conditions?.ready !== false)) ready.add(`${s['metadata'].namespace}/${svc}`);
  }
  for (const o of items) {
    if (o['kind'] === 'Pod') bump(report, '(all pods)', podStatus.get(`${o['metadata']?.namespace}/${o['metadata']?.name}`) ?? 'Unknown');
    const kind = String(o['kind']);
    // Only the objects the manifests declared (a Deployment's ReplicaSets and pods are its state).
    if (!report[kind] || (o['metadata']?.ownerReferences ?? []).length > 0) continue;
    const ns = o['metadata']?.namespace ?? '';
    const name = o['metadata']?.name ?? '';
    if (ns === 'default' && name === 'kubernetes' && kind === 'Service') continue;
    const st: Json = o['status'] ?? {};
    const spec: Json = o['spec'] ?? {};
    switch (kind) {
      case 'Pod':
        bump(report, kind, podStatus.get(`${ns}/${name}`) ?? 'Unknown');
        break;
      case 'Deployment':
        bump(report, kind, cond(o, 'Available') && (st.availableReplicas ?? 0) >= (spec.replicas ?? 1) ? 'Available' : 'Unavailable');
        break;
      case 'StatefulSet':
      case 'ReplicaSet':
      case 'ReplicationController':
        bump(report, kind, (st.readyReplicas ?? 0) >= (spec.replicas ?? 1) ? 'Ready' : 'NotReady');
        break;
      case 'DaemonSet':
        bump(report, kind, (st.numberReady ?? 0) >= (st.desiredNumberScheduled ?? 0) && (st.desiredNumberScheduled ?? 0) > 0 ? 'Ready' : 'NotReady');
        break;
      case 'Service':
        if (spec.type === 'ExternalName') bump(report, kind, 'ExternalName');
        else if (!spec.selector) bump(report, kind, 'NoSelector');
        else bump(report, kind, ready.has(`${ns}/${name}`) ? 'WithEndpoints' : 'NoEndpoints');
        break;
      case 'PersistentVolumeClaim':
      case 'PersistentVolume':
        bump(report, kind, String(st.phase ?? 'Unknown'));
        break;
      case 'Job':
        bump(report, kind, cond(o, 'Complete') ? 'Complete' : cond(o, 'Failed') ? 'Failed' : cond(o, 'Suspended') ? 'Suspended' : 'Running');
        break;
      case 'Ingress':
        bump(report, kind, (st.loadBalancer?.ingress ?? []).length > 0 ? 'WithAddress' : 'NoAddress');
        break;
      default:
        bump(report, kind, 'Present');
    }
  }
}

/** The report as an aligned text table, kinds sorted. */
export function formatReport(report: KindReport): string {
  const rows = [['KIND', 'APPLIED', 'REJECTED', 'STATES AFTER CONVERGING']];
  for (const kind of Object.keys(report).sort()) {
    const r = report[kind]!;
    const states = Object.entries(r.states)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    const pseudo = kind.startsWith('(');
    rows.push([kind, pseudo ? '-' : String(r.applied), pseudo ? '-' : String(r.rejected), states]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 2))).join('').trimEnd()).join('\n') + '\n';
}
