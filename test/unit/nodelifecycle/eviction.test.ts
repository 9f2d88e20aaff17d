// Taint-based eviction: how long a pod may stay on a node tainted NoExecute.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { effectiveTolerations, tolerationSeconds } from '../../../src/controllers/nodelifecycle/eviction.js';

const unreachable = [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }];
const pod = (tolerations?: unknown[]): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { tolerations } });

describe('taint eviction', () => {
  it('every pod tolerates unreachable for 300s by default', () => {
    expect(tolerationSeconds(unreachable, effectiveTolerations(pod()))).toBe(300);
  });

  it('an explicit toleration replaces the default', () => {
    const forever = pod([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }]);
    expect(tolerationSeconds(unreachable, effectiveTolerations(forever))).toBeUndefined();
    const short = pod([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }]);
    expect(tolerationSeconds(unreachable, effectiveTolerations(short))).toBe(30);
  });

  it('an untolerated NoExecute taint evicts at once', () => {
    expect(tolerationSeconds([{ key: 'dedicated', effect: 'NoExecute' }], effectiveTolerations(pod()))).toBe(0);
  });
});
