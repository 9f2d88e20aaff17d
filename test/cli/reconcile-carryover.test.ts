// A converged cluster keeps each controller's last run (the reconcile marker), so that the next
// command runs only the controllers with something to do (src/controllers/index.ts, session.ts).

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClusterSession } from '../../src/cluster/session.js';
import { readClusterState } from '../../src/store/file-store.js';
import { FIXED_NOW, run, tempHome, writeFile } from '../helpers/cli.js';

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

describe('garbage collector between commands', () => {
  it('skips resources it found without dependents while they keep their stamp, and still sees new dependents', async () => {
    const home = tempHome();
    expect((await run(home, 'create', 'deployment', 'web', '--image=nginx')).code).toBe(0);
    const dir = path.join(home, 'clusters/kube-lite');
    const quiet = () => (readClusterState(dir).meta['gc'] as { quiet: Record<string, string> }).quiet;
    // Events and ConfigMaps have no owners here: remembered with their stamps (once a command has
    // found them as committed: events written in this very command have no stamp yet); pods have owners.
    expect(Object.keys(quiet())).toContain('configmaps');
    expect(Object.keys(quiet())).not.toContain('events');
    expect((await run(home, 'label', 'deployment', 'web', 'tier=web')).code).toBe(0);
    expect(Object.keys(quiet())).toEqual(expect.arrayContaining(['events', 'configmaps']));
    expect(Object.keys(quiet())).not.toContain('pods');
    // A ConfigMap whose owner does not exist: the collector deletes it, as kube-controller-manager would.
    const orphan = writeFile(
      home,
      'orphan.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orphan\n  ownerReferences:\n  - apiVersion: apps/v1\n    kind: Deployment\n    name: gone\n    uid: 00000000-0000-0000-0000-000000000000\n',
    );
    expect((await run(home, 'apply', '-f', orphan)).stdout).toBe('configmap/orphan created\n');
    expect(await run(home, 'get', 'configmap', 'orphan')).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): configmaps "orphan" not found\n' });
  });
});
