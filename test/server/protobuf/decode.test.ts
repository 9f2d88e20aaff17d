// decodeProtobufObject against real kubectl: each fixture's .pb is the body kubectl v1.36.3 POSTed
// (Content-Type application/vnd.kubernetes.protobuf) for a `kubectl create ...` command, and its
// .json is the JSON body kubectl v1.31.9 POSTed for the same command (minus `creationTimestamp: null`,
// which 1.36's JSON encoding omits). fixtures/index.json lists the commands.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/errors.js';
import { decodeProtobufObject, formatDuration, isProtobufContentType, readEnvelope } from '../../../src/server/protobuf/decode.js';
import { KINDS, MESSAGES } from '../../../src/server/protobuf/schema.js';

const dir = path.join(import.meta.dirname, 'fixtures');
const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as {
  fixtures: Array<{ name: string; command: string; path: string; contentType: string }>;
};

describe('decodeProtobufObject: bodies captured from real kubectl', () => {
  it('has fixtures', () => {
    expect(index.fixtures.length).toBeGreaterThanOrEqual(30);
  });
  for (const fx of index.fixtures) {
    it(`${fx.name}: ${fx.command}`, () => {
      const body = readFileSync(path.join(dir, `${fx.name}.pb`));
      const expected = JSON.parse(readFileSync(path.join(dir, `${fx.name}.json`), 'utf8'));
      expect(fx.contentType).toBe('application/vnd.kubernetes.protobuf');
      const got = decodeProtobufObject(body);
      expect(got).toEqual(expected);
      // Key order follows the Go structs, as kubectl's JSON does.
      expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
    });
  }
});

/** Builds protobuf bytes for the tests below. */
function varint(n: bigint | number): number[] {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) b |= 0x80;
    out.push(b);
  } while (v !== 0n);
  return out;
}
const key = (field: number, wt: number) => varint((field << 3) | wt);
const vField = (field: number, n: bigint | number) => [...key(field, 0), ...varint(n)];
const lField = (field: number, bytes: number[] | string) => {
  const b = typeof bytes === 'string' ? [...Buffer.from(bytes)] : bytes;
  return [...key(field, 2), ...varint(b.length), ...b];
};
const envelope = (apiVersion: string, kind: string, raw: number[]) =>
  Buffer.from([0x6b, 0x38, 0x73, 0x00, ...lField(1, [...lField(1, apiVersion), ...lField(2, kind)]), ...lField(2, raw), ...lField(3, ''), ...lField(4, '')]);

function statusOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    return e as StatusError;
  }
  throw new Error('expected a StatusError');
}

