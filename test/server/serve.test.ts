// kube-lite serve: the HTTP API in process, asserted with fetch (exact bodies and codes), plus real
// kubectl against it when /tmp/kc/kubectl is installed.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { FixedClock } from '../../src/sim/clock.js';
import { printTable } from '../../src/printers/table.js';
import { FIXED_NOW, run, tempHome } from '../helpers/cli.js';

let home: string;
let srv: RunningServer;
let base: string;

const env = () => ({ KUBE_LITE_HOME: home, KUBE_LITE_SEED: '1', KUBE_LITE_NOW: FIXED_NOW, TZ: 'UTC' });

const BIN = path.resolve('bin/kube-lite');

/**
 * The CLI as its own process, as users run it next to `serve`. (In process it would share the
 * server's thread, whose lock wait is synchronous: the two would deadlock.)
 */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(BIN, args, { env: { ...process.env, ...env() } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as any).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  home = tempHome();
  expect((await run(home, 'get', 'ns')).code).toBe(0);
  srv = await startServer({
    se: { home, env: env() },
    clusterName: 'kube-lite',
    clock: new FixedClock(Date.parse(FIXED_NOW)),
    port: 0,
    address: '127.0.0.1',
    pollMs: 50,
  });
  base = `http://127.0.0.1:${srv.port}`;
});

afterAll(async () => {
  await srv?.close();
});

const JSON_CT = 'application/json';

async function call(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(base + p, {
    method,
    headers: { ...(body !== undefined ? { 'Content-Type': JSON_CT } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = text;
  try {
    json = JSON.parse(text);
  } catch {
    /* text */
  }
  return { status: res.status, json, headers: res.headers };
}

const cm = (name: string, data: Record<string, string> = { a: 'b' }) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });

const deploy = (name: string, replicas = 2) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
  },
});

