// The objects preload validates while the startup snapshot is built (src/api/validation/schema-warmup.ts).
import { describe, expect, it } from 'vitest';
import { hasSchema, validateSchemaSync } from '../../../src/api/validation/schema.js';
import { WARMUP_OBJECTS, warmUpValidators } from '../../../src/api/validation/schema-warmup.js';

describe('validator warm-up', () => {
  it('uses valid objects, so it runs the paths real objects take (not the error paths)', () => {
    for (const obj of WARMUP_OBJECTS) {
      expect(hasSchema(obj.apiVersion, obj.kind), obj.kind).toBe(true);
      expect(validateSchemaSync(obj), obj.kind).toEqual({ ok: true });
    }
  });

  it('covers the workload kinds and what controllers write for them', () => {
    const kinds = WARMUP_OBJECTS.map((o) => o.kind);
    for (const k of ['Deployment', 'ReplicaSet', 'Pod', 'Event', 'Service', 'ConfigMap', 'EndpointSlice']) expect(kinds).toContain(k);
  });

  it('changes nothing', () => {
    const before = JSON.stringify(WARMUP_OBJECTS);
    warmUpValidators();
    expect(JSON.stringify(WARMUP_OBJECTS)).toBe(before);
  });
});
