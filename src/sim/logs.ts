// The simulated container log that `kube-lite logs` prints and `kube-lite serve` answers on
// GET pods/{name}/log with: no process runs, so a container's log is built from what the cluster
// recorded. A container's log (kube-lite's format, documented in the README):
//   - when it started: for nginx images the last lines nginx's entrypoint prints,
//       /docker-entrypoint.sh: Configuration complete; ready for start up
//       2026/01/01 00:00:05 [notice] 1#1: start worker processes
//     for any other image one line `2026-01-01T00:00:05Z container <name> started (image <image>)`;
//   - one line per request it served (`cluster request`, meta traffic.log; the pod's first container):
//     for nginx images an access-log line in nginx's default `combined`-like format,
//       10.244.0.1 - - [01/Jan/2026:00:00:07 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"
//     else `2026-01-01T00:00:07Z GET / from 10.244.0.1`;
//   - one line per failed HTTP probe (`cluster fault probe-fail`), from the pod network's gateway:
//       10.244.1.1 - - [01/Jan/2026:00:00:10 +0000] "GET /healthz HTTP/1.1" 500 177 "-" "kube-probe/1.36" "-"
//     else `2026-01-01T00:00:10Z GET /healthz from 10.244.1.1 (kube-probe/1.36): 500`;
//   - when it ended (terminated): `2026-01-01T00:00:09Z container <name> exited with code <N>`
//     (nginx images print nothing more).
// --previous shows the previous instance's lines, up to its end. -f prints what there is and exits.

import type { ApiServer } from '../api/server.js';
import type { KObject } from '../api/types.js';
import { badRequest } from '../api/errors.js';
import { rfc3339 } from './clock.js';
import { loadLog, type ServedRequest } from './traffic/state.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

export interface LogLine {
  /** Cluster time (ms) the line was written. */
  at: number;
  text: string;
}

type Line = LogLine;

/**
 * The lines of one container's log (its current instance, or with `previous` the last terminated
 * one). `spec` is the container's spec, `init` whether it is an init container. Throws the
 * apiserver's/kubelet's BadRequest when there is no such instance. An unscheduled pod's log is empty.
 */
export function containerLog(api: ApiServer, pod: KObject, spec: Json, init: boolean, previous: boolean): LogLine[] {
  if (!pod['spec']?.nodeName) return [];
  const statuses: Json[] = pod['status']?.[init ? 'initContainerStatuses' : 'containerStatuses'] ?? [];
  const status = statuses.find((s) => s.name === spec.name) ?? {};
  const first = pod['spec']?.containers?.[0]?.name;
  const served = init ? [] : (loadLog(api.store)[pod.metadata.uid!] ?? []).filter((r) => (r.container ?? first) === spec.name);
  return previous ? previousLog(pod, spec, status, served) : currentLog(pod, spec, status, served);
}

const isNginx = (image: string): boolean => /(^|\/)nginx(:|@|$)/.test(image) || /(^|\/)nginx-unprivileged(:|@|$)/.test(image);

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const nginxErrorTime = (d: Date) =>
  `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
const nginxAccessTime = (d: Date) =>
  `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;

function startLines(spec: Json, at: number): Line[] {
  const image = String(spec.image ?? '');
  if (isNginx(image))
    return [
      { at, text: '/docker-entrypoint.sh: Configuration complete; ready for start up' },
      { at, text: `${nginxErrorTime(new Date(at))} [notice] 1#1: start worker processes` },
    ];
  return [{ at, text: `${rfc3339(at)} container ${spec.name} started (image ${image})` }];
}

function endLines(spec: Json, terminated: Json): Line[] {
  const at = Date.parse(terminated.finishedAt);
  if (isNginx(String(spec.image ?? '')) || Number.isNaN(at)) return [];
  return [{ at, text: `${rfc3339(at)} container ${spec.name} exited with code ${terminated.exitCode ?? 0}` }];
}

function requestLine(spec: Json, r: ServedRequest): Line {
  const at = Date.parse(r.time);
  if (isNginx(String(spec.image ?? ''))) {
    // nginx's own error page for a 500 is 177 bytes.
    const [status, bytes, agent] = r.probeStatus !== undefined ? [r.probeStatus, 177, 'kube-probe/1.36'] : [200, 615, r.agent ?? 'curl/8.5.0'];
    return { at, text: `${r.client} - - [${nginxAccessTime(new Date(at))}] "GET ${r.path} HTTP/1.1" ${status} ${bytes} "-" "${agent}" "-"` };
  }
  if (r.probeStatus !== undefined) return { at, text: `${r.time} GET ${r.path} from ${r.client} (kube-probe/1.36): ${r.probeStatus}` };
  return { at, text: `${r.time} GET ${r.path} from ${r.client}` };
}

/** The requests an instance served between its start and its end. */
const during = (served: ServedRequest[], from: number, to = Infinity): ServedRequest[] =>
  served.filter((r) => Date.parse(r.time) >= from && Date.parse(r.time) <= to);

function currentLog(pod: KObject, spec: Json, status: Json, served: ServedRequest[]): Line[] {
  const state = status.state ?? {};
  const instance = state.running ?? state.terminated;
  // Waiting to restart (CrashLoopBackOff): the kubelet serves the last instance's log.
  if (!instance && status.lastState?.terminated) return previousLog(pod, spec, status, served);
  if (!instance) {
    const reason = state.waiting?.reason ?? (pod['status']?.phase === 'Pending' ? 'ContainerCreating' : 'PodInitializing');
    // The kubelet words the common pull failures (validateContainerLogStatus).
    const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    throw badRequest(`container "${spec.name}" in pod "${pod.metadata.name}" is waiting to start: ${why}`);
  }
  const started = Date.parse(instance.startedAt);
  // A request at the instant the last instance ended was that one's.
  const lastEnd = Date.parse(status.lastState?.terminated?.finishedAt);
  const mine = during(served, started).filter((r) => !(Date.parse(r.time) <= lastEnd));
  const lines = [...startLines(spec, started), ...mine.map((r) => requestLine(spec, r))];
  if (state.terminated) lines.push(...endLines(spec, state.terminated));
  return lines;
}

function previousLog(pod: KObject, spec: Json, status: Json, served: ServedRequest[]): Line[] {
  const last = status.lastState?.terminated;
  if (!last) throw badRequest(`previous terminated container "${spec.name}" in pod "${pod.metadata.name}" not found`);
  const [from, to] = [Date.parse(last.startedAt), Date.parse(last.finishedAt)];
  return [...startLines(spec, from), ...during(served, from, to).map((r) => requestLine(spec, r)), ...endLines(spec, last)];
}
