// describe's multi-value printers: labels, annotations, taints, tolerations, pod names.
// Continuation lines start with the inner indent ("\t"), i.e. an empty first cell, so the values
// line up under the first one.

import { byteLen, byteSlice, keysSorted, obj, str, stableSort, arr, num, has, type Obj } from './fmt.js';
import { LEVEL_0, type Writer } from './prefix-writer.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/** printLabelsMultilineWithIndent (printLabelsMultiline when indents are defaulted). */
export function printLabelsMultiline(
  w: Writer,
  title: string,
  labels: unknown,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const m = obj(labels);
  const keys = keysSorted(m);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${str(m[key])}\n`);
  });
}

/** printAnnotationsMultiline: skips last-applied-configuration; long or multi-line values go below the key. */
export function printAnnotationsMultiline(w: Writer, title: string, annotations: unknown): void {
  w.write(LEVEL_0, `${title}:\t`);
  const m = obj(annotations);
  const keys = keysSorted(m).filter((k) => k !== LAST_APPLIED);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = str(m[key]).replace(/\n$/, '');
    if (byteLen(value) + byteLen(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split('\n')) {
        w.write(LEVEL_0, `${indent}  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return byteLen(s) > max ? byteSlice(s, max) + '...' : s;
}

/** Taint.ToString. */
export function taintString(t: Obj): string {
  const key = str(t.key);
  const value = str(t.value);
  const effect = str(t.effect);
  if (effect === '') return value === '' ? key : `${key}=${value}:`;
  return value === '' ? `${key}:${effect}` : `${key}=${value}:${effect}`;
}

/** printNodeTaintsMultiline: sorted by effect then key. */
export function printTaintsMultiline(w: Writer, title: string, taints: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = arr(taints).map(obj);
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const cmpKey = (t: Obj): string => `${str(t.effect)},${str(t.key)}`;
  stableSort(list, (a, b) => cmpKey(a) < cmpKey(b)).forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printPodTolerationsMultiline: `key[=value][:effect][ op=Exists][ for Ns]`, sorted by key. */
export function printTolerationsMultiline(
  w: Writer,
  title: string,
  tolerations: unknown,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = arr(tolerations).map(obj);
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  stableSort(list, (a, b) => str(a.key) < str(b.key)).forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    const key = str(t.key);
    const value = str(t.value);
    const effect = str(t.effect);
    w.write(LEVEL_0, key);
    if (value !== '') w.write(LEVEL_0, `=${value}`);
    if (effect !== '') w.write(LEVEL_0, `:${effect}`);
    // operator Exists with no value tolerates everything matching the key/effect
    if (str(t.operator) === 'Exists' && value === '') {
      w.write(LEVEL_0, key !== '' || effect !== '' ? ' op=Exists' : 'op=Exists');
    }
    if (has(t.tolerationSeconds)) w.write(LEVEL_0, ` for ${num(t.tolerationSeconds)}s`);
    w.write(LEVEL_0, '\n');
  });
}

/** printPodsMultiline: pod names sorted. */
export function printPodsMultiline(w: Writer, title: string, names: string[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (names.length === 0) {
    w.writeLine('<none>');
    return;
  }
  stableSort(names, (a, b) => a < b).forEach((name, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, '');
      w.write(LEVEL_0, '\t');
    }
    w.write(LEVEL_0, `${name}\n`);
  });
}
