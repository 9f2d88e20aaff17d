// Strict schema validation: generated validators + kube-apiserver decode messages.
// (test/global-setup.ts generates the validators module if it is missing or older than its generator.)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { PATTERNS } from '../../../scripts/gen-schema.mjs';
import type { KObject } from '../../../src/api/types.js';
import { base64Error, quantityError, timeParseError } from '../../../src/api/validation/go-scalars.js';
import { hasSchema, schemaValidators, validateSchema, validateSchemaSync } from '../../../src/api/validation/schema.js';

const CORPUS = '/work/shared/corpus';

// Returns the apiserver message, or 'ok'.
async function check(obj: object): Promise<string> {
  const r = await validateSchema(obj as KObject);
  return r.ok ? 'ok' : r.message;
}

const pod = (spec: object, metadata: object = { name: 'p' }) => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
const container = (extra: object = {}) => ({ name: 'c', image: 'nginx', ...extra });
const deploy = (spec: object) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [container()] } }, ...spec },
});
const podSpec = (c: object) => pod({ containers: [container(c)] });

const POD = 'Pod in version "v1" cannot be handled as a Pod: ';
const DEPLOY = 'Deployment in version "v1" cannot be handled as a Deployment: ';
const QUANTITY_RE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

function corpusDocs(root: string): { file: string; obj: KObject }[] {
  const out: { file: string; obj: KObject }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(name)) {
        for (const doc of parseAllDocuments(readFileSync(p, 'utf8'))) {
          if (doc.errors.length) continue; // not YAML kubectl could read either
          const obj = doc.toJS() as KObject | null;
          if (obj?.kind && typeof obj.apiVersion === 'string') out.push({ file: relative(CORPUS, p), obj });
        }
      }
    }
  };
  walk(root);
  return out;
}

describe('real manifests', () => {
  it.each([
    'frontend-deployment.yaml', 'frontend-service.yaml', 'redis-master-deployment.yaml',
    'redis-master-service.yaml', 'redis-replica-deployment.yaml', 'redis-replica-service.yaml',
  ])('guestbook %s passes', async (name) => {
    const docs = corpusDocs(join(CORPUS, 'kubernetes-examples/web/guestbook')).filter((d) => d.file.endsWith(`/${name}`));
    expect(docs.length).toBeGreaterThan(0);
    for (const { obj } of docs) expect(await check(obj)).toBe('ok');
  });

  // Every corpus manifest of a supported kind decodes, except ones a 1.36 apiserver rejects too.
  it('the whole corpus decodes, except genuinely broken manifests', async () => {
    const expected: Record<string, string> = {
      'kubernetes-examples/_archived/volumes/fibre_channel/fc.yaml':
        'json: cannot unmarshal string into Go struct field FCVolumeSource.spec.volumes.fc.lun of type int32',
      'kubernetes-examples/_archived/volumes/rbd/rbd.yaml':
        'strict decoding error: unknown field "spec.volumes[0].rbd.imagefeatures", unknown field "spec.volumes[0].rbd.imageformat"',
      'kubernetes-examples/_archived/volumes/scaleio/pod.yaml': 'unknown field "spec.volumes[0].scaleIO.protectionDoamin"',
      'kubernetes-examples/_archived/volumes/storageos/storageos-pod.yaml': 'unknown field "spec.volumes[0].storageos.pool"',
      'kubernetes-examples/_archived/volumes/storageos/storageos-pv.yaml': 'unknown field "spec.storageos.secretName"',
      'kubernetes-website/pods/emptydir-volume-mode.yaml': 'unknown field "spec.volumes[0].emptyDir.mode"', // 1.37 alpha
      'kubernetes-website/pods/pod-with-node-affinity.yaml':
        'json: cannot unmarshal array into Go struct field NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector',
      'kubernetes-website/pods/security/security-context-7.yaml': 'unknown field "spec.containers[0].securityContext.cgroupOptions"',
      'kubernetes-website/secret/serviceaccount/mysecretname.yaml':
        'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.annotations of type map[string]string',
      'kubernetes-website/secret/tls-auth-secret.yaml': 'illegal base64 data at input byte 7', // placeholder data
      'kubernetes-website/service/networking/dual-stack-ipv6-lb-svc.yaml': 'unknown field "spec.ipFamily"', // removed in 1.20
      'kubernetes-website/service/networking/dual-stack-ipv6-svc.yaml': 'unknown field "spec.ipFamily"',
    };
    const failures: Record<string, string> = {};
    let checked = 0;
    for (const { file, obj } of corpusDocs(CORPUS)) {
      if (!hasSchema(obj.apiVersion, obj.kind)) continue;
      checked++;
      const r = await validateSchema(obj);
      if (!r.ok) failures[file] = r.message;
    }
    expect(checked).toBeGreaterThan(400);
    expect(Object.keys(failures).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, text] of Object.entries(expected)) expect(failures[file]).toContain(text);
  });

  it('accepts fields added after kubernetes-types 1.30', async () => {
    expect(await check(pod({ containers: [container()], resources: { limits: { cpu: '1' } } }))).toBe('ok');
    const projected = { projected: { sources: [{ podCertificate: { signerName: 'x/y', keyType: 'ED25519', credentialBundlePath: 'b.pem' } }] } };
    expect(await check(pod({ containers: [container()], volumes: [{ name: 'v', ...projected }] }))).toBe('ok');
  });
});

