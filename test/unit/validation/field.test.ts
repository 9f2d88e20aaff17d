import { describe, expect, it } from 'vitest';
import {
  OMIT_VALUE, type FieldError, aggregateMessage, duplicate, errorBody, errorString, forbidden,
  formatInvalidForKubectl, goJSON, goQuote, goStruct, invalid, invalidMessage, invalidStatus,
  kubectlInvalidText, newPath, notFound, notSupported, rawValue, renderBadValue, required, tooLong, tooMany,
} from '../../../src/api/validation/field.js';

describe('FieldPath (field/path.go)', () => {
  it.each([
    [newPath('metadata', 'name'), 'metadata.name'],
    [newPath('spec').child('template', 'spec').child('containers').index(0).child('image'), 'spec.template.spec.containers[0].image'],
    [newPath('metadata').child('labels').key('app'), 'metadata.labels[app]'],
    [newPath('data').key('my key/x'), 'data[my key/x]'],
    [newPath('spec', 'resources').key('storage'), 'spec.resources[storage]'],
    [newPath('a').index(1).index(2), 'a[1][2]'],
    // A root with an empty name prints as an empty subscript (ConfigMap size errors).
    [newPath(''), '[]'],
    [newPath('').child('x'), '[].x'],
  ])('%s', (p, want) => {
    expect(p.toString()).toBe(want);
  });
});

describe('goQuote (strconv.Quote)', () => {
  it.each([
    ['web', '"web"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\there\nnl', '"tab\\there\\nnl"'],
    ['\x01\x7f', '"\\x01\\x7f"'],
    ['Māori', '"Māori"'],
    ['\u00a0', '"\\u00a0"'],
    ['\u{1F600}', '"\u{1F600}"'],
    ['\u200b', '"\\u200b"'],
    ['', '""'],
  ])('%j', (s, want) => {
    expect(goQuote(s)).toBe(want);
  });
});

describe('goJSON (encoding/json)', () => {
  it.each<[unknown, string]>([
    [{ b: '1', a: 'x' }, '{"a":"x","b":"1"}'],
    [{ app: 'web' }, '{"app":"web"}'],
    [['10.0.0.1', '10.0.0.2'], '["10.0.0.1","10.0.0.2"]'],
    [null, 'null'],
    [undefined, 'null'],
    ['<a&b>', '"\\u003ca\\u0026b\\u003e"'],
    ['\b\f', '"\\b\\f"'],
    [{}, '{}'],
    [[], '[]'],
    [1.5, '1.5'],
  ])('%j', (v, want) => {
    expect(goJSON(v)).toBe(want);
  });

  it('renders Go structs in declaration order, skipping omitted fields', () => {
    expect(goJSON(goStruct([['matchLabels', { app: 'x' }], ['matchExpressions', undefined]]))).toBe('{"matchLabels":{"app":"x"}}');
    expect(goJSON(goStruct([['Type', 'Foo'], ['RollingUpdate', null]]))).toBe('{"Type":"Foo","RollingUpdate":null}');
  });
});

describe('renderBadValue (ErrorBody value rules)', () => {
  it.each<[unknown, string]>([
    ['nginx', '"nginx"'],
    [80, '80'],
    [-1, '-1'],
    [true, 'true'],
    [0.25, '0.25'],
    [1234567.5, '1.2345675e+06'],
    [0.00001, '1e-05'],
    [{ app: 'web' }, '{"app":"web"}'],
    [null, 'null'],
    [rawValue('core.Thing{}'), 'core.Thing{}'],
  ])('%j', (v, want) => {
    expect(renderBadValue(v)).toBe(want);
  });
});

