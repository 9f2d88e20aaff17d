// kubectl logs POD [-c CONTAINER] [--tail N] [--since D] [-p] [-f]: a simulated log, since no process
// runs. A container's log (kube-lite's format, documented in the README):
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

import type { Command } from 'commander';
import type { KObject } from '../../api/types.js';
import { containerLog } from '../../sim/logs.js';
import type { CommandContext } from '../context.js';
import { CliError } from '../../api/errors.js';
import { durationFlag } from '../duration.js';
import { intFlag } from '../flags.js';
import { chooseContainer } from '../container/target.js';
import { findResource, qualifiedResource, type ResourceInfo } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import { labelSelectorAsSelector, selectorFromSet, type Selector } from '../../api/labels.js';
import { resolveType } from '../../resource/type-args.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

interface Line {
  at: number;
  text: string;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('logs')
    .description('Print the logs for a container in a pod')
    .argument('[args...]')
    .option('-c, --container <name>', 'Print the logs of this container')
    .option('--tail <lines>', 'Lines of recent log file to display. Defaults to -1, showing all log lines.', '-1')
    .option('--since <duration>', 'Only return logs newer than a relative duration like 5s, 2m, or 3h.')
    .option('-p, --previous', 'If true, print the logs for the previous instance of the container in a pod if it exists.')
    .option('-f, --follow', 'Specify if the logs should be streamed (kube-lite prints what there is and exits).')
    .action(async (args: string[], f: Record<string, unknown>) => {
      if (args.length === 0) throw new CliError('expected \'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]\'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee \'kubectl logs -h\' for help and examples');
      const tail = intFlag('tail', f['tail'])!;
      const sinceMs = f['since'] === undefined ? undefined : durationFlag('since', f['since']);
      const namespace = await ctx.namespace();
      const lines = await ctx.withApi((api) => {
        const pod = logsPod(api, namespace, args[0]!, (t) => ctx.err(t));
        const { spec, init } = chooseContainer(pod, f['container'] as string | undefined, (s) => ctx.err(s));
        // The apiserver gives an unscheduled pod's log as empty.
        const all = containerLog(api, pod, spec, init, !!f['previous']);
        const from = sinceMs === undefined ? -Infinity : api.now() - sinceMs;
        return all.filter((l) => l.at >= from);
      }, { readOnly: true });
      const shown = tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
      ctx.out(shown.map((l) => l.text + '\n').join(''));
    });
}

/**
 * The pod whose log is shown for POD or TYPE/NAME: kubectl logs' builder lookup (a NotFound is worded
 * "error from server (NotFound): … in namespace …") and polymorphichelpers.LogsForObject, which for a
 * controller takes the first of its pods in podutils.ByLogging order.
 */
function logsPod(api: ApiServer, namespace: string, arg: string, warn: (s: string) => void): KObject {
  let info: ResourceInfo = findResource('pods')!;
  let name = arg;
  const slash = arg.indexOf('/');
  if (slash !== -1) {
    if (arg.indexOf('/', slash + 1) !== -1) throw new CliError('arguments in resource/name form may not have more than one slash');
    if (slash === 0 || slash === arg.length - 1) throw new CliError('arguments in resource/name form must have a single resource and name');
    info = resolveType(arg.slice(0, slash))[0]!;
    name = arg.slice(slash + 1);
  }
  const obj = api.tryGet(info, info.namespaced ? namespace : '', name);
  if (!obj) {
    throw new CliError(`error from server (NotFound): ${qualifiedResource(info)} ${JSON.stringify(name)} not found in namespace ${JSON.stringify(namespace)}`);
  }
  if (obj.kind === 'Pod') return obj;
  const selector = selectorForLogs(obj);
  const pods = api.list(findResource('pods')!, namespace).filter((p) => selector.matches(p.metadata.labels ?? {}));
  // The kubectl waits --pod-running-timeout for a pod to appear; no time passes here.
  if (pods.length === 0) throw new CliError('timed out waiting for the condition');
  const sorted = [...pods].sort(byLogging);
  if (sorted.length > 1) warn(`Found ${sorted.length} pods, using pod/${sorted[0]!.metadata.name}\n`);
  return sorted[0]!;
}

/** polymorphichelpers.SelectorsForObject, for the kinds kube-lite serves. */
function selectorForLogs(obj: KObject): Selector {
  const spec = (obj as Json)['spec'] ?? {};
  const type = `*${obj.apiVersion.split('/').pop()}.${obj.kind}`;
  const fail = (why: string): never => {
    throw new CliError(`cannot get the logs from ${type}: ${why}`);
  };
  try {
    switch (obj.kind) {
      case 'ReplicationController':
        return selectorFromSet(spec.selector);
      case 'ReplicaSet':
      case 'Deployment':
      case 'DaemonSet':
      case 'StatefulSet':
      case 'Job':
        return labelSelectorAsSelector(spec.selector);
      case 'Service':
        if (spec.selector == null) fail(`invalid service '${obj.metadata.name}': Service is defined without a selector`);
        return selectorFromSet(spec.selector);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    fail(`invalid label selector: ${(e as Error).message}`);
  }
  return fail(`selector for ${type} not implemented`);
}

/** podutils.ByLogging: the pod most worth reading first. */
function byLogging(a: KObject, b: KObject): number {
  const less = (x: Json, y: Json): boolean => {
    const [nx, ny] = [x.spec?.nodeName ?? '', y.spec?.nodeName ?? ''];
    if (nx !== ny && (nx === '' || ny === '')) return nx !== '';
    const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
    const [px, py] = [rank[x.status?.phase] ?? 0, rank[y.status?.phase] ?? 0];
    if (px !== py) return px < py;
    const [rx, ry] = [readyTime(x), readyTime(y)];
    if ((rx !== undefined) !== (ry !== undefined)) return rx !== undefined;
    if (rx !== undefined && ry !== undefined && !sameTime(rx, ry)) return afterOrZero(ry, rx);
    const [cx, cy] = [maxRestarts(x), maxRestarts(y)];
    if (cx !== cy) return cx > cy;
    const [tx, ty] = [Date.parse(x.metadata?.creationTimestamp ?? ''), Date.parse(y.metadata?.creationTimestamp ?? '')];
    if (!sameTime(tx, ty)) return afterOrZero(ty, tx);
    return false;
  };
  return less(a as Json, b as Json) ? -1 : less(b as Json, a as Json) ? 1 : 0;
}

/** The Ready condition's lastTransitionTime (NaN when unset) for a ready pod, else undefined. */
function readyTime(pod: Json): number | undefined {
  const c = (pod.status?.conditions ?? []).find((x: Json) => x.type === 'Ready');
  return c?.status === 'True' ? Date.parse(c.lastTransitionTime ?? '') : undefined;
}

const sameTime = (p: number, q: number): boolean => p === q || (Number.isNaN(p) && Number.isNaN(q));

/** afterOrZero: a zero time counts as the latest. */
function afterOrZero(t1: number, t2: number): boolean {
  if (Number.isNaN(t1) || Number.isNaN(t2)) return Number.isNaN(t1);
  return t1 > t2;
}

function maxRestarts(pod: Json): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c: Json) => Number(c.restartCount ?? 0)));
}
