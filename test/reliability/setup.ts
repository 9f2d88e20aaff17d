// Global setup for the reliability suite: the tests spawn a private snapshot of the built CLI
// (bin/, dist/, build/, package.json; node_modules linked), so a rebuild of dist/ in the working tree
// while the suite runs (npm run build, npm run bench) cannot pull files from under the spawned processes.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const root = path.resolve(import.meta.dirname, '../..');

export default function setup(project: TestProject): () => void {
  const snap = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-lite-reliability-bin-'));
  for (let attempt = 1; ; attempt++) {
    try {
      // Timestamps kept: bin/kube-lite uses the startup snapshot only while its stamps match the Node.
      for (const d of ['bin', 'dist', 'build']) fs.cpSync(path.join(root, d), path.join(snap, d), { recursive: true, preserveTimestamps: true });
      fs.copyFileSync(path.join(root, 'package.json'), path.join(snap, 'package.json'));
      if (!fs.existsSync(path.join(snap, 'node_modules'))) fs.symlinkSync(path.join(root, 'node_modules'), path.join(snap, 'node_modules'));
      execFileSync(path.join(snap, 'bin/kube-lite'), ['version', '--client'], { stdio: 'pipe' });
      break;
    } catch (e) {
      if (attempt >= 5) throw new Error(`cannot snapshot the built kube-lite (run "npm install" or "npm run build"): ${(e as Error).message}`);
      execFileSync('sleep', ['2']);
    }
  }
  project.provide('kubeLiteBin', path.join(snap, 'bin/kube-lite'));
  return () => fs.rmSync(snap, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    kubeLiteBin: string;
  }
}