describe('unknown fields (strict decoding)', () => {
  it('reports a top-level field', async () => {
    expect(await check({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, foo: 1 })).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "foo"',
    );
  });

  it('reports metadata fields like any other (upstream: "metadata.spec")', async () => {
    expect(await check(pod({ containers: [container()] }, { name: 'p', spec: {} }))).toBe(
      `${POD}strict decoding error: unknown field "metadata.spec"`,
    );
  });

  it('lists every unknown field in document order, with [i] for array items', async () => {
    const d = deploy({ zeta: 1, foo: { bar: 1 } });
    d.spec.template.spec.containers.push(container({ bar: 2 }), container({ imagePullPolicyy: 'x' }));
    expect(await check(d)).toBe(
      `${DEPLOY}strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[1].bar", ` +
        'unknown field "spec.template.spec.containers[2].imagePullPolicyy", unknown field "spec.zeta"',
    );
  });

  it('reports the upstream examples verbatim', async () => {
    const d = deploy({});
    Object.assign(d.spec.template.metadata, { containers: [] });
    expect(await check(d)).toBe(`${DEPLOY}strict decoding error: unknown field "spec.template.metadata.containers"`);
    expect(await check(podSpec({ tolerations: [] }))).toBe(`${POD}strict decoding error: unknown field "spec.containers[0].tolerations"`);
  });

  it('is case-sensitive and keeps at most 100 errors', async () => {
    expect(await check({ ...pod({ containers: [container()] }), Spec: {} })).toBe(`${POD}strict decoding error: unknown field "Spec"`);
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${String(i).padStart(3, '0')}`, 1]));
    const r = await validateSchema({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' }, ...many });
    expect(r.ok ? '' : r.message.match(/unknown field/g)?.length).toBe(100);
  });

  it('quotes odd field names like Go %q', async () => {
    expect(await check({ ...pod({ containers: [container()] }), 'a"b\tc': 1, ключ: 2 })).toBe(
      `${POD}strict decoding error: unknown field "a\\"b\\tc", unknown field "ключ"`,
    );
  });
});

describe('type errors', () => {
  it.each<[string, object, string]>([
    ['string into int32', deploy({ replicas: 'three' }), `${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ['fraction into int32', deploy({ replicas: 3.5 }), `${DEPLOY}json: cannot unmarshal number 3.5 into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ['int32 overflow', deploy({ replicas: 3000000000 }), `${DEPLOY}json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32`],
    ['string into bool', pod({ containers: [container()], hostNetwork: 'true' }), `${POD}json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool`],
    ['string into struct', { ...pod({}), spec: 'x' }, `${POD}json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec`],
    ['object into slice', pod({ containers: { name: 'c' } }), `${POD}json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container`],
    ['string into slice item', pod({ containers: ['nginx'] }), `${POD}json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container`],
    ['named string', podSpec({ ports: [{ containerPort: 80, protocol: 6 }] }), `${POD}json: cannot unmarshal number into Go struct field ContainerPort.spec.containers.ports.protocol of type v1.Protocol`],
    ['named slice item', podSpec({ securityContext: { capabilities: { add: [1] } } }), `${POD}json: cannot unmarshal number into Go struct field Capabilities.spec.containers.securityContext.capabilities.add of type v1.Capability`],
    ['named map', podSpec({ resources: { limits: '1' } }), `${POD}json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList`],
    ['int64 field', pod({ containers: [container()], securityContext: { runAsUser: '1000' } }), `${POD}json: cannot unmarshal string into Go struct field PodSecurityContext.spec.securityContext.runAsUser of type int64`],
    ['int64 slice item', pod({ containers: [container()], securityContext: { supplementalGroups: ['1'] } }), `${POD}json: cannot unmarshal string into Go struct field PodSecurityContext.spec.securityContext.supplementalGroups of type int64`],
  ])('%s', async (_, obj, message) => {
    expect(await check(obj)).toBe(message);
  });

  it('reproduces the upstream EnvVar message verbatim', async () => {
    const d = deploy({});
    d.spec.template.spec.containers[0] = container({ env: [{ name: 'PORT', value: 8080 }] });
    expect(await check(d)).toBe(`${DEPLOY}json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string`);
  });

  it('reports the first type error in document order and suppresses unknown fields', async () => {
    expect(await check(deploy({ replicas: 'x', minReadySeconds: 'y', bogus: 1 }))).toBe(
      `${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.minReadySeconds of type int32`,
    );
  });

  it('checks map values and Secret data (base64 []byte)', async () => {
    expect(await check(pod({ containers: [container()] }, { name: 'p', labels: { app: 1 } }))).toBe(
      `${POD}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`,
    );
    const secret = (data: unknown) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { k: data } });
    const SECRET = 'Secret in version "v1" cannot be handled as a Secret: ';
    expect(await check(secret('aGVsbG8='))).toBe('ok');
    expect(await check(secret('aGVs\nbG8='))).toBe('ok'); // Go skips newlines
    expect(await check(secret([104, 105]))).toBe('ok'); // []byte from a number array
    expect(await check(secret('REPLACE_WITH_BASE64_CERT'))).toBe(`${SECRET}illegal base64 data at input byte 7`);
    expect(await check(secret('aGk'))).toBe(`${SECRET}illegal base64 data at input byte 0`);
    expect(await check(secret(5))).toBe(`${SECRET}json: cannot unmarshal number into Go struct field Secret.data of type []uint8`);
    expect(await check(secret([300]))).toBe(`${SECRET}json: cannot unmarshal number 300 into Go struct field Secret.data of type uint8`);
  });
});

