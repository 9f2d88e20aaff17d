// Unit tests of the describe building blocks (writer, multi-line printers, events, selectors,
// Go value formatting, resource arithmetic).

import { afterEach, describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { describeProbe } from '../../../src/printers/describe/containers.js';
import { describeEvents, eventInterval } from '../../../src/printers/describe/events.js';
import { goQuote, goValue } from '../../../src/printers/describe/fmt.js';
import { camelSplit, smartLabelFor } from '../../../src/printers/describe/generic.js';
import {
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  printTolerationsMultiline,
} from '../../../src/printers/describe/multiline.js';
import { NestedPrefixWriter, PrefixWriter, tabbedString } from '../../../src/printers/describe/prefix-writer.js';
import { podLimits, podQOS, podRequests } from '../../../src/printers/describe/resources.js';
import { formatLabelSelector, selectorMatches, selectorString } from '../../../src/printers/describe/selector.js';
import { rfc1123z, since } from '../../../src/printers/describe/time.js';

const NOW = Date.parse('2025-01-06T10:00:00Z');

describe('PrefixWriter', () => {
  it('indents each write call by two spaces per level and aligns through the tabwriter', () => {
    const out = tabbedString((w) => {
      w.write(0, 'Name:\tx\n');
      w.write(0, 'Longer Name:\ty\n');
      w.write(1, 'Sub:\tz\n');
    });
    expect(out).toBe('Name:         x\nLonger Name:  y\n  Sub:        z\n');
  });

  it('restarts alignment after a line without tabs and after flush', () => {
    const w = new PrefixWriter();
    w.write(0, 'A:\t1\nheader\nLong key:\t2\n');
    w.flush();
    w.write(0, 'B:\t3\n');
    expect(w.finish()).toBe('A:  1\nheader\nLong key:  2\nB:  3\n');
  });

  it('escapes terminal control characters', () => {
    expect(tabbedString((w) => w.write(0, 'a\x1b[31mb\rc\n'))).toBe('a^[[31mb\\rc\n');
  });

  it('nested writers prefix every call, writeLine included (kubectl quirk)', () => {
    const out = tabbedString((w) => {
      const n = new NestedPrefixWriter(w, 2);
      printLabelsMultiline(n, 'Labels', { a: '1', b: '2' });
      printLabelsMultiline(n, 'Empty', {});
    });
    // raw text: "    Labels:\t    a=1\n" + "        \t    b=2\n" + "    Empty:\t    <none>\n"
    expect(out).toBe(['    Labels:      a=1', `${' '.repeat(13)}    b=2`, '    Empty:       <none>', ''].join('\n'));
  });
});

describe('time', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('formats RFC1123Z in the local zone and Go zero time for absent values', () => {
    expect(rfc1123z('2025-01-06T10:00:00Z')).toBe('Mon, 06 Jan 2025 10:00:00 +0000');
    expect(rfc1123z('2025-01-06T10:00:00.123456Z')).toBe('Mon, 06 Jan 2025 10:00:00 +0000');
    expect(rfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
    expect(rfc1123z(null)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
    process.env.TZ = 'America/St_Johns';
    expect(rfc1123z('2025-01-06T10:00:00Z')).toBe('Mon, 06 Jan 2025 06:30:00 -0330');
    process.env.TZ = 'Asia/Kolkata';
    expect(rfc1123z('2025-01-06T20:00:00Z')).toBe('Tue, 07 Jan 2025 01:30:00 +0530');
  });

  it('ages with HumanDuration, <unknown> when absent, <invalid> in the future', () => {
    expect(since('2025-01-06T09:57:58Z', NOW)).toBe('2m2s');
    expect(since(undefined, NOW)).toBe('<unknown>');
    expect(since('2025-01-06T10:00:30Z', NOW)).toBe('<invalid>');
  });
});

describe('multi-line printers', () => {
  const run = (fn: Parameters<typeof tabbedString>[0]): string => tabbedString(fn);

  it('labels: sorted, continuation lines aligned, <none> when empty', () => {
    expect(run((w) => printLabelsMultiline(w, 'Labels', { b: '2', a: '1' }))).toBe('Labels:  a=1\n         b=2\n');
    expect(run((w) => printLabelsMultiline(w, 'Labels', undefined))).toBe('Labels:  <none>\n');
  });

  it('annotations: skip last-applied, long and multi-line values go below the key', () => {
    const out = run((w) =>
      printAnnotationsMultiline(w, 'Annotations', {
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
        z: 'v'.repeat(140),
        m: 'one\ntwo\n',
        a: 'short',
      }),
    );
    expect(out).toBe(
      ['Annotations:  a: short', '              m:', '                one', '                two', '              z:', `                ${'v'.repeat(138)}...`, ''].join('\n'),
    );
    expect(run((w) => printAnnotationsMultiline(w, 'Annotations', { 'kubectl.kubernetes.io/last-applied-configuration': '{}' }))).toBe(
      'Annotations:  <none>\n',
    );
  });

  it('tolerations and taints', () => {
    const tol = run((w) =>
      printTolerationsMultiline(w, 'Tolerations', [
        { key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' },
        { operator: 'Exists' },
        { key: 'x', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 },
      ]),
    );
    expect(tol).toBe('Tolerations:  op=Exists\n              k=v:NoSchedule\n              x:NoExecute op=Exists for 30s\n');
    const taints = run((w) =>
      printTaintsMultiline(w, 'Taints', [
        { key: 'b', effect: 'NoSchedule' },
        { key: 'a', value: 'v', effect: 'NoSchedule' },
        { key: 'c', value: 'v' },
      ]),
    );
    expect(taints).toBe('Taints:  c=v:\n         a=v:NoSchedule\n         b:NoSchedule\n');
  });
});

describe('label selectors', () => {
  const sel = {
    matchLabels: { b: '2', a: '1' },
    matchExpressions: [
      { key: 'c', operator: 'In', values: ['y', 'x'] },
      { key: 'aa', operator: 'Exists' },
      { key: 'd', operator: 'DoesNotExist' },
      { key: 'e', operator: 'NotIn', values: ['z'] },
    ],
  };
  it('prints requirements sorted by key, set values sorted', () => {
    expect(selectorString(sel)).toBe('a=1,aa,b=2,c in (x,y),!d,e notin (z)');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Bogus' }] })).toBe('<error>');
  });
  it('matches', () => {
    expect(selectorMatches(sel, { a: '1', aa: '', b: '2', c: 'x' })).toBe(true);
    expect(selectorMatches(sel, { a: '1', aa: '', b: '2', c: 'x', d: '' })).toBe(false);
    expect(selectorMatches(sel, { a: '1', aa: '', b: '2', c: 'x', e: 'z' })).toBe(false);
    expect(selectorMatches({}, { anything: 'x' })).toBe(true);
    expect(selectorMatches(undefined, {})).toBe(false);
  });
});

describe('generic describer helpers', () => {
  it('splits camel case like fatih/camelcase', () => {
    expect(camelSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
    expect(camelSplit('apiVersion')).toEqual(['api', 'Version']);
    expect(camelSplit('podCIDRs')).toEqual(['pod', 'CID', 'Rs']);
  });
  it('builds smart labels', () => {
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('podCIDRs')).toBe('Pod CIDRs');
    expect(smartLabelFor('someURL')).toBe('Some URL');
    expect(smartLabelFor('dash-key')).toBe('Dash - Key');
    expect(smartLabelFor('weird_key')).toBe('weird_key');
    expect(smartLabelFor('v1beta1')).toBe('v1beta1');
  });
  it('formats values like Go %v', () => {
    expect(goValue(3)).toBe('3');
    expect(goValue(0.25)).toBe('0.25');
    expect(goValue(1234567.5)).toBe('1.2345675e+06');
    expect(goValue(0.00001)).toBe('1e-05');
    expect(goValue(null)).toBe('<nil>');
    expect(goValue([1, 'a', true])).toBe('[1 a true]');
    expect(goValue({ b: 1, a: [2] })).toBe('map[a:[2] b:1]');
    expect(goQuote('a"b\\c\n\x01')).toBe('"a\\"b\\\\c\\n\\x01"');
  });
});

describe('events', () => {
  const ev = (extra: Partial<KObject>): KObject => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'e' },
    type: 'Normal',
    reason: 'R',
    message: 'm',
    source: { component: 'kubelet' },
    ...extra,
  });

  it('computes the Age column', () => {
    expect(eventInterval(ev({ firstTimestamp: '2025-01-06T09:50:00Z', count: 1 }), NOW)).toBe('10m');
    expect(eventInterval(ev({ firstTimestamp: '2025-01-06T09:50:00Z', lastTimestamp: '2025-01-06T09:58:00Z', count: 3 }), NOW)).toBe(
      '2m (x3 over 10m)',
    );
    expect(
      eventInterval(ev({ eventTime: '2025-01-06T09:40:00.000000Z', series: { count: 4, lastObservedTime: '2025-01-06T09:59:00.000000Z' } }), NOW),
    ).toBe('60s (x4 over 20m)');
    expect(eventInterval(ev({}), NOW)).toBe('<unknown>');
  });

  it('prints <none> inline, otherwise a table sorted by lastTimestamp (absent first)', () => {
    expect(tabbedString((w) => describeEvents([], w, NOW))).toBe('Events:  <none>\n');
    const out = tabbedString((w) =>
      describeEvents(
        [
          ev({ reason: 'Late', firstTimestamp: '2025-01-06T09:59:00Z', lastTimestamp: '2025-01-06T09:59:00Z', message: ' padded \n' }),
          ev({ reason: 'NoTS', eventTime: '2025-01-06T09:58:00.000000Z', source: {}, reportingComponent: 'default-scheduler' }),
          ev({
            reason: 'Early',
            firstTimestamp: '2025-01-06T09:00:00Z',
            lastTimestamp: '2025-01-06T09:00:00Z',
            type: 'Warning',
            involvedObject: { fieldPath: 'spec.containers{c}' },
          }),
        ],
        w,
        NOW,
      ),
    );
    expect(out).toBe(
      [
        'Events:',
        '  Type     Reason  Age   From               Message',
        '  ----     ------  ----  ----               -------',
        '  Normal   NoTS    2m    default-scheduler  m',
        '  Warning  Early   60m   kubelet            spec.containers{c}: m',
        '  Normal   Late    60s   kubelet            padded',
        '',
      ].join('\n'),
    );
  });
});

