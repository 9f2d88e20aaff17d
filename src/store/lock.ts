// An exclusive lock between kube-lite processes sharing one cluster directory: a lock file holding
// the owner's pid, created atomically (written to a private file, then hard-linked into place, so no
// one ever sees an empty lock). A lock left by a process that died (crash, kill -9) is taken over.

import fs from 'node:fs';
import { StoreError } from './store.js';

// Made on first use: a startup snapshot cannot hold a SharedArrayBuffer.
let sleepCell: Int32Array | undefined;
function sleep(ms: number): void {
  Atomics.wait((sleepCell ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, ms);
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True if a process with this pid exists (ours counts). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class FileLock {
  private held = false;
  constructor(private readonly path: string) {}

  acquire(timeoutMs = 60_000): void {
    const deadline = performance.now() + timeoutMs;
    const mine = `${this.path}.${process.pid}`;
    fs.writeFileSync(mine, String(process.pid), { mode: 0o600 });
    try {
      let wait = 1;
      for (;;) {
        try {
          fs.linkSync(mine, this.path);
          this.held = true;
          return;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
        const owner = readPid(this.path);
        if (owner !== undefined && !processAlive(owner)) this.takeOverStale(owner);
        else {
          if (performance.now() > deadline) throw new StoreError(`timed out waiting for the cluster lock ${this.path}`);
          sleep(wait);
          wait = Math.min(wait * 2, 20);
        }
      }
    } finally {
      fs.rmSync(mine, { force: true });
    }
  }

  /** Moves a dead owner's lock aside; if a live lock was moved by a race, puts it back. */
  private takeOverStale(deadPid: number): void {
    const aside = `${this.path}.stale-${process.pid}`;
    try {
      fs.renameSync(this.path, aside);
    } catch {
      return; // someone else moved it first
    }
    const moved = readPid(aside);
    if (moved !== deadPid && moved !== undefined) {
      try {
        fs.linkSync(aside, this.path);
      } catch {
        /* a new owner already holds the lock */
      }
    }
    fs.rmSync(aside, { force: true });
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    fs.rmSync(this.path, { force: true });
  }
}
