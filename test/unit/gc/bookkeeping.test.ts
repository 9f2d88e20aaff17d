// The collector's bookkeeping: owner lookups kept for a pass, and what it settles between commands.

import { describe, expect, it } from 'vitest';
import type { OwnerReference } from '../../../src/api/types.js';
import { OwnerLookup, type OwnerCheck } from '../../../src/controllers/gc/owners.js';
import { Settling, stillSettled, type Settled } from '../../../src/controllers/gc/settled.js';

const rs: OwnerReference = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'u1' };

describe('OwnerLookup', () => {
  // Each case: a first lookup of `rs` in "default", then `second`; whether `second` asked again.
  const cases: [string, OwnerReference, string | undefined, boolean][] = [
    ['the same owner', { ...rs }, 'default', false],
    ['another name with the same uid', { ...rs, name: 'other' }, 'default', true],
    ['another kind with the same uid', { ...rs, kind: 'Deployment' }, 'default', true],
    ['another apiVersion with the same uid', { ...rs, apiVersion: 'apps/v1beta2' }, 'default', true],
    ['another namespace', { ...rs }, 'other', true],
    ['no namespace', { ...rs }, undefined, true],
    ['another uid', { ...rs, uid: 'u2' }, 'default', true],
  ];
  it.each(cases)('%s: looked up again %s', (_name, second, namespace, again) => {
    const asked: string[] = [];
    const owners = new OwnerLookup((ref, ns) => (asked.push(`${ref.kind}/${ns}/${ref.name}/${ref.uid}`), { exists: ref.name === 'web', resource: 'replicasets.apps' }));
    expect(owners.check(rs, 'default')).toEqual({ exists: true, resource: 'replicasets.apps' });
    const answer = owners.check(second, namespace);
    expect(asked).toHaveLength(again ? 2 : 1);
    expect(answer.exists).toBe(second.name === 'web');
  });

  it('asks again after forget()', () => {
    let exists = true;
    const owners = new OwnerLookup((): OwnerCheck => ({ exists, resource: 'replicasets.apps' }));
    expect(owners.check(rs, 'default').exists).toBe(true);
    exists = false;
    expect(owners.check(rs, 'default').exists).toBe(true);
    owners.forget();
    expect(owners.check(rs, 'default').exists).toBe(false);
  });
});

describe('settled resources', () => {
  const stamps: Record<string, string> = { pods: 'p1', 'replicasets.apps': 'r1', secrets: 's1' };
  const stampOf = (r: string) => stamps[r];
  const entry: Settled = { stamp: 'p1', owners: { 'replicasets.apps': 'r1' } };
  const cases: [string, Settled | undefined, string, boolean][] = [
    ['unchanged', entry, 'p1', true],
    ['the resource changed', entry, 'p2', false],
    ['an owner resource changed', { ...entry, owners: { 'replicasets.apps': 'r0' } }, 'p1', false],
    ['an owner resource changed in this command (no stamp)', { ...entry, owners: { deployments: 'd1' } }, 'p1', false],
    ['no owners to check', { stamp: 'p1', owners: {} }, 'p1', true],
    ['never settled', undefined, 'p1', false],
  ];
  it.each(cases)('stillSettled: %s -> %s', (_name, e, stamp, want) => {
    expect(stillSettled(e, stamp, stampOf)).toBe(want);
  });

  const walks: [string, (s: Settling) => void, Settled | undefined][] = [
    ['nothing noted', () => {}, { stamp: 'p1', owners: {} }],
    ['owners in two resources, each stamped (sorted)', (s) => (s.liveOwnerIn('secrets'), s.liveOwnerIn('replicasets.apps'), s.liveOwnerIn('secrets')), { stamp: 'p1', owners: { 'replicasets.apps': 'r1', secrets: 's1' } }],
    ['an owner found by uid', (s) => (s.liveOwnerIn('replicasets.apps'), s.liveOwnerIn(undefined)), undefined],
    ['ruled out', (s) => (s.liveOwnerIn('replicasets.apps'), s.ruleOut()), undefined],
    ['an owner resource without a stamp', (s) => s.liveOwnerIn('deployments.apps'), undefined],
  ];
  it.each(walks)('Settling.entry: %s', (_name, walk, want) => {
    const s = new Settling();
    walk(s);
    expect(s.entry('p1', stampOf)).toEqual(want);
  });
});