describe('IntOrString', () => {
  const svc = (targetPort: unknown, extra: object = {}) => ({
    apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort }], ...extra },
  });
  const SVC = 'Service in version "v1" cannot be handled as a Service: ';

  it.each(['http', 8080, '8080', '25%', null])('accepts %j', async (v) => expect(await check(svc(v))).toBe('ok'));

  it('rejects non-integers with the int32 decode error', async () => {
    expect(await check(svc(80.5))).toBe(`${SVC}json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.targetPort of type int32`);
    expect(await check(svc(true))).toBe(`${SVC}json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32`);
  });

  it('aborts decoding, so it wins over an earlier type error', async () => {
    expect(await check(svc({}, { clusterIP: 5 }))).toBe(
      `${SVC}json: cannot unmarshal object into Go struct field ServicePort.spec.ports.targetPort of type int32`,
    );
  });

  it('accepts Deployment strategy percentages', async () => {
    expect(await check(deploy({ strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } } }))).toBe('ok');
  });
});

describe('Quantity', () => {
  const withLimit = (v: unknown) => podSpec({ resources: { limits: { memory: v } } });

  it.each(['500m', '1Gi', '0.5', 1, 0.5, '1e3', ' 1Gi ', '+1', '.5', 'm', null])('accepts %j', async (v) => {
    expect(await check(withLimit(v))).toBe('ok');
  });

  it.each<[unknown, string]>([
    ['1Gx', QUANTITY_RE], ['1 Gi', QUANTITY_RE], ['', QUANTITY_RE], [true, QUANTITY_RE], ['\t1Gi', QUANTITY_RE],
    ['1K', "unable to parse quantity's suffix"], ['1Mi5', "unable to parse quantity's suffix"], ['192i', "unable to parse quantity's suffix"],
    ['e-10', 'unable to parse numeric part of quantity'], ['Ei', 'unable to parse numeric part of quantity'],
  ])('rejects %j with the parser error (no field context)', async (v, message) => {
    expect(await check(withLimit(v))).toBe(`${POD}${message}`);
  });

  it('checks emptyDir sizeLimit and wins over unknown fields', async () => {
    expect(await check(pod({ containers: [container()], volumes: [{ name: 'v', emptyDir: { sizeLimit: 'lots' } }], x: 1 }))).toBe(`${POD}${QUANTITY_RE}`);
  });
});

describe('null and Time', () => {
  it('accepts null anywhere (Go decodes it to the zero value)', async () => {
    const d = deploy({ replicas: null, strategy: null, revisionHistoryLimit: null });
    Object.assign(d.metadata, { labels: { a: null }, annotations: null, creationTimestamp: null });
    d.spec.template.spec.containers.push(null as never);
    Object.assign(d.spec.template.spec.containers[0]!, { ports: [null], resources: { limits: { cpu: null } }, env: null });
    expect(await check(d)).toBe('ok');
    expect(await check({ apiVersion: 'v1', kind: 'ConfigMap', metadata: null, data: null })).toBe('ok');
  });

  it.each<[unknown, string]>([
    ['2024-01-01T00:00:00Z', 'ok'],
    ['2024-02-29T23:59:59.5+02:00', 'ok'],
    ['yesterday', `${POD}parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`],
    ['2024-01-01', `${POD}parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"`],
    ['2024-01-01T00:00:00', `${POD}parsing time "2024-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"`],
    ['2024-13-01T00:00:00Z', `${POD}parsing time "2024-13-01T00:00:00Z": month out of range`],
    ['2023-02-29T00:00:00Z', `${POD}parsing time "2023-02-29T00:00:00Z": day out of range`],
    ['2024-01-01T00:00:00Zjunk', `${POD}parsing time "2024-01-01T00:00:00Zjunk": extra text: "junk"`],
    [12345, `${POD}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string`],
  ])('creationTimestamp %j', async (ts, message) => {
    expect(await check(pod({ containers: [container()] }, { name: 'p', creationTimestamp: ts }))).toBe(message);
  });
});

