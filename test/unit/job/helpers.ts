// A cluster on a MemoryStore with all controllers and a movable clock, for the Job and CronJob tests.

import { findResource } from '../../../src/api/registry.js';
import { ApiServer } from '../../../src/api/server.js';
import type { KObject } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { bootstrapCluster } from '../../../src/cluster/bootstrap.js';
import { reconcile } from '../../../src/controllers/index.js';
import type { Clock } from '../../../src/sim/clock.js';
import { SimContext } from '../../../src/sim/context.js';
import type { TimingProfile } from '../../../src/sim/timing.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

export const T0 = Date.parse('2026-01-01T00:00:00Z');
export const PODS = findResource('pods')!;
export const JOBS = findResource('jobs')!;
export const CRONJOBS = findResource('cronjobs')!;
export const EVENTS = findResource('events')!;

class MovableClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
}

export function setup(profile: TimingProfile = 'instant', start = T0) {
  const clock = new MovableClock(start);
  const api = new ApiServer(new MemoryStore(), clock, new SeededRandom(1), defaultValidator, new SimContext(profile));
  bootstrapCluster(api, { clusterName: 'kube-lite', nodes: 3 });
  const sync = () => reconcile(api);
  /** `cluster advance`: step through every wake-up on the way. */
  const advance = (ms: number) => {
    const target = clock.ms + ms;
    for (let i = 0; i < 10_000; i++) {
      reconcile(api);
      const next = api.sim.nextWakeup();
      if (next === undefined || next > target) break;
      clock.ms = next;
    }
    clock.ms = target;
    reconcile(api);
  };
  sync();
  return { api, clock, sync, advance };
}

export function job(name: string, spec: Record<string, unknown> = {}, annotations?: Record<string, string>): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      ...spec,
      template: {
        ...(annotations ? { metadata: { annotations } } : {}),
        spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command: ['true'] }] },
      },
    },
  };
}

export const podsOf = (api: ApiServer, jobName?: string): KObject[] =>
  api.list(PODS, 'default').filter((p) => jobName === undefined || p.metadata.labels?.['job-name'] === jobName);
export const events = (api: ApiServer): string[] =>
  api.list(EVENTS, 'default').map((e) => `${e['type']} ${e['reason']} ${e['source'].component}: ${e['message']}`);
export const conditionTypes = (obj: KObject): string[] => (obj['status']?.conditions ?? []).map((c: { type: string; reason: string }) => `${c.type}/${c.reason}`);
