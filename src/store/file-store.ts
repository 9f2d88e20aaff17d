// The file backend: one directory per cluster. `state.json` is a small manifest (cluster revision,
// meta values, and which segment file holds each resource's objects); `objects/` holds one segment
// per resource (`pods.1234.json`), written once and never changed. An invocation locks the directory,
// reads the manifest, and reads a segment only when it first touches that resource - `get deploy` on a
// 10,000-pod cluster never parses the pods. A commit writes new segments for the resources it changed,
// fsyncs them, then replaces the manifest atomically (temporary file, fsync, rename): a crash at any
// point leaves the last committed manifest and the segments it names intact. Segments no manifest
// names any more are removed after the commit, or swept by the next invocation.
//
// A small change to a large resource (a label on one of 10,000 pods, a served request's few pods) is
// appended to the segment's journal (`pods.1234.log`: one `[id, object-or-null]` line per written
// object) instead of rewriting the segment. The manifest records how many bytes of the journal are
// committed; bytes past that (an append cut short by a crash) are never read, and are cut off before the
// next append. When the journal would outgrow its segment (or 64 KiB, whichever is larger), the next
// commit writes a new segment.

import fs from 'node:fs';
import path from 'node:path';
import type { KObject } from '../api/types.js';
import { ColdFile } from './cold.js';
import { FileLock, processAlive } from './lock.js';
import { MemoryStore, type StoreSnapshot } from './memory-store.js';
import { StoreError } from './store.js';

export const STATE_FILE = 'state.json';
export const OBJECTS_DIR = 'objects';
const FORMAT = 2;

/** What state.json holds. */
interface Manifest {
  format: number;
  revision: number;
  meta: Record<string, unknown>;
  /** resource → segment file name in objects/ */
  segments: Record<string, string>;
  /** resource → its segment's journal, when it has one. */
  journals?: Record<string, Journal>;
}

interface Journal {
  file: string;
  /** Committed bytes. */
  length: number;
  /** The size of the segment it belongs to (the journal is folded in when it would outgrow it). */
  base: number;
}

type Bucket = Record<string, KObject>;

export class FileStoreTxn {
  private readonly lock: FileLock;
  readonly store: MemoryStore;
  private closed = false;

  /** Set once this transaction's commit has written (or found nothing to write): see open()'s `previous`. */
  private committedRevision: number | undefined;
  private committedFiles: string | undefined;

  private constructor(
    readonly dir: string,
    lock: FileLock,
    private readonly manifest: Manifest,
    /** A state file of the first format (everything in state.json): the next commit rewrites it all. */
    private readonly legacy: StoreSnapshot | undefined,
    previous?: FileStoreTxn,
    cold: readonly string[] = [],
  ) {
    this.lock = lock;
    if (previous) {
      // The objects on disk are what `previous` committed: its store goes on (objects, list order and
      // indexes included), with the meta values as they are now (another process may have set some).
      this.store = previous.store;
      this.store.continueFrom(manifest.meta);
    } else if (legacy) {
      this.store = new MemoryStore(legacy);
    } else {
      const { revision, meta, segments } = manifest;
      this.store = new MemoryStore({ revision, meta, objects: {} }, {
        resources: Object.keys(segments),
        load: (resource) => readResource(dir, manifest, resource),
      });
    }
    if (!previous && cold.length > 0) this.store.keepCold(cold, new ColdFile(path.join(dir, OBJECTS_DIR)));
    // A resource's stamp: which segment holds it and how much of its journal is committed.
    this.store.setStamps(legacy ? undefined : (r) => `${manifest.segments[r] ?? '-'}:${manifest.journals?.[r]?.length ?? 0}`);
  }

