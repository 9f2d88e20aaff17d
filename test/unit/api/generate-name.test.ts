// generateName: a generated name that is taken is generated again (up to 8 attempts in all), as the
// apiserver does since RetryGenerateName; a name given outright is never changed.
import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../../src/api/server.js';
import type { KObject } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

function server(): ApiServer {
  const api = new ApiServer(new MemoryStore(), { now: () => Date.UTC(2024, 0, 1) }, new SeededRandom(1), defaultValidator, new SimContext('instant'));
  api.create(api.resource('namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return api;
}

const cm = (metadata: KObject['metadata']): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default', ...metadata } });

describe('generateName', () => {
  it('generates again when the generated name is taken', () => {
    const api = server();
    const cms = api.resource('configmaps');
    const before = api.random.getState();
    const first = api.create(cms, cm({ generateName: 'app-' })).metadata.name!;
    api.random.setState(before); // the next create draws the same suffix first
    const second = api.create(cms, cm({ generateName: 'app-' })).metadata.name!;
    expect(second).toMatch(/^app-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(second).not.toBe(first);
    expect(api.list(cms, 'default').map((o) => o.metadata.name)).toEqual([first, second].sort());
  });

  it('gives up after 8 attempts with AlreadyExists, and the failed create draws nothing', () => {
    const api = server();
    const cms = api.resource('configmaps');
    api.create(cms, cm({ name: 'app-bbbbb' }));
    const start = api.random.getState();
    let draws = 0;
    api.random.nameSuffix = () => {
      draws++;
      return 'bbbbb';
    };
    expect(() => api.create(cms, cm({ generateName: 'app-' }))).toThrow(/^configmaps "app-bbbbb" already exists$/);
    expect(draws).toBe(8);
    expect(api.random.getState()).toBe(start);
  });

  it('never renames an object given its name', () => {
    const api = server();
    const cms = api.resource('configmaps');
    api.create(cms, cm({ name: 'app' }));
    expect(() => api.create(cms, cm({ name: 'app', generateName: 'app-' }))).toThrow(/^configmaps "app" already exists$/);
  });
});
