// Store files are readable only by their owner (Secrets live in state.json), as the real binary
// creates them on a fresh machine and keeps them after writes.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/cli.js';
import { clusterDirOf, kl, stateFileOf } from './helpers.js';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('reliability: file modes', () => {
  it('state.json and config.json are 0600, their directories 0700', async () => {
    const home = path.join(tempHome(), 'home'); // created by kube-lite itself
    const old = process.umask(0o022);
    try {
      expect((await kl(home, 'create', 'secret', 'generic', 's', '--from-literal=password=hunter2')).code).toBe(0);
      expect((await kl(home, 'label', 'secret', 's', 'a=b')).code).toBe(0);
      expect((await kl(home, 'cluster', 'create', 'second', '--nodes', '1')).code).toBe(0);
    } finally {
      process.umask(old);
    }
    expect(mode(stateFileOf(home)).toString(8)).toBe('600');
    expect(mode(path.join(home, 'config.json')).toString(8)).toBe('600');
    expect(mode(path.join(home, 'clusters/second/state.json')).toString(8)).toBe('600');
    expect(mode(clusterDirOf(home)).toString(8)).toBe('700');
    const objects = path.join(clusterDirOf(home), 'objects');
    expect(mode(objects).toString(8)).toBe('700');
    const segments = fs.readdirSync(objects);
    expect(segments.length).toBeGreaterThan(0);
    for (const f of segments) expect(`${f} ${mode(path.join(objects, f)).toString(8)}`).toBe(`${f} 600`);
    expect(mode(home).toString(8)).toBe('700');
  });
});
