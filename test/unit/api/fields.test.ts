import { describe, expect, it } from 'vitest';
import {
  FieldSelectorError,
  convertFieldLabel,
  escapeFieldValue,
  fieldSelectorForKind,
  fieldsForKind,
  matchesFields,
  parseFieldSelector,
  unescapeFieldValue,
} from '../../../src/api/fields.js';

const set = (s: Record<string, string>) => (f: string) => s[f];

describe('parseFieldSelector (fields/selector_test.go)', () => {
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=a||y\\=b', 'x=a\\=\\=b'])('good %j restrings to itself', (s) => {
    expect(parseFieldSelector(s).string()).toBe(s);
  });
  it.each(['x=a||y=b', 'x==a==b', 'x=a,b', 'x in (a)', 'x in (a,b,c)', 'x'])('bad %j', (s) => {
    expect(() => parseFieldSelector(s)).toThrow(FieldSelectorError);
  });
  it('is deterministic: terms sorted by their raw text', () => {
    expect(parseFieldSelector('x=a,a=x').string()).toBe('a=x,x=a');
    expect(parseFieldSelector('a=x,x=a').string()).toBe('a=x,x=a');
  });
  it('normalises == to = and skips empty terms', () => {
    expect(parseFieldSelector('b==1,,a!=2,').string()).toBe('a!=2,b=1');
    expect(parseFieldSelector(',').empty()).toBe(true);
  });
  it.each<[string, string]>([
    ['x', "invalid selector: 'x'; can't understand 'x'"],
    ['a=1,in(b)', "invalid selector: 'a=1,in(b)'; can't understand 'in(b)'"],
    ['x==a==b', 'invalid field selector: unescaped character in value: 61'],
    ['x=a,b', "invalid selector: 'x=a,b'; can't understand 'b'"],
    ['x=a\\', 'invalid field selector: invalid escape sequence: \\'],
    ['x=\\a', 'invalid field selector: invalid escape sequence: \\a'],
  ])('error for %j', (s, msg) => expect(() => parseFieldSelector(s)).toThrow(msg));
});

describe('escaping (TestEscapeValue, TestSplitTerms)', () => {
  it.each([
    ['', ''],
    ['a', 'a'],
    ['=', '\\='],
    [',', '\\,'],
    ['\\', '\\\\'],
    ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\'],
  ])('%j <-> %j', (raw, escaped) => {
    expect(escapeFieldValue(raw)).toBe(escaped);
    expect(unescapeFieldValue(escaped)).toBe(raw);
  });
  it.each(['\\', '\\\\\\', '\\a'])('invalid escape %j', (v) => {
    expect(() => unescapeFieldValue(v)).toThrow(/invalid escape sequence/);
  });
  it('splits on unescaped commas only (terms then sort: "k2=" < "k=")', () => {
    expect(parseFieldSelector('k=\\,,k2=v2').requirements.map((r) => r.value)).toEqual(['v2', ',']);
    expect(parseFieldSelector('k=\\\\,k2=v2').requirements.map((r) => r.value)).toEqual(['v2', '\\']);
    expect(parseFieldSelector('k=\\\\\\,,k2=v2').requirements.map((r) => r.value)).toEqual(['v2', '\\,']);
    expect(parseFieldSelector('함=수,목=록').requirements.map((r) => [r.field, r.value])).toEqual([
      ['목', '록'],
      ['함', '수'],
    ]);
  });
  it('splits a term at the first operator (TestSplitTerm)', () => {
    const r = (s: string) => parseFieldSelector(s).requirements[0]!;
    expect(r('a=value')).toEqual({ field: 'a', operator: '=', value: 'value' });
    expect(r('b==value')).toEqual({ field: 'b', operator: '=', value: 'value' });
    expect(r('c!=value')).toEqual({ field: 'c', operator: '!=', value: 'value' });
    expect(r('k=\\,')).toEqual({ field: 'k', operator: '=', value: ',' });
    expect(r('k=\\=')).toEqual({ field: 'k', operator: '=', value: '=' });
  });
});

