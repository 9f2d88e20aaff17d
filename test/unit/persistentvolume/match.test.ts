// findBestMatch: the smallest volume that satisfies a claim; pre-bound volumes; delayed binding.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { findBestMatch, volumeAllowsNode } from '../../../src/controllers/persistentvolume/match.js';

function pv(name: string, storage: string, modes: string[], extra: Record<string, unknown> = {}, labels?: Record<string, string>): KObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, ...(labels ? { labels } : {}) },
    spec: { capacity: { storage }, accessModes: modes, storageClassName: 'manual', volumeMode: 'Filesystem', ...extra },
  };
}

function pvc(storage: string, modes: string[], spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'claim', namespace: 'default', uid: 'u-1' },
    spec: { accessModes: modes, resources: { requests: { storage } }, storageClassName: 'manual', volumeMode: 'Filesystem', ...spec },
  };
}

const name = (v: KObject | undefined) => v?.metadata.name;
const noDelay = { delayBinding: false };

describe('findBestMatch', () => {
  const volumes = [pv('big', '10Gi', ['ReadWriteOnce']), pv('small', '1Gi', ['ReadWriteOnce']), pv('mid', '5Gi', ['ReadWriteOnce', 'ReadOnlyMany'])];

  it.each([
    ['500Mi', ['ReadWriteOnce'], 'small'],
    ['1Gi', ['ReadWriteOnce'], 'small'],
    ['2Gi', ['ReadWriteOnce'], 'mid'],
    ['2Gi', ['ReadOnlyMany'], 'mid'],
    ['6Gi', ['ReadWriteOnce'], 'big'],
    ['6Gi', ['ReadOnlyMany'], undefined],
    ['20Gi', ['ReadWriteOnce'], undefined],
    ['1Gi', ['ReadWriteMany'], undefined],
  ])('a %s %j claim binds to %s', (size, modes, want) => {
    expect(name(findBestMatch(pvc(size, modes), volumes, noDelay))).toBe(want);
  });

  it('needs the same class ("" only matches "")', () => {
    expect(findBestMatch(pvc('1Gi', ['ReadWriteOnce'], { storageClassName: 'fast' }), volumes, noDelay)).toBeUndefined();
    expect(findBestMatch(pvc('1Gi', ['ReadWriteOnce'], { storageClassName: '' }), volumes, noDelay)).toBeUndefined();
    const classless = pv('none', '1Gi', ['ReadWriteOnce'], { storageClassName: undefined });
    expect(name(findBestMatch(pvc('1Gi', ['ReadWriteOnce'], { storageClassName: '' }), [classless], noDelay))).toBe('none');
  });

  it('the beta class annotation wins over spec.storageClassName', () => {
    const claim = pvc('1Gi', ['ReadWriteOnce'], { storageClassName: 'other' });
    claim.metadata.annotations = { 'volume.beta.kubernetes.io/storage-class': 'manual' };
    expect(name(findBestMatch(claim, volumes, noDelay))).toBe('small');
  });

  it('honours the selector and volumeMode', () => {
    const labelled = [pv('a', '1Gi', ['ReadWriteOnce'], {}, { tier: 'gold' }), pv('b', '1Gi', ['ReadWriteOnce'], {}, { tier: 'silver' })];
    expect(name(findBestMatch(pvc('1Gi', ['ReadWriteOnce'], { selector: { matchLabels: { tier: 'silver' } } }), labelled, noDelay))).toBe('b');
    expect(name(findBestMatch(pvc('1Gi', ['ReadWriteOnce'], { volumeMode: 'Block' }), labelled, noDelay))).toBeUndefined();
  });

  it('skips claimed and deleted volumes; a volume pre-bound to the claim wins', () => {
    const claimed = pv('claimed', '1Gi', ['ReadWriteOnce'], { claimRef: { namespace: 'default', name: 'other' } });
    const deleted = pv('deleted', '1Gi', ['ReadWriteOnce']);
    deleted.metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
    const mine = pv('mine', '10Gi', ['ReadWriteOnce'], { claimRef: { namespace: 'default', name: 'claim' }, storageClassName: 'elsewhere' });
    expect(findBestMatch(pvc('1Gi', ['ReadWriteOnce']), [claimed, deleted], noDelay)).toBeUndefined();
    expect(name(findBestMatch(pvc('1Gi', ['ReadWriteOnce']), [claimed, deleted, volumes[1]!, mine], noDelay))).toBe('mine');
  });

  it('delayed binding takes only pre-bound volumes; a selected node must satisfy node affinity', () => {
    const affinity = { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['w1'] }] }] } } };
    const local = pv('local', '1Gi', ['ReadWriteOnce'], affinity);
    expect(findBestMatch(pvc('1Gi', ['ReadWriteOnce']), [local], { delayBinding: true })).toBeUndefined();
    expect(findBestMatch(pvc('1Gi', ['ReadWriteOnce']), [local], { delayBinding: false, nodeLabels: { 'kubernetes.io/hostname': 'w2' } })).toBeUndefined();
    expect(name(findBestMatch(pvc('1Gi', ['ReadWriteOnce']), [local], { delayBinding: false, nodeLabels: { 'kubernetes.io/hostname': 'w1' } }))).toBe('local');
    expect(volumeAllowsNode(local, {})).toBe(false);
    expect(volumeAllowsNode(pv('any', '1Gi', []), {})).toBe(true);
  });
});
