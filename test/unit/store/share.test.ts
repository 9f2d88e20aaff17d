// Structural sharing between stored objects (src/store/share.ts): equal parts at the same place become
// one object; nothing ever serialises differently.

import { describe, expect, it } from 'vitest';
import { PartSharing } from '../../../src/store/share.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import type { KObject } from '../../../src/api/types.js';

const pod = (name: string, extra: Record<string, unknown> = {}): KObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u1' }] },
    spec: { containers: [{ name: 'web', image: 'nginx', volumeMounts: [{ name: `token-${name}`, mountPath: '/var/run' }] }], tolerations: [{ key: 'a', operator: 'Exists' }] },
    status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] },
    ...extra,
  }) as unknown as KObject;

describe('PartSharing', () => {
  it('shares equal parts at the same place, and leaves different ones alone', () => {
    const s = new PartSharing();
    const a = s.share('pods', pod('a'));
    const b = s.share('pods', pod('b'));
    expect(b.metadata.labels).toBe(a.metadata.labels);
    expect(b.metadata.ownerReferences).toBe(a.metadata.ownerReferences);
    expect(b['spec'].tolerations).toBe(a['spec'].tolerations);
    expect(b['status']).toBe(a['status']);
    // the containers differ (a volume mount's name): not shared, but their equal parts are
    expect(b['spec'].containers).not.toBe(a['spec'].containers);
    expect(b['spec'].containers[0].volumeMounts[0].name).toBe('token-b');
    // the object and its metadata are never shared
    expect(b).not.toBe(a);
    expect(b.metadata).not.toBe(a.metadata);
  });

  it('never changes what an object serialises to', () => {
    const s = new PartSharing();
    const inputs = ['a', 'b', 'c', 'd', 'e'].map((n, i) =>
      pod(n, { status: { phase: i % 2 ? 'Running' : 'Pending', conditions: [{ type: 'Ready', status: i % 2 ? 'True' : 'False' }], n: i } }),
    );
    const expected = inputs.map((o) => JSON.stringify(o));
    const stored = inputs.map((o) => s.share('pods', o));
    expect(stored.map((o) => JSON.stringify(o))).toEqual(expected);
  });

  it.each([
    ['key order', { x: 1, y: 2 }, { y: 2, x: 1 }],
    ['an extra key', { x: 1 }, { x: 1, y: undefined }],
    ['array length', [1, 2], [1, 2, 3]],
    ['array or object', [1], { 0: 1 }],
    ['a number and its string', { x: 1 }, { x: '1' }],
    ['null and an empty object', { x: null }, { x: {} }],
  ])('does not take parts that differ in %s for equal', (_what, a, b) => {
    const s = new PartSharing();
    const first = s.share('things', { metadata: { name: '1' }, part: a });
    const second = s.share('things', { metadata: { name: '2' }, part: b });
    expect(second.part).not.toBe(first.part);
    expect(JSON.stringify(second.part)).toBe(JSON.stringify(b));
  });

  it('copies a frozen part rather than changing it', () => {
    const s = new PartSharing();
    const a = s.share('pods', pod('a'));
    const frozen = Object.freeze(pod('b'));
    Object.freeze(frozen.metadata);
    Object.freeze(frozen['spec']);
    const b = s.share('pods', frozen);
    expect(b).not.toBe(frozen);
    expect(b['spec'].tolerations).toBe(a['spec'].tolerations);
    expect(frozen['spec'].tolerations).not.toBe(a['spec'].tolerations);
    expect(JSON.stringify(b)).toBe(JSON.stringify(frozen));
  });

  it('leaves the parts an update kept from the version it replaces as they are', () => {
    const s = new PartSharing();
    const a = s.share('pods', pod('a'));
    const next: KObject = { ...a, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } };
    const b = s.share('pods', next, a);
    expect(b['spec']).toBe(a['spec']);
    expect(b['status']).not.toBe(a['status']);
  });

  it('after many repeats compares whole parts first, still telling a different one apart', () => {
    const s = new PartSharing();
    const first = s.share('pods', pod('p0'));
    for (let i = 1; i < 50; i++) expect(s.share('pods', pod(`p${i}`))['spec'].tolerations).toBe(first['spec'].tolerations);
    const odd = pod('odd');
    odd['spec'].tolerations = [{ key: 'a', operator: 'Equal', value: 'x' }];
    const stored = s.share('pods', odd);
    expect(stored['spec'].tolerations).not.toBe(first['spec'].tolerations);
    expect(JSON.stringify(stored)).toBe(JSON.stringify(odd));
    expect(s.share('pods', pod('again'))['spec'].tolerations).toBe(first['spec'].tolerations);
  });

  it.each([
    ['key order deep down', { a: { b: { x: 1, y: 2 } }, c: [1] }, { a: { b: { y: 2, x: 1 } }, c: [1] }],
    ['a key more deep down', { a: { b: { x: 1 } }, c: [1] }, { a: { b: { x: 1, y: 2 } }, c: [1] }],
    ['a key fewer deep down', { a: { b: { x: 1, y: 2 } }, c: [1] }, { a: { b: { x: 1 } }, c: [1] }],
    ['a value after equal nested parts', { a: { b: { x: 1 } }, c: [1] }, { a: { b: { x: 1 } }, c: [2] }],
  ])('compares whole parts all the way down: %s', (_what, usual, other) => {
    const s = new PartSharing();
    const thing = (n: number, part: unknown) => ({ metadata: { name: String(n) }, part: structuredClone(part) });
    const first = s.share('things', thing(0, usual));
    for (let i = 1; i < 50; i++) expect(s.share('things', thing(i, usual)).part).toBe(first.part);
    const odd = s.share('things', thing(50, other));
    expect(odd.part).not.toBe(first.part);
    expect(JSON.stringify(odd.part)).toBe(JSON.stringify(other));
    // the usual part is still found after the odd one (the comparison left nothing behind)
    expect(s.share('things', thing(51, usual)).part).toBe(first.part);
  });

  it('a place that stopped looking (its parts never repeated) looks again after a while', () => {
    const s = new PartSharing();
    const thing = (n: number, v: unknown) => ({ metadata: { name: String(n) }, part: { v } });
    let n = 0;
    for (let i = 0; i < 16; i++) s.share('things', thing(n++, i));
    // given up: equal parts go by unshared...
    const a = s.share('things', thing(n++, 'same'));
    const b = s.share('things', thing(n++, 'same'));
    expect(b.part).not.toBe(a.part);
    // ...until it looks again
    let last = b;
    for (let i = 0; i < 1100; i++) last = s.share('things', thing(n++, 'same'));
    expect(s.share('things', thing(n++, 'same')).part).toBe(last.part);
  });

  it('keeps resources apart', () => {
    const s = new PartSharing();
    const a = s.share('pods', pod('a'));
    const b = s.share('other', pod('b'));
    expect(b['spec'].tolerations).not.toBe(a['spec'].tolerations);
  });

  it('does not treat a Date or a Map as a part', () => {
    const s = new PartSharing();
    const d1 = new Date(0);
    const d2 = new Date(1);
    s.share('things', { metadata: { name: '1' }, when: d1, empty: {} });
    const b = s.share('things', { metadata: { name: '2' }, when: d2, empty: {} });
    expect(b['when']).toBe(d2);
  });
});

describe('MemoryStore stores equal parts once', () => {
  it('across creates and updates, with list and get unchanged', () => {
    const store = new MemoryStore();
    const key = (name: string) => ({ resource: 'pods', namespace: 'default', name });
    for (const n of ['a', 'b', 'c']) store.create(key(n), pod(n));
    const [a, b, c] = store.list('pods');
    expect(b!.metadata.labels).toBe(a!.metadata.labels);
    expect(c!['spec'].tolerations).toBe(a!['spec'].tolerations);
    const copy = store.get(key('b'))!;
    copy['status'] = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
    store.update(key('b'), copy);
    const again = store.get(key('c'))!;
    again['status'] = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
    store.update(key('c'), again);
    const [, b2, c2] = store.list('pods');
    expect(c2!['status']).toBe(b2!['status']);
    expect(store.get(key('a'))).toEqual(pod('a', { metadata: { ...pod('a').metadata, resourceVersion: '2' } }));
  });
});