  /**
   * Locks the cluster directory and reads its manifest (segments are read on first use). `cold`: the
   * resources whose objects written are kept out of the heap until the commit (MemoryStore.keepCold).
   */
  static open(dir: string, previous?: FileStoreTxn, cold: readonly string[] = []): FileStoreTxn {
    if (!fs.existsSync(dir)) throw new StoreError(`cluster directory ${dir} does not exist`);
    const lock = new FileLock(path.join(dir, 'state.lock'));
    lock.acquire();
    try {
      sweepLeftovers(dir);
      const { manifest, legacy } = readManifest(path.join(dir, STATE_FILE));
      sweepSegments(dir, manifest);
      // A long-running process (`kube-lite serve`) may pass its last transaction: when nobody wrote
      // since that one committed (same revision, same segments), its objects are still current and
      // are reused rather than parsed again.
      const reuse =
        previous?.committedRevision !== undefined &&
        !legacy &&
        previous.committedRevision === manifest.revision &&
        previous.committedFiles === filesOf(manifest);
      return new FileStoreTxn(dir, lock, manifest, legacy, reuse ? previous : undefined, cold);
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  /** Writes what changed, if anything, then unlocks. */
  async commit(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.store.isDirty()) await this.write();
      else {
        this.committedRevision = this.manifest.revision;
        this.committedFiles = filesOf(this.manifest);
      }
    } finally {
      this.close();
    }
  }

  private async write(): Promise<void> {
    const store = this.store;
    const revision = store.revision();
    const segments = { ...this.manifest.segments };
    const journals = { ...(this.manifest.journals ?? {}) };
    const changed = this.legacy ? Object.keys(this.legacy.objects) : store.changedResources();
    const replaced: string[] = [];
    const objDir = path.join(this.dir, OBJECTS_DIR);
    if (changed.length > 0) fs.mkdirSync(objDir, { recursive: true, mode: 0o700 });
    const writes: Promise<void>[] = [];
    for (const resource of changed) {
      const ids = store.idsOf(resource);
      const empty = ids.length === 0;
      const base = segments[resource];
      if (!empty && base && !this.legacy) {
        const journal = journals[resource] ?? { file: base.replace(/\.json$/, '.log'), length: 0, base: fs.statSync(path.join(objDir, base)).size };
        let delta = '';
        for (const k of store.changedIds(resource)) {
          const json = store.jsonOf(resource, k);
          const text = json === undefined ? 'null' : typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
          delta += `[${JSON.stringify(k)},${text}]\n`;
        }
        const bytes = Buffer.byteLength(delta);
        if (journal.length + bytes <= Math.max(journal.base, JOURNAL_MIN_BYTES)) {
          writes.push(appendDurable(path.join(objDir, journal.file), journal.length, delta));
          journals[resource] = { ...journal, length: journal.length + bytes };
          continue;
        }
      }
      if (base) replaced.push(base);
      if (journals[resource]) replaced.push(journals[resource]!.file);
      delete segments[resource];
      delete journals[resource];
      if (empty) continue;
      const name = `${resource}.${revision}.json`;
      writes.push(writeSegmentAsync(path.join(objDir, name), ids, (k) => store.jsonOf(resource, k)));
      segments[resource] = name;
    }
    // The files are flushed side by side (one fsync's wait rather than one per file), and all of them
    // before the manifest that names them is replaced.
    await Promise.all(writes);
    if (changed.length > 0) fsyncDir(objDir);
    const manifest: Manifest = { format: FORMAT, revision, meta: store.metaValues(), segments, ...(Object.keys(journals).length > 0 ? { journals } : {}) };
    writeStateAtomic(path.join(this.dir, STATE_FILE), manifest);
    this.committedRevision = revision;
    this.committedFiles = filesOf(manifest);
    // Committed: the replaced files are garbage now (a crash here leaves them to the next sweep).
    const live = liveFiles(manifest);
    for (const name of replaced) if (!live.has(name)) fs.rmSync(path.join(objDir, name), { force: true });
  }

