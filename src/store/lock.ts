// An exclusive lock between kube-lite processes sharing one cluster directory: a lock file created
// with O_EXCL holding the owner's pid. A lock left by a process that died (crash, kill -9) is stolen.

import fs from 'node:fs';
import { StoreError } from './store.js';

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

function ownerAlive(lockPath: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
  } catch {
    return true; // being written or just removed: treat as held, look again shortly
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
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
    let wait = 2;
    for (;;) {
      try {
        const fd = fs.openSync(this.path, 'wx');
        fs.writeSync(fd, String(process.pid));
        fs.closeSync(fd);
        this.held = true;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      if (!ownerAlive(this.path)) {
        // Rename first so that only one waiter removes a given stale lock.
        const stale = `${this.path}.stale-${process.pid}`;
        try {
          fs.renameSync(this.path, stale);
          fs.rmSync(stale, { force: true });
        } catch {
          /* another process got there first */
        }
        continue;
      }
      if (performance.now() > deadline) {
        throw new StoreError(`timed out waiting for the cluster lock ${this.path}`);
      }
      sleep(wait);
      wait = Math.min(wait * 2, 25);
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    fs.rmSync(this.path, { force: true });
  }
}
