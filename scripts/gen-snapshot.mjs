// Makes build/snapshot: V8 startup snapshots of dist/kube-lite.cjs with its code loaded (all of it, and
// the read-only verbs alone), which bin/kube-lite starts Node from (see the comments there and in src/entry.ts). Node refuses a snapshot
// made by another Node binary or under other V8 flags, so it is made with the flags bin/kube-lite
// passes, and the binary that made it is recorded: its path in `node`, and its modification time
// bracketed by the times of two empty files, `before` (one second earlier) and `after` (one later).
//
// A Node that cannot make a snapshot leaves no snapshot: kube-lite then loads its bundle as it starts.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A `name='...'` line of bin/kube-lite, split into words. */
function launcherWords(root, name) {
  const text = fs.readFileSync(path.join(root, 'bin/kube-lite'), 'utf8');
  const m = new RegExp(`^${name}='([^']*)'$`, 'm').exec(text);
  if (!m) throw new Error(`bin/kube-lite: no ${name} line`);
  return m[1].split(/\s+/).filter(Boolean);
}

/** The Node flags bin/kube-lite starts a writing command with. */
export const launcherFlags = (root) => launcherWords(root, 'flags');

export function generateSnapshot(root) {
  const final = path.join(root, 'build/snapshot');
  // Made beside and swapped in (see scripts/build.mjs): a command starting meanwhile finds the old
  // snapshot, the new one, or (for a moment) none, and then loads the bundle.
  const dir = `${final}.${process.pid}`;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // Two snapshots: everything, and the read-only verbs alone (src/entry.ts reads the list).
  // The throwaway cluster the builds run commands on (src/cli/warmup.ts): made by the first build,
  // read by the second, removed after.
  // Without a temporary directory the snapshots are made without it (their code compiles on first use).
  let warmHome;
  try {
    warmHome = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-lite-warmup-'));
  } catch {
    warmHome = undefined;
  }
  const made = [
    ['kube-lite', '', launcherFlags(root)],
    ['kube-lite-read', launcherWords(root, 'read_verbs').join(' '), launcherWords(root, 'read_flags')],
  ].map(([name, verbs, flags]) => {
    const blob = path.join(dir, `${name}.blob`);
    const env = { ...process.env, KUBE_LITE_SNAPSHOT_VERBS: verbs, ...(warmHome ? { KUBE_LITE_WARMUP_HOME: warmHome } : {}) };
    const script = path.join(root, 'dist/kube-lite.cjs');
    const r = spawnSync(process.execPath, [...flags, '--snapshot-blob', blob, '--build-snapshot', script], { encoding: 'utf8', env });
    return { r, ok: r.status === 0 && fs.existsSync(blob) };
  });
  if (warmHome) fs.rmSync(warmHome, { recursive: true, force: true });
  const failed = made.find((m) => !m.ok);
  if (failed) {
    const r = failed.r;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(final, { recursive: true, force: true });
    console.warn(`kube-lite: no startup snapshot (this Node cannot make one); commands will start slower.\n${(r.stderr ?? '').trim().split('\n').slice(-12).join('\n')}`);
    return false;
  }
  const node = fs.realpathSync(process.execPath);
  const mtime = fs.statSync(node).mtimeMs / 1000;
  for (const [name, t] of [['before', mtime - 1], ['after', mtime + 1]]) {
    fs.writeFileSync(path.join(dir, name), '');
    fs.utimesSync(path.join(dir, name), t, t);
  }
  fs.writeFileSync(path.join(dir, 'node'), `${node}\n`);
  const old = `${final}.old.${process.pid}`;
  if (fs.existsSync(final)) fs.renameSync(final, old);
  fs.renameSync(dir, final);
  fs.rmSync(old, { recursive: true, force: true });
  return true;
}
