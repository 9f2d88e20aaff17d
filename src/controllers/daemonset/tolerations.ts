// The tolerations every DaemonSet pod gets (daemon/util AddOrUpdateDaemonPodTolerations): a daemon
// keeps running on a node that is not ready, unreachable, under pressure or cordoned.
/* eslint-disable @typescript-eslint/no-explicit-any */

const exists = (key: string, effect: string) => ({ key, operator: 'Exists', effect });

/** In upstream's order; network-unavailable only for hostNetwork pods (they do not need the CNI). */
export function daemonTolerations(hostNetwork: boolean): any[] {
  const out = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (hostNetwork) out.push(exists('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  return out;
}

/** Toleration.MatchToleration: same key, operator (empty means Equal), value and effect. */
function sameToleration(a: any, b: any): boolean {
  const op = (t: any) => (t?.operator || 'Equal') as string;
  return a?.key === b?.key && op(a) === op(b) && (a?.value ?? '') === (b?.value ?? '') && (a?.effect ?? '') === (b?.effect ?? '');
}

/** AddOrUpdateTolerationInPodSpec for each: a matching entry is replaced in place, others appended. */
export function withDaemonTolerations(spec: any): any[] {
  const out: any[] = [...(spec?.tolerations ?? [])];
  for (const t of daemonTolerations(spec?.hostNetwork === true)) {
    const at = out.findIndex((x) => sameToleration(x, t));
    if (at < 0) out.push(t);
    else out[at] = t;
  }
  return out;
}
