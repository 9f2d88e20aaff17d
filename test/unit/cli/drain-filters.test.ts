// drain's pod filters (kubectl pkg/drain/filters.go): which pods go, which stop the drain, and the
// grouped warning and error texts.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { planDrain } from '../../../src/cli/drain/filters.js';

function pod(name: string, opts: { owner?: string; emptyDir?: boolean; phase?: string; mirror?: boolean } = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      ...(opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: opts.owner, name: 'owner', uid: 'u', controller: true }] } : {}),
      ...(opts.mirror ? { annotations: { 'kubernetes.io/config.mirror': 'x' } } : {}),
    },
    spec: opts.emptyDir ? { volumes: [{ name: 'scratch', emptyDir: {} }] } : {},
    status: { phase: opts.phase ?? 'Running' },
  };
}

const flags = { force: false, ignoreDaemonSets: false, deleteEmptyDirData: false };
const dsExists = () => undefined;

describe('drain filters', () => {
  it('lets managed pods go', () => {
    const plan = planDrain([pod('a', { owner: 'ReplicaSet' })], flags, dsExists);
    expect(plan).toEqual({ deletable: [expect.objectContaining({ metadata: expect.objectContaining({ name: 'a' }) })], warnings: '', errors: [] });
  });

  it('refuses unmanaged, emptyDir and DaemonSet pods without the flags', () => {
    const plan = planDrain([pod('bare'), pod('cache', { owner: 'ReplicaSet', emptyDir: true }), pod('agent', { owner: 'DaemonSet' })], flags, dsExists);
    expect(plan.errors).toEqual([
      'cannot delete Pods that declare no controller (use --force to override): default/bare',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent',
    ]);
  });

  it('warns with the flags, and keeps DaemonSet pods', () => {
    const plan = planDrain(
      [pod('bare'), pod('cache', { owner: 'ReplicaSet', emptyDir: true }), pod('agent', { owner: 'DaemonSet' }), pod('agent2', { owner: 'DaemonSet' })],
      { force: true, ignoreDaemonSets: true, deleteEmptyDirData: true },
      dsExists,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.deletable.map((p) => p.metadata.name)).toEqual(['bare', 'cache']);
    // The emptyDir warning is overwritten by the next filter's verdict, as upstream.
    expect(plan.warnings).toBe('deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: default/agent, default/agent2');
  });

  it('skips mirror pods and lets finished pods go', () => {
    const plan = planDrain([pod('static', { mirror: true, owner: 'Node' }), pod('done', { phase: 'Succeeded' })], flags, dsExists);
    expect(plan.deletable.map((p) => p.metadata.name)).toEqual(['done']);
    expect(plan.errors).toEqual([]);
  });

  it('reports an orphaned DaemonSet pod', () => {
    const missing = () => 'daemonsets.apps "owner" not found';
    expect(planDrain([pod('agent', { owner: 'DaemonSet' })], flags, missing).errors).toEqual(['cannot delete daemonsets.apps "owner" not found: default/agent']);
    // With --force it goes; its warning is overwritten by the later filters' verdicts, as upstream.
    const forced = planDrain([pod('agent', { owner: 'DaemonSet' })], { ...flags, force: true }, missing);
    expect([forced.deletable.length, forced.warnings]).toEqual([1, '']);
  });
});
