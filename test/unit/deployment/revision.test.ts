// Revision bookkeeping (TestAnnotationUtils, TestReplicasAnnotationsNeedUpdate) and history clean-up.

import { describe, expect, it } from 'vitest';
import {
  maxRevision,
  replicasAnnotationsNeedUpdate,
  revisionOf,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from '../../../src/controllers/deployment/revision.js';
import { deploy, rs } from './helpers.js';

const REV = 'deployment.kubernetes.io/revision';
const HISTORY = 'deployment.kubernetes.io/revision-history';
const replicas = { desired: 1, max: 1 };

describe('revisions', () => {
  it('raises the revision and keeps revision-history within the character limit', () => {
    // TestAnnotationUtils/SetNewReplicaSetAnnotations: revisions 11..20 with a 5-character limit.
    const d = deploy(1);
    d.metadata.annotations = { [REV]: '1' };
    const r = rs('r', 1);
    for (let i = 10; i < 20; i++) {
      const next = String(i + 1);
      setNewReplicaSetAnnotations(d, r, next, true, 5, replicas);
      expect(r.metadata.annotations![REV]).toBe(next);
      if (i >= 12) expect(r.metadata.annotations![HISTORY]).toBe(`${i - 1},${i}`);
    }
  });

  it('a rollback makes the old RS the newest revision and remembers the old number', () => {
    const d = deploy(1);
    const r = rs('r', 0, { annotations: { [REV]: '1' } });
    expect(setNewReplicaSetAnnotations(d, r, '3', true, 2000, replicas)).toBe(true);
    expect(r.metadata.annotations).toEqual({ [REV]: '3', [HISTORY]: '1' });
    setNewReplicaSetAnnotations(d, r, '5', true, 2000, replicas);
    expect(r.metadata.annotations![HISTORY]).toBe('1,3');
    // Never lowered: a smaller newRevision changes nothing.
    expect(setNewReplicaSetAnnotations(d, r, '2', true, 2000, replicas)).toBe(false);
    expect(r.metadata.annotations![REV]).toBe('5');
  });

  it('copies deployment annotations except the skip list; change-cause is copied', () => {
    const d = deploy(3);
    d.metadata.annotations = {
      'kubernetes.io/change-cause': 'kubectl set image deployment/web nginx=nginx:1.27',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      [REV]: '7',
      [HISTORY]: '1',
      'deployment.kubernetes.io/desired-replicas': '9',
      'deployment.kubernetes.io/max-replicas': '9',
      'deprecated.deployment.rollback.to': '1',
      team: 'a',
    };
    const r = rs('r', 0);
    delete r.metadata.annotations;
    setNewReplicaSetAnnotations(d, r, '2', false, 2000, { desired: 3, max: 4 });
    expect(r.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image deployment/web nginx=nginx:1.27',
      team: 'a',
      [REV]: '2',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
  });

  it('maxRevision skips unparseable revisions', () => {
    const rss = [rs('a', 0, { annotations: { [REV]: '3' } }), rs('b', 0, { annotations: { [REV]: 'x' } }), rs('c', 0)];
    expect(maxRevision(rss)).toBe(3);
    expect(revisionOf(rss[1]!)).toBeUndefined();
    expect(revisionOf(rss[2]!)).toBe(0);
  });

  it('replicas annotations', () => {
    // TestReplicasAnnotationsNeedUpdate (desired 10, max 20).
    const r = rs('r', 1);
    delete r.metadata.annotations;
    expect(replicasAnnotationsNeedUpdate(r, 10, 20)).toBe(true);
    r.metadata.annotations = { 'deployment.kubernetes.io/desired-replicas': '8', 'deployment.kubernetes.io/max-replicas': '20' };
    expect(replicasAnnotationsNeedUpdate(r, 10, 20)).toBe(true);
    r.metadata.annotations = { 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '16' };
    expect(replicasAnnotationsNeedUpdate(r, 10, 20)).toBe(true);
    expect(setReplicasAnnotations(r, 10, 20)).toBe(true);
    expect(replicasAnnotationsNeedUpdate(r, 10, 20)).toBe(false);
    expect(setReplicasAnnotations(r, 10, 20)).toBe(false);
  });

  it('setDeploymentRevision reports a change only once', () => {
    const d = deploy(1);
    expect(setDeploymentRevision(d, '2')).toBe(true);
    expect(setDeploymentRevision(d, '2')).toBe(false);
    expect(d.metadata.annotations).toEqual({ [REV]: '2' });
  });
});
