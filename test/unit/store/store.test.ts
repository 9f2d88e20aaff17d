import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStoreTxn, initStateDir, OBJECTS_DIR, readClusterState, STATE_FILE } from '../../../src/store/file-store.js';
import { FileLock } from '../../../src/store/lock.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { StoreConflictError, StoreError } from '../../../src/store/store.js';
import type { KObject } from '../../../src/api/types.js';
import { main } from '../../../src/cli/main.js';

const cm = (name: string, data: Record<string, string> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data,
});
const key = (name: string) => ({ resource: 'configmaps', namespace: 'default', name });

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kl-store-'));
}

describe('MemoryStore', () => {
  it('assigns increasing resourceVersions from one cluster-wide revision', async () => {
    const s = new MemoryStore();
    const a = s.create(key('a'), cm('a'));
    const b = s.create(key('b'), cm('b'));
    expect(Number(b.metadata.resourceVersion)).toBe(Number(a.metadata.resourceVersion) + 1);
    expect(s.revision()).toBe(Number(b.metadata.resourceVersion));
  });

  it('keeps the resourceVersion and revision for a write that changes nothing', async () => {
    const s = new MemoryStore();
    const a = s.create(key('a'), cm('a', { x: '1' }));
    const rev = s.revision();
    const same = s.update(key('a'), { ...a, metadata: { ...a.metadata } });
    expect(same.metadata.resourceVersion).toBe(a.metadata.resourceVersion);
    expect(s.revision()).toBe(rev);
    const changed = s.update(key('a'), cm('a', { x: '2' }));
    expect(changed.metadata.resourceVersion).toBe(String(rev + 1));
  });

  it('rejects an update with a stale expected resourceVersion', async () => {
    const s = new MemoryStore();
    const a = s.create(key('a'), cm('a'));
    s.update(key('a'), cm('a', { x: '1' }));
    expect(() => s.update(key('a'), cm('a', { x: '2' }), a.metadata.resourceVersion)).toThrow(StoreConflictError);
  });

  it('hands out copies: mutating a result does not change the store', async () => {
    const s = new MemoryStore();
    s.create(key('a'), cm('a', { x: '1' }));
    const got = s.get(key('a'))!;
    got['data'].x = 'changed';
    expect(s.get(key('a'))!['data']).toEqual({ x: '1' });
  });

  it('lists sorted by namespace then name', async () => {
    const s = new MemoryStore();
    for (const [ns, n] of [['b', 'x'], ['a', 'z'], ['a', 'y']] as const) {
      s.create({ resource: 'configmaps', namespace: ns, name: n }, { ...cm(n), metadata: { name: n, namespace: ns } });
    }
    expect(s.list('configmaps').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['a/y', 'a/z', 'b/x']);
    expect(s.list('configmaps', 'a')).toHaveLength(2);
  });
});

