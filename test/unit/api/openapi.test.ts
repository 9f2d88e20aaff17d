// The generated OpenAPI v3 documents (scripts/gen-openapi.mjs → build/openapi): one per served
// group-version, self-contained, in the shape kube-apiserver serves (for explain, and for serve).

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SERVED } from '../../../scripts/gen-openapi.mjs';
import { openAPIDocument, openAPIDocumentText, openAPIIndex, openAPIPath, type OpenAPISchema } from '../../../src/api/openapi.js';
import { groupVersion, RESOURCES } from '../../../src/api/registry.js';

function refs(node: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) for (const n of node) refs(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('generated OpenAPI documents', () => {
  it('cover exactly the resources of the registry', () => {
    const served = SERVED.map(([group, version, kind, plural, namespaced]) => [group, version, kind, plural, namespaced].join(' ')).sort();
    const registry = RESOURCES.map((r) => [r.group, r.version, r.kind, r.resource, r.namespaced].join(' ')).sort();
    expect(served).toEqual(registry);
  });

  it('index every group-version with the SHA-512 of its document', () => {
    const index = openAPIIndex();
    const gvs = [...new Set(RESOURCES.map((r) => openAPIPath(r.group, r.version)))].sort();
    expect(Object.keys(index.paths).sort()).toEqual(gvs);
    for (const r of RESOURCES) {
      const text = openAPIDocumentText(r.group, r.version)!;
      const hash = createHash('sha512').update(text).digest('hex').toUpperCase();
      expect(index.paths[openAPIPath(r.group, r.version)]!.serverRelativeURL).toBe(`/openapi/v3/${openAPIPath(r.group, r.version)}?hash=${hash}`);
    }
  });

  it('tag each kind and its REST paths with x-kubernetes-group-version-kind and resolve every $ref', () => {
    for (const r of RESOURCES) {
      const doc = openAPIDocument(r.group, r.version)!;
      const schemas = doc.components!.schemas!;
      const gvk = { group: r.group, version: r.version, kind: r.kind };
      const tagged = Object.values(schemas).filter((s: OpenAPISchema) =>
        (s['x-kubernetes-group-version-kind'] ?? []).some((g) => g.kind === r.kind && g.group === r.group && g.version === r.version),
      );
      expect(tagged, groupVersion(r) + ' ' + r.kind).toHaveLength(1);
      const base = `/${openAPIPath(r.group, r.version)}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.resource}`;
      expect(doc.paths![base]!['get']!['x-kubernetes-group-version-kind']).toEqual(gvk);
      expect(doc.paths![`${base}/{name}`]!['patch']!['x-kubernetes-group-version-kind']).toEqual(gvk);
      for (const ref of refs(doc)) expect(schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
    }
  });

  it('is undefined for a group-version that is not served', () => {
    expect(openAPIDocument('apps', 'v2')).toBeUndefined();
  });
});
