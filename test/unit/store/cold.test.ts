// Objects kept out of the heap (src/store/cold.ts, MemoryStore.keepCold): what the store hands out is
// what it would hand out with them in the heap, and the scratch file leaves nothing behind.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { ColdFile } from '../../../src/store/cold.js';
import { declareIndex, MemoryStore } from '../../../src/store/memory-store.js';

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kl-cold-'));

describe('ColdFile', () => {
  it('gives back every text as put, from its buffer and from the file, across chunks and past one', () => {
    const dir = tmpDir();
    const cold = new ColdFile(dir);
    const texts = Array.from({ length: 3000 }, (_, i) => `{"i":${i},"s":"${'é\u{1F600}x'.repeat(i % 50)}"}`);
    texts.push('y'.repeat(700_000)); // larger than a chunk
    texts.push('{"after":true}');
    const handles = texts.map((t) => cold.put(t));
    expect(handles[0]).toBe(1);
    expect(cold.size).toBe(texts.length);
    // in order, backwards and at random: each read finds its bytes whichever chunk is held
    for (const i of [...texts.keys()]) expect(cold.text(handles[i]!)).toBe(texts[i]);
    for (const i of [...texts.keys()].reverse()) expect(cold.text(handles[i]!)).toBe(texts[i]);
    for (const i of [5, 2999, 3000, 0, 1500, 3001, 7]) expect(Buffer.from(cold.bytes(handles[i]!)).toString('utf8')).toBe(texts[i]);
    // the scratch file is unlinked once open: nothing of it is in the directory
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

const event = (name: string, uid: string, message: string): KObject =>
  ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'p', namespace: 'default', uid },
    reason: 'Started',
    message,
    count: 1,
  }) as unknown as KObject;
const key = (name: string) => ({ resource: 'events', namespace: 'default', name });
const byUid = (e: KObject) => e['involvedObject']?.uid as string | undefined;

/** The same writes on a plain store and on one keeping events cold; every read compared. */
function both(): [MemoryStore, MemoryStore] {
  const plain = new MemoryStore();
  const cold = new MemoryStore();
  cold.keepCold(['events'], new ColdFile(tmpDir()));
  return [plain, cold];
}

describe('MemoryStore keeping a resource cold', () => {
  it('reads, lists, indexes, updates and deletes as a store holding the objects does', () => {
    const stores = both();
    const seen = stores.map((s) => {
      const out: unknown[] = [];
      for (let i = 0; i < 20; i++) s.create(key(`e${i}`), event(`e${i}`, `u${i % 3}`, `m${i}`));
      out.push(s.get(key('e3')), s.peek(key('e4')), s.peek(key('nope')), s.list('events').map((e) => e.metadata.name));
      out.push(s.byIndex('events', byUid, 'u1').map((e) => e.metadata.name));
      const e5 = s.get(key('e5'))!;
      out.push(s.update(key('e5'), { ...e5, count: 2 }), s.revision());
      // an update changing nothing is no write
      out.push(s.update(key('e5'), s.get(key('e5'))!).metadata.resourceVersion, s.revision());
      // moved to another index value
      out.push(s.update(key('e6'), { ...s.get(key('e6'))!, involvedObject: { uid: 'u1' } }));
      out.push(s.byIndex('events', byUid, 'u1').map((e) => e.metadata.name));
      out.push(s.delete(key('e7')), s.peek(key('e7')), s.byIndex('events', byUid, 'u1').map((e) => e.metadata.name));
      out.push(s.versionOf(`o:events/default/e5`), s.idsOf('events'), s.jsonOf('events', 'default/e8') instanceof Uint8Array);
      out.push(s.snapshot().objects['events']);
      return out;
    });
    // the one difference: the cold store hands out an object's JSON as bytes
    expect(seen[0]!.at(-2)).toBe(false);
    expect(seen[1]!.at(-2)).toBe(true);
    seen[0]!.splice(-2, 1);
    seen[1]!.splice(-2, 1);
    expect(seen[1]).toEqual(seen[0]);
  });

  it('keeps no object of the resource in the heap, and what it hands out is a copy of its own', () => {
    const [, s] = both();
    const created = s.create(key('a'), event('a', 'u', 'm'));
    const stored = s.peek(key('a'))!;
    expect(stored).toEqual(created);
    expect(stored).not.toBe(created);
    expect(s.peek(key('a'))).not.toBe(stored);
    expect(Buffer.from(s.jsonOf('events', 'default/a') as Uint8Array).toString('utf8')).toBe(JSON.stringify(created));
    // other resources are held as ever
    s.create({ resource: 'pods', namespace: 'default', name: 'p' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' } });
    expect(s.jsonOf('pods', 'default/p')).toBe(JSON.stringify(s.peek({ resource: 'pods', namespace: 'default', name: 'p' })));
  });
});

/** Declared: built before the first object goes cold. */
const byMessage = declareIndex((e: KObject) => e['message'] as string);
/** Not declared: built on first use, reading back what is cold. */
const byReason = (e: KObject) => e['reason'] as string;

describe('declared indexes', () => {
  it('are built before objects go cold: asking one reads back only the objects it finds', () => {
    const cold = new ColdFile(tmpDir());
    let reads = 0;
    const bytes = cold.bytes.bind(cold);
    cold.bytes = (h) => (reads++, bytes(h));
    const s = new MemoryStore();
    s.create(key('loaded'), event('loaded', 'u', 'm0')); // held as it was before keepCold
    s.keepCold(['events'], cold);
    for (let i = 1; i <= 10; i++) s.create(key(`e${i}`), event(`e${i}`, 'u', `m${i % 2}`));
    expect(s.byIndex('events', byMessage, 'm1').map((e) => e.metadata.name)).toEqual(['e1', 'e3', 'e5', 'e7', 'e9']);
    expect(s.byIndex('events', byMessage, 'm0').map((e) => e.metadata.name)).toEqual(['e10', 'e2', 'e4', 'e6', 'e8', 'loaded']);
    expect(reads).toBe(10);
    reads = 0;
    expect(s.byIndex('events', byReason, 'Started')).toHaveLength(11);
    expect(reads).toBe(20); // every cold object read to build the index, then each found one
  });
});

describe('compaction', () => {
  it('drops versions no longer held once they are half the file, keeping what is held as it was', () => {
    const s = new MemoryStore();
    const first = new ColdFile(tmpDir());
    s.keepCold(['events'], first, 20_000);
    for (let i = 0; i < 5; i++) s.create(key(`e${i}`), event(`e${i}`, 'u', `m${i}`));
    // counting up on one event again and again: each version replaces the last (~80 KB written)
    for (let n = 2; n <= 400; n++) s.update(key('e0'), { ...s.get(key('e0'))!, count: n });
    s.delete(key('e4'));
    const cold = (s as unknown as { cold: ColdFile }).cold;
    expect(cold).not.toBe(first);
    expect(cold.held).toBeLessThan(2 * 20_000);
    expect(s.get(key('e0'))!['count']).toBe(400);
    expect(s.list('events').map((e) => [e.metadata.name, e['count'], e['message']])).toEqual([
      ['e0', 400, 'm0'],
      ['e1', 1, 'm1'],
      ['e2', 1, 'm2'],
      ['e3', 1, 'm3'],
    ]);
    expect(s.byIndex('events', byUid, 'u')).toHaveLength(4);
  });
});
