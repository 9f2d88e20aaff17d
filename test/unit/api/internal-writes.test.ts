// Writes marked `internal` (controllers writing back stored objects) skip decoding, defaulting and
// validation in a command; under the tests (selfChecks, KUBE_LITE_FREEZE=1) those still run, so a
// controller that writes something they would reject or change fails here.
import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../../src/api/server.js';
import { shallowCopy } from '../../../src/api/object.js';
import type { KObject } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { selfChecks } from '../../../src/util/self-checks.js';

function server(): ApiServer {
  const api = new ApiServer(new MemoryStore(), { now: () => Date.UTC(2024, 0, 1) }, new SeededRandom(1), defaultValidator, new SimContext('instant'));
  api.create(api.resource('namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  api.create(api.resource('serviceaccounts'), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } });
  return api;
}

const pod = (name: string): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

describe('internal writes', () => {
  it('run with the self-checks on under the tests', () => {
    expect(selfChecks()).toBe(true);
  });

  it('copy what a create is given, unless it is handed over (owned)', () => {
    const api = server();
    const pods = api.resource('pods');
    const given = pod('copied');
    const stored = api.create(pods, given, { internal: true });
    expect(stored).not.toBe(given);
    expect(given.metadata).toEqual({ name: 'copied', namespace: 'default' });
    const handed = { ...pod('handed'), metadata: { name: 'handed', namespace: 'default', uid: undefined, creationTimestamp: undefined, resourceVersion: undefined } };
    const kept = api.create(pods, handed as KObject, { internal: true, owned: true });
    expect(kept).toBe(handed);
    expect(Object.keys(kept.metadata)).toEqual(['name', 'namespace', 'uid', 'creationTimestamp', 'generation', 'resourceVersion']);
    expect(JSON.stringify(kept.metadata)).toBe(JSON.stringify({ ...stored.metadata, name: 'handed', uid: kept.metadata.uid, resourceVersion: kept.metadata.resourceVersion }));
  });

  it('store a status update without changing the caller’s object', () => {
    const api = server();
    const pods = api.resource('pods');
    const created = api.create(pods, pod('p'));
    const input = { ...created, status: { ...created['status'], phase: 'Running' } };
    const stored = api.updateStatus(pods, input, { internal: true });
    expect(stored['status'].phase).toBe('Running');
    expect(Number(stored.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
    expect(input.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect(api.peek(pods, 'default', 'p')!['spec']).toBe(created['spec']);
  });

  it('are still validated under the tests', () => {
    const api = server();
    const bad = pod('Not_A_Name');
    expect(() => api.create(api.resource('pods'), bad, { internal: true })).toThrow(/Invalid value: "Not_A_Name"/);
  });

  it('fail under the tests when defaulting would have changed them', () => {
    const api = server();
    const pods = api.resource('pods');
    const created = api.create(pods, pod('p'));
    const undefaulted = { ...created, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    expect(() => api.update(pods, undefaulted, { internal: true })).toThrow(/in a form defaulting changes/);
  });
});

describe('shallowCopy', () => {
  it('copies the top level, optionally with other metadata', () => {
    const o: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } };
    const c = shallowCopy(o);
    expect(c).toEqual(o);
    expect(c).not.toBe(o);
    expect(c['data']).toBe(o['data']);
    const m = { name: 'b' };
    const d = shallowCopy(o, m);
    expect(d.metadata).toBe(m);
    expect(Object.keys(d)).toEqual(Object.keys(o));
  });
});
