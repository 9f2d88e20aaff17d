// A converged cluster keeps each controller's last run (the reconcile marker), so that the next
// command runs only the controllers with something to do (src/controllers/index.ts, session.ts).

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClusterSession } from '../../src/cluster/session.js';
import { readClusterState } from '../../src/store/file-store.js';
import { FIXED_NOW, run, tempHome } from '../helpers/cli.js';

describe('reconcile carry-over between commands', () => {
  it('keeps what each controller read, and seeds the next session with it', async () => {
    const home = tempHome();
    expect((await run(home, 'create', 'deployment', 'web', '--image=nginx', '--replicas=2')).code).toBe(0);
    const state = readClusterState(path.join(home, 'clusters/kube-lite'));
    const mark = state.meta['reconciled'] as { revision: number; controllers: Record<string, { reads: string[]; wake: number | null; clock: boolean }> };
    expect(mark.revision).toBe(state.revision);
    expect(mark.controllers['replicaSetController']!.reads).toContain('r:pods');
    expect(mark.controllers['kubeletController']!.reads).toContain('r:pods');
    const env = { KUBE_LITE_HOME: home, KUBE_LITE_NOW: FIXED_NOW };
    const session = ClusterSession.open({ home, env }, 'kube-lite');
    try {
      const seeded = session.api.sim.settledRuns!;
      expect(Object.keys(seeded).sort()).toEqual(Object.keys(mark.controllers).sort());
      expect(seeded['replicaSetController']!.reads.map(([k]) => k)).toEqual(mark.controllers['replicaSetController']!.reads);
    } finally {
      session.abort();
    }
    // What a later command does is the same as before: the replicas are there and Running.
    const pods = await run(home, 'get', 'pods', '-o', 'jsonpath={.items[*].status.phase}');
    expect(pods.stdout).toBe('Running Running');
  });
});
