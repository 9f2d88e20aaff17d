// The file backend: one directory per cluster holding state.json. An invocation locks the directory,
// loads the state into a MemoryStore, works on it, and commits by writing a temporary file, fsyncing
// it and renaming it over state.json: a crash at any point leaves the last committed state intact.

import fs from 'node:fs';
import path from 'node:path';
import { FileLock, processAlive } from './lock.js';
import { MemoryStore, type StoreSnapshot } from './memory-store.js';
import { StoreError } from './store.js';

export const STATE_FILE = 'state.json';

export class FileStoreTxn {
  private readonly lock: FileLock;
  readonly store: MemoryStore;
  private closed = false;

  private constructor(
    readonly dir: string,
    lock: FileLock,
    snapshot: StoreSnapshot,
  ) {
    this.lock = lock;
    this.store = new MemoryStore(snapshot);
  }

  /** Locks the cluster directory and loads its state. */
  static open(dir: string): FileStoreTxn {
    if (!fs.existsSync(dir)) throw new StoreError(`cluster directory ${dir} does not exist`);
    const lock = new FileLock(path.join(dir, 'state.lock'));
    lock.acquire();
    try {
      sweepLeftovers(dir);
      return new FileStoreTxn(dir, lock, readState(path.join(dir, STATE_FILE)));
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  /** Writes the state if anything changed, then unlocks. */
  commit(): void {
    if (this.closed) return;
    try {
      if (this.store.isDirty()) writeStateAtomic(path.join(this.dir, STATE_FILE), this.store.snapshot());
    } finally {
      this.close();
    }
  }

  /** Unlocks without writing: everything done in this transaction is dropped. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.lock.release();
  }
}

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

function readState(file: string): StoreSnapshot {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new StoreError(`cannot read the cluster store ${file}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new StoreError(`the cluster store ${file} is corrupt: ${(e as Error).message}`);
  }
  const s = data as StoreSnapshot;
  if (!s || typeof s !== 'object' || typeof s.revision !== 'number' || typeof s.objects !== 'object' || !s.objects) {
    throw new StoreError(`the cluster store ${file} is corrupt: not a kube-lite state file`);
  }
  s.meta ??= {};
  return s;
}

export function writeStateAtomic(file: string, snapshot: StoreSnapshot): void {
  const tmp = `${file}.tmp-${process.pid}`;
  // Owner-only: the store holds Secrets.
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(snapshot));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  try {
    const dfd = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
  } catch {
    /* directory fsync is not supported everywhere; the rename is still atomic */
  }
}

/** Creates a cluster directory with an initial state (used by `cluster create`). */
export function initStateDir(dir: string, snapshot: StoreSnapshot): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeStateAtomic(path.join(dir, STATE_FILE), snapshot);
}
