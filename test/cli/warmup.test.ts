// The commands a startup snapshot's build runs (src/cli/warmup.ts): on a throwaway cluster of their
// own, through their own IO, leaving the process environment alone.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { warmUpCommands } from '../../src/cli/warmup.js';
import { readClusterState } from '../../src/store/file-store.js';
import { tempHome } from '../helpers/cli.js';

describe('snapshot warm-up commands', () => {
  it('makes its cluster, runs the writing and reading commands on it, and touches nothing else', async () => {
    const home = tempHome();
    const env = { ...process.env };
    await warmUpCommands(home);
    expect(process.env).toEqual(env);
    const config = JSON.parse(fs.readFileSync(path.join(home, 'config.json'), 'utf8'));
    expect(config['current-context']).toBe('warm');
    const state = readClusterState(path.join(home, 'clusters/warm'));
    // The commands took effect: scaled to 3, the other deployment created and deleted again.
    expect(Object.keys(state.objects['deployments.apps']!)).toEqual(['default/web']);
    expect(state.objects['deployments.apps']!['default/web']!['spec'].replicas).toBe(3);
  });

  it('runs only reading commands on the cluster an earlier build made, and nothing without one', async () => {
    const home = tempHome();
    await warmUpCommands(home, new Set(['get', 'describe']));
    expect(fs.readdirSync(home)).toEqual([]);
    await warmUpCommands(home);
    const dir = path.join(home, 'clusters/warm');
    const before = readClusterState(dir).revision;
    await warmUpCommands(home, new Set(['get', 'describe']));
    expect(readClusterState(dir).revision).toBe(before);
  });
});