describe('wire format', () => {
  it('decodes 64-bit varints and negative int32/int64 (10-byte sign-extended)', () => {
    // PriorityClass.value is int32; a negative value is written as a 10-byte varint.
    const raw = [...lField(1, lField(1, 'p')), ...vField(2, -5)];
    expect(varint(-5).length).toBe(10);
    expect(decodeProtobufObject(envelope('scheduling.k8s.io/v1', 'PriorityClass', raw)).value).toBe(-5);
    // int64: Job.spec.activeDeadlineSeconds, a large and a negative value.
    const big = 2 ** 40 + 7;
    const job = (n: number) => [...lField(1, []), ...lField(2, [...vField(3, n)])];
    expect(decodeProtobufObject(envelope('batch/v1', 'Job', job(big))).spec.activeDeadlineSeconds).toBe(big);
    expect(decodeProtobufObject(envelope('batch/v1', 'Job', job(-2))).spec.activeDeadlineSeconds).toBe(-2);
  });

  it('decodes JobSpec fields 14-16 (podReplacementPolicy, managedBy, successPolicy) as generated.proto numbers them', () => {
    const spec = [...lField(14, 'TerminatingOrFailed'), ...lField(15, 'kubernetes.io/job-controller'), ...lField(16, lField(1, vField(2, 1)))];
    const job = decodeProtobufObject(envelope('batch/v1', 'Job', [...lField(1, lField(1, 'j')), ...lField(2, spec)]));
    expect(job.spec).toEqual({ successPolicy: { rules: [{ succeededCount: 1 }] }, podReplacementPolicy: 'TerminatingOrFailed', managedBy: 'kubernetes.io/job-controller' });
  });

  it('decodes policy/v1 Eviction and DeleteOptions (whatever group-version the envelope names)', () => {
    const opts = [...vField(1, 30), ...lField(2, lField(1, 'uid-1')), ...lField(4, 'Background'), ...lField(5, 'All')];
    expect(decodeProtobufObject(envelope('policy/v1', 'Eviction', [...lField(1, [...lField(1, 'p'), ...lField(3, 'default')]), ...lField(2, opts)]))).toEqual({
      kind: 'Eviction',
      apiVersion: 'policy/v1',
      metadata: { name: 'p', namespace: 'default' },
      deleteOptions: { gracePeriodSeconds: 30, preconditions: { uid: 'uid-1' }, propagationPolicy: 'Background', dryRun: ['All'] },
    });
    for (const gv of ['v1', 'meta.k8s.io/v1', 'apps/v1']) {
      expect(decodeProtobufObject(envelope(gv, 'DeleteOptions', lField(4, 'Foreground')))).toEqual({ kind: 'DeleteOptions', apiVersion: gv, metadata: {}, propagationPolicy: 'Foreground' });
    }
  });

  it('skips unknown fields of every wire type', () => {
    const unknown = [...vField(99, 300), ...key(98, 1), 1, 2, 3, 4, 5, 6, 7, 8, ...key(97, 5), 1, 2, 3, 4, ...lField(96, 'junk'), ...key(95, 3), ...vField(1, 1), ...key(95, 4)];
    const raw = [...unknown, ...lField(1, [...lField(1, 'cm'), ...unknown]), ...lField(2, [...lField(1, 'a'), ...lField(2, 'b')])];
    expect(decodeProtobufObject(envelope('v1', 'ConfigMap', raw))).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'cm' }, data: { a: 'b' } });
  });

  it('applies omitempty, pointers and Go zero values', () => {
    // Non-pointer scalars are always on the wire; zero ones are omitted unless the JSON tag lacks omitempty.
    const port = [...lField(1, ''), ...vField(2, 0), ...vField(3, 0), ...lField(4, ''), ...lField(5, '')];
    const container = [...lField(1, ''), ...lField(2, 'img'), ...lField(6, port), ...lField(8, [])];
    const podSpec = [...lField(2, container), ...vField(11, 0)];
    const raw = [...lField(1, []), ...lField(2, [...vField(1, 0), ...lField(3, [...lField(1, []), ...lField(2, podSpec)])])];
    expect(decodeProtobufObject(envelope('apps/v1', 'Deployment', raw))).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: {},
      spec: { replicas: 0, template: { metadata: {}, spec: { containers: [{ name: '', image: 'img', ports: [{ containerPort: 0 }], resources: {} }] } } },
    });
  });

  it('decodes Time, Quantity, IntOrString, bytes and maps of messages', () => {
    const time = [...vField(1, 1700000000), ...vField(2, 5)];
    const pdb = [
      ...lField(1, [...lField(1, 'p'), ...lField(9, time)]),
      ...lField(2, [...lField(1, [...vField(1, 1), ...lField(3, '50%')]), ...lField(3, [...vField(1, 0), ...vField(2, 3)])]),
      ...lField(3, [...lField(2, [...lField(1, 'pod-a'), ...lField(2, time)]), ...vField(3, 1)]),
    ];
    const got = decodeProtobufObject(envelope('policy/v1', 'PodDisruptionBudget', pdb));
    expect(got.metadata.deletionTimestamp).toBe('2023-11-14T22:13:20Z');
    expect(got.spec).toEqual({ minAvailable: '50%', maxUnavailable: 3 });
    expect(got.status).toEqual({ disruptedPods: { 'pod-a': '2023-11-14T22:13:20Z' }, disruptionsAllowed: 1, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 });
    const quota = [...lField(1, []), ...lField(2, [...lField(1, [...lField(1, 'cpu'), ...lField(2, lField(1, '500m'))])])];
    expect(decodeProtobufObject(envelope('v1', 'ResourceQuota', quota)).spec).toEqual({ hard: { cpu: '500m' } });
    const secret = [...lField(1, []), ...lField(2, [...lField(1, 'k'), ...lField(2, [0, 255, 1])]), ...lField(3, 'Opaque')];
    expect(decodeProtobufObject(envelope('v1', 'Secret', secret))).toMatchObject({ data: { k: 'AP8B' }, type: 'Opaque' });
  });

  it('formats durations like Go', () => {
    expect(formatDuration(0n)).toBe('0s');
    expect(formatDuration(600_000_000_000n)).toBe('10m0s');
    expect(formatDuration(3_600_000_000_000n + 1_500_000_000n)).toBe('1h0m1.5s');
    expect(formatDuration(1_500_000n)).toBe('1.5ms');
    expect(formatDuration(-2_000_000_000n)).toBe('-2s');
  });

  it('rejects truncated or malformed input with 400 BadRequest', () => {
    const good = readFileSync(path.join(dir, 'deploy-basic.pb'));
    for (const cut of [3, 5, 10, 40, good.length - 1]) {
      const err = statusOf(() => decodeProtobufObject(good.subarray(0, cut)));
      expect(err.code).toBe(400);
      expect(err.reason).toBe('BadRequest');
    }
    expect(statusOf(() => decodeProtobufObject(Buffer.from('{"kind":"ConfigMap"}'))).code).toBe(400);
    // A varint longer than 10 bytes.
    expect(statusOf(() => decodeProtobufObject(Buffer.from([0x6b, 0x38, 0x73, 0, 0x08, ...Array(11).fill(0xff)]))).message).toMatch(/varint/);
    // Wrong wire type for a known field (a varint where a string is expected).
    expect(statusOf(() => decodeProtobufObject(envelope('v1', 'ConfigMap', [...lField(1, vField(1, 3))]))).code).toBe(400);
  });

  it('answers 415 UnsupportedMediaType for kinds without a schema', () => {
    const err = statusOf(() => decodeProtobufObject(envelope('v1', 'Pod', lField(1, []))));
    expect(err.code).toBe(415);
    expect(err.reason).toBe('UnsupportedMediaType');
    expect(err.message).toBe('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml');
  });

  it('reads the envelope and recognises the media type', () => {
    const env = readEnvelope(envelope('v1', 'Namespace', lField(1, lField(1, 'x'))));
    expect(env).toMatchObject({ apiVersion: 'v1', kind: 'Namespace', contentEncoding: '', contentType: '' });
    expect(isProtobufContentType('application/vnd.kubernetes.protobuf')).toBe(true);
    expect(isProtobufContentType('application/vnd.kubernetes.protobuf; charset=x')).toBe(true);
    expect(isProtobufContentType('application/json')).toBe(false);
  });

  it('has a schema for every supported kind', () => {
    for (const msg of Object.values(KINDS)) expect(MESSAGES.has(msg)).toBe(true);
  });
});
