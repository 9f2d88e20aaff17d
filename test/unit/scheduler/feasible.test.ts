// How many feasible nodes the scheduler looks for (percentageOfNodesToScore, adaptive by default) and
// where each search starts (nextStartNodeIndex): schedule_one.go's findNodesThatPassFilters.

import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../../src/api/server.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { feasibleNodesToFind, schedulePod, type SearchStart } from '../../../src/controllers/scheduler/index.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { info, node, pod } from './helpers.js';

describe('feasibleNodesToFind (numFeasibleNodesToFind, default percentage)', () => {
  it.each([
    [1, 1],
    [50, 50],
    [99, 99],
    [100, 100],
    [120, 100], // 49% of 120 is 58: never fewer than 100
    [250, 120], // 48%
    [1000, 420], // 42%
    [5000, 500], // 10%
    [5625, 281], // 50 - 45 = 5%
    [6000, 300], // 50 - 48 = 2%, raised to 5%
    [10000, 500],
  ])('%d nodes: %d', (nodes, want) => {
    expect(feasibleNodesToFind(nodes)).toBe(want);
  });
});

describe('schedulePod searches from where the last search stopped', () => {
  const api = new ApiServer(new MemoryStore(), { now: () => Date.parse('2026-01-01T00:00:00Z') }, new SeededRandom(1), defaultValidator, new SimContext('instant'));
  const names = (n: number) => Array.from({ length: n }, (_, i) => `n${String(i).padStart(3, '0')}`);
  const chosen = (r: ReturnType<typeof schedulePod>) => ('node' in r ? r.node.name : r.message);

  it('over 150 nodes: looks at 100 feasible ones, then goes on from the 101st', () => {
    const nodes = names(150).map((n) => info(node(n)));
    const start: SearchStart = { next: 0 };
    const first = chosen(schedulePod(api, pod('a'), nodes, undefined, start));
    expect(first < 'n100').toBe(true);
    expect(start.next).toBe(100);
    const second = chosen(schedulePod(api, pod('b'), nodes, undefined, start));
    // n100…n149, then n000…n049: the first of the equally scored ones in that order
    expect(second).toBe('n100');
    expect(start.next).toBe(50);
  });

  it('counts the nodes that did not fit among those looked at', () => {
    const nodes = names(150).map((n, i) => info(node(n, { unschedulable: i < 10 })));
    const start: SearchStart = { next: 0 };
    expect(chosen(schedulePod(api, pod('a'), nodes, undefined, start))).toBe('n010');
    expect(start.next).toBe(110);
  });

  it('below 100 nodes looks at all of them, and the next search starts where this one did', () => {
    const nodes = names(3).map((n) => info(node(n)));
    const start: SearchStart = { next: 0 };
    expect(chosen(schedulePod(api, pod('a'), nodes, undefined, start))).toBe('n000');
    expect(start.next).toBe(0);
  });
});
