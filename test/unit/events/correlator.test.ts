// client-go's event correlator as kube-lite models it (src/controllers/events/correlator.ts): the spam
// filter's token bucket, the aggregator's combining of similar events, and recordEvent using both.
import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../../src/api/server.js';
import type { KObject } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { aggregate, messagesOf, takeToken, type Aggregate, type Bucket } from '../../../src/controllers/events/correlator.js';
import { recordEvent, type EventSpec } from '../../../src/controllers/events/record.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

const MIN = 60_000;

describe('spam filter token bucket (burst 25, one token per 5 minutes)', () => {
  const cases: [string, Bucket, number, boolean, number][] = [
    // name, bucket before, now, taken, tokens after
    ['full bucket', { tokens: 25, at: 0 }, 0, true, 24],
    ['last token', { tokens: 1, at: 0 }, 0, true, 0],
    ['empty', { tokens: 0, at: 0 }, 0, false, 0],
    ['empty, 4 minutes later', { tokens: 0, at: 0 }, 4 * MIN, false, 0.8],
    ['empty, 5 minutes later', { tokens: 0, at: 0 }, 5 * MIN, true, 0],
    ['refills to the burst, no further', { tokens: 0, at: 0 }, 10 * 60 * MIN, true, 24],
  ];
  it.each(cases)('%s', (_name, before, now, taken, after) => {
    const b = { ...before };
    expect(takeToken(b, now)).toBe(taken);
    expect(b.tokens).toBeCloseTo(after, 9);
    expect(b.at).toBe(now);
  });
});

describe('aggregator (10 messages in 10 minutes)', () => {
  it('lets 9 different messages through, then combines; a message among the kept ones is not combined', () => {
    const a: Aggregate = { seen: undefined, at: -Infinity };
    const verdicts = Array.from({ length: 12 }, (_, i) => aggregate(a, `m${i}`, 0));
    expect(verdicts).toEqual([false, false, false, false, false, false, false, false, false, true, true, true]);
    expect(messagesOf(a)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11']);
    expect(aggregate(a, 'm11', 0)).toBe(false); // kept: counts up on its own event
    expect(aggregate(a, 'new', 10 * MIN)).toBe(true); // not over 10 minutes since the last
    expect(aggregate(a, 'later', 21 * MIN)).toBe(false); // over 10 minutes: a fresh record
    expect(messagesOf(a)).toEqual(['later']);
  });
});

describe('recordEvent through the correlator', () => {
  let clock = Date.UTC(2026, 0, 1);
  const api = new ApiServer(new MemoryStore(), { now: () => clock }, new SeededRandom(1), defaultValidator, new SimContext('instant'));
  api.create(api.resource('namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const rs: KObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default', uid: 'rs-1', resourceVersion: '5' } };
  const created = (i: number): EventSpec => ({ type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: web-${i}`, component: 'replicaset-controller' });
  const rows = () =>
    api
      .list(api.resource('events'), 'default')
      .filter((e) => e['involvedObject'].uid === 'rs-1')
      .map((e) => `${e['count']} ${e['message']}`);

  it('keeps 25 of a burst: 9 events, then one combined event counted 16 times', () => {
    for (let i = 0; i < 100; i++) recordEvent(api, rs, created(i));
    const r = rows();
    expect(r).toHaveLength(10);
    expect(r.filter((x) => x.startsWith('1 Created pod: web-'))).toHaveLength(9);
    expect(r).toContain('16 (combined from similar events): Created pod: web-24');
  });

  it('lets one more through every 5 minutes, onto the combined event, counting those held back', () => {
    clock += 5 * MIN;
    recordEvent(api, rs, created(100)); // 16 sent, 75 held back, and this one
    recordEvent(api, rs, created(101)); // no token left: held back
    expect(rows()).toContain('92 (combined from similar events): Created pod: web-100');
    expect(rows()).toHaveLength(10);
  });

  it('counts a repeat held back on the next one sent, from when it was first seen', () => {
    const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash', namespace: 'default', uid: 'pod-2' } };
    const backOff: EventSpec = { type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container', component: 'kubelet', host: 'n1' };
    const t0 = clock;
    for (let i = 0; i < 30; i++) recordEvent(api, pod, backOff);
    const ev = () => api.list(api.resource('events'), 'default').find((e) => e['involvedObject'].uid === 'pod-2')!;
    expect(ev()['count']).toBe(25);
    clock += 5 * MIN;
    recordEvent(api, pod, backOff);
    expect(ev()['count']).toBe(31);
    expect(Date.parse(ev()['firstTimestamp'])).toBe(t0);
    expect(Date.parse(ev()['lastTimestamp'])).toBe(clock);
  });

  it('leaves the scheduler (events.k8s.io, no correlator) alone', () => {
    const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'pod-1' } };
    for (let i = 0; i < 30; i++) recordEvent(api, pod, { type: 'Warning', reason: 'FailedScheduling', message: `attempt ${i}`, component: 'default-scheduler' });
    expect(api.list(api.resource('events'), 'default').filter((e) => e['involvedObject'].uid === 'pod-1')).toHaveLength(30);
  });
});
