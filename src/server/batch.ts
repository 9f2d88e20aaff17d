// Group commit for `kube-lite serve`: one in-process queue of requests. A batch opens ONE cluster
// session (the directory lock, state read from disk), runs every queued request in arrival order
// against session.api, reconciles, commits (one fsync round for the whole batch), and only then
// answers. Requests arriving meanwhile wait for the next batch. Between batches the lock is free, so
// `kube-lite` CLI processes interleave with the server without lost updates: each side always starts
// from the other's last commit.

import fs from 'node:fs';
import path from 'node:path';
import type { ApiServer } from '../api/server.js';
import { clusterDir } from '../cluster/config.js';
import { ClusterSession, type SessionEnv } from '../cluster/session.js';
import type { Clock } from '../sim/clock.js';
import { STATE_FILE } from '../store/file-store.js';

/**
 * Under load, the controllers run at most this often (see runBatch). As on a real cluster, where the
 * controllers are other processes, they fall behind a burst of writes and catch up after it: paying
 * for them in every batch capped pod creation at a few hundred per second.
 */
const RECONCILE_EVERY_MS = 5000;
/** A batch this large means clients are streaming requests (interactive use sends a few at a time). */
const LOAD_BATCH = 16;
/** How long a batch that showed load keeps the server in its under-load mode. */
const LOAD_MEMORY_MS = 250;

export type Job<T> = (session: ClusterSession) => T;

interface Queued {
  run: Job<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface BatchHooks {
  /**
   * After the batch's requests and reconcile, before the commit, with the lock held. `changed` is
   * the set of store resources written by this batch, or null when the state changed on disk since
   * our last commit (a CLI process wrote: anything may differ).
   */
  beforeCommit?(api: ApiServer, changed: Set<string> | null): void;
  /** After a successful commit, before the requests are answered. */
  afterCommit?(): void;
}

export interface BatchStats {
  batches: number;
  requests: number;
}

export class Batcher {
  private queue: Queued[] = [];
  private running = false;
  private wanted = false;
  private closed = false;
  private wakeTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private lastStat = '';
  private lastRevision = -1;
  /** The last committed session: its objects are reused while nobody else writes (FileStoreTxn.open). */
  private previous: ClusterSession | undefined;
  private lastReconcile = 0;
  /** When a batch last showed load (many requests in it, or more waiting). */
  private lastLoad = Number.NEGATIVE_INFINITY;
  private deferTimer: NodeJS.Timeout | undefined;
  private idle: (() => void)[] = [];
  readonly stats: BatchStats = { batches: 0, requests: 0 };
  readonly stateFile: string;
  /** KUBE_LITE_SERVE_TRACE=1: one line per batch on stderr with where its time went. */
  private readonly trace: boolean;

  constructor(
    private readonly se: SessionEnv,
    readonly clusterName: string,
    private readonly clock: Clock,
    private readonly hooks: BatchHooks = {},
    pollMs = 100,
  ) {
    this.trace = !!se.env['KUBE_LITE_SERVE_TRACE'];
    this.stateFile = path.join(clusterDir(se.home, clusterName), STATE_FILE);
    if (pollMs > 0) {
      // A CLI process committed: run an empty batch so controllers and watchers see its writes.
      this.pollTimer = setInterval(() => {
        if (this.running || this.closed) return;
        fs.stat(this.stateFile, (err, st) => {
          if (err || this.closed) return;
          if (statKey(st) !== this.lastStat) this.kick();
        });
      }, pollMs);
      this.pollTimer.unref();
    }
  }

