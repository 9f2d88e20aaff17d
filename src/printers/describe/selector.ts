// Label selectors as apimachinery prints and matches them. Private stand-ins for
// labelSelectorAsSelector(sel).string() / formatLabelSelector, which src/api/labels.ts did not
// export yet when this was written.

import { arr, byteCompare, has, keysSorted, obj, stableSort, str, type Obj } from './fmt.js';

interface Req {
  key: string;
  op: string;
  values: string[];
}

function requirements(sel: Obj): Req[] | undefined {
  const reqs: Req[] = [];
  const ml = obj(sel.matchLabels);
  for (const k of keysSorted(ml)) reqs.push({ key: k, op: '=', values: [str(ml[k])] });
  for (const e of arr(sel.matchExpressions).map(obj)) {
    const op = str(e.operator);
    const values = arr(e.values).map(str);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) return undefined;
      reqs.push({ key: str(e.key), op: op === 'In' ? ' in ' : ' notin ', values });
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      reqs.push({ key: str(e.key), op, values: [] });
    } else {
      return undefined;
    }
  }
  // internalSelector.Add sorts requirements by key
  return stableSort(reqs, (a, b) => a.key < b.key);
}

function reqString(r: Req): string {
  if (r.op === 'Exists') return r.key;
  if (r.op === 'DoesNotExist') return `!${r.key}`;
  const vals = r.values.length === 1 ? r.values[0]! : [...r.values].sort(byteCompare).join(',');
  return r.op === '=' ? `${r.key}=${vals}` : `${r.key}${r.op}(${vals})`;
}

/** metav1.LabelSelectorAsSelector(sel).String(): "" for nil/empty; undefined if invalid. */
export function selectorString(sel: unknown): string | undefined {
  if (!has(sel)) return '';
  const reqs = requirements(obj(sel));
  return reqs === undefined ? undefined : reqs.map(reqString).join(',');
}

/** metav1.FormatLabelSelector: `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(sel: unknown): string {
  const s = selectorString(sel);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}

/** Does a LabelSelector match these labels? A nil selector matches nothing, an empty one everything. */
export function selectorMatches(sel: unknown, labels: unknown): boolean {
  if (!has(sel)) return false;
  const reqs = requirements(obj(sel));
  if (reqs === undefined) return false;
  const l = obj(labels);
  return reqs.every((r) => {
    const present = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = str(l[r.key]);
    switch (r.op) {
      case '=':
        return present && v === r.values[0];
      case ' in ':
        return present && r.values.includes(v);
      case ' notin ':
        return !present || !r.values.includes(v);
      case 'Exists':
        return present;
      default:
        return !present;
    }
  });
}

/** labels.SelectorFromSet(map).Matches: every key/value present. */
export function mapSelectorMatches(sel: unknown, labels: unknown): boolean {
  const s = obj(sel);
  const l = obj(labels);
  return Object.keys(s).every((k) => Object.prototype.hasOwnProperty.call(l, k) && str(l[k]) === str(s[k]));
}
