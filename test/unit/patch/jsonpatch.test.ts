import { describe, expect, it } from 'vitest';
import { applyJsonPatch, JsonPatchError, type JsonPatchOperation } from '../../../src/api/patch/index.js';
import type { JsonValue } from '../../../src/api/types.js';
import { fixtures, frozen, sorted } from './helpers.js';

const doc = { foo: 'bar', baz: ['qux', 'quux'], obj: { 'a/b': 1, 'm~n': 2 } };

// RFC 6902 section 4 / appendix A behaviour.
const ok: [string, JsonPatchOperation[], JsonValue][] = [
  ['add object member', [{ op: 'add', path: '/new', value: 1 }], { ...doc, new: 1 }],
  ['add array element', [{ op: 'add', path: '/baz/1', value: 'x' }], { ...doc, baz: ['qux', 'x', 'quux'] }],
  ['add to array end with -', [{ op: 'add', path: '/baz/-', value: 'x' }], { ...doc, baz: ['qux', 'quux', 'x'] }],
  ['add replaces an existing member', [{ op: 'add', path: '/foo', value: [1] }], { ...doc, foo: [1] }],
  ['remove member', [{ op: 'remove', path: '/foo' }], { baz: doc.baz, obj: doc.obj }],
  ['remove array element', [{ op: 'remove', path: '/baz/0' }], { ...doc, baz: ['quux'] }],
  ['replace', [{ op: 'replace', path: '/foo', value: 'x' }], { ...doc, foo: 'x' }],
  ['replace of a missing member adds it (evanphx v4)', [{ op: 'replace', path: '/zz', value: 1 }], { ...doc, zz: 1 }],
  ['move', [{ op: 'move', from: '/foo', path: '/obj/foo' }], { baz: doc.baz, obj: { ...doc.obj, foo: 'bar' } }],
  ['move array element', [{ op: 'move', from: '/baz/0', path: '/baz/-' }], { ...doc, baz: ['quux', 'qux'] }],
  ['copy is deep', [{ op: 'copy', from: '/obj', path: '/o2' }, { op: 'replace', path: '/o2/a~1b', value: 9 }], { ...doc, o2: { 'a/b': 9, 'm~n': 2 } }],
  ['copy from a missing member gives null (evanphx v4)', [{ op: 'copy', from: '/nope', path: '/c' }], { ...doc, c: null }],
  ['test passes, then add', [{ op: 'test', path: '/baz', value: ['qux', 'quux'] }, { op: 'add', path: '/t', value: true }], { ...doc, t: true }],
  ['test null against a missing member passes', [{ op: 'test', path: '/nope', value: null }], doc],
  ['~1 and ~0 escapes', [{ op: 'remove', path: '/obj/a~1b' }, { op: 'replace', path: '/obj/m~0n', value: 3 }], { ...doc, obj: { 'm~n': 3 } }],
  ['negative index counts from the end', [{ op: 'replace', path: '/baz/-1', value: 'last' }], { ...doc, baz: ['qux', 'last'] }],
  ['replace the whole document', [{ op: 'replace', path: '', value: { a: 1 } }], { a: 1 }],
  ['add without value adds null', [{ op: 'add', path: '/n' }], { ...doc, n: null }],
];

const errors: [string, JsonPatchOperation[], string][] = [
  ['add to a missing parent', [{ op: 'add', path: '/spec/foo/bar', value: 1 }], 'add operation does not apply: doc is missing path: "/spec/foo/bar": missing value'],
  ['remove a missing member', [{ op: 'remove', path: '/spec' }], "error in remove for path: '/spec': Unable to remove nonexistent key: spec: missing value"],
  ['replace past the array end', [{ op: 'replace', path: '/baz/5', value: 1 }], 'replace operation does not apply: doc is missing key: /baz/5: missing value'],
  ['replace under a missing parent', [{ op: 'replace', path: '/spec/x', value: 1 }], 'replace operation does not apply: doc is missing path: /spec/x: missing value'],
  ['add past the array end', [{ op: 'add', path: '/baz/3', value: 1 }], "error in add for path: '/baz/3': Unable to access invalid index: 3: invalid index referenced"],
  ['add at a non-index', [{ op: 'add', path: '/baz/x', value: 1 }], `error in add for path: '/baz/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`],
  ['failed test', [{ op: 'test', path: '/foo', value: 'nope' }], 'testing value /foo failed: test failed'],
  ['move from a missing member', [{ op: 'move', from: '/x', path: '/y' }], "error in move for path: 'x': Unable to remove nonexistent key: x: missing value"],
  ['move into its own child', [{ op: 'move', from: '/obj', path: '/obj/x' }], 'move operation does not apply: doc is missing destination path: /obj/x: missing value'],
  ['unknown op', [{ op: 'bogus', path: '/foo' }], 'Unexpected kind: bogus'],
  ['missing path', [{ op: 'add', value: 1 }], 'add operation failed to decode path: missing value'],
  ['add at the root', [{ op: 'add', path: '', value: {} }], 'add operation does not apply: doc is missing path: "": missing value'],
];

describe('applyJsonPatch', () => {
  it.each(ok)('%s', (_d, ops, want) => {
    expect(applyJsonPatch(frozen(structuredClone(doc)), frozen(ops))).toEqual(want);
  });

  it.each(errors)('error: %s', (_d, ops, message) => {
    expect(() => applyJsonPatch(doc, ops)).toThrow(JsonPatchError);
    expect(() => applyJsonPatch(doc, ops)).toThrow(message);
  });

  it('fails atomically: an error leaves the input untouched and returns nothing', () => {
    const input = structuredClone(doc);
    expect(() => applyJsonPatch(input, [{ op: 'remove', path: '/foo' }, { op: 'remove', path: '/nope' }])).toThrow();
    expect(input).toEqual(doc);
  });

  it('rejects a patch that is not an array', () => {
    expect(() => applyJsonPatch(doc, { op: 'add' } as JsonValue)).toThrow('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  });

  describe('matches kubectl 1.36.3 `patch --local --type json`', () => {
    it.each(fixtures.json.map((c) => [c.name, c] as const))('%s', (_n, c) => {
      if (c.error === undefined) {
        expect(sorted(applyJsonPatch(frozen(c.doc), frozen(c.patch)))).toEqual(c.result);
        return;
      }
      // kubectl's patch command rewords the library's "doc is missing key" error; undo that.
      const m = /^Object to be patched is missing field \((.*)\)$/.exec(c.error);
      const want = m ? `replace operation does not apply: doc is missing key: ${m[1]}` : c.error;
      expect(() => applyJsonPatch(c.doc, c.patch)).toThrow(want);
    });
  });
});