describe('probes', () => {
  const attrs = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
  it('describes each handler', () => {
    expect(describeProbe({ httpGet: { path: '/healthz', port: 8080, scheme: 'HTTPS', host: '::1' }, ...attrs })).toBe(
      'http-get https://[::1]:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
    );
    expect(describeProbe({ httpGet: { path: '/a b?x', port: 'web', scheme: 'HTTP' }, ...attrs })).toBe(
      'http-get http://:web/a%20b%3Fx delay=0s timeout=1s period=10s #success=1 #failure=3',
    );
    expect(describeProbe({ tcpSocket: { port: 5432 }, ...attrs })).toBe('tcp-socket :5432 delay=0s timeout=1s period=10s #success=1 #failure=3');
    expect(describeProbe({ exec: { command: ['a', 'b c'] }, ...attrs })).toBe('exec [a b c] delay=0s timeout=1s period=10s #success=1 #failure=3');
    expect(describeProbe({ ...attrs })).toBe('unknown delay=0s timeout=1s period=10s #success=1 #failure=3');
  });
});

describe('pod resources', () => {
  const pod = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec,
    status,
  });
  const c = (requests?: Record<string, string>, limits?: Record<string, string>, extra: Record<string, unknown> = {}) => ({
    name: Math.random().toString(36),
    resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
    ...extra,
  });

  it('computes QoS like kubectl when status.qosClass is absent', () => {
    expect(podQOS(pod({ containers: [c()] }))).toBe('BestEffort');
    expect(podQOS(pod({ containers: [c({ cpu: '1', memory: '1Gi' }, { cpu: '1000m', memory: '1024Mi' })] }))).toBe('Guaranteed');
    expect(podQOS(pod({ containers: [c({ cpu: '1' }, { cpu: '1', memory: '1Gi' })] }))).toBe('Burstable');
    expect(podQOS(pod({ containers: [c(undefined, { cpu: '1' })] }))).toBe('Burstable');
    expect(podQOS(pod({ containers: [c({ cpu: '0' })] }))).toBe('BestEffort');
    expect(podQOS(pod({ resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, containers: [c()] }))).toBe(
      'Guaranteed',
    );
    expect(podQOS(pod({ containers: [c()] }, { qosClass: 'Guaranteed' }))).toBe('Guaranteed');
  });

  it('sums containers, takes the init-container maximum, counts sidecars and overhead', () => {
    const p = pod({
      initContainers: [c({ cpu: '2' }), c({ cpu: '100m' }, { cpu: '200m' }, { restartPolicy: 'Always' })],
      containers: [c({ cpu: '500m', memory: '64Mi' }, { memory: '128Mi' }), c({ cpu: '250m' })],
      overhead: { cpu: '10m', memory: '1Mi' },
    });
    const req = podRequests(p, false);
    expect(req.get('cpu')!.toString()).toBe('2010m'); // max(850m, 2 + 100m sidecar) + 10m
    expect(req.get('memory')!.toString()).toBe('65Mi');
    const lim = podLimits(p, false);
    expect(lim.get('cpu')!.toString()).toBe('210m'); // overhead is added to non-zero limits
    expect(lim.get('memory')!.toString()).toBe('129Mi');
  });

  it('lets pod-level resources override cpu and memory', () => {
    const p = pod({ resources: { requests: { cpu: '1' }, limits: { memory: '1Gi' } }, containers: [c({ cpu: '100m', memory: '10Mi' })] });
    expect(podRequests(p, true).get('cpu')!.toString()).toBe('1');
    expect(podRequests(p, true).get('memory')!.toString()).toBe('10Mi');
    expect(podLimits(p, true).get('memory')!.toString()).toBe('1Gi');
  });
});
