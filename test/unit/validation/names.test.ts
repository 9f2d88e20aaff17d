import { describe, expect, it } from 'vitest';
import {
  NAME_RULES, isCIdentifier, isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain,
  isEnvVarName, isHTTPHeaderName, isQualifiedName, isRelaxedEnvVarName, isValidLabelValue, isValidPathSegmentName,
  isValidPercent, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNS1035Label, nameIsDNSLabel,
  nameIsDNSSubdomain, nameIsPathSegment, nameValidatorFor, regexError,
} from '../../../src/api/validation/names.js';

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const KEY_NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('regexError', () => {
  it('joins examples with upstream spacing', () => {
    expect(regexError('m', 'f')).toBe("m (regex used for validation is 'f')");
    expect(regexError('m', 'f', 'a', 'b')).toBe("m (e.g. 'a',  or 'b', regex used for validation is 'f')");
  });
});

describe('IsDNS1123Label', () => {
  it.each(['a', 'ab', 'a-1', '0', '1--a--b--2', 'a'.repeat(63)])('accepts %j', (v) => expect(isDNS1123Label(v)).toEqual([]));
  it.each<[string, string[]]>([
    ['', [LABEL_MSG]],
    ['A', [LABEL_MSG]],
    ['-a', [LABEL_MSG]],
    ['a_b', [LABEL_MSG]],
    ['a.b', ['must not contain dots']],
    ['a'.repeat(64), ['must be no more than 63 characters']],
    ['A'.repeat(64), ['must be no more than 63 characters', LABEL_MSG]],
  ])('rejects %j', (v, want) => expect(isDNS1123Label(v)).toEqual(want));
});

describe('IsDNS1123Subdomain', () => {
  it.each(['a', 'a.b.c', 'example.com', '1.2.3.4', 'a'.repeat(253)])('accepts %j', (v) => expect(isDNS1123Subdomain(v)).toEqual([]));
  it.each<[string, string[]]>([
    ['', [SUBDOMAIN_MSG]],
    ['Nginx', [SUBDOMAIN_MSG]],
    ['a..b', [SUBDOMAIN_MSG]],
    ['my_app', [SUBDOMAIN_MSG]],
    ['a'.repeat(254), ['must be no more than 253 characters']],
  ])('rejects %j', (v, want) => expect(isDNS1123Subdomain(v)).toEqual(want));
});

