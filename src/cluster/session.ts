// One invocation's view of a cluster: lock its directory, load the state, build the API server on it,
// reconcile, and commit. A cluster is created on first use, so commands work on a fresh machine.

import fs from 'node:fs';
import { ApiServer } from '../api/server.js';
import { CliError } from '../api/errors.js';
import { clockFromEnv, OffsetClock, type Clock } from '../sim/clock.js';
import { SimContext, type PersistedRun } from '../sim/context.js';
import type { TimingProfile } from '../sim/timing.js';
import { entropySeed, SeededRandom, seedFromString } from '../sim/random.js';
import { FileStoreTxn, initStateDir } from '../store/file-store.js';
import { MemoryStore } from '../store/memory-store.js';
import { bootstrapCluster } from './bootstrap.js';
import { deferredValidator, loadMachinery, reconcileLoaded } from './machinery.js';
import { clusterDir, DEFAULT_CLUSTER, readConfig, withCluster, writeConfig, type KubeConfig } from './config.js';

export interface SessionEnv {
  home: string;
  env: Record<string, string | undefined>;
}

export interface CreateClusterOptions {
  name: string;
  nodes: number;
  seed?: string;
  timing?: 'instant' | 'realistic';
  /** 'pool': LoadBalancer Services get addresses from the simulated pool; 'none': they stay pending. */
  loadBalancer?: 'pool' | 'none';
}

/** Builds a new cluster's state in memory and writes it; registers it in the config. */
export async function createCluster(se: SessionEnv, opts: CreateClusterOptions): Promise<void> {
  const dir = await createClusterState(se, opts);
  await writeConfig(se.home, withCluster(readConfig(se.home), opts.name, `file://${dir}`));
}

/** The cluster's directory, bootstrapped and converged, without adding it to the config file. */
export async function createClusterState(se: SessionEnv, opts: CreateClusterOptions): Promise<string> {
  const dir = clusterDir(se.home, opts.name);
  const seedText = opts.seed ?? se.env['KUBE_LITE_SEED'];
  const seed = seedText !== undefined ? seedFromString(seedText) : entropySeed();
  const { validator, reconcile } = await loadMachinery();
  const store = new MemoryStore();
  const random = new SeededRandom(seed);
  const api = new ApiServer(store, clockFromEnv(se.env), random, validator, new SimContext(opts.timing ?? 'instant'));
  bootstrapCluster(api, { clusterName: opts.name, nodes: opts.nodes });
  reconcile(api);
  store.setMeta('random', random.getState());
  store.setMeta('cluster', { name: opts.name, nodes: opts.nodes, timing: opts.timing ?? 'instant', seed, loadBalancer: opts.loadBalancer ?? 'pool' });
  initStateDir(dir, store.snapshot());
  return dir;
}

export function clusterExists(home: string, name: string): boolean {
  return fs.existsSync(clusterDir(home, name));
}

export interface ResolvedContext {
  contextName: string;
  clusterName: string;
  namespace: string;
}

/** Resolves --context (or the current context) to a cluster and default namespace. */
export async function resolveContext(se: SessionEnv, contextFlag: string | undefined): Promise<ResolvedContext> {
  let config: KubeConfig = readConfig(se.home);
  if (!contextFlag && !config['current-context'] && config.contexts.length === 0) {
    // First use on this machine: make the default cluster.
    if (!clusterExists(se.home, DEFAULT_CLUSTER)) {
      await createCluster(se, { name: DEFAULT_CLUSTER, nodes: 3 });
    } else {
      await writeConfig(se.home, withCluster(config, DEFAULT_CLUSTER, `file://${clusterDir(se.home, DEFAULT_CLUSTER)}`));
    }
    config = readConfig(se.home);
  }
  const name = contextFlag || config['current-context'];
  if (!name) throw new CliError('current-context is not set');
  const ctx = config.contexts.find((c) => c.name === name);
  if (!ctx) throw new CliError(`context was not found for specified context: ${name}`);
  return { contextName: name, clusterName: ctx.context.cluster, namespace: ctx.context.namespace || 'default' };
}

export interface ClusterMeta {
  name: string;
  nodes: number;
  timing: TimingProfile;
  seed: number;
  /** Absent in clusters made before the option existed: 'pool'. */
  loadBalancer?: 'pool' | 'none';
}

/**
 * Kept with the cluster after a reconcile converged: the revision it converged at and the earliest
 * pending due time then (null: nothing pending). While the revision is the same and the clock is
 * before `wakeup`, another reconcile would write nothing, so a command may skip it.
 */
