import { describe, expect, it } from 'vitest';
import {
  SelectorParseError,
  everything,
  formatLabelSelector,
  formatLabels,
  goQuote,
  isQualifiedName,
  isValidLabelValue,
  labelSelectorAsSelector,
  newRequirement,
  nothing,
  parseSelector,
  selectorFromSet,
  selectorFromValidatedSet,
  type Operator,
} from '../../../src/api/labels.js';

const KEY_REGEX_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_REGEX_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function parseError(s: string): string {
  try {
    parseSelector(s);
  } catch (e) {
    expect(e).toBeInstanceOf(SelectorParseError);
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(s)} to fail`);
}

describe('formatLabels', () => {
  it.each([
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ b: '2', a: '1' }, 'a=1,b=2'],
  ])('%j -> %s', (l, want) => expect(formatLabels(l)).toBe(want));
});

describe('parseSelector (selector_test.go TestSelectorParse)', () => {
  // Good strings restring to themselves with spaces removed.
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5'])(
    'good %j',
    (s) => expect(parseSelector(s).string()).toBe(s.replace(/ /g, '')),
  );
  it.each(['x=a||y=b', 'x==a==b', '!x=a', 'x<a'])('bad %j', (s) => {
    expect(() => parseSelector(s)).toThrow(SelectorParseError);
  });
  it('is deterministic (TestDeterministicParse)', () => {
    expect(parseSelector('x=a,a=x').string()).toBe(parseSelector('a=x,x=a').string());
    expect(parseSelector('x=a,a=x').string()).toBe('a=x,x=a');
  });
});

describe('matching (TestSelectorMatches)', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x<1', { x: '2' }, false],
    ['foo=bar', { foo: 'bar', baz: 'blah' }, true],
    ['baz=blah', { foo: 'bar', baz: 'blah' }, true],
    ['foo=bar,baz=blah', { foo: 'bar', baz: 'blah' }, true],
    ['foo=blah', { foo: 'bar', baz: 'blah' }, false],
    ['baz=bar', { foo: 'bar', baz: 'blah' }, false],
    ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }, false],
    // set-based and edge semantics
    ['x in (a,b)', { x: 'b' }, true],
    ['x in (a,b)', {}, false],
    ['x notin (a,b)', {}, true],
    ['x notin (a,b)', { x: 'a' }, false],
    ['x!=a', {}, true],
    ['x in ()', { x: '' }, true],
    ['x>1', { x: 'v2' }, false],
    ['x>1', {}, false],
    ['x<9223372036854775807', { x: '-9223372036854775808' }, true],
    ['x>1', { x: '9223372036854775808' }, false], // out of int64 range: ParseInt fails
    ['x=a,x=b', { x: 'a' }, false],
  ])('%j matches %j: %s', (sel, labels, want) => expect(parseSelector(sel).matches(labels)).toBe(want));

  it('treats undefined labels as empty', () => {
    expect(parseSelector('!x').matches(undefined)).toBe(true);
    expect(parseSelector('x').matches(undefined)).toBe(false);
  });
  it('does not look at the prototype', () => {
    expect(parseSelector('constructor').matches({})).toBe(false);
    expect(parseSelector('constructor=x').matches({ constructor: 'x' })).toBe(true);
  });
});

describe('TestSetSelectorParser vectors', () => {
  it.each<[string, string]>([
    ['\rx', 'x'],
    ['this-is-a-dns.domain.com/key-with-dash', 'this-is-a-dns.domain.com/key-with-dash'],
    ['this-is-another-dns.domain.com/key-with-dash in (so,what)', 'this-is-another-dns.domain.com/key-with-dash in (so,what)'],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)'],
    ['foo  in\t (abc)', 'foo in (abc)'],
    ['x notin\n (abc)', 'x notin (abc)'],
    ['x  notin\t\t\t(abc,def)', 'x notin (abc,def)'],
    ['x in (abc,def)', 'x in (abc,def)'],
    ['x in (abc,)', 'x in (,abc)'],
    ['x in ()', 'x in ()'],
    // (an old copy of the upstream test listed "" among x's values; the current parser does not add it)
    ['x notin (abc,def),bar,z in (),w', 'bar,w,x notin (abc,def),z in ()'],
    ['x,y in (a)', 'x,y in (a)'],
    ['x,y', 'x,y'],
    ['x=a', 'x=a'],
    ['x>1', 'x>1'],
    ['x<7', 'x<7'],
    ['x=a,y!=b', 'x=a,y!=b'],
    ['x=a,y!=b,z in (h,i,j)', 'x=a,y!=b,z in (h,i,j)'],
    ['x notin ( )', 'x notin ()'],
    ['x notin (, a)', 'x notin (,a)'],
    ['a ', 'a'],
    ['a in (x,y,notin, z,in)', 'a in (in,notin,x,y,z)'],
    ['x in (b,a,b)', 'x in (a,b)'],
    ['x==a', 'x==a'],
    ['x in (,,a)', 'x in (,a)'],
  ])('%j -> %j', (s, want) => expect(parseSelector(s).string()).toBe(want));

  it('keeps requirement details', () => {
    const sel = parseSelector('x notin (abc,def),bar,z in (),w');
    expect(sel.requirements.map((r) => [r.key, r.operator, [...r.values]])).toEqual([
      ['bar', 'exists', []],
      ['w', 'exists', []],
      ['x', 'notin', ['abc', 'def']],
      ['z', 'in', ['']],
    ]);
    expect(sel.empty()).toBe(false);
    expect(parseSelector('').empty()).toBe(true);
  });
});

describe('parse error messages', () => {
  it.each<[string, string]>([
    [',x,y', "found ',', expected: !, identifier, or 'end of string'"],
    ['x,,y', "found ',', expected: identifier after ','"],
    ['a in (xyz),', "found '', expected: identifier after ','"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['=', "found '=', expected: !, identifier, or 'end of string'"],
    ['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['x nott in (y)', 'unable to parse requirement: found \'nott\', expected: in, notin, =, ==, !=, gt, lt'],
    ['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['a in x', "unable to parse requirement: found 'x' expected: '('"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (x,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['x=(', "unable to parse requirement: found '(', expected: identifier"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['! =x', "unable to parse requirement: found '=', expected: identifier"],
    ['!=x', "found '!=', expected: !, identifier, or 'end of string'"],
    ['x<a', "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${VALUE_REGEX_MSG}`],
    ['x>-1', `unable to parse requirement: values[0][x]: Invalid value: "-1": ${VALUE_REGEX_MSG}`],
    ['app_=x', `unable to parse requirement: <nil>: Invalid value: "app_": name part ${KEY_REGEX_MSG}`],
    ['/x', 'unable to parse requirement: <nil>: Invalid value: "/x": prefix part must be non-empty'],
    ['a/', `unable to parse requirement: <nil>: Invalid value: "a/": name part must be non-empty; name part ${KEY_REGEX_MSG}`],
    [
      'a/b/c',
      `unable to parse requirement: <nil>: Invalid value: "a/b/c": a valid label key ${KEY_REGEX_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
    [
      'Ex.com/x',
      "unable to parse requirement: <nil>: Invalid value: \"Ex.com/x\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    [`x=${'a'.repeat(64)}`, `unable to parse requirement: values[0][x]: Invalid value: "${'a'.repeat(64)}": must be no more than 63 bytes`],
    ['x=\u00e9', `unable to parse requirement: values[0][x]: Invalid value: "\u00e9": ${VALUE_REGEX_MSG}`],
    ['x=a\u0001', `unable to parse requirement: values[0][x]: Invalid value: "a\\x01": ${VALUE_REGEX_MSG}`],
  ])('%j', (s, msg) => expect(parseError(s)).toBe(msg));

  it('reports long keys', () => {
    expect(parseError(`${'a'.repeat(64)}`)).toBe(
      `unable to parse requirement: <nil>: Invalid value: "${'a'.repeat(64)}": name part must be no more than 63 bytes`,
    );
  });
  it("treats NUL like Go's lexer (end of input only where a token starts)", () => {
    expect(parseSelector('x \u0000garbage((').string()).toBe('x');
    expect(parseError('x\u0000y')).toBe("unable to parse requirement: found 'y', expected: in, notin, =, ==, !=, gt, lt");
  });
});

describe('validation helpers', () => {
  it.each([
    ['a', 0],
    ['1foo', 0],
    ['1234', 0],
    ['example.com/a-b_c.d', 0],
    [`${'a'.repeat(253)}/x`, 0], // the subdomain regex does not limit single labels to 63
    [`${'a'.repeat(254)}/x`, 1],
    ['-a', 1],
    ['', 2],
  ])('isQualifiedName(%j) has %d problems', (k, n) => expect(isQualifiedName(k).length).toBe(n));
  it.each([
    ['', 0],
    ['a', 0],
    ['a-b', 0],
    ['-a', 1],
    ['a'.repeat(64), 1],
    ['-'.repeat(64), 2],
  ])('isValidLabelValue(%j) has %d problems', (v, n) => expect(isValidLabelValue(v).length).toBe(n));
  it('quotes like strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\t\u0007\u00e9\u200b')).toBe('"a\\"b\\\\c\\n\\t\\a\u00e9\\u200b"');
  });
});

describe('newRequirement (TestRequirementConstructor)', () => {
  it.each<[string, Operator, string[] | null, boolean]>([
    ['x', 'in', null, false],
    ['x', 'notin', [], false],
    ['x', 'in', ['foo'], true],
    ['x', 'notin', ['foo'], true],
    ['x', 'exists', null, true],
    ['x', '!', null, true],
    ['1foo', 'in', ['bar'], true],
    ['1234', 'in', ['bar'], true],
    ['y', 'gt', ['1'], true],
    ['z', 'lt', ['6'], true],
    ['foo', 'gt', ['bar'], false],
    ['barz', 'lt', ['blah'], false],
    ['a'.repeat(254), 'exists', null, false],
  ])('%s %s %j ok=%s', (k, op, vals, ok) => {
    if (ok) expect(() => newRequirement(k, op, vals)).not.toThrow();
    else expect(() => newRequirement(k, op, vals)).toThrow(SelectorParseError);
  });

  it.each<[string, Operator, string[] | null, string]>([
    ['x', 'in', null, "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    ['x', 'notin', [], "values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty"],
    ['x', '=', ['a', 'b'], 'values: Invalid value: ["a","b"]: exact-match compatibility requires one single value'],
    [
      'x',
      'exists',
      ['<a>'],
      `[values: Invalid value: ["\\u003ca\\u003e"]: values set must be empty for exists and does not exist, values[0][x]: Invalid value: "<a>": ${VALUE_REGEX_MSG}]`,
    ],
    [
      'x',
      'gt',
      ['-a'],
      `[values[0]: Invalid value: "-a": for 'Gt', 'Lt' operators, the value must be an integer, values[0][x]: Invalid value: "-a": ${VALUE_REGEX_MSG}]`,
    ],
    ['x', 'gt', ['1', '2'], "values: Invalid value: [\"1\",\"2\"]: for 'Gt', 'Lt' operators, exactly one value is required"],
    ['-k', '=', ['v'], `key: Invalid value: "-k": name part ${KEY_REGEX_MSG}`],
  ])('%s %s %j -> error', (k, op, vals, msg) => expect(() => newRequirement(k, op, vals)).toThrow(msg));
});

describe('Requirement.String (TestToString)', () => {
  const sel = (...rs: [string, Operator, string[]][]) => rs.map(([k, o, v]) => newRequirement(k, o, v).string()).join(',');
  it.each<[string, string]>([
    [sel(['x', 'in', ['abc', 'def']], ['y', 'notin', ['jkl']], ['z', 'exists', []]), 'x in (abc,def),y notin (jkl),z'],
    [sel(['x', 'notin', ['abc', 'def']], ['y', '!=', ['jkl']], ['z', '!', []]), 'x notin (abc,def),y!=jkl,!z'],
    [sel(['x', 'notin', ['abc']], ['y', 'in', ['jkl', 'mno']], ['z', 'notin', ['']]), 'x notin (abc),y in (jkl,mno),z notin ()'],
    [sel(['x', '=', ['abc']], ['y', '==', ['jkl']], ['z', '!=', ['a']], ['z', 'exists', []]), 'x=abc,y==jkl,z!=a,z'],
    [sel(['x', 'gt', ['2']], ['y', 'lt', ['8']], ['z', 'exists', []]), 'x>2,y<8,z'],
    [sel(['x', 'in', ['def', 'abc']]), 'x in (abc,def)'], // safeSort on output only
  ])('%s', (got, want) => expect(got).toBe(want));

  it('does not mutate value order', () => {
    const r = newRequirement('x', 'in', ['b', 'a']);
    expect(r.string()).toBe('x in (a,b)');
    expect([...r.values]).toEqual(['b', 'a']);
  });
});

describe('TestRequirementSelectorMatching', () => {
  const r = (k: string, o: Operator, v: string[]) => newRequirement(k, o, v);
  it.each<[Record<string, string>, ReturnType<typeof r>[], boolean]>([
    [{ x: 'foo', y: 'baz' }, [r('x', 'in', ['foo']), r('y', 'notin', ['alpha'])], true],
    [{ x: 'foo', y: 'baz' }, [r('x', 'in', ['foo']), r('y', 'in', ['alpha'])], false],
    [{ y: '' }, [r('x', 'notin', ['']), r('y', 'exists', [])], true],
    [{ y: '' }, [r('x', '!', []), r('y', 'exists', [])], true],
    [{ y: '' }, [r('x', 'notin', ['']), r('y', '!', [])], false],
    [{ y: 'baz' }, [r('x', 'in', [''])], false],
    [{ z: '2' }, [r('z', 'gt', ['1'])], true],
    [{ z: 'v2' }, [r('z', 'gt', ['1'])], false],
  ])('%j', (labels, reqs, want) => expect(reqs.every((q) => q.matches(labels))).toBe(want));
});

describe('selectorFromSet (TestSetMatches)', () => {
  const labelset = { foo: 'bar', baz: 'blah' };
  it.each<[Record<string, string>, boolean]>([
    [{}, true],
    [{ foo: 'bar' }, true],
    [{ baz: 'blah' }, true],
    [{ foo: 'bar', baz: 'blah' }, true],
    [{ foo: 'bar', foobar: 'bar' }, false],
  ])('%j', (set, want) => expect(selectorFromSet(set).matches(labelset)).toBe(want));

  it('is Everything for nil/empty and sorted otherwise', () => {
    expect(selectorFromSet(undefined).empty()).toBe(true);
    expect(selectorFromSet({}).empty()).toBe(true);
    expect(selectorFromSet({ b: '2', a: '1' }).string()).toBe('a=1,b=2');
  });
  it('validates (ValidatedSelectorFromSet)', () => {
    expect(() => selectorFromSet({ foo: '=blah' })).toThrow(`values[0][foo]: Invalid value: "=blah": ${VALUE_REGEX_MSG}`);
    expect(selectorFromValidatedSet({ foo: '=blah' }).matches(labelset)).toBe(false);
    expect(selectorFromValidatedSet({ foo: '=blah' }).string()).toBe('foo==blah');
  });
});

describe('Everything / Nothing', () => {
  it('behave like labels.Everything() and labels.Nothing()', () => {
    expect(everything().matches({ x: 'y' })).toBe(true);
    expect(everything().empty()).toBe(true);
    expect(nothing().matches({ x: 'y' })).toBe(false);
    expect(nothing().matches({})).toBe(false);
    expect(nothing().empty()).toBe(false);
    expect(nothing().string()).toBe('');
  });
});

describe('labelSelectorAsSelector / formatLabelSelector', () => {
  it('nil is Nothing, empty is Everything', () => {
    expect(labelSelectorAsSelector(null).matches({ a: 'b' })).toBe(false);
    expect(labelSelectorAsSelector(undefined).empty()).toBe(false);
    expect(labelSelectorAsSelector({}).matches({ a: 'b' })).toBe(true);
    expect(labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] }).empty()).toBe(true);
  });

  it.each<[Parameters<typeof formatLabelSelector>[0], string]>([
    [null, '<none>'],
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ matchLabels: { app: 'web' } }, 'app=web'],
    [{ matchLabels: { tier: 'fe', app: 'web', 'pod-template-hash': '7854ff8877' } }, 'app=web,pod-template-hash=7854ff8877,tier=fe'],
    [
      {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'env', operator: 'NotIn', values: ['prod', 'dev'] },
          { key: 'zone', operator: 'In', values: ['b', 'a'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'team', operator: 'Exists', values: [] },
        ],
      },
      'app=web,!canary,env notin (dev,prod),team,zone in (a,b)',
    ],
    [{ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, '<error>'],
    [{ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, '<error>'],
    [{ matchLabels: { 'bad key': 'x' } }, '<error>'],
  ])('%j -> %s', (sel, want) => expect(formatLabelSelector(sel)).toBe(want));

  it('reports upstream operator and field errors', () => {
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] })).toThrow(
      '"Gt" is not a valid label selector operator',
    );
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] })).toThrow(
      "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    );
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })).toThrow(
      'values: Invalid value: ["x"]: values set must be empty for exists and does not exist',
    );
  });

  it('matches like the selector it describes', () => {
    const s = labelSelectorAsSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] });
    expect(s.matches({ app: 'web' })).toBe(true);
    expect(s.matches({ app: 'web', env: 'prod' })).toBe(false);
    expect(s.matches({ app: 'db' })).toBe(false);
  });
});
