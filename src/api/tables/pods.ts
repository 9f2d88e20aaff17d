// Pods (printers.go printPod): READY, the STATUS reason algorithm, RESTARTS with "(Xs ago)", and
// the wide IP / NODE / NOMINATED NODE / READINESS GATES cells.

import type { KObject, TableCell } from '../types.js';
import { AGE, age, arr, between, col, int, nameCol, parseTime, rec, str, type TableHandler } from './common.js';

const isRestartable = (c: Record<string, any> | undefined): boolean => c?.restartPolicy === 'Always';

function isTrue(conditions: Record<string, any>[], type: string): boolean {
  // isPodInitializedConditionTrue looks only at the first condition of the type.
  const c = conditions.find((x) => x.type === type);
  return c?.status === 'True';
}

/** Go's `if last.Before(&t) { last = t }` on lastState.terminated.finishedAt. */
function laterFinish(last: number | undefined, cs: Record<string, any>): number | undefined {
  const terminated = rec(cs.lastState).terminated;
  if (!terminated) return last;
  const t = parseTime(rec(terminated).finishedAt);
  if (t === undefined) return last;
  return last === undefined || last < t ? t : last;
}

function terminatedReason(t: Record<string, any>, prefix: string): string {
  if (str(t.reason) !== '') return prefix + t.reason;
  const signal = int(t.signal);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${int(t.exitCode)}`;
}

function podRow(pod: KObject, now: number): TableCell[] {
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const conditions = arr(status.conditions).map(rec);
  const initSpecs = arr(spec.initContainers).map(rec);
  const initByName = new Map(initSpecs.map((c) => [str(c.name), c]));

  let restarts = 0;
  let restartableRestarts = 0;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableRestart: number | undefined;
  // Sidecars (restartable init containers) count towards READY's total.
  const totalContainers = arr(spec.containers).length + initSpecs.filter(isRestartable).length;

  const phase = str(status.phase);
  let reason = str(status.reason) !== '' ? str(status.reason) : phase;
  for (const c of conditions) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let initializing = false;
  const initStatuses = arr(status.initContainerStatuses).map(rec);
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i]!;
    const state = rec(cs.state);
    const restartable = isRestartable(initByName.get(str(cs.name)));
    restarts += int(cs.restartCount);
    lastRestart = laterFinish(lastRestart, cs);
    if (restartable) {
      restartableRestarts += int(cs.restartCount);
      lastRestartableRestart = laterFinish(lastRestartableRestart, cs);
    }
    const terminated = state.terminated ? rec(state.terminated) : undefined;
    const waiting = state.waiting ? rec(state.waiting) : undefined;
    if (terminated && int(terminated.exitCode) === 0) continue;
    if (restartable && cs.started === true) {
      if (cs.ready === true) readyContainers++;
      continue;
    }
    if (terminated) reason = terminatedReason(terminated, 'Init:');
    else if (waiting && str(waiting.reason) !== '' && waiting.reason !== 'PodInitializing') reason = `Init:${waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }

  if (!initializing || isTrue(conditions, 'Initialized')) {
    restarts = restartableRestarts;
    lastRestart = lastRestartableRestart;
    let hasRunning = false;
    const statuses = arr(status.containerStatuses).map(rec);
    // Last to first, so the first container's reason wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i]!;
      const state = rec(cs.state);
      restarts += int(cs.restartCount);
      lastRestart = laterFinish(lastRestart, cs);
      const terminated = state.terminated ? rec(state.terminated) : undefined;
      const waiting = state.waiting ? rec(state.waiting) : undefined;
      if (waiting && str(waiting.reason) !== '') reason = str(waiting.reason);
      else if (terminated) reason = terminatedReason(terminated, '');
      else if (cs.ready === true && state.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = conditions.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  const deleting = Boolean(pod.metadata.deletionTimestamp);
  if (deleting && status.reason === 'NodeLost') reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsCell = `${restarts} (${between(lastRestart, now)} ago)`;
  }

  return [
    str(pod.metadata.name),
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsCell,
    age(pod, now),
    podIP(status) || '<none>',
    str(spec.nodeName) || '<none>',
    str(status.nominatedNodeName) || '<none>',
    readinessGates(arr(spec.readinessGates).map(rec), conditions),
  ];
}

/** The internal type's podIPs[0]: v1→internal conversion makes status.podIP authoritative. */
function podIP(status: Record<string, any>): string {
  if (str(status.podIP) !== '') return str(status.podIP);
  return str(rec(arr(status.podIPs)[0]).ip);
}

function readinessGates(gates: Record<string, any>[], conditions: Record<string, any>[]): string {
  if (gates.length === 0) return '<none>';
  let trueConditions = 0;
  for (const g of gates) {
    const c = conditions.find((x) => x.type === g.conditionType);
    if (c?.status === 'True') trueConditions++;
  }
  return `${trueConditions}/${gates.length}`;
}

export const pods: TableHandler = {
  columns: [
    nameCol(),
    col('Ready'),
    col('Status'),
    col('Restarts'),
    AGE(),
    col('IP', 'string', 1),
    col('Node', 'string', 1),
    col('Nominated Node', 'string', 1),
    col('Readiness Gates', 'string', 1),
  ],
  row: podRow,
};