describe('errorBody', () => {
  const p = newPath('spec', 'x');
  it.each<[FieldError, string]>([
    [required(p), 'Required value'],
    [required(p, 'name or generateName is required'), 'Required value: name or generateName is required'],
    [invalid(p, 'bad', 'must be foo'), 'Invalid value: "bad": must be foo'],
    [invalid(p, 0, 'must be between 1 and 65535, inclusive'), 'Invalid value: 0: must be between 1 and 65535, inclusive'],
    [invalid(p, { app: 'web' }, '`selector` does not match template `labels`'), 'Invalid value: {"app":"web"}: `selector` does not match template `labels`'],
    [invalid(p, null, 'field is immutable'), 'Invalid value: null: field is immutable'],
    [invalid(p, '', ''), 'Invalid value: ""'],
    [notSupported(p, 'Sometimes', ['Always', 'OnFailure', 'Never']), 'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    [notSupported(p, 'x', []), 'Unsupported value: "x"'],
    [forbidden(p, 'may not be set'), 'Forbidden: may not be set'],
    [duplicate(p, 'web'), 'Duplicate value: "web"'],
    [notFound(p, 'data'), 'Not found: "data"'],
    [tooLong(p, 262144), 'Too long: may not be more than 262144 bytes'],
    [tooLong(p, 1), 'Too long: may not be more than 1 byte'],
    [tooLong(p, -1), 'Too long: value is too long'],
    [tooMany(p, 25, 20), 'Too many: 25: must have at most 20 items'],
    [tooMany(p, -1, 1), 'Too many: must have at most 1 item'],
    [{ type: 'FieldValueInvalid', field: 'x', badValue: OMIT_VALUE, detail: 'd' }, 'Invalid value: d'],
  ])('%j', (e, want) => {
    expect(errorBody(e)).toBe(want);
  });

  it('Error() prefixes the field', () => {
    expect(errorString(required(newPath('spec', 'containers').index(0).child('image')))).toBe('spec.containers[0].image: Required value');
  });
});

const sel = invalid('spec.template.metadata.labels', { app: 'web' }, '`selector` does not match template `labels`');
const img = required('spec.template.spec.containers[0].image');

describe('invalidMessage (errors.NewInvalid)', () => {
  it('one cause', () => {
    expect(invalidMessage('Deployment', 'nginx', [sel], 'apps')).toBe(
      'Deployment.apps "nginx" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    );
  });
  it('several causes, duplicates dropped', () => {
    expect(invalidMessage('Pod', 'p', [img, sel, img])).toBe(
      'Pod "p" is invalid: [spec.template.spec.containers[0].image: Required value, spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`]',
    );
  });
  it('all duplicates collapse to a bare message', () => {
    expect(aggregateMessage([img, img])).toBe('spec.template.spec.containers[0].image: Required value');
  });
  it('quotes the name with %q', () => {
    expect(invalidMessage('ConfigMap', 'a"b', [img])).toMatch(/^ConfigMap "a\\"b" is invalid: /);
  });
});

describe('invalidStatus', () => {
  it('builds a 422 Status in metav1.Status field order', () => {
    const st = invalidStatus('Deployment', 'nginx', [img], 'apps');
    expect(JSON.stringify(st)).toBe(
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",' +
        '"message":"Deployment.apps \\"nginx\\" is invalid: spec.template.spec.containers[0].image: Required value",' +
        '"reason":"Invalid","details":{"name":"nginx","group":"apps","kind":"Deployment",' +
        '"causes":[{"reason":"FieldValueRequired","message":"Required value","field":"spec.template.spec.containers[0].image"}]},"code":422}',
    );
  });
  it('omits an empty group', () => {
    expect(Object.keys(invalidStatus('Pod', 'p', [img]).details)).toEqual(['name', 'kind', 'causes']);
  });
});

describe('formatInvalidForKubectl (kubectl checkErr)', () => {
  it('one cause on one line', () => {
    expect(formatInvalidForKubectl('Deployment', 'nginx', [sel])).toBe(
      'The Deployment "nginx" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`\n',
    );
  });
  it('several causes: header with trailing space, then "* " lines', () => {
    expect(formatInvalidForKubectl('Deployment', 'x', [img, sel, img])).toBe(
      'The Deployment "x" is invalid: \n' +
        '* spec.template.spec.containers[0].image: Required value\n' +
        '* spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`\n',
    );
  });
  it('works from Status details', () => {
    expect(kubectlInvalidText({ kind: 'Service', name: 's', causes: [{ field: 'spec.ports', message: 'Required value' }] })).toBe(
      'The Service "s" is invalid: spec.ports: Required value\n',
    );
    expect(kubectlInvalidText({ kind: 'Service', name: 's', causes: [] })).toBe('The Service "s" is invalid\n');
    expect(kubectlInvalidText({})).toBe('The request is invalid\n');
    expect(kubectlInvalidText(undefined)).toBe('The request is invalid\n');
  });
});
