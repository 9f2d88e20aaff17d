// rollout history tables, --revision details and undo's choice of revision.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { pause, restart, resume, RolloutObjectError } from '../../../src/cli/rollout/control.js';
import { historyOperation, type Revision } from '../../../src/cli/rollout/history.js';
import { rollback } from '../../../src/cli/rollout/rollback.js';

const template = (image: string, hash: string) => ({
  metadata: { labels: { app: 'web', 'pod-template-hash': hash } },
  spec: { containers: [{ name: 'nginx', image }] },
});

function rs(revision: number, image: string, hash: string, cause?: string): Revision {
  return {
    revision,
    rs: {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `web-${hash}`,
        annotations: { 'deployment.kubernetes.io/revision': String(revision), ...(cause ? { 'kubernetes.io/change-cause': cause } : {}) },
      },
      spec: { template: template(image, hash) },
    },
  };
}

const revs = [rs(1, 'nginx:1.25', 'aaa'), rs(2, 'nginx:1.27', 'bbb', 'kubectl set image deployment/web nginx=nginx:1.27 --record=true')];

function deployment(image: string, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'x' } },
    spec: { replicas: 1, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } }, ...extra },
  };
}

describe('rollout history', () => {
  it('prints the table after an empty operation line', () => {
    expect(historyOperation(revs, 0)).toBe(
      '\nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web nginx=nginx:1.27 --record=true\n',
    );
  });

  it('says when there is no history', () => {
    expect(historyOperation([], 0)).toBe('\nNo rollout history found.');
  });

  it('prints one revision with raw tabs (no tabwriter)', () => {
    expect(historyOperation(revs, 1)).toBe(
      'with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=aaa\n  Containers:\n   nginx:\n    Image:\tnginx:1.25\n' +
        '    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n' +
        '  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n',
    );
    expect(historyOperation(revs, 2)).toContain('  Annotations:\tkubernetes.io/change-cause: kubectl set image');
    expect(() => historyOperation(revs, 7)).toThrow('unable to find the specified revision');
  });
});

describe('rollout undo', () => {
  it('goes back to the second-highest revision, without the hash label', () => {
    const r = rollback(deployment('nginx:1.27'), revs, 0, false);
    expect(r.message).toBe('rolled back');
    expect(r.patched!['spec'].template).toEqual({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } });
    // The revision annotation is the deployment's; the change-cause comes from the ReplicaSet (none).
    expect(r.patched!.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '2' });
  });

  it('skips when the template already matches', () => {
    expect(rollback(deployment('nginx:1.27'), revs, 2, false).message).toBe('skipped rollback (current template already matches revision 2)');
  });

  it('errors as kubectl does', () => {
    expect(() => rollback(deployment('nginx:1.27'), revs, 5, false)).toThrow('unable to find specified revision 5 in history');
    expect(() => rollback(deployment('nginx:1.27'), [revs[0]!], 0, false)).toThrow('no rollout history found for deployment "web"');
    expect(() => rollback(deployment('nginx:1.27', { paused: true }), revs, 0, false)).toThrow(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
  });
});

describe('pause, resume, restart', () => {
  it('toggles spec.paused', () => {
    const paused = pause(deployment('x'));
    expect(paused['spec'].paused).toBe(true);
    expect(() => pause(paused)).toThrow(new RolloutObjectError('is already paused'));
    expect('paused' in resume(paused)['spec']).toBe(false);
    expect(() => resume(deployment('x'))).toThrow('is not paused');
  });

  it('restart stamps the template', () => {
    const r = restart(deployment('x'), '2026-01-01T00:00:00Z');
    expect(r['spec'].template.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' });
    expect(() => restart(pause(deployment('x')), 'now')).toThrow("can't restart paused deployment (run rollout resume first)");
    expect(() => restart({ apiVersion: 'v1', kind: 'Pod', metadata: {} }, 'now')).toThrow('restarting is not supported');
  });
});
