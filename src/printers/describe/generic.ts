// kubectl's genericDescriber: for kinds without a dedicated describer (CRDs, Events, Leases...),
// every field of the object is printed with "smart" labels (apiVersion -> "API Version").

import type { KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { goValue, keysSorted, obj, str, type Obj } from './fmt.js';
import type { DescribeContext } from './index.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { LEVEL_0, tabbedString, type Writer } from './prefix-writer.js';

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
const ACRONYMS = new Set(['API', 'URL', 'UID', 'GUID']);

const isLower = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();
const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isDigit = (c: string): boolean => /\p{Nd}/u.test(c);
const isLetter = (c: string): boolean => /\p{L}/u.test(c);

/** fatih/camelcase.Split: runs of lower/upper/digit/other, with "PDFLoader" -> PDF, Loader. */
export function camelSplit(src: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const ch of src) {
    const cls = isLower(ch) ? 1 : isUpper(ch) ? 2 : isDigit(ch) ? 3 : 4;
    if (cls === last && runs.length > 0) runs[runs.length - 1]!.push(ch);
    else runs.push([ch]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const cur = runs[i]!;
    const next = runs[i + 1]!;
    if (isUpper(cur[0]!) && isLower(next[0]!)) {
      next.unshift(cur.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: "apiVersion" -> "API Version", "creationTimestamp" -> "Creation Timestamp". */
export function smartLabelFor(field: string): string {
  // fields with anything but letters and '-' are printed as-is
  for (const ch of field) if (!isLetter(ch) && ch !== '-') return field;
  const parts = camelSplit(field);
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    const allUpper = [...part].every((c) => !isLetter(c) || isUpper(c));
    // an acronym run followed by a capitalised run is one word again ("CIDRs")
    if (next !== undefined && part.length >= 2 && allUpper && next.length > 0 && isUpper(next[0]!)) {
      merged.push(part + next);
      i++;
      continue;
    }
    merged.push(part);
  }
  return merged
    .filter((p) => p !== '_')
    .map((p) => {
      if (ACRONYMS.has(p.toUpperCase())) return p.toUpperCase();
      return p.toLowerCase() === p ? titleCase(p) : p;
    })
    .join(' ');
}

// golang.org/x/text/cases.Title for a lower-case word: first letter of each word upper-cased.
const titleCase = (s: string): string => s.replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase());

function printContent(w: Writer, level: number, content: Obj, prefix: string): void {
  for (const field of keysSorted(content)) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value as Obj, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Obj, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

export function describeGeneric(o: KObject, ctx: DescribeContext): string {
  const meta = obj(o.metadata);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    printContent(w, LEVEL_0, o as Obj, '');
    describeEvents(ctx.events, w, ctx.now);
  });
}
