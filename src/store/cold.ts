// Objects kept out of the heap: their JSON, written to a scratch file as they are stored, read back
// when asked for. For resources written far more often than read - events: a 10,000-pod rollout
// records 40,000, ~16 MB as objects, which nothing in the command reads again but the commit.
//
// The file is unlinked as soon as it is open, so nothing is left behind however the process ends;
// what it holds is never the committed state, only a copy of what the store holds until its commit.

import fs from 'node:fs';
import path from 'node:path';

/** Bytes gathered before one write to the file, and read from it at once. */
const CHUNK = 1 << 18;

/** Closes the file of a ColdFile nobody holds any more (a long-running process's replaced store). */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    fs.closeSync(fd);
  } catch {
    /* already closed */
  }
});

let made = 0;

export class ColdFile {
  private fd: number | undefined;
  /** Where each text starts, by handle (handles count from 1); a text ends where the next starts. */
  private starts: number[] = [0, 0];
  /** Texts not written yet: the bytes from `written` on. */
  private pending: Buffer | undefined;
  private pendingUsed = 0;
  private written = 0;
  /** The bytes last read from the file: from readStart on. */
  private read: Buffer | undefined;
  private readStart = 0;
  private readLength = 0;

  /** `dir`: where the scratch file is made (the cluster's objects directory: the same disk, owner-only). */
  constructor(private readonly dir: string) {}

  /** Keeps `text` (or its bytes); its handle. */
  put(text: string | Uint8Array): number {
    const room = typeof text === 'string' ? text.length * 3 : text.length; // (UTF-8 takes at most 3 bytes per UTF-16 unit)
    if (!this.pending || this.pendingUsed + room > this.pending.length) {
      if (this.pending) this.flush();
      if (!this.pending || room > this.pending.length) this.pending = Buffer.allocUnsafe(Math.max(CHUNK, room));
    }
    if (typeof text === 'string') this.pendingUsed += this.pending.write(text, this.pendingUsed);
    else {
      this.pending.set(text, this.pendingUsed);
      this.pendingUsed += text.length;
    }
    this.starts.push(this.written + this.pendingUsed);
    return this.starts.length - 2;
  }

  /** The size of the text of `handle`, in bytes. */
  length(handle: number): number {
    return this.starts[handle + 1]! - this.starts[handle]!;
  }

  /** Bytes kept so far, whether their handles are still used or not. */
  get held(): number {
    return this.written + this.pendingUsed;
  }

  /** An empty ColdFile beside this one (see MemoryStore's compaction). */
  another(): ColdFile {
    return new ColdFile(this.dir);
  }

  /** Gives the file up now rather than when this is collected. */
  close(): void {
    if (this.fd === undefined) return;
    closer.unregister(this);
    fs.closeSync(this.fd);
    this.fd = undefined;
    this.pending = undefined;
    this.read = undefined;
  }

  /** The text of `handle` as bytes: a view, valid until the next put() or bytes(). */
  bytes(handle: number): Uint8Array {
    const start = this.starts[handle]!;
    const end = this.starts[handle + 1]!;
    if (start >= this.written) return this.pending!.subarray(start - this.written, end - this.written);
    if (!this.read || start < this.readStart || end > this.readStart + this.readLength) {
      const size = Math.max(CHUNK, end - start);
      if (!this.read || this.read.length < size) this.read = Buffer.allocUnsafe(size);
      this.readLength = fs.readSync(this.fd!, this.read, 0, size, start);
      this.readStart = start;
      if (this.readLength < end - start) throw new Error(`kube-lite: the scratch file of stored objects is short (${this.readLength} of ${end - start} bytes)`);
    }
    return this.read.subarray(start - this.readStart, end - this.readStart);
  }

  text(handle: number): string {
    return Buffer.prototype.toString.call(this.bytes(handle), 'utf8');
  }

  /** Handles given out so far. */
  get size(): number {
    return this.starts.length - 2;
  }

  private flush(): void {
    if (this.pendingUsed === 0) return;
    if (this.fd === undefined) {
      // (a crash before the unlink leaves a file no manifest names: the next command sweeps it)
      const file = path.join(this.dir, `cold.${process.pid}.${++made}`);
      fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      this.fd = fs.openSync(file, 'w+', 0o600);
      fs.rmSync(file, { force: true });
      closer.register(this, this.fd, this);
    }
    for (let done = 0; done < this.pendingUsed; ) done += fs.writeSync(this.fd, this.pending!, done, this.pendingUsed - done, this.written + done);
    this.written += this.pendingUsed;
    this.pendingUsed = 0;
  }
}
