// Byte-for-byte comparison with real `kubectl describe` output.
//
// golden/*.txt were recorded with kubectl v1.36.3 (TZ=UTC) against a throwaway API server that
// served exactly buildFixtures(meta.T) (see record/); meta.now holds the clock reading taken just
// before each kubectl run. Re-record with `node test/unit/describe/record/record.mjs --write`.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeObject } from '../../../src/printers/describe/index.js';
import { buildFixtures, eventsFor, lister, TARGETS } from './fixtures.js';

const golden = (name: string): string => readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8');
const meta = JSON.parse(golden('meta.json')) as { T: number; now: Record<string, number> };
const all = buildFixtures(meta.T);

const pluralOf = (kind: string): string => {
  const k = kind.toLowerCase();
  if (k === 'endpoints') return k;
  if (k.endsWith('s')) return k + 'es';
  return k.endsWith('y') ? k.slice(0, -1) + 'ies' : k + 's';
};

describe('describe output matches kubectl 1.36 goldens', () => {
  it('runs in UTC (goldens were recorded with TZ=UTC)', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
  });

  for (const t of TARGETS) {
    it(`${t.resource}/${t.name}`, () => {
      const obj = all.find(
        (o) => o.metadata.name === t.name && (o.metadata.namespace ?? '') === (t.namespace ?? '') && pluralOf(o.kind) === t.resource,
      );
      expect(obj, `fixture for ${t.id}`).toBeDefined();
      const out = describeObject(obj!, { now: meta.now[t.id]!, events: eventsFor(obj!, all), list: lister(all) });
      expect(out).toBe(golden(`${t.id}.txt`));
    });
  }
});
