// Shared helpers for the reliability suite: spawning the real bin/kube-lite, a seeded PRNG, and
// canonical dumps/hashes of a cluster's store.

import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { readClusterState } from '../../src/store/file-store.js';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
/** The private snapshot of bin/kube-lite made by setup.ts. */
export const bin = inject('kubeLiteBin');
export const NOW = '2026-01-01T00:00:00Z';

export function binEnv(home: string): NodeJS.ProcessEnv {
  return { ...process.env, KUBE_LITE_HOME: home, KUBE_LITE_SEED: '7', KUBE_LITE_NOW: NOW, TZ: 'UTC', KUBE_LITE_DEBUG: '' };
}

export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs bin/kube-lite to completion. */
export function kl(home: string, ...args: string[]): Promise<BinResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(bin, args, { env: binEnv(home), cwd: root, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number | string; signal?: NodeJS.Signals }) | null;
      resolve({
        code: e ? (typeof e.code === 'number' ? e.code : 1) : 0,
        signal: e?.signal ?? null,
        stdout,
        stderr,
        ms: performance.now() - t0,
      });
    });
  });
}

/** Runs bin/kube-lite and SIGKILLs it after `delayMs` unless it has exited by then. */
export function klKilled(home: string, delayMs: number, ...args: string[]): Promise<BinResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(bin, args, { env: binEnv(home), cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const clusterDirOf = (home: string) => path.join(home, 'clusters', 'kube-lite');
export const stateFileOf = (home: string) => path.join(clusterDirOf(home), 'state.json');

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A digest of every file under a directory (names and bytes): "the store is byte-identical". */
export function dirDigest(dir: string): string {
  const h = crypto.createHash('sha256');
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      h.update(`${path.relative(dir, p)}\0`);
      if (e.isDirectory()) walk(p);
      else h.update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** The files a cluster directory holds at rest: the manifest and the segments and journals it names, no more. */
export function strayFiles(dir: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as {
    segments: Record<string, string>;
    journals?: Record<string, { file: string }>;
  };
  const live = new Set([...Object.values(manifest.segments), ...Object.values(manifest.journals ?? {}).map((j) => j.file)]);
  const top = fs.readdirSync(dir).filter((f) => f !== 'state.json' && f !== 'objects');
  const segs = fs.existsSync(path.join(dir, 'objects')) ? fs.readdirSync(path.join(dir, 'objects')).filter((f) => !live.has(f)) : [];
  return [...top, ...segs.map((f) => `objects/${f}`)];
}

/** JSON with sorted keys. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      const o = val as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    }
    return val;
  });
}

export interface State {
  revision: number;
  objects: Record<string, Record<string, { metadata: { name: string; resourceVersion?: string; labels?: Record<string, string> }; [k: string]: unknown }>>;
  meta: Record<string, unknown>;
}

export function readState(home: string): State {
  return readClusterState(clusterDirOf(home)) as unknown as State;
}