describe('matching (TestSelectorMatches)', () => {
  const fieldset = { foo: 'bar', baz: 'blah', complex: '=value\\,\\' };
  it.each<[string, Record<string, string>, boolean]>([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['foo=bar', fieldset, true],
    ['baz=blah', fieldset, true],
    ['foo=bar,baz=blah', fieldset, true],
    ['foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\', fieldset, true],
    ['foo=blah', fieldset, false],
    ['baz=bar', fieldset, false],
    ['foo=bar,foobar=bar,baz=blah', fieldset, false],
    // a missing field reads as ""
    ['missing=', {}, true],
    ['missing!=x', {}, true],
    ['missing=x', {}, false],
  ])('%j on %j: %s', (sel, fields, want) => expect(parseFieldSelector(sel).matches(set(fields))).toBe(want));
});

describe('convertFieldLabel (apiserver field label conversion)', () => {
  it.each<[string, string, string]>([
    ['Pod', 'spec.nodeName', 'spec.nodeName'],
    ['pods', 'status.phase', 'status.phase'],
    ['Pod', 'spec.host', 'spec.nodeName'],
    ['Pod', 'status.podIPs', 'status.podIPs'],
    ['Event', 'involvedObject.uid', 'involvedObject.uid'],
    ['events', 'reportingComponent', 'reportingComponent'],
    ['Secret', 'type', 'type'],
    ['Namespace', 'status.phase', 'status.phase'],
    ['Node', 'spec.unschedulable', 'spec.unschedulable'],
    ['ReplicationController', 'status.replicas', 'status.replicas'],
    ['Service', 'spec.type', 'spec.type'],
    ['Job', 'status.successful', 'status.successful'],
    ['Deployment', 'metadata.name', 'metadata.name'],
    ['configmaps', 'metadata.namespace', 'metadata.namespace'],
  ])('%s %s -> %s', (kind, label, want) => expect(convertFieldLabel(kind, label)).toBe(want));

  it.each<[string, string, string]>([
    ['Pod', 'foo', 'field label not supported: foo'],
    ['Pod', 'status.hostIP', 'field label not supported: status.hostIP'],
    ['Node', 'metadata.namespace', 'field label not supported: metadata.namespace'],
    ['Namespace', 'name', 'field label not supported: name'],
    ['Event', 'message', 'field label not supported: message'],
    ['Job', 'status.active', 'field label "status.active" not supported for Job'],
    ['ReplicaSet', 'status.replicas', '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['Ingress', 'foo.bar', '"foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['deployments', 'spec.replicas', '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
  ])('%s %s rejected', (kind, label, msg) => {
    expect(() => convertFieldLabel(kind, label)).toThrow(FieldSelectorError);
    expect(() => convertFieldLabel(kind, label)).toThrow(msg);
  });

  it('validates every term, first failure in sorted order wins', () => {
    expect(() => fieldSelectorForKind('Pod', 'zzz=1,aaa=2')).toThrow('field label not supported: aaa');
    expect(fieldSelectorForKind('Pod', 'spec.host=n1').string()).toBe('spec.nodeName=n1');
  });
});

const pod = {
  metadata: { name: 'web-1', namespace: 'default' },
  spec: { nodeName: 'node-a', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'default' },
  status: { phase: 'Running', podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }, { ip: 'fd00::5' }] },
};