interface Reconciled {
  revision: number;
  wakeup: number | null;
  /**
   * Each controller's last run then (src/controllers/index.ts, PersistedRun): what it read, its
   * pending due time, whether it reads the clock. A later command starting from this revision knows
   * each controller is settled, and runs only those whose inputs it changes or whose time has come.
   */
  controllers?: Record<string, PersistedRun>;
}
const RECONCILED = 'reconciled';
/**
 * Kept out of the heap as they are written: events. A command records many (four per pod started)
 * and reads them back only to count up on one; at 10,000 pods they were a quarter of the heap.
 */
const COLD = ['events'];

export class ClusterSession {
  /** store.changeCount() when the last reconcile finished (or was found unnecessary). */
  private settledAt = -1;

  private constructor(
    private readonly txn: FileStoreTxn,
    readonly api: ApiServer,
    private readonly random: SeededRandom,
    private readonly clock: OffsetClock,
  ) {}

  /** `previous`: the caller's last committed session, whose objects are reused if still current (serve). */
  static open(se: SessionEnv, clusterName: string, base: Clock = clockFromEnv(se.env), previous?: ClusterSession): ClusterSession {
    const dir = clusterDir(se.home, clusterName);
    if (!fs.existsSync(dir)) {
      throw new CliError(`cluster "${clusterName}" does not exist (create it with: kube-lite cluster create ${clusterName})`);
    }
    const txn = FileStoreTxn.open(dir, previous?.txn, COLD);
    const random = new SeededRandom(txn.store.getMeta<number>('random') ?? 1);
    const meta = txn.store.getMeta<ClusterMeta>('cluster');
    const clock = new OffsetClock(base, txn.store.getMeta<number>('clockOffsetMs') ?? 0);
    const api = new ApiServer(txn.store, clock, random, deferredValidator, new SimContext(meta?.timing ?? 'instant'));
    // A cluster left converged: its controllers' last runs let this command's reconcile skip those
    // with nothing to do. Read-tracking versions count changes from now, hence taken now.
    const mark = txn.store.getMeta<Reconciled>(RECONCILED);
    const versionOf = txn.store.versionOf?.bind(txn.store);
    if (mark?.controllers && mark.revision === txn.store.revision() && versionOf) {
      api.sim.settledRuns = {};
      for (const [name, run] of Object.entries(mark.controllers)) {
        if (!Array.isArray(run?.reads)) continue;
        api.sim.settledRuns[name] = { reads: run.reads.map((k) => [k, versionOf(k)]), wake: run.wake ?? undefined, clock: !!run.clock };
      }
    }
    return new ClusterSession(txn, api, random, clock);
  }

  /** Moves the cluster clock forward (persisted): simulated time passes at once. */
  advance(ms: number): void {
    this.clock.offsetMs += ms;
    this.txn.store.setMeta('clockOffsetMs', this.clock.offsetMs);
  }

  /** Loads the validator and the controllers, which writing and reconciling need. */
  async loadMachinery(): Promise<void> {
    await loadMachinery();
  }

  /** Runs the controllers until the cluster settles (loadMachinery() first). */
  reconcile(): void {
    reconcileLoaded(this.api);
    const next = this.api.sim.nextWakeup();
    const controllers = this.api.sim.lastRuns;
    this.txn.store.setMeta(RECONCILED, { revision: this.txn.store.revision(), wakeup: next ?? null, ...(controllers ? { controllers } : {}) } satisfies Reconciled);
    this.settledAt = this.txn.store.changeCount();
  }

  /**
   * Reconciles unless it cannot change anything: nothing was written since the last converged
   * reconcile (in this session, or - via the stored marker - by any earlier command) and no pending
   * due time has come. Read-only commands then never walk the controllers over the whole cluster.
   * Time still counts: a wakeup that has come due (realistic timing, `cluster advance`) reconciles.
   */
  reconcileIfNeeded(): void {
    if (this.needsReconcile()) this.reconcile();
  }

  /** False when a reconcile could not change anything now (see reconcileIfNeeded). */
  needsReconcile(): boolean {
    const store = this.txn.store;
    if (this.settledAt === store.changeCount()) return false;
    if (this.settledAt < 0) {
      const mark = store.getMeta<Reconciled>(RECONCILED);
      if (mark && mark.revision === store.revision() && (mark.wakeup === null || this.api.now() < mark.wakeup)) {
        this.settledAt = store.changeCount();
        return false;
      }
    }
    return true;
  }

  async commit(): Promise<void> {
    // Anything written after the last reconcile (a command that asked for no reconcile) makes the
    // marker stale: drop it, so that the next command reconciles.
    if (this.settledAt !== this.txn.store.changeCount() && this.txn.store.getMeta(RECONCILED) !== undefined) {
      this.txn.store.setMeta(RECONCILED, undefined);
    }
    this.txn.store.setMeta('random', this.random.getState());
    await this.txn.commit();
  }

  /** Drops everything written in this session. */
  abort(): void {
    this.txn.close();
  }
}