describe('kind List', () => {
  const list = (items: unknown[], extra: object = {}) => ({ apiVersion: 'v1', kind: 'List', metadata: {}, items, ...extra });

  it('validates each item by its own kind', async () => {
    expect(await check(list([podSpec({}), deploy({})]))).toBe('ok');
    const r = await validateSchema(list([podSpec({}), deploy({ foo: 1 })]) as KObject);
    expect(r).toMatchObject({ ok: false, item: 1, message: `${DEPLOY}strict decoding error: unknown field "spec.foo"` });
  });

  it('ignores the envelope, which kubectl unpacks without strictness', async () => {
    expect(await check(list([podSpec({})], { foo: 1 }))).toBe('ok');
    expect(hasSchema('v1', 'List')).toBe(true); // the envelope schema itself is still generated
  });
});

describe('plumbing', () => {
  it('generates one validator per kind, each rooted at a definition whose Go types it has', () => {
    const { validators, roots, goTypes: goTypesJSON } = schemaValidators();
    const goTypes = JSON.parse(goTypesJSON) as Record<string, [string, Record<string, string>]>;
    expect(Object.keys(validators).sort()).toEqual(Object.keys(roots).sort());
    expect(Object.keys(roots)).toContain('apps/v1/Deployment');
    for (const root of Object.values(roots)) expect(goTypes[root]).toBeDefined();
    // Every definition a field refers to is there too (go-decode walks them by id).
    for (const [, fields] of Object.values(goTypes)) {
      for (const desc of Object.values(fields)) for (const m of desc.matchAll(/@([\w.]+)/g)) expect(goTypes[m[1]!]).toBeDefined();
    }
  });

  it('passes kinds without a schema and reports which exist', async () => {
    expect(hasSchema('apps/v1', 'Deployment')).toBe(true);
    expect(hasSchema('example.com/v1', 'Widget')).toBe(false);
    expect(await check({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: {}, anything: 1 })).toBe('ok');
  });

  it('has a synchronous flavour for the apiserver decode step', () => {
    expect(validateSchemaSync(deploy({ replicas: 1 }) as KObject)).toEqual({ ok: true });
    expect(validateSchemaSync(deploy({ foo: 1 }) as KObject)).toMatchObject({ ok: false, detail: 'strict decoding error: unknown field "spec.foo"' });
  });

  it('returns reason BadRequest and the bare decoder error', async () => {
    expect(await validateSchema(deploy({ replicas: 'x' }) as KObject)).toEqual({
      ok: false,
      reason: 'BadRequest',
      message: `${DEPLOY}json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`,
      detail: 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    });
  });
});

// The generated patterns may be stricter than Go (flagged values are re-checked exactly), but
// must never accept what Go rejects.
describe('pattern/Go consistency', () => {
  const re = (p: string) => new RegExp(p, 'u');
  it('quantity', () => {
    const samples = ['0', '1', '-1', '+1', '.', '-', 'm', 'Ki', 'Pi', 'Ei', 'E', 'e5', 'e-9', 'e-10', '.e-10', '5e-10', '1.5Ki', '.5Ki',
      '1K', '1e', '1E', '1Mi5', '12345678901234567890', '1e99999999999999999999', ' 1 ', '\u00a01', '1..5', '1e+5', '1.5.5', ''];
    for (const s of samples) if (re(PATTERNS.quantity).test(s)) expect(quantityError(s), s).toBeNull();
  });
  it('time, microtime and base64', () => {
    const times = ['2024-01-01T00:00:00Z', '2024-1-01T00:00:00Z', '2024-01-01T1:00:00Z', '2024-01-28T00:00:00+24:60', '2024-01-01T00:00:00.123456Z', '2024-01-01T00:00:00,1-01:00'];
    for (const s of times) {
      if (re(PATTERNS.time).test(s)) expect(timeParseError(s, 'time'), s).toBeNull();
      if (re(PATTERNS.microTime).test(s)) expect(timeParseError(s, 'microTime'), s).toBeNull();
    }
    for (const s of ['', 'QQ==', 'QUI=', 'QUJD', 'QUJ', 'Q===', 'QQ=a']) if (re(PATTERNS.base64).test(s)) expect(base64Error(s), s).toBeNull();
  });
});
