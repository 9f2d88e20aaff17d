// The incremental reconcile: a controller is skipped while what it read is unchanged and no wake-up it
// asked for is due; one that says it reads the clock re-runs when the clock moves.

import { describe, expect, it } from 'vitest';
import { findResource } from '../../../src/api/registry.js';
import { ApiServer } from '../../../src/api/server.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { reconcile, type Controller } from '../../../src/controllers/index.js';
import { FixedClock, OffsetClock } from '../../../src/sim/clock.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

function cluster() {
  const clock = new OffsetClock(new FixedClock(Date.parse('2026-01-01T00:00:00Z')), 0);
  const api = new ApiServer(new MemoryStore(), clock, new SeededRandom(1), defaultValidator, new SimContext('instant'));
  api.create(findResource('namespaces')!, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return { api, clock };
}

describe('incremental reconcile', () => {
  it('skips a controller whose inputs did not change, and re-runs it when one does', () => {
    const { api } = cluster();
    const runs = { cm: 0 };
    const readsConfigMaps: Controller = (a) => void (runs.cm++, a.list(findResource('configmaps')!));
    reconcile(api, [readsConfigMaps]);
    reconcile(api, [readsConfigMaps]);
    expect(runs.cm).toBe(1);
    api.create(findResource('configmaps')!, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } });
    reconcile(api, [readsConfigMaps]);
    expect(runs.cm).toBe(2);
  });

  it('re-runs a controller when its wake-up is due, or when the clock moved if it reads the clock', () => {
    const { api, clock } = cluster();
    const runs = { wake: 0, clock: 0, neither: 0 };
    const wakes: Controller = (a) => void (runs.wake++, a.sim.wakeAt(a.now() + 10_000));
    const readsClock: Controller = (a) => void (runs.clock++, a.sim.readsClock());
    const neither: Controller = () => void runs.neither++;
    const all = [wakes, readsClock, neither];
    reconcile(api, all);
    clock.offsetMs += 5_000;
    reconcile(api, all);
    expect(runs).toEqual({ wake: 1, clock: 2, neither: 1 });
    clock.offsetMs += 5_000;
    reconcile(api, all);
    expect(runs).toEqual({ wake: 2, clock: 3, neither: 1 });
  });

  it('carries each controller\'s last run over to the next command on a converged cluster', () => {
    const { api, clock } = cluster();
    const runs = { cm: 0, wake: 0, clock: 0 };
    const readsConfigMaps: Controller = (a) => void (runs.cm++, a.list(findResource('configmaps')!));
    const wakes: Controller = (a) => void (runs.wake++, a.list(findResource('nodes')!), a.sim.wakeAt(a.now() + 10_000));
    const readsClock: Controller = (a) => void (runs.clock++, a.sim.readsClock());
    const all = [readsConfigMaps, wakes, readsClock];
    reconcile(api, all);
    expect(runs).toEqual({ cm: 1, wake: 1, clock: 1 });
    const persisted = api.sim.lastRuns!;
    expect(persisted[readsConfigMaps.name]).toEqual({ reads: ['r:configmaps'], wake: null, clock: false });
    expect(persisted[wakes.name]).toEqual({ reads: ['r:nodes'], wake: Date.parse('2026-01-01T00:00:10Z'), clock: false });
    expect(persisted[readsClock.name]!.clock).toBe(true);

    // The next command: a new API server over the same objects, seeded as ClusterSession.open does.
    const next = () => {
      const a = new ApiServer(api.store, clock, new SeededRandom(2), defaultValidator, new SimContext('instant'));
      a.sim.settledRuns = Object.fromEntries(
        Object.entries(persisted).map(([name, r]) => [name, { reads: r.reads.map((k) => [k, api.store.versionOf!(k)] as [string, number]), wake: r.wake ?? undefined, clock: r.clock }]),
      );
      return a;
    };
    const second = next();
    reconcile(second, all);
    expect(runs).toEqual({ cm: 1, wake: 1, clock: 2 }); // only the one that reads the clock
    second.create(findResource('configmaps')!, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } });
    reconcile(second, all);
    expect(runs).toEqual({ cm: 2, wake: 1, clock: 2 });
    clock.offsetMs += 10_000;
    reconcile(next(), all);
    expect(runs).toEqual({ cm: 2, wake: 2, clock: 3 }); // its wake-up came due
  });

  it('tracks a read of one object: a change to another object of its resource does not re-run the controller', () => {
    const { api } = cluster();
    const cms = findResource('configmaps')!;
    const cm = (name: string, v: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { v } });
    api.create(cms, cm('a', '1'));
    api.create(cms, cm('b', '1'));
    let runs = 0;
    const readsA: Controller = (a) => {
      runs++;
      a.store.noteObjectRead!({ resource: 'configmaps', namespace: 'default', name: 'a' });
      a.store.untracked!(() => a.list(cms));
    };
    reconcile(api, [readsA]);
    api.update(cms, { ...api.get(cms, 'default', 'b'), data: { v: '2' } });
    reconcile(api, [readsA]);
    expect(runs).toBe(1);
    api.update(cms, { ...api.get(cms, 'default', 'a'), data: { v: '2' } });
    reconcile(api, [readsA]);
    expect(runs).toBe(2);
    api.delete(cms, 'default', 'a');
    reconcile(api, [readsA]);
    expect(runs).toBe(3);
  });
});