describe('IsDNS1035Label', () => {
  it.each(['a', 'my-svc', 'a1'])('accepts %j', (v) => expect(isDNS1035Label(v)).toEqual([]));
  it.each<[string, string[]]>([
    ['1abc', [DNS1035_MSG]],
    ['my.svc', [DNS1035_MSG]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
  ])('rejects %j', (v, want) => expect(isDNS1035Label(v)).toEqual(want));
});

describe('IsWildcardDNS1123Subdomain', () => {
  it('accepts *.example.com and rejects the rest', () => {
    expect(isWildcardDNS1123Subdomain('*.example.com')).toEqual([]);
    expect(isWildcardDNS1123Subdomain('*.*.bar.com')).toEqual([
      "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });
});

describe('IsQualifiedName (label keys)', () => {
  it.each(['app', 'app.kubernetes.io/name', 'Uppercase_Is_OK_123', 'a'.repeat(253) + '/' + 'b'.repeat(63)])('accepts %j', (v) =>
    expect(isQualifiedName(v)).toEqual([]));
  it.each<[string, string[]]>([
    ['-app', [KEY_NAME_MSG]],
    ['example.com/', ['name part must be non-empty', KEY_NAME_MSG]],
    ['/simple', ['prefix part must be non-empty']],
    ['Example.com/abc', ['prefix part ' + SUBDOMAIN_MSG]],
    ['a'.repeat(254) + '/abc', ['prefix part must be no more than 253 bytes']],
    ['a'.repeat(64), ['name part must be no more than 63 bytes']],
    [
      'only/one/slash',
      [
        "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    ],
  ])('rejects %j', (v, want) => expect(isQualifiedName(v)).toEqual(want));
});

describe('IsValidLabelValue', () => {
  it.each(['', 'web', 'my_value', '1234', 'a'.repeat(63)])('accepts %j', (v) => expect(isValidLabelValue(v)).toEqual([]));
  it.each<[string, string[]]>([
    ['-web', [VALUE_MSG]],
    ['a b', [VALUE_MSG]],
    ['Tama-nui-te-rā', [VALUE_MSG]],
    ['a'.repeat(64), ['must be no more than 63 bytes']],
  ])('rejects %j', (v, want) => expect(isValidLabelValue(v)).toEqual(want));
});

describe('env var names, C identifiers, config keys', () => {
  it('relaxed env var names (the rule the API server applies)', () => {
    expect(isRelaxedEnvVarName('1-A b:c')).toEqual([]);
    expect(isRelaxedEnvVarName('A=B')).toEqual(["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
    expect(isRelaxedEnvVarName('naïve')).toEqual(["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
  });
  it('strict env var names', () => {
    expect(isEnvVarName('MY_VAR.x-y')).toEqual([]);
    expect(isEnvVarName('1A')).toEqual([
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    ]);
    expect(isEnvVarName('..x')).toEqual(["must not start with '..'"]);
  });
  it('C identifiers', () => {
    expect(isCIdentifier('_ok1')).toEqual([]);
    expect(isCIdentifier('1x')).toEqual([
      "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')",
    ]);
  });
  it.each<[string, string[]]>([
    ['.so.is.this', []],
    ['THIS_IS_GOOD', []],
    ['.', ["must not be '.'"]],
    ['..', ["must not be '..'"]],
    ['..bad', ["must not start with '..'"]],
    ['b*d', ["a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]],
  ])('IsConfigMapKey %j', (v, want) => expect(isConfigMapKey(v)).toEqual(want));
});

describe('ports', () => {
  it.each([1, 80, 65535])('port %d is valid', (p) => expect(isValidPortNum(p)).toEqual([]));
  it.each([0, -1, 65536])('port %d is not', (p) => expect(isValidPortNum(p)).toEqual(['must be between 1 and 65535, inclusive']));
  it.each<[string, string[]]>([
    ['http', []],
    ['re-mail-ck', []],
    ['longerthan15characters', ['must be no more than 15 characters']],
    ['12345', ['must contain at least one letter (a-z)']],
    ['HTTP', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
    ['two--hyphens', ['must not contain consecutive hyphens']],
    ['-begin', ['must not begin or end with a hyphen']],
    ['', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
  ])('IsValidPortName %j', (v, want) => expect(isValidPortName(v)).toEqual(want));
});

describe('misc formats', () => {
  it('percent', () => {
    expect(isValidPercent('25%')).toEqual([]);
    expect(isValidPercent('25')).toEqual(["a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"]);
  });
  it('HTTP header names', () => {
    expect(isHTTPHeaderName('X-Forwarded-For')).toEqual([]);
    expect(isHTTPHeaderName('Host:')).toHaveLength(1);
  });
  it('path segment names', () => {
    expect(isValidPathSegmentName('ok:name')).toEqual([]);
    expect(isValidPathSegmentName('..')).toEqual(["may not be '..'"]);
    expect(isValidPathSegmentName('a/b%c')).toEqual(["may not contain '/'", "may not contain '%'"]);
  });
});

describe('name validators per kind', () => {
  it('maps kinds to rules', () => {
    expect(nameValidatorFor('Service')).toBe(nameIsDNS1035Label);
    expect(nameValidatorFor('Namespace')).toBe(nameIsDNSLabel);
    expect(nameValidatorFor('StatefulSet')).toBe(nameIsDNSLabel);
    expect(nameValidatorFor('Deployment')).toBe(nameIsDNSSubdomain);
    expect(nameValidatorFor('Pod')).toBe(nameIsDNSSubdomain);
    expect(nameValidatorFor('ClusterRole')).toBe(nameIsPathSegment);
    expect(nameValidatorFor('Widget')).toBe(nameIsPathSegment);
    expect(NAME_RULES['ConfigMap']).toBe(nameIsDNSSubdomain);
  });
  it('generateName prefixes: a trailing dash is masked (two chars become "a")', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toEqual([SUBDOMAIN_MSG]);
    expect(nameIsDNSSubdomain('Web-', true)).toEqual([SUBDOMAIN_MSG]);
    expect(nameIsDNS1035Label('1-', true)).toEqual([]);
    expect(nameIsPathSegment('a/', true)).toEqual(["may not contain '/'"]);
  });
});