  /** Unlocks without writing: everything done in this transaction is dropped. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.lock.release();
  }
}

/**
 * A journal may always grow this far, however small its segment: small resources (leases renewed on
 * every command, a handful of Services) then append instead of writing a new segment and removing
 * two files each time, and replaying 64 KiB of lines costs little.
 */
const JOURNAL_MIN_BYTES = 64 * 1024;

/**
 * Removes what processes killed mid-write left behind: temporary state files (`state.json.tmp-<pid>`)
 * and lock scratch files (`state.lock.<pid>`, `state.lock.stale-<pid>`) whose process is gone. Called
 * with the lock held, so no live writer is touched; without it they would pile up with every crash.
 */
function sweepLeftovers(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^(?:state\.json\.tmp-|state\.lock\.(?:stale-)?)(\d+)$/.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Removes segments the manifest does not name: written by a commit that never happened, or replaced. */
function sweepSegments(dir: string, manifest: Manifest): void {
  let names: string[];
  try {
    names = fs.readdirSync(path.join(dir, OBJECTS_DIR));
  } catch {
    return;
  }
  const live = liveFiles(manifest);
  for (const name of names) if (!live.has(name)) fs.rmSync(path.join(dir, OBJECTS_DIR, name), { force: true });
}

function parseJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new StoreError(`cannot read the cluster store ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new StoreError(`the cluster store ${file} is corrupt: ${(e as Error).message}`);
  }
}

function readManifest(file: string): { manifest: Manifest; legacy?: StoreSnapshot } {
  const data = parseJson(file) as Partial<Manifest & StoreSnapshot> | null;
  if (!data || typeof data !== 'object' || typeof data.revision !== 'number') {
    throw new StoreError(`the cluster store ${file} is corrupt: not a kube-lite state file`);
  }
  const meta = data.meta && typeof data.meta === 'object' ? data.meta : {};
  if (data.objects && typeof data.objects === 'object') {
    const legacy: StoreSnapshot = { revision: data.revision, objects: data.objects, meta };
    return { manifest: { format: FORMAT, revision: data.revision, meta, segments: {} }, legacy };
  }
  if (!data.segments || typeof data.segments !== 'object') {
    throw new StoreError(`the cluster store ${file} is corrupt: not a kube-lite state file`);
  }
  const journals = data.journals && typeof data.journals === 'object' ? data.journals : undefined;
  return { manifest: { format: FORMAT, revision: data.revision, meta, segments: data.segments, ...(journals ? { journals } : {}) } };
}

/** The files a manifest names (segments and journals). */
function liveFiles(manifest: Manifest): Set<string> {
  return new Set([...Object.values(manifest.segments), ...Object.values(manifest.journals ?? {}).map((j) => j.file)]);
}

/** What a manifest says is on disk, as one comparable string (segments, journals and their lengths). */
function filesOf(manifest: Manifest): string {
  return JSON.stringify([manifest.segments, manifest.journals ?? {}]);
}

/** One resource's objects: its segment, with the committed part of its journal replayed. */
function readResource(dir: string, manifest: Manifest, resource: string): Bucket {
  const bucket = readSegment(path.join(dir, OBJECTS_DIR, manifest.segments[resource]!));
  const journal = manifest.journals?.[resource];
  if (!journal || journal.length === 0) return bucket;
  const file = path.join(dir, OBJECTS_DIR, journal.file);
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    throw new StoreError(`cannot read the cluster store ${file}: ${(e as Error).message}`);
  }
  if (data.length < journal.length) throw new StoreError(`the cluster store ${file} is corrupt: shorter than committed`);
  const lines = data.subarray(0, journal.length).toString('utf8').split('\n');
  for (const line of lines) {
    if (!line) continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch (e) {
      throw new StoreError(`the cluster store ${file} is corrupt: ${(e as Error).message}`);
    }
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') throw new StoreError(`the cluster store ${file} is corrupt: not a kube-lite journal`);
    if (entry[1] === null) delete bucket[entry[0]];
    else bucket[entry[0]] = entry[1] as KObject;
  }
  return bucket;
}

function readSegment(file: string): Bucket {
  const data = parseJson(file);
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new StoreError(`the cluster store ${file} is corrupt: not a kube-lite segment`);
  }
  return data as Bucket;
}

/** Writes a new file and flushes it to disk before returning. Owner-only: the store holds Secrets. */
function writeDurable(file: string, text: string): void {
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Cuts a journal to its committed length (dropping what a crashed append left), appends, flushes. */
async function appendDurable(file: string, committed: number, text: string): Promise<void> {
  const fh = await fs.promises.open(file, fs.existsSync(file) ? 'r+' : 'w', 0o600);
  try {
    await fh.truncate(committed);
    await fh.write(text, committed, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Writes a segment (the objects as JSON.stringify writes their bucket) a piece at a time: at 10,000
 * pods one string of the whole segment, and the buffer made of it, were the commit's largest
 * allocations. Each object's JSON is encoded straight into one buffer, reused, which is written out
 * when full: joining the JSON into larger strings first cost a copy of every byte (and a buffer per
 * piece). `json(id)`: the object's JSON, as a string or as bytes valid until the next call.
 */
export async function writeSegmentAsync(file: string, ids: readonly string[], json: (id: string) => string | Uint8Array | undefined, bufferSize = 1 << 16): Promise<void> {
  const fh = await fs.promises.open(file, 'w', 0o600);
  try {
    let buf = Buffer.allocUnsafe(bufferSize);
    let used = 0;
    const flush = async () => {
      for (let done = 0; done < used; ) done += (await fh.write(buf, done, used - done)).bytesWritten;
      used = 0;
    };
    // (UTF-8 takes at most 3 bytes per UTF-16 unit)
    const room = (text: string | Uint8Array) => (typeof text === 'string' ? text.length * 3 : text.length);
    const put = (text: string | Uint8Array): boolean => {
      if (used + room(text) > buf.length) return false;
      if (typeof text === 'string') used += buf.write(text, used);
      else {
        buf.set(text, used);
        used += text.length;
      }
      return true;
    };
    const add = async (text: string | Uint8Array) => {
      if (put(text)) return;
      await flush();
      if (room(text) > buf.length) buf = Buffer.allocUnsafe(room(text));
      put(text);
    };
    let sep = '{';
    for (const k of ids) {
      const head = `${sep}${JSON.stringify(k)}:`;
      let text = json(k);
      if (text === undefined) continue;
      // (an await only when the buffer is full: most objects are added without one; bytes are
      // copied first, as another segment's writer may ask for some meanwhile)
      if (!put(head)) {
        if (typeof text !== 'string') text = Buffer.from(text);
        await add(head);
      }
      if (!put(text)) await add(typeof text === 'string' ? text : Buffer.from(text));
      sep = ',';
    }
    await add(sep === '{' ? '{}' : '}');
    await flush();
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function fsyncDir(dir: string): void {
  try {
    const dfd = fs.openSync(dir, 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
  } catch {
    /* directory fsync is not supported everywhere; the rename is still atomic */
  }
}

function writeStateAtomic(file: string, manifest: Manifest): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeDurable(tmp, JSON.stringify(manifest));
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/** Creates a cluster directory with an initial state (used by `cluster create`). */
export function initStateDir(dir: string, snapshot: StoreSnapshot): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const objDir = path.join(dir, OBJECTS_DIR);
  fs.mkdirSync(objDir, { recursive: true, mode: 0o700 });
  const segments: Record<string, string> = {};
  for (const [resource, bucket] of Object.entries(snapshot.objects)) {
    if (Object.keys(bucket).length === 0) continue;
    const name = `${resource}.${snapshot.revision}.json`;
    writeDurable(path.join(objDir, name), JSON.stringify(bucket));
    segments[resource] = name;
  }
  fsyncDir(objDir);
  writeStateAtomic(path.join(dir, STATE_FILE), { format: FORMAT, revision: snapshot.revision, meta: snapshot.meta, segments });
}

/** The whole committed state of a cluster directory, every segment read (tests and tools; no lock). */
export function readClusterState(dir: string): StoreSnapshot {
  const { manifest, legacy } = readManifest(path.join(dir, STATE_FILE));
  if (legacy) return legacy;
  const objects: Record<string, Bucket> = {};
  for (const resource of Object.keys(manifest.segments)) objects[resource] = readResource(dir, manifest, resource);
  return { revision: manifest.revision, meta: manifest.meta, objects };
}