describe('MemoryStore list order', () => {
  it('keeps (namespace, name) order through creates and deletes between lists', () => {
    const s = new MemoryStore();
    const put = (ns: string, n: string) => s.create({ resource: 'configmaps', namespace: ns, name: n }, { ...cm(n), metadata: { name: n, namespace: ns } });
    const del = (ns: string, n: string) => s.delete({ resource: 'configmaps', namespace: ns, name: n });
    const ids = () => s.list('configmaps').map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    put('a-b', 'x');
    put('a', 'z');
    expect(ids()).toEqual(['a/z', 'a-b/x']); // "a" sorts before "a-b" although "a-" < "a/"
    put('a', 'y.1');
    put('a', 'y-1');
    put('b', 'q');
    del('a', 'z');
    put('a.', 'w');
    expect(ids()).toEqual(['a/y-1', 'a/y.1', 'a-b/x', 'a./w', 'b/q']);
    del('a-b', 'x');
    put('a', 'a');
    del('a', 'a');
    expect(ids()).toEqual(['a/y-1', 'a/y.1', 'a./w', 'b/q']);
    const random = Array.from({ length: 300 }, (_, i) => [`ns${(i * 7) % 13}`, `n${(i * 31) % 97}-${i}`] as const);
    for (const [ns, n] of random) put(ns, n);
    const want = [...ids()].sort((x, y) => {
      const [xn, xm] = x.split('/') as [string, string];
      const [yn, ym] = y.split('/') as [string, string];
      return xn !== yn ? (xn < yn ? -1 : 1) : xm < ym ? -1 : xm > ym ? 1 : 0;
    });
    expect(ids()).toEqual(want);
  });

  it('keeps an index entry in list order through writes between reads', () => {
    const s = new MemoryStore();
    const byColor = (o: KObject) => String(o['data']?.color ?? '');
    const put = (ns: string, n: string, color: string) => {
      const k = { resource: 'configmaps', namespace: ns, name: n };
      const obj = { ...cm(n, { color }), metadata: { name: n, namespace: ns } };
      if (s.peek(k)) s.update(k, obj);
      else s.create(k, obj);
    };
    const reds = () => s.byIndex('configmaps', byColor, 'red').map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    put('b', 'x', 'red');
    put('a-b', 'x', 'red');
    expect(reds()).toEqual(['a-b/x', 'b/x']);
    put('a', 'z', 'red'); // pending, merged in at the next read
    put('a-b', 'x', 'blue'); // leaves the entry
    put('a', 'y', 'red');
    expect(reds()).toEqual(['a/y', 'a/z', 'b/x']);
    put('a', 'q', 'red');
    put('a', 'q', 'blue'); // added and gone again before a read
    s.delete({ resource: 'configmaps', namespace: 'a', name: 'z' });
    expect(reds()).toEqual(['a/y', 'b/x']);
    put('a', 'y', 'blue'); // leaves the listed entry...
    put('a', 'y', 'red'); // ...and comes back to it before a read
    put('b', 'x', 'blue'); // leaves it for good
    put('0', 'w', 'red');
    expect(reds()).toEqual(['0/w', 'a/y']);
    put('0', 'w', 'blue');
    s.delete({ resource: 'configmaps', namespace: 'a', name: 'y' });
    expect(reds()).toEqual([]);
    put('a', 'y', 'red'); // created again after a delete
    expect(reds()).toEqual(['a/y']);
    for (let i = 0; i < 100; i++) put(`ns${(i * 7) % 5}`, `n${(i * 31) % 97}`, i % 3 === 0 ? 'red' : 'green');
    const want = s.list('configmaps').filter((o) => byColor(o) === 'red').map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(reds()).toEqual(want);
  });
});

describe('MemoryStore index entries of every size', () => {
  it('answers as a filtered list does while entries grow past a few ids and shrink back', () => {
    const s = new MemoryStore();
    const byColor = (o: KObject) => String(o['data']?.color ?? '');
    const ids = (objs: KObject[]) => objs.map((o) => o.metadata.name);
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let step = 0; step < 400; step++) {
      const n = `p${next(24)}`;
      const k = key(n);
      const color = ['red', 'blue'][next(2)]!;
      // grow for a while, then shrink: entries pass through one id, a few, many and back
      const del = step > 200 ? next(3) > 0 : next(5) === 0;
      if (del) s.delete(k);
      else if (s.peek(k)) s.update(k, cm(n, { color }));
      else s.create(k, cm(n, { color }));
      if (step % 3 === 0) {
        for (const c of ['red', 'blue']) expect(ids(s.byIndex('configmaps', byColor, c))).toEqual(ids(s.list('configmaps').filter((o) => byColor(o) === c)));
      }
    }
  });
});

describe('MemoryStore changesSince', () => {
  it('names the objects written since a change count, in order, and says when it cannot tell', () => {
    const s = new MemoryStore();
    const v0 = s.versionOf('r:configmaps');
    expect(s.changesSince('configmaps', v0)).toEqual([]);
    s.create(key('a'), cm('a'));
    s.create(key('b'), cm('b'));
    const v2 = s.versionOf('r:configmaps');
    s.update(key('a'), cm('a', { k: 'v' }));
    s.update(key('b'), cm('b')); // changes nothing: not a change
    s.delete(key('b'));
    expect(s.changesSince('configmaps', v0)).toEqual(['default/a', 'default/b', 'default/a', 'default/b']);
    expect(s.changesSince('configmaps', v2)).toEqual(['default/a', 'default/b']);
    expect(s.changesSince('configmaps', s.versionOf('r:configmaps'))).toEqual([]);
    expect(s.changesSince('configmaps', s.versionOf('r:configmaps') + 1)).toBeUndefined(); // not this store's count
    expect(s.changesSince('secrets', 0)).toEqual([]);
    expect(s.changesSince('secrets', 3)).toBeUndefined();
  });
});