describe('fieldsForKind (strategy.go selectable fields)', () => {
  it('pods', () => {
    expect(fieldsForKind('Pod', pod)).toEqual({
      'metadata.name': 'web-1',
      'metadata.namespace': 'default',
      'spec.nodeName': 'node-a',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.serviceAccountName': 'default',
      'spec.hostNetwork': 'false',
      'status.phase': 'Running',
      'status.podIP': '10.0.0.5',
      'status.nominatedNodeName': '',
    });
    expect(fieldsForKind('pods', { spec: { hostNetwork: true }, status: { podIP: '1.2.3.4' } })).toMatchObject({
      'spec.hostNetwork': 'true',
      'status.podIP': '1.2.3.4',
      'metadata.name': '',
    });
  });
  it('events', () => {
    const ev = {
      metadata: { name: 'e1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: 'u1', apiVersion: 'v1', fieldPath: 'spec.containers{c}' },
      reason: 'Pulled',
      type: 'Normal',
      reportingComponent: 'kubelet',
    };
    expect(fieldsForKind('Event', ev)).toMatchObject({
      'involvedObject.kind': 'Pod',
      'involvedObject.uid': 'u1',
      'involvedObject.resourceVersion': '',
      'involvedObject.fieldPath': 'spec.containers{c}',
      reason: 'Pulled',
      type: 'Normal',
      source: 'kubelet', // falls back to reportingController when source.component is empty
      reportingComponent: 'kubelet',
    });
    expect(fieldsForKind('Event', { ...ev, source: { component: 'default-scheduler' } }).source).toBe('default-scheduler');
  });
  it.each<[string, unknown, Record<string, string>]>([
    ['Node', { metadata: { name: 'n1' }, spec: { unschedulable: true } }, { 'metadata.name': 'n1', 'spec.unschedulable': 'true' }],
    ['Namespace', { metadata: { name: 'ns' }, status: { phase: 'Active' } }, { 'metadata.name': 'ns', 'status.phase': 'Active', name: 'ns' }],
    ['Secret', { metadata: { name: 's', namespace: 'd' }, type: 'Opaque' }, { 'metadata.name': 's', 'metadata.namespace': 'd', type: 'Opaque' }],
    ['ReplicaSet', { metadata: { name: 'r', namespace: 'd' }, status: { replicas: 3 } }, { 'metadata.name': 'r', 'metadata.namespace': 'd', 'status.replicas': '3' }],
    ['ReplicationController', { metadata: { name: 'r', namespace: 'd' } }, { 'metadata.name': 'r', 'metadata.namespace': 'd', 'status.replicas': '0' }],
    ['Service', { metadata: { name: 's', namespace: 'd' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.1' } }, { 'metadata.name': 's', 'metadata.namespace': 'd', 'spec.type': 'ClusterIP', 'spec.clusterIP': '10.96.0.1' }],
    ['Job', { metadata: { name: 'j', namespace: 'd' }, status: { succeeded: 2 } }, { 'metadata.name': 'j', 'metadata.namespace': 'd', 'status.successful': '2' }],
    ['ConfigMap', { metadata: { name: 'c', namespace: 'd' } }, { 'metadata.name': 'c', 'metadata.namespace': 'd' }],
    ['PersistentVolume', { metadata: { name: 'pv' } }, { 'metadata.name': 'pv' }],
  ])('%s', (kind, obj, want) => expect(fieldsForKind(kind, obj)).toEqual(want));
});

describe('end to end (list filtering)', () => {
  it.each<[string, string, boolean]>([
    ['status.phase=Running', 'Pod', true],
    ['status.phase!=Running', 'Pod', false],
    ['spec.nodeName=node-a,metadata.namespace=default', 'Pod', true],
    ['spec.host=node-b', 'Pod', false],
    ['status.podIPs=10.0.0.5', 'Pod', false], // accepted label, but not in the field set: reads as ""
    ['status.podIPs=', 'Pod', true],
    ['metadata.name==web-1', 'Pod', true],
  ])('%s on a %s: %s', (sel, kind, want) => {
    expect(matchesFields(fieldSelectorForKind(kind, sel), kind, pod)).toBe(want);
  });
});

describe('compatibility forms', () => {
  it('matches accepts a plain field set', () => {
    expect(parseFieldSelector('a=1,b!=2').matches({ a: '1' })).toBe(true);
    expect(parseFieldSelector('constructor=x').matches({})).toBe(false);
  });
  it('fieldsForKind validates labels when given a selector', () => {
    expect(() => fieldsForKind('Pod', pod, parseFieldSelector('foo=1'))).toThrow('field label not supported: foo');
    expect(fieldsForKind('Pod', pod, parseFieldSelector('status.phase=Running'))['status.phase']).toBe('Running');
  });
});
