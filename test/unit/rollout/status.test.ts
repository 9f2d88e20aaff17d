// rollout status lines (kubectl polymorphichelpers/rollout_status.go) for each observed state.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { checkStatusViewer, rolloutStatus } from '../../../src/cli/rollout/status.js';

function deploy(generation: number, spec: Record<string, unknown>, status: Record<string, unknown>, annotations?: Record<string, string>): KObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', generation, annotations }, spec, status };
}

describe('deployment status viewer', () => {
  const table: [string, KObject, string, boolean][] = [
    ['spec not observed', deploy(2, { replicas: 3 }, { observedGeneration: 1 }), 'Waiting for deployment spec update to be observed...\n', false],
    [
      'new replicas not updated',
      deploy(2, { replicas: 3 }, { observedGeneration: 2, updatedReplicas: 1, replicas: 4 }),
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      false,
    ],
    [
      'old replicas pending termination',
      deploy(2, { replicas: 3 }, { observedGeneration: 2, updatedReplicas: 3, replicas: 4 }),
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n',
      false,
    ],
    [
      'updated not available',
      deploy(2, { replicas: 3 }, { observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 }),
      'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n',
      false,
    ],
    [
      'complete',
      deploy(2, { replicas: 3 }, { observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }),
      'deployment "web" successfully rolled out\n',
      true,
    ],
    ['empty status of a new object', deploy(1, { replicas: 1 }, {}), 'Waiting for deployment spec update to be observed...\n', false],
  ];
  for (const [name, d, text, done] of table) {
    it(name, () => expect(rolloutStatus(d, 0)).toEqual({ text, done }));
  }

  it('fails on a progress deadline', () => {
    const d = deploy(1, { replicas: 1 }, { observedGeneration: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    expect(() => rolloutStatus(d, 0)).toThrow('deployment "web" exceeded its progress deadline');
  });

  it('checks --revision against the running revision', () => {
    const d = deploy(1, { replicas: 1 }, { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 }, { 'deployment.kubernetes.io/revision': '2' });
    expect(() => rolloutStatus(d, 3)).toThrow('desired revision (3) is different from the running revision (2)');
    expect(rolloutStatus(d, 2).done).toBe(true);
  });
});

describe('daemon set and stateful set viewers', () => {
  it('daemon set', () => {
    const ds = (status: Record<string, unknown>): KObject => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', generation: 1 }, spec: {}, status });
    expect(rolloutStatus(ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 1 }), 0).text).toBe(
      'Waiting for daemon set "agent" rollout to finish: 1 out of 3 new pods have been updated...\n',
    );
    expect(rolloutStatus(ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2 }), 0).text).toBe(
      'Waiting for daemon set "agent" rollout to finish: 2 of 3 updated pods are available...\n',
    );
    expect(rolloutStatus(ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 }), 0)).toEqual({
      text: 'daemon set "agent" successfully rolled out\n',
      done: true,
    });
  });

  it('stateful set with the default partition', () => {
    const sts: KObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', generation: 1 },
      spec: { replicas: 2, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } },
      status: { observedGeneration: 1, readyReplicas: 1, updatedReplicas: 1 },
    };
    expect(rolloutStatus(sts, 0).text).toBe('Waiting for 1 pods to be ready...\n');
    sts['status'] = { observedGeneration: 1, readyReplicas: 2, updatedReplicas: 2 };
    expect(rolloutStatus(sts, 0)).toEqual({ text: 'partitioned roll out complete: 2 new pods have been updated...\n', done: true });
  });

  it('kinds without a viewer', () => {
    expect(() => checkStatusViewer('ReplicaSet', 'apps')).toThrow('no status viewer has been implemented for ReplicaSet.apps');
    expect(() => checkStatusViewer('Pod', '')).toThrow('no status viewer has been implemented for Pod');
  });
});
