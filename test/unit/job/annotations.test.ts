// The kubelet's completion annotations (src/sim/stages.ts): run-duration and exit-code.

import { describe, expect, it } from 'vitest';
import { exitCodeOf, runDuration } from '../../../src/sim/stages.js';

const pod = (annotations: Record<string, string>) => ({ metadata: { annotations } });

describe('completion annotations', () => {
  it.each([
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['1.5s', 1_500],
    ['250ms', 250],
    ['2h', 7_200_000],
    ['soon', undefined],
    ['30', undefined],
  ])('run-duration %s → %s ms', (v, ms) => {
    expect(runDuration(pod({ 'kube-lite.dev/run-duration': v }))).toBe(ms);
  });

  it('absent: the default applies', () => {
    expect(runDuration({ metadata: {} })).toBeUndefined();
    expect(exitCodeOf({ metadata: {} })).toBe(0);
  });

  it.each([
    ['1', 1],
    ['137', 137],
    ['0', 0],
    ['-1', 0],
    ['300', 0],
    ['x', 0],
  ])('exit-code %s → %d', (v, code) => {
    expect(exitCodeOf(pod({ 'kube-lite.dev/exit-code': v }))).toBe(code);
  });
});
