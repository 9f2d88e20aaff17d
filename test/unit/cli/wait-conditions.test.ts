// kubectl wait --for conditions, checked against objects.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { conditionMet, parseCondition } from '../../../src/cli/wait-conditions.js';

const pod: KObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
};

describe('wait conditions', () => {
  it('condition=NAME[=VALUE], case-insensitive', () => {
    expect(conditionMet(parseCondition('condition=Ready'), pod)).toBe(true);
    expect(conditionMet(parseCondition('condition=ready=TRUE'), pod)).toBe(true);
    expect(conditionMet(parseCondition('condition=Ready=false'), pod)).toBe(false);
    expect(conditionMet(parseCondition('condition=Available'), pod)).toBe(false);
  });

  it('ignores a condition older than the spec', () => {
    const d: KObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', generation: 3 },
      status: { observedGeneration: 2, conditions: [{ type: 'Available', status: 'True' }] },
    };
    expect(conditionMet(parseCondition('condition=Available'), d)).toBe(false);
  });

  it('jsonpath with and without a value', () => {
    expect(conditionMet(parseCondition('jsonpath={.status.phase}=Running'), pod)).toBe(true);
    expect(conditionMet(parseCondition("jsonpath={.status.phase}='Pending'"), pod)).toBe(false);
    expect(conditionMet(parseCondition('jsonpath={.status.phase}'), pod)).toBe(true);
    expect(conditionMet(parseCondition('jsonpath=.status.podIP'), pod)).toBe(false);
    expect(conditionMet(parseCondition('jsonpath={.status.conditions[?(@.type=="Ready")].status}=True'), pod)).toBe(true);
    expect(() => conditionMet(parseCondition('jsonpath={.status}=x'), pod)).toThrow('jsonpath leads to a nested object or list which is not supported');
  });

  it('delete and create', () => {
    expect(conditionMet(parseCondition('delete'), undefined)).toBe(true);
    expect(conditionMet(parseCondition('delete'), pod)).toBe(false);
    expect(conditionMet(parseCondition('create'), pod)).toBe(true);
  });

  it('rejects what kubectl rejects', () => {
    expect(() => parseCondition('foo')).toThrow('unrecognized condition: "foo"');
    expect(() => parseCondition('jsonpath={.a}=')).toThrow("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    expect(() => parseCondition('jsonpath={.a}=1=2')).toThrow("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  });
});
