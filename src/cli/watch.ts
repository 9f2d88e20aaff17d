// The client half of `kubectl get -w` over the file-backed cluster: poll the cluster, diff what the
// watch matches against what was last seen (by resourceVersion, keyed by namespace/name), and hand the
// ADDED/MODIFIED/DELETED events to the printer - the same diff `kube-lite serve` makes for a real
// kubectl's watch (src/server/watch.ts). The cluster lock is held only while one poll reads.
//
// Each poll is an ordinary read-only session, so its reconcile is what moves a realistic-timing
// cluster forward while nothing else runs. A poll is skipped when state.json did not change since the
// last one and no reconcile wake-up (the 'reconciled' marker's due time) has come.
//
// kubectl never ends a watch on its own: it runs until the server closes it (--request-timeout), or
// until SIGINT/SIGTERM/SIGHUP, where its interrupt handler (kubectl/pkg/util/interrupt, final nil)
// calls os.Exit(1).

import fs from 'node:fs';
import path from 'node:path';
import type { ApiServer } from '../api/server.js';
import type { KObject } from '../api/types.js';
import { clusterDir } from '../cluster/config.js';
import { clockFromEnv } from '../sim/clock.js';
import { STATE_FILE } from '../store/file-store.js';
import type { WatchEventType } from '../printers/table.js';
import type { CommandContext } from './context.js';

export interface WatchEvent {
  type: WatchEventType;
  obj: KObject;
}

export interface WatchLoopOptions {
  /** What the watch matches now (inside a session; `first`: the initial poll, whose errors end the watch). */
  list: (api: ApiServer, first: boolean) => KObject[];
  /** The first poll's objects (kubectl's initial list/get), with the cluster time of that poll. */
  onInitial: (objs: KObject[], now: number) => void;
  /** The events of one later poll, in order; each is printed and flushed on its own. */
  onEvents: (events: WatchEvent[], now: number) => void;
  /** Milliseconds between polls (KUBE_LITE_WATCH_INTERVAL_MS; default 250). */
  intervalMs?: number;
  /** --request-timeout: the watch ends after this long (0: never). */
  timeoutMs?: number;
}

export type WatchEnd = 'interrupted' | 'timeout';

const DEFAULT_INTERVAL_MS = 250;
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The watches running in this process; interruptWatches() ends them as a signal would. */
const running = new Set<() => void>();

/** Ends every running watch as SIGINT does (tests that run kube-lite in process). */
export function interruptWatches(): void {
  for (const stop of [...running]) stop();
}

export function watchIntervalMs(env: Record<string, string | undefined>): number {
  const v = Number(env['KUBE_LITE_WATCH_INTERVAL_MS']);
  return Number.isFinite(v) && v >= 0 && env['KUBE_LITE_WATCH_INTERVAL_MS'] !== '' && env['KUBE_LITE_WATCH_INTERVAL_MS'] !== undefined
    ? v
    : DEFAULT_INTERVAL_MS;
}

function key(o: KObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

interface Reconciled {
  revision: number;
  wakeup: number | null;
}

/** state.json's identity: a commit replaces it (new inode, mtime), so a change shows here. */
function stamp(file: string): string {
  try {
    const st = fs.statSync(file, { bigint: true });
    return `${st.ino}:${st.mtimeNs}:${st.size}`;
  } catch {
    return '';
  }
}

/** Runs the watch until interrupted or timed out. The first poll's errors (NotFound, ...) are thrown. */
export async function watchLoop(ctx: CommandContext, o: WatchLoopOptions): Promise<WatchEnd> {
  const { clusterName } = await ctx.context();
  const stateFile = path.join(clusterDir(ctx.home, clusterName), STATE_FILE);
  const base = clockFromEnv(ctx.io.env);
  const interval = o.intervalMs ?? watchIntervalMs(ctx.io.env);

  let seen = new Map<string, KObject>();
  let lastStamp: string | undefined;
  /** Cluster time minus base time at the last poll (the persisted clock offset). */
  let skew = 0;
  let wakeup: number | null | undefined;

  const poll = async (first: boolean): Promise<void> => {
    const before = stamp(stateFile);
    if (!first && before === lastStamp && wakeup !== undefined && (wakeup === null || base.now() + skew < wakeup)) return;
    const { objs, now, revision, mark } = await ctx.withSession(
      (s) => {
        const objs = o.list(s.api, first);
        return { objs, now: s.api.now(), revision: s.api.store.revision(), mark: s.api.store.getMeta<Reconciled>('reconciled') };
      },
      { readOnly: true },
    );
    lastStamp = before;
    skew = now - base.now();
    wakeup = mark ? mark.wakeup : undefined;
    const current = new Map<string, KObject>();
    for (const obj of objs) current.set(key(obj), obj);
    if (first) {
      seen = current;
      o.onInitial(objs, now);
      return;
    }
    const events: WatchEvent[] = [];
    for (const [k, obj] of current) {
      const prev = seen.get(k);
      if (!prev || prev.metadata.uid !== obj.metadata.uid) {
        if (prev) events.push({ type: 'DELETED', obj: { ...prev, metadata: { ...prev.metadata, resourceVersion: String(revision) } } });
        events.push({ type: 'ADDED', obj });
      } else if (prev.metadata.resourceVersion !== obj.metadata.resourceVersion) events.push({ type: 'MODIFIED', obj });
    }
    // A deletion carries the object's last seen state at the deletion's resourceVersion (as serve's watch).
    const rv = String(revision);
    for (const [k, obj] of seen) if (!current.has(k)) events.push({ type: 'DELETED', obj: { ...obj, metadata: { ...obj.metadata, resourceVersion: rv } } });
    seen = current;
    if (events.length > 0) o.onEvents(events, now);
  };

  await poll(true);
  // Test hook: KUBE_LITE_WATCH_READY names a file made once the initial state is read (a --watch-only
  // test knows from it when a change will be seen as one).
  const ready = ctx.io.env['KUBE_LITE_WATCH_READY'];
  if (ready) fs.writeFileSync(ready, '');

  let stopped: WatchEnd | undefined;
  let wake: (() => void) | undefined;
  const stop = (why: WatchEnd) => {
    stopped ??= why;
    wake?.();
  };
  const onSignal = () => stop('interrupted');
  const interrupt = () => stop('interrupted');
  running.add(interrupt);
  for (const sig of SIGNALS) process.on(sig, onSignal);
  const timer = o.timeoutMs && o.timeoutMs > 0 ? setTimeout(() => stop('timeout'), o.timeoutMs) : undefined;
  try {
    while (stopped === undefined) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, interval);
      });
      wake = undefined;
      if (stopped !== undefined) break;
      await poll(false);
    }
  } finally {
    if (timer) clearTimeout(timer);
    for (const sig of SIGNALS) process.off(sig, onSignal);
    running.delete(interrupt);
  }
  return stopped;
}
