import { describe, expect, it } from 'vitest';
import {
  createThreeWayMergePatch, jsonMergePatch, strategicMergePatch,
} from '../../../src/api/patch/index.js';
import type { JsonObject, JsonValue } from '../../../src/api/types.js';
import { fixtures, frozen } from './helpers.js';

const deploy = (containers: JsonValue[], spec: JsonObject = {}, metadata: JsonObject = {}): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', ...metadata },
  spec: { replicas: 2, ...spec, template: { spec: { containers } } },
});
/** What the server returns: defaults filled in, status and bookkeeping added. */
const live = (o: JsonObject, defaults: (c: JsonObject & { spec: any; metadata: any }) => void = () => {}): JsonObject => {
  const c = structuredClone(o) as JsonObject & { spec: any; metadata: any };
  c.metadata.uid = 'u1';
  c.metadata.resourceVersion = '7';
  c.status = { replicas: 2, conditions: [{ type: 'Available', status: 'True' }] };
  defaults(c);
  return c;
};

type Case = [desc: string, original: JsonObject | undefined, modified: JsonObject, current: JsonObject, want: JsonObject];

const nginx = (image: string) => [{ name: 'nginx', image }];
const withDefaults = (c: { spec: any }) => {
  c.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } };
  c.spec.template.spec.restartPolicy = 'Always';
  for (const x of c.spec.template.spec.containers) x.imagePullPolicy = 'IfNotPresent';
};

const cases: Case[] = [
  ['image change (real captured apply patch)',
    deploy(nginx('nginx')), deploy(nginx('nginx:1.25')), live(deploy(nginx('nginx')), withDefaults),
    { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ image: 'nginx:1.25', name: 'nginx' }] } } } }],
  ['unchanged manifest → {} even though the server added fields',
    deploy(nginx('nginx')), deploy(nginx('nginx')), live(deploy(nginx('nginx')), withDefaults), {}],
  ['field removed from the manifest is removed',
    deploy(nginx('nginx'), { paused: true }, { labels: { a: '1', b: '2' } }), deploy(nginx('nginx'), {}, { labels: { a: '1' } }),
    live(deploy(nginx('nginx'), { paused: true }, { labels: { a: '1', b: '2' } })),
    { metadata: { labels: { b: null } }, spec: { paused: null } }],
  ['field added by the server (defaulted) is kept: never in last-applied, so never deleted',
    deploy(nginx('nginx')), deploy(nginx('nginx'), { minReadySeconds: 5 }),
    live(deploy(nginx('nginx')), (c) => { c.spec.progressDeadlineSeconds = 600; c.metadata.labels = { server: 'x' }; }),
    { spec: { minReadySeconds: 5 } }],
  ['list item removed from the manifest is deleted by merge key',
    deploy([{ name: 'a', image: 'a' }, { name: 'b', image: 'b' }]), deploy([{ name: 'a', image: 'a' }]),
    live(deploy([{ name: 'a', image: 'a' }, { name: 'b', image: 'b' }])),
    { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ $patch: 'delete', name: 'b' }] } } } }],
  ['list item added by someone else (not in last-applied) is kept',
    deploy([{ name: 'a', image: 'a' }]), deploy([{ name: 'a', image: 'a2' }]),
    live(deploy([{ name: 'a', image: 'a' }, { name: 'sidecar', image: 's' }])),
    { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ image: 'a2', name: 'a' }] } } } }],
  ['live drift on a field the manifest sets is overwritten',
    deploy(nginx('nginx')), deploy(nginx('nginx')), live(deploy(nginx('hacked')), (c) => { c.spec.replicas = 5; }),
    { spec: { replicas: 2, template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ image: 'nginx', name: 'nginx' }] } } } }],
  ['no last-applied: nothing is deleted, changes still sent',
    undefined, deploy(nginx('nginx:2')), live(deploy([...nginx('nginx'), { name: 'b', image: 'b' }], { paused: true })),
    { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ image: 'nginx:2', name: 'nginx' }] } } } }],
  ['primitive merge list: deletions go to $deleteFromPrimitiveList',
    deploy(nginx('n'), {}, { finalizers: ['a', 'b'] }), deploy(nginx('n'), {}, { finalizers: ['c', 'a'] }),
    live(deploy(nginx('n'), {}, { finalizers: ['a', 'b', 'server'] })),
    { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'], '$setElementOrder/finalizers': ['c', 'a'], finalizers: ['c'] } }],
  ['retainKeys: switching the deployment strategy drops rollingUpdate',
    deploy(nginx('n'), { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } }), deploy(nginx('n'), { strategy: { type: 'Recreate' } }),
    live(deploy(nginx('n'), { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } })),
    { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } }],
];

describe('createThreeWayMergePatch', () => {
  it.each(cases)('%s', (_d, original, modified, current, want) => {
    const patch = createThreeWayMergePatch(original && frozen(original), frozen(modified), frozen(current), 'Deployment');
    expect(JSON.stringify(patch)).toBe(JSON.stringify(want));
  });

  it('applying the patch to the live object gives the manifest plus server-owned fields', () => {
    const original = deploy([{ name: 'a', image: 'a' }, { name: 'b', image: 'b' }], { paused: true });
    const modified = deploy([{ name: 'c', image: 'c' }, { name: 'a', image: 'a2', env: [{ name: 'X', value: '1' }] }]);
    const current = live(original, withDefaults);
    const patch = createThreeWayMergePatch(original, modified, current, 'Deployment');
    const result = strategicMergePatch(current, patch, 'Deployment') as any;
    expect(result.spec.paused).toBeUndefined();
    expect(result.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } });
    expect(result.spec.template.spec.containers).toEqual([
      { name: 'c', image: 'c' },
      { name: 'a', image: 'a2', imagePullPolicy: 'IfNotPresent', env: [{ name: 'X', value: '1' }] },
    ]);
    expect(result.status).toEqual(current.status);
  });

  it('kinds without patch metadata (CRDs) get a JSON merge patch: lists replaced whole', () => {
    const w = (spec: JsonObject): JsonObject => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });
    const original = w({ items: [{ name: 'a' }, { name: 'b' }], gone: 1, keep: { x: 1, y: 2 } });
    const modified = w({ items: [{ name: 'a' }], keep: { x: 1 }, empty: {} });
    const current = live(original, (c) => { c.spec.server = true; });
    const patch = createThreeWayMergePatch(original, modified, current, 'Widget');
    expect(JSON.stringify(patch)).toBe('{"spec":{"empty":{},"gone":null,"items":[{"name":"a"}],"keep":{"y":null}}}');
    expect((jsonMergePatch(current, patch) as any).spec).toEqual({ items: [{ name: 'a' }], keep: { x: 1 }, empty: {}, server: true });
  });

  describe('matches kubectl 1.36.3 `apply` (patch bodies captured from a logging server)', () => {
    it.each(fixtures.threeway.map((c) => [c.name, c] as const))('%s', (_n, c) => {
      const patch = createThreeWayMergePatch(c.original && frozen(c.original), frozen(c.modified), frozen(c.current), c.kind);
      expect(JSON.stringify(patch)).toBe(JSON.stringify(c.patch));
    });
  });
});