  /** Runs `job` in the next batch; resolves with its result after that batch committed. */
  submit<T>(job: Job<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('server is shutting down'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run: job, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Asks for an empty batch (reconcile, commit, notify watchers). */
  kick(): void {
    this.wanted = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.running) return;
    this.running = true;
    // setImmediate: requests that arrived in the same turn of the event loop join this batch.
    setImmediate(() => void this.loop());
  }

  private async loop(): Promise<void> {
    try {
      while (this.queue.length > 0 || this.wanted) {
        this.wanted = false;
        const jobs = this.queue.splice(0);
        await this.runBatch(jobs);
      }
    } finally {
      this.running = false;
      for (const f of this.idle.splice(0)) f();
    }
  }

  private async runBatch(jobs: Queued[]): Promise<void> {
    let session: ClusterSession | undefined;
    const results: { ok: boolean; v: unknown }[] = [];
    try {
      const t0 = performance.now();
      session = ClusterSession.open(this.se, this.clusterName, this.clock, this.previous);
      await session.loadMachinery();
      const t1 = performance.now();
      const store = session.api.store;
      const external = store.revision() !== this.lastRevision;
      for (const j of jobs) {
        try {
          results.push({ ok: true, v: j.run(session) });
        } catch (e) {
          results.push({ ok: false, v: e });
        }
      }
      const t2 = performance.now();
      // The controllers run after the batch's requests, as a real cluster's run after the apiserver
      // answered. Under load (more requests already waiting) they run at most every RECONCILE_EVERY_MS:
      // their cost then spreads over many requests instead of being paid per batch.
      const sinceLast = performance.now() - this.lastReconcile;
      // Under a stream of requests the batches alternate between full and nearly empty ones (the
      // clients answered by one batch send again while the next one starts): load is remembered for a
      // while, or every nearly empty batch would pay for the controllers again.
      const now = performance.now();
      if (this.queue.length > 0 || jobs.length >= LOAD_BATCH) this.lastLoad = now;
      const busy = now - this.lastLoad < LOAD_MEMORY_MS && sinceLast < RECONCILE_EVERY_MS;
      if (!busy) {
        session.reconcileIfNeeded();
        this.lastReconcile = performance.now();
      } else if (!this.deferTimer) {
        this.deferTimer = setTimeout(() => {
          this.deferTimer = undefined;
          this.kick();
        }, RECONCILE_EVERY_MS - sinceLast);
        this.deferTimer.unref();
      }
      const t3 = performance.now();
      const changedFn = (store as unknown as { changedResources?: () => string[] }).changedResources;
      const changed = external || !changedFn ? null : new Set(changedFn.call(store));
      this.hooks.beforeCommit?.(session.api, changed);
      const t4 = performance.now();
      await session.commit();
      if (this.trace) {
        const ms = (a: number, b: number) => (b - a).toFixed(1);
        process.stderr.write(`batch ${jobs.length} reqs: open ${ms(t0, t1)} handle ${ms(t1, t2)} reconcile ${ms(t2, t3)} watch ${ms(t3, t4)} commit ${ms(t4, performance.now())} ms\n`);
      }
      this.previous = session;
      this.lastRevision = store.revision();
      try {
        this.lastStat = statKey(fs.statSync(this.stateFile));
      } catch {
        this.lastStat = '';
      }
      this.stats.batches++;
      this.stats.requests += jobs.length;
      this.hooks.afterCommit?.();
      this.armWakeup(session.api);
    } catch (e) {
      // The aborted session may have changed objects it shared with the previous one: read afresh.
      this.previous = undefined;
      session?.abort();
      for (const j of jobs) j.reject(e);
      return;
    }
    jobs.forEach((j, i) => (results[i]!.ok ? j.resolve(results[i]!.v) : j.reject(results[i]!.v)));
  }

  /** Realistic timing / back-offs: run an empty batch when the simulation next has something due. */
  private armWakeup(api: ApiServer): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    const next = api.sim.nextWakeup();
    if (next === undefined || next === null || this.closed) return;
    const delay = Math.min(Math.max(next - api.now(), 10), 2 ** 31 - 1);
    this.wakeTimer = setTimeout(() => this.kick(), delay);
    this.wakeTimer.unref();
  }

  /** Stops timers and waits for the batch under way (its commit) to finish. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    if (this.deferTimer) clearTimeout(this.deferTimer);
    if (this.running) await new Promise<void>((r) => this.idle.push(r));
  }
}

function statKey(st: fs.Stats): string {
  return `${st.ino}:${st.size}:${st.mtimeMs}`;
}