describe('non-resource endpoints', () => {
  it('serves version and health', async () => {
    const v = await call('GET', '/version');
    expect(v.status).toBe(200);
    expect(v.json).toMatchObject({ major: '1', minor: '36', gitVersion: 'v1.36.3' });
    for (const p of ['/healthz', '/livez', '/readyz']) {
      const r = await call('GET', p);
      expect([r.status, r.json]).toEqual([200, 'ok']);
    }
  });

  it('serves aggregated and legacy discovery', async () => {
    const agg = await call('GET', '/apis', undefined, { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });
    expect(agg.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const apps = agg.json.items.find((i: any) => i.metadata.name === 'apps');
    const d = apps.versions[0].resources.find((r: any) => r.resource === 'deployments');
    expect(d).toEqual({
      resource: 'deployments',
      responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      scope: 'Namespaced',
      singularResource: 'deployment',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['deploy'],
      categories: ['all'],
      subresources: [
        { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
        { subresource: 'status', responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' }, verbs: ['get', 'patch', 'update'] },
      ],
    });
    const core = await call('GET', '/api', undefined, { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' });
    expect(core.json.items).toHaveLength(1);
    expect(core.json.items[0].metadata).toEqual({ creationTimestamp: null });
    const legacy = await call('GET', '/api');
    expect(legacy.json).toEqual({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${srv.port}` }] });
    const groups = await call('GET', '/apis');
    expect(groups.json.kind).toBe('APIGroupList');
    expect(groups.json.groups[0]).toEqual({ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } });
    const v1 = await call('GET', '/api/v1');
    expect(v1.json.resources.find((r: any) => r.name === 'pods')).toEqual({
      name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['po'], categories: ['all'],
    });
    expect(v1.json.resources.find((r: any) => r.name === 'pods/status')).toEqual({ name: 'pods/status', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get', 'patch', 'update'] });
  });

  it('serves OpenAPI v3 with hashes', async () => {
    const idx = await call('GET', '/openapi/v3');
    const url: string = idx.json.paths['apis/apps/v1'].serverRelativeURL;
    const doc = await call('GET', url);
    expect(doc.status).toBe(200);
    expect(doc.headers.get('etag')).toBe(`"${new URL(url, base).searchParams.get('hash')}"`);
    expect(doc.json.components.schemas).toBeDefined();
    // /openapi/v2: an empty gnostic Document in protobuf (swagger "2.0", info), as kubectl reads it.
    const v2 = await fetch(base + '/openapi/v2', { headers: { Accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    expect(v2.status).toBe(200);
    const bytes = Buffer.from(await v2.arrayBuffer());
    expect([...bytes.subarray(0, 5)]).toEqual([0x0a, 3, 0x32, 0x2e, 0x30]);
    expect(bytes.includes(Buffer.from('Kubernetes'))).toBe(true);
  });

  it('serves an empty CustomResourceDefinition list and refuses CRD writes', async () => {
    const list = await call('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions');
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ kind: 'CustomResourceDefinitionList', apiVersion: 'apiextensions.k8s.io/v1', items: [] });
    const one = await call('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/foos.example.com');
    expect(one.status).toBe(404);
    expect(one.json.message).toBe('customresourcedefinitions.apiextensions.k8s.io "foos.example.com" not found');
    expect((await call('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { metadata: { name: 'x' } })).status).toBe(405);
  });

  it('answers unknown paths with a NotFound Status', async () => {
    const r = await call('GET', '/api/v1/frobs');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
  });
});

describe('REST', () => {
  it('creates, gets, lists, conflicts and deletes', async () => {
    const c = await call('POST', '/api/v1/namespaces/default/configmaps', cm('c1'));
    expect(c.status).toBe(201);
    expect(c.json.metadata).toMatchObject({ name: 'c1', namespace: 'default', creationTimestamp: FIXED_NOW.replace('.000', '') });
    const dup = await call('POST', '/api/v1/namespaces/default/configmaps', cm('c1'));
    expect(dup.status).toBe(409);
    expect(dup.json).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'configmaps "c1" already exists', reason: 'AlreadyExists', details: { name: 'c1', kind: 'configmaps' }, code: 409 });
    const missing = await call('GET', '/apis/apps/v1/namespaces/default/deployments/nope');
    expect(missing.json).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'deployments.apps "nope" not found', reason: 'NotFound', details: { name: 'nope', group: 'apps', kind: 'deployments' }, code: 404 });
    // PUT with a stale resourceVersion.
    const live = (await call('GET', '/api/v1/namespaces/default/configmaps/c1')).json;
    const upd = await call('PUT', '/api/v1/namespaces/default/configmaps/c1', { ...live, data: { a: 'c' } });
    expect(upd.status).toBe(200);
    expect(upd.json.data).toEqual({ a: 'c' });
    const stale = await call('PUT', '/api/v1/namespaces/default/configmaps/c1', { ...live, data: { a: 'd' } });
    expect(stale.status).toBe(409);
    expect(stale.json.message).toBe('Operation cannot be fulfilled on configmaps "c1": the object has been modified; please apply your changes to the latest version and try again');
    expect(stale.json.reason).toBe('Conflict');
    // dryRun=All persists nothing.
    expect((await call('POST', '/api/v1/namespaces/default/configmaps?dryRun=All', cm('dry'))).status).toBe(201);
    expect((await call('GET', '/api/v1/namespaces/default/configmaps/dry')).status).toBe(404);
    // list with a label selector, a field selector and limit/continue.
    for (const n of ['l1', 'l2', 'l3']) await call('POST', '/api/v1/namespaces/default/configmaps', { ...cm(n), metadata: { name: n, labels: { set: 'l' } } });
    const sel = await call('GET', '/api/v1/namespaces/default/configmaps?labelSelector=set%3Dl&limit=2');
    expect(sel.json.kind).toBe('ConfigMapList');
    expect(sel.json.items.map((i: any) => i.metadata.name)).toEqual(['l1', 'l2']);
    expect(sel.json.metadata.remainingItemCount).toBe(1);
    const rest = await call('GET', `/api/v1/namespaces/default/configmaps?labelSelector=set%3Dl&limit=2&continue=${sel.json.metadata.continue}`);
    expect(rest.json.items.map((i: any) => i.metadata.name)).toEqual(['l3']);
    expect(rest.json.metadata.continue).toBeUndefined();
    const fs1 = await call('GET', '/api/v1/configmaps?fieldSelector=metadata.name%3Dl2');
    expect(fs1.json.items.map((i: any) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(['default/l2']);
    const del = await call('DELETE', '/api/v1/namespaces/default/configmaps/c1', { propagationPolicy: 'Background' });
    expect(del.status).toBe(200);
    expect(del.json).toMatchObject({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: 'c1', kind: 'configmaps' } });
    expect((await call('GET', '/api/v1/namespaces/default/configmaps/c1')).status).toBe(404);
    const dc = await call('DELETE', '/api/v1/namespaces/default/configmaps?labelSelector=set%3Dl');
    expect(dc.json.items).toHaveLength(3);
    expect((await call('GET', '/api/v1/namespaces/default/configmaps?labelSelector=set%3Dl')).json.items).toEqual([]);
  });

  it('rejects invalid objects (422 with causes) and unknown fields (Strict 400, Warn header)', async () => {
    const bad = await call('POST', '/api/v1/namespaces/default/configmaps', cm('Bad_Name'));
    expect(bad.status).toBe(422);
    expect(bad.json.reason).toBe('Invalid');
    expect(bad.json.details.kind).toBe('ConfigMap');
    expect(bad.json.details.causes[0]).toMatchObject({ type: 'FieldValueInvalid', field: 'metadata.name' });
    const strict = await call('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', { ...cm('s1'), foo: 1 });
    expect(strict.status).toBe(400);
    expect(strict.json.reason).toBe('BadRequest');
    expect(strict.json.message).toContain('unknown field "foo"');
    const warn = await call('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Warn', { ...cm('s2'), foo: 1 });
    expect(warn.status).toBe(201);
    expect(warn.headers.get('warning')).toBe('299 - "unknown field \\"foo\\""');
    expect(warn.json.foo).toBeUndefined();
  });

  it('patches with the four content types', async () => {
    expect((await call('POST', '/apis/apps/v1/namespaces/default/deployments', deploy('p1'))).status).toBe(201);
    const p = '/apis/apps/v1/namespaces/default/deployments/p1';
    const smp = await call('PATCH', p, { spec: { template: { spec: { $setElementOrder: undefined, containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } }, { 'Content-Type': 'application/strategic-merge-patch+json' });
    expect(smp.status).toBe(200);
    expect(smp.json.spec.template.spec.containers).toHaveLength(1);
    expect(smp.json.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(smp.json.metadata.generation).toBe(2);
    const merge = await call('PATCH', p, { metadata: { labels: { x: 'y' } } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(merge.json.metadata.labels).toEqual({ app: 'p1', x: 'y' });
    const jp = await call('PATCH', p, [{ op: 'replace', path: '/spec/replicas', value: 3 }], { 'Content-Type': 'application/json-patch+json' });
    expect(jp.json.spec.replicas).toBe(3);
    const badJp = await call('PATCH', p, [{ op: 'test', path: '/spec/replicas', value: 9 }], { 'Content-Type': 'application/json-patch+json' });
    expect(badJp.status).toBe(422);
    const ssa = await call('PATCH', '/api/v1/namespaces/default/configmaps/ssa1?fieldManager=kubectl&force=false', JSON.stringify(cm('ssa1')), { 'Content-Type': 'application/apply-patch+yaml' });
    expect(ssa.status).toBe(201);
    const ssa2 = await call('PATCH', '/api/v1/namespaces/default/configmaps/ssa1?fieldManager=kubectl', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa1\ndata:\n  c: d\n', { 'Content-Type': 'application/apply-patch+yaml' });
    expect(ssa2.status).toBe(200);
    expect(ssa2.json.data).toEqual({ a: 'b', c: 'd' });
    const other = await call('PATCH', p, '{}', { 'Content-Type': 'text/plain' });
    expect(other.status).toBe(415);
    const missing = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/zz', {}, { 'Content-Type': 'application/merge-patch+json' });
    expect(missing.status).toBe(404);
  });

  it('serves the scale and status subresources', async () => {
    await call('POST', '/apis/apps/v1/namespaces/default/deployments', deploy('s1', 2));
    const scale = await call('GET', '/apis/apps/v1/namespaces/default/deployments/s1/scale');
    expect(scale.json).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 's1', namespace: 'default' }, spec: { replicas: 2 }, status: { replicas: 2, selector: 'app=s1' } });
    const patched = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/s1/scale', { spec: { replicas: 4 } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(patched.json.spec.replicas).toBe(4);
    const d = (await call('GET', '/apis/apps/v1/namespaces/default/deployments/s1')).json;
    expect(d.spec.replicas).toBe(4);
    expect(d.status.replicas).toBe(4);
    const st = await call('GET', '/apis/apps/v1/namespaces/default/deployments/s1/status');
    expect(st.json.kind).toBe('Deployment');
    const svc = await call('POST', '/api/v1/namespaces/default/services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb' }, spec: { ports: [{ port: 80 }] } });
    expect(svc.status).toBe(201);
    const put = await call('PUT', '/api/v1/namespaces/default/services/lb/status', { ...svc.json, spec: { ...svc.json.spec, ports: [{ port: 81 }] }, status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } });
    expect(put.status).toBe(200);
    expect(put.json.status.loadBalancer.ingress).toEqual([{ ip: '1.2.3.4' }]);
    expect(put.json.spec.ports[0].port).toBe(80);
  });

  it('answers Tables that print exactly what kube-lite get prints', async () => {
    await call('POST', '/apis/apps/v1/namespaces/default/deployments', deploy('tbl', 2));
    const accept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
    for (const [p, args] of [
      ['/api/v1/namespaces/default/pods?limit=500', ['get', 'pods']],
      ['/apis/apps/v1/namespaces/default/deployments?limit=500', ['get', 'deploy', '-o', 'wide']],
      ['/api/v1/namespaces/default/services?limit=500', ['get', 'svc']],
    ] as const) {
      const t = await call('GET', p, undefined, { Accept: accept });
      expect(t.status).toBe(200);
      expect(t.headers.get('content-type')).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
      expect(t.json.kind).toBe('Table');
      expect(t.json.columnDefinitions[0]).toMatchObject({ name: 'Name', type: 'string', format: 'name', priority: 0 });
      expect(t.json.rows[0].object.kind).toBe('PartialObjectMetadata');
      const text = printTable(t.json, { wide: (args as readonly string[]).includes('wide'), noHeaders: false, namespaceColumn: false, showLabels: false, labelColumns: [] });
      const out = await cli(...args);
      expect(text).toBe(out.stdout);
    }
    const one = await call('GET', '/apis/apps/v1/namespaces/default/deployments/tbl', undefined, { Accept: accept });
    expect(one.json.rows).toHaveLength(1);
    expect(one.json.rows[0].cells).toEqual(['tbl', '2/2', 2, 2, '0s', 'nginx', 'nginx:1.25', 'app=tbl']);
    const full = await call('GET', '/apis/apps/v1/namespaces/default/deployments?includeObject=Object', undefined, { Accept: accept });
    expect(full.json.rows[0].object.kind).toBe('Deployment');
  });
});

/** Reads NDJSON watch events until `until` says stop (or the stream ends). */
async function watch(p: string, headers: Record<string, string>, until: (events: any[]) => boolean, during?: () => Promise<void>): Promise<any[]> {
  const ac = new AbortController();
  const res = await fetch(base + p, { headers, signal: ac.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const events: any[] = [];
  let buf = '';
  if (during) void during();
  const dec = new TextDecoder();
  const timer = setTimeout(() => ac.abort(), 10_000);
  try {
    for (;;) {
      if (until(events)) break;
      const { value, done } = await reader.read();
      if (done) break;
      buf += dec.decode(value);
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        events.push(JSON.parse(buf.slice(0, i)));
        buf = buf.slice(i + 1);
      }
    }
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
  return events;
}

describe('pods/log, pods/eviction, deprecation warnings, typeless bodies', () => {
  const pod = (name: string, containers: string[]) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: containers.map((c) => ({ name: c, image: 'busybox' })) },
  });

  it('lists the log and eviction subresources in discovery', async () => {
    const v1 = await call('GET', '/api/v1');
    expect(v1.json.resources.find((r: any) => r.name === 'pods/eviction')).toEqual({ name: 'pods/eviction', singularName: '', namespaced: true, kind: 'Eviction', verbs: ['create'], group: 'policy', version: 'v1' });
    expect(v1.json.resources.find((r: any) => r.name === 'pods/log')).toEqual({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
  });

  it('serves a pod log as text/plain, with the registry\'s container errors', async () => {
    expect((await call('POST', '/api/v1/namespaces/default/pods', pod('logone', ['main']))).status).toBe(201);
    expect((await call('POST', '/api/v1/namespaces/default/pods', pod('logtwo', ['a', 'b']))).status).toBe(201);
    const res = await fetch(base + '/api/v1/namespaces/default/pods/logone/log');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain');
    const text = await res.text();
    const cli = await run(home, 'logs', 'logone');
    expect(text).toBe(cli.stdout);
    const two = await call('GET', '/api/v1/namespaces/default/pods/logtwo/log');
    expect(two.status).toBe(400);
    expect(two.json.message).toBe('a container name must be specified for pod logtwo, choose one of: [a b]');
    const bad = await call('GET', '/api/v1/namespaces/default/pods/logtwo/log?container=c');
    expect(bad.json.message).toBe('container c is not valid for pod logtwo');
    const prev = await call('GET', '/api/v1/namespaces/default/pods/logone/log?previous=true');
    expect(prev.status).toBe(400);
    expect(prev.json.message).toBe('previous terminated container "main" in pod "logone" not found');
    const missing = await call('GET', '/api/v1/namespaces/default/pods/nope/log');
    expect(missing.status).toBe(404);
    expect(missing.json.message).toBe('pods "nope" not found');
    if (text !== '') {
      const ts = await (await fetch(base + '/api/v1/namespaces/default/pods/logone/log?timestamps=true&tailLines=1')).text();
      expect(ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /);
      expect(ts.split('\n').length).toBe(2);
    }
  });

  it('evicts a pod (201 Success Status), as kube-lite drain deletes it', async () => {
    expect((await call('POST', '/api/v1/namespaces/default/pods', pod('evictme', ['main']))).status).toBe(201);
    const r = await call('POST', '/api/v1/namespaces/default/pods/evictme/eviction', { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'evictme', namespace: 'default' } });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
    const mismatch = await call('POST', '/api/v1/namespaces/default/pods/logone/eviction', { metadata: { name: 'other' } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.message).toBe('name in URL does not match name in Eviction object');
    expect((await call('POST', '/api/v1/namespaces/default/pods/nope/eviction', { metadata: { name: 'nope' } })).status).toBe(404);
  });

  it('adds the v1 Endpoints deprecation warning', async () => {
    const r = await call('GET', '/api/v1/namespaces/default/endpoints');
    expect(r.headers.get('warning')).toBe('299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"');
    expect((await call('GET', '/api/v1/namespaces/default/pods')).headers.get('warning')).toBeNull();
  });

  it('takes a missing apiVersion and kind from the URL', async () => {
    const r = await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'typeless' }, data: { a: 'b' } });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'typeless' } });
  });
});

describe('watch', () => {
  it('WatchList: initial ADDED, the initial-events-end BOOKMARK, then changes', async () => {
    await call('POST', '/api/v1/namespaces/default/configmaps', { ...cm('w1'), metadata: { name: 'w1', labels: { w: 'x' } } });
    const events = await watch(
      '/api/v1/namespaces/default/configmaps?allowWatchBookmarks=true&labelSelector=w%3Dx&resourceVersionMatch=NotOlderThan&sendInitialEvents=true&watch=true',
      {},
      (ev) => ev.length >= 5,
      async () => {
        await call('POST', '/api/v1/namespaces/default/configmaps', { ...cm('w2'), metadata: { name: 'w2', labels: { w: 'x' } } });
        await call('PATCH', '/api/v1/namespaces/default/configmaps/w1', { data: { z: '1' } }, { 'Content-Type': 'application/merge-patch+json' });
        await call('POST', '/api/v1/namespaces/default/configmaps', { ...cm('other') });
        await call('DELETE', '/api/v1/namespaces/default/configmaps/w2');
      },
    );
    expect(events.map((e) => `${e.type} ${e.object.metadata.name ?? ''}`)).toEqual(['ADDED w1', 'BOOKMARK ', 'ADDED w2', 'MODIFIED w1', 'DELETED w2']);
    expect(events[1].object).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: events[1].object.metadata.resourceVersion, annotations: { 'k8s.io/initial-events-end': 'true' } } });
  });

  it('sees CLI writes and streams Table events; timeoutSeconds ends the stream', async () => {
    const list = await call('GET', '/api/v1/namespaces/default/pods');
    const rv = list.json.metadata.resourceVersion;
    const accept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
    const events = await watch(`/api/v1/namespaces/default/pods?resourceVersion=${rv}&watch=true&timeoutSeconds=5`, { Accept: accept }, (ev) => ev.some((e) => e.object.rows?.[0]?.cells[0] === 'cli-pod'), async () => {
      await new Promise((r) => setTimeout(r, 100));
      expect((await cli('run', 'cli-pod', '--image=nginx')).code).toBe(0);
    });
    const e = events.find((x) => x.object.rows?.[0]?.cells[0] === 'cli-pod')!;
    expect(e.type).toBe('ADDED');
    expect(e.object.kind).toBe('Table');
    expect(e.object.rows[0].cells.slice(0, 3)).toEqual(['cli-pod', '1/1', 'Running']);
    const t0 = Date.now();
    const ended = await watch('/api/v1/namespaces/default/pods?resourceVersion=999999&watch=true&timeoutSeconds=1', {}, () => false);
    expect(ended).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('CLI and serve on one cluster', () => {
  it('loses no update when CLI label commands interleave with HTTP creates', async () => {
    const creates = Array.from({ length: 50 }, (_, i) => call('POST', '/api/v1/namespaces/default/configmaps', { ...cm(`mix-${i}`), metadata: { name: `mix-${i}`, labels: { mix: 'y' } } }));
    const labels = ['l0', 'l1', 'l2', 'l3'].map((k) => cli('label', 'deploy', 'p1', `${k}=v`));
    const [c, l] = await Promise.all([Promise.all(creates), Promise.all(labels)]);
    expect(c.every((r) => r.status === 201)).toBe(true);
    expect(l.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const list = await call('GET', '/api/v1/namespaces/default/configmaps?labelSelector=mix%3Dy');
    expect(list.json.items).toHaveLength(50);
    const d = await call('GET', '/apis/apps/v1/namespaces/default/deployments/p1');
    expect(d.json.metadata.labels).toMatchObject({ l0: 'v', l1: 'v', l2: 'v', l3: 'v' });
    const out = await cli('get', 'cm', '-l', 'mix=y', '-o', 'name');
    expect(out.stdout.trim().split('\n')).toHaveLength(50);
  });
});

describe('token auth', () => {
  it('answers 401 without the bearer token, and keeps the public paths open', async () => {
    const s = await startServer({ se: { home, env: env() }, clusterName: 'kube-lite', clock: new FixedClock(Date.parse(FIXED_NOW)), port: 0, address: '127.0.0.1', token: 'sekret', pollMs: 0 });
    try {
      const u = `http://127.0.0.1:${s.port}`;
      const none = await fetch(`${u}/api/v1/namespaces`);
      expect(none.status).toBe(401);
      expect(await none.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
      expect((await fetch(`${u}/api/v1/namespaces`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${u}/api/v1/namespaces`, { headers: { Authorization: 'Bearer sekret' } })).status).toBe(200);
      expect((await fetch(`${u}/healthz`)).status).toBe(200);
      expect((await fetch(`${u}/version`)).status).toBe(200);
      expect((await fetch(`${u}/healthz`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    } finally {
      await s.close();
    }
  });
});

const KUBECTL = '/tmp/kc/kubectl';

describe.skipIf(!fs.existsSync(KUBECTL))('real kubectl against serve', () => {
  let kcHome: string;
  let kc: (...args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

  beforeAll(async () => {
    kcHome = tempHome();
    const { kubeconfigFor } = await import('../../src/cli/commands/serve.js');
    const file = path.join(kcHome, 'kubeconfig');
    fs.writeFileSync(file, kubeconfigFor('kube-lite', base));
    kc = (...args: string[]) =>
      new Promise((resolve) => {
        execFile(KUBECTL, ['--kubeconfig', file, '--cache-dir', path.join(kcHome, 'cache'), ...args], { env: { ...process.env, HOME: kcHome } }, (err, stdout, stderr) => {
          resolve({ code: err ? ((err as any).code ?? 1) : 0, stdout, stderr });
        });
      });
  });

  it('get ns, apply, rollout status, get pods -o wide match the CLI', async () => {
    const ns = await kc('get', 'ns');
    expect(ns.code).toBe(0);
    expect(ns.stdout).toBe((await cli('get', 'ns')).stdout);
    const manifest = path.resolve('manifests/nginx-deployment.yaml');
    const ap = await kc('apply', '-f', manifest);
    expect(ap.stderr).toBe('');
    expect(ap.stdout).toBe('deployment.apps/nginx-deployment created\n');
    const rs = await kc('rollout', 'status', 'deployment/nginx-deployment', '--timeout=20s');
    expect(rs.stdout).toContain('deployment "nginx-deployment" successfully rolled out');
    const wide = await kc('get', 'pods', '-o', 'wide');
    expect(wide.stdout).toBe((await cli('get', 'pods', '-o', 'wide')).stdout);
    const deploys = await kc('get', 'deploy', '-A', '--show-labels');
    expect(deploys.stdout).toBe((await cli('get', 'deploy', '-A', '--show-labels')).stdout);
    const w = await kc('wait', '--for=condition=Available', 'deployment/nginx-deployment', '--timeout=10s');
    expect(w.stdout).toBe('deployment.apps/nginx-deployment condition met\n');
  });
});