describe('FileStoreTxn', () => {
  it('commits atomically and only when something changed', async () => {
    const dir = tmpDir();
    initStateDir(dir, new MemoryStore().snapshot());
    const file = path.join(dir, STATE_FILE);
    const before = fs.statSync(file).mtimeMs;
    const t1 = FileStoreTxn.open(dir);
    await t1.commit();
    expect(fs.statSync(file).mtimeMs).toBe(before);
    const t2 = FileStoreTxn.open(dir);
    t2.store.create(key('a'), cm('a'));
    await t2.commit();
    const t3 = FileStoreTxn.open(dir);
    expect(t3.store.get(key('a'))?.metadata.name).toBe('a');
    t3.close();
    expect(fs.readdirSync(dir)).toEqual([OBJECTS_DIR, STATE_FILE]);
    expect(fs.readdirSync(path.join(dir, OBJECTS_DIR))).toEqual([`configmaps.${t3.store.revision()}.json`]);
  });

  it('drops everything on close without commit (a failed command changes nothing)', async () => {
    const dir = tmpDir();
    initStateDir(dir, new MemoryStore().snapshot());
    const t = FileStoreTxn.open(dir);
    t.store.create(key('a'), cm('a'));
    t.close();
    const t2 = FileStoreTxn.open(dir);
    expect(t2.store.get(key('a'))).toBeUndefined();
    t2.close();
  });

  it('a crash before the rename leaves the last committed state (temporary file ignored)', async () => {
    const dir = tmpDir();
    const s = new MemoryStore();
    s.create(key('a'), cm('a'));
    initStateDir(dir, s.snapshot());
    fs.writeFileSync(path.join(dir, `${STATE_FILE}.tmp-99999`), '{"half": ');
    const t = FileStoreTxn.open(dir);
    expect(t.store.get(key('a'))).toBeDefined();
    t.close();
  });

  it("sweeps what killed processes left behind (temporary state, lock scratch files), not a live process's", async () => {
    const dir = tmpDir();
    initStateDir(dir, new MemoryStore().snapshot());
    const dead = '2147483646'; // no such pid
    for (const f of [`${STATE_FILE}.tmp-${dead}`, `state.lock.${dead}`, `state.lock.stale-${dead}`]) fs.writeFileSync(path.join(dir, f), 'x');
    fs.writeFileSync(path.join(dir, `state.lock.${process.ppid}`), String(process.ppid)); // a live waiter's
    fs.writeFileSync(path.join(dir, 'state.lock'), dead); // a dead owner's lock
    FileStoreTxn.open(dir).close();
    expect(fs.readdirSync(dir).sort()).toEqual([OBJECTS_DIR, STATE_FILE, `state.lock.${process.ppid}`]);
  });

  it('keeps one segment per resource, rewrites only the changed ones, and reads a segment only when used', async () => {
    const dir = tmpDir();
    const s = new MemoryStore();
    s.create(key('a'), cm('a'));
    s.create({ resource: 'secrets', namespace: 'default', name: 's' }, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' } });
    initStateDir(dir, s.snapshot());
    const segs = () => fs.readdirSync(path.join(dir, OBJECTS_DIR)).sort();
    expect(segs()).toEqual(['configmaps.3.json', 'secrets.3.json']);
    const t = FileStoreTxn.open(dir);
    t.store.create(key('b'), cm('b'));
    await t.commit();
    // Only the configmaps segment changed (a journal line: a small resource's journal may grow to
    // 64 KiB); the secrets one was never even read.
    expect(segs()).toEqual(['configmaps.3.json', 'configmaps.3.log', 'secrets.3.json']);
    fs.writeFileSync(path.join(dir, OBJECTS_DIR, 'secrets.3.json'), 'not read');
    const r = FileStoreTxn.open(dir);
    expect(r.store.list('configmaps').map((o) => o.metadata.name)).toEqual(['a', 'b']);
    r.close();
    const broken = FileStoreTxn.open(dir);
    expect(() => broken.store.list('secrets')).toThrow(`the cluster store ${path.join(dir, OBJECTS_DIR, 'secrets.3.json')} is corrupt`);
    broken.close();
  });

  it('journals small changes to a large segment, ignores a torn append, and folds the journal in when it outgrows the segment', async () => {
    const dir = tmpDir();
    const s = new MemoryStore();
    for (let i = 0; i < 20; i++) s.create(key(`c${i}`), cm(`c${i}`, { v: 'x'.repeat(50) }));
    initStateDir(dir, s.snapshot());
    const objDir = path.join(dir, OBJECTS_DIR);
    const files = () => fs.readdirSync(objDir).sort();
    expect(files()).toEqual(['configmaps.21.json']);
    // A label on one of twenty: one journal line, the segment untouched.
    const t = FileStoreTxn.open(dir);
    const c3 = t.store.get(key('c3'))!;
    c3.metadata.labels = { l: '1' };
    t.store.update(key('c3'), c3);
    t.store.delete(key('c4'));
    await t.commit();
    expect(files()).toEqual(['configmaps.21.json', 'configmaps.21.log']);
    expect(fs.readFileSync(path.join(objDir, 'configmaps.21.log'), 'utf8').split('\n')).toHaveLength(3);
    const state = readClusterState(dir);
    expect(state.objects['configmaps']!['default/c3']!.metadata.labels).toEqual({ l: '1' });
    expect(state.objects['configmaps']!['default/c4']).toBeUndefined();
    // A crash mid-append leaves bytes past the committed length: never read, cut off by the next append.
    fs.appendFileSync(path.join(objDir, 'configmaps.21.log'), '["default/c5", {"torn');
    const r = FileStoreTxn.open(dir);
    expect(r.store.list('configmaps')).toHaveLength(19);
    r.store.create(key('new'), cm('new'));
    await r.commit();
    expect(Object.keys(readClusterState(dir).objects['configmaps']!)).toHaveLength(20);
    expect(fs.readFileSync(path.join(objDir, 'configmaps.21.log'), 'utf8')).not.toContain('torn');
    // Many changes: the journal would outgrow both the segment and 64 KiB, so a new segment replaces both.
    const big = FileStoreTxn.open(dir);
    for (let i = 5; i < 20; i++) {
      const o = big.store.get(key(`c${i}`))!;
      o.data = { v: 'y'.repeat(5000) };
      big.store.update(key(`c${i}`), o);
    }
    await big.commit();
    expect(files()).toEqual([`configmaps.${big.store.revision()}.json`]);
    expect(readClusterState(dir).objects['configmaps']!['default/c7']!['data']).toEqual({ v: 'y'.repeat(5000) });
  });

  it('stamps each resource as committed: the same until it changes, none while changed in the transaction', async () => {
    const dir = tmpDir();
    const s = new MemoryStore();
    s.create(key('a'), cm('a'));
    initStateDir(dir, s.snapshot());
    const t1 = FileStoreTxn.open(dir);
    const first = t1.store.stampOf('configmaps');
    expect(first).toBeDefined();
    expect(t1.store.stampOf('secrets')).toBe('-:0');
    t1.store.create(key('b'), cm('b'));
    expect(t1.store.stampOf('configmaps')).toBeUndefined();
    await t1.commit();
    const t2 = FileStoreTxn.open(dir);
    const second = t2.store.stampOf('configmaps');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    t2.close();
    const t3 = FileStoreTxn.open(dir);
    expect(t3.store.stampOf('configmaps')).toBe(second);
    t3.close();
  });

  it('drops the segment of a resource whose last object is deleted, and sweeps segments no manifest names', async () => {
    const dir = tmpDir();
    const s = new MemoryStore();
    s.create(key('a'), cm('a'));
    initStateDir(dir, s.snapshot());
    fs.writeFileSync(path.join(dir, OBJECTS_DIR, 'configmaps.99.json'), '{}'); // a commit that never happened
    const t = FileStoreTxn.open(dir);
    expect(fs.readdirSync(path.join(dir, OBJECTS_DIR))).toEqual(['configmaps.2.json']);
    t.store.delete(key('a'));
    await t.commit();
    expect(fs.readdirSync(path.join(dir, OBJECTS_DIR))).toEqual([]);
    expect(readClusterState(dir).objects).toEqual({});
  });

  it('reads a state file of the first format (all objects in state.json) and converts it on the next write', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, STATE_FILE), JSON.stringify({ revision: 5, meta: { x: 1 }, objects: { configmaps: { 'default/a': { ...cm('a'), metadata: { name: 'a', namespace: 'default', resourceVersion: '5' } } } } }));
    const t = FileStoreTxn.open(dir);
    expect(t.store.get(key('a'))?.metadata.resourceVersion).toBe('5');
    t.store.setMeta('y', 2);
    await t.commit();
    const state = readClusterState(dir);
    expect(state.meta).toEqual({ x: 1, y: 2 });
    expect(Object.keys(state.objects['configmaps']!)).toEqual(['default/a']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, STATE_FILE), 'utf8')).objects).toBeUndefined();
  });

  it('names the file when the store is corrupt, and never resets it', async () => {
    const dir = tmpDir();
    const file = path.join(dir, STATE_FILE);
    fs.writeFileSync(file, '{not json');
    expect(() => FileStoreTxn.open(dir)).toThrow(StoreError);
    expect(() => FileStoreTxn.open(dir)).toThrow(`the cluster store ${file} is corrupt`);
    expect(fs.readFileSync(file, 'utf8')).toBe('{not json');
  });

  it('reports a corrupt store through the CLI as a kubectl-style error, exit 1', async () => {
    const home = tmpDir();
    const io = (out: string[]) => ({
      stdout: (s: string) => void out.push(s),
      stderr: (s: string) => void out.push(s),
      readStdin: () => '',
      env: { KUBE_LITE_HOME: home, KUBE_LITE_SEED: '1' },
      cwd: home,
    });
    expect(await main(['get', 'ns'], io([]))).toBe(0);
    const file = path.join(home, 'clusters/kube-lite', STATE_FILE);
    fs.writeFileSync(file, 'garbage');
    const out: string[] = [];
    expect(await main(['get', 'ns'], io(out))).toBe(1);
    expect(out.join('')).toBe(`error: the cluster store ${file} is corrupt: Unexpected token 'g', "garbage" is not valid JSON\n`);
  });
});

describe('FileLock', () => {
  it('takes over a lock left by a dead process', async () => {
    const dir = tmpDir();
    const lockPath = path.join(dir, 'state.lock');
    fs.writeFileSync(lockPath, '2147483646'); // no such pid
    const lock = new FileLock(lockPath);
    lock.acquire(2000);
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('waits for a live owner and times out with a clear error', async () => {
    const dir = tmpDir();
    const lockPath = path.join(dir, 'state.lock');
    fs.writeFileSync(lockPath, String(process.ppid));
    expect(() => new FileLock(lockPath).acquire(50)).toThrow(`timed out waiting for the cluster lock ${lockPath}`);
  });
});

describe('file modes', () => {
  it('creates the store readable only by its owner (Secrets live there)', async () => {
    const home = tmpDir();
    const io = {
      stdout: () => {},
      stderr: () => {},
      readStdin: () => '',
      env: { KUBE_LITE_HOME: home, KUBE_LITE_SEED: '1' },
      cwd: home,
    };
    expect(await main(['create', 'secret', 'generic', 's', '--from-literal=a=b'], io)).toBe(0);
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    expect(mode(path.join(home, 'clusters/kube-lite', STATE_FILE))).toBe(0o600);
    expect(mode(path.join(home, 'clusters/kube-lite'))).toBe(0o700);
    expect(mode(path.join(home, 'config.json'))).toBe(0o600);
  });
});

describe('a rejected request changes nothing', () => {
  it('leaves state.json byte-identical, random-generator state included', async () => {
    const home = tmpDir();
    const io = (out: string[]) => ({
      stdout: (s: string) => void out.push(s),
      stderr: (s: string) => void out.push(s),
      readStdin: () => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n',
      env: { KUBE_LITE_HOME: home, KUBE_LITE_SEED: '1' },
      cwd: home,
    });
    expect(await main(['get', 'ns'], io([]))).toBe(0);
    const file = path.join(home, 'clusters/kube-lite', STATE_FILE);
    const before = fs.readFileSync(file);
    const out: string[] = [];
    expect(await main(['create', '-f', '-'], io(out))).toBe(1);
    expect(out.join('')).toContain('name or generateName is required');
    expect(await main(['create', 'configmap', 'x', '--dry-run=server'], io([]))).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
