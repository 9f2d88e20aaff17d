// kubectl's --sort-by (kubectl pkg/cmd/get/sorter.go), sorting with Go's sort.Sort itself: its
// result depends on the algorithm, because "missing sorts first" makes Less(a, b) true when both
// a and b lack the field (two such objects come out reversed), and quantities mixed with plain
// strings are not a consistent order either.

import { CliError, RawError } from '../api/errors.js';
import { parseQuantity, type Quantity } from '../api/quantity.js';
import { relaxedJsonPath } from './customcolumns.js';
import {
  compareGoStrings,
  executeJsonPath,
  GoNumber,
  goFormatSharpV,
  goQuote,
  goTypeName,
  isGoInt,
  JsonPathParseError,
  parseJsonPath,
  type ParsedJsonPath,
} from './jsonpath.js';

/**
 * kubectl dies through klog (Exitf/Fatalf) for these: stderr gets one klog line
 * `F<mmdd hh:mm:ss.uuuuuu> <pid> <location>] <message>`, then exit code `exitCode`.
 */
export class SortByFatalError extends RawError {
  override name = 'SortByFatalError';
  constructor(
    message: string,
    exitCode: number,
    readonly location: string,
  ) {
    super(message, exitCode);
  }
}

/**
 * Human-readable `get` only: the sort failed inside the table printer, whose error kubectl drops.
 * Nothing is printed for that table (so `No resources found…` may follow) and the exit code stays 0.
 */
export class SortByDroppedError extends CliError {
  override name = 'SortByDroppedError';
}

type Evaluated = { values?: unknown[][]; error?: string };

function evaluate(parser: ParsedJsonPath, obj: unknown): Evaluated {
  try {
    return { values: executeJsonPath(parser, obj, { allowMissingKeys: true }) };
  } catch (e) {
    if (e instanceof CliError) return { error: e.message };
    throw e;
  }
}

const firstValue = (ev: Evaluated): { found: boolean; value?: unknown } =>
  ev.values && ev.values.length > 0 && ev.values[0]!.length > 0 ? { found: true, value: ev.values[0]![0] } : { found: false };

class Unsortable extends Error {}

function quantityOrUndefined(s: string): Quantity | undefined {
  try {
    return parseQuantity(s);
  } catch {
    return undefined;
  }
}

/** sorter.go isLess for unstructured values (all reach it as interface{}). */
function isLess(a: unknown, b: unknown): boolean {
  if (a instanceof GoNumber && b instanceof GoNumber) return a.value < b.value; // string bytes (uint8)
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  if (typeof a === 'string') {
    if (typeof b === 'string') {
      const qa = quantityOrUndefined(a);
      const qb = qa && quantityOrUndefined(b);
      if (qa && qb) return qa.cmp(qb) < 0;
      return compareGoStrings(a, b) < 0;
    }
  } else if (typeof a === 'number') {
    if (typeof b === 'number' && isGoInt(a) === isGoInt(b)) return a < b;
  } else {
    throw new Unsortable(`unsortable type: ${goTypeName(a)}`);
  }
  throw new Unsortable('unsortable interface: interface');
}

/**
 * SortObjects (the list path: -o json|yaml|name|jsonpath|custom-columns of a list): sorts the items
 * by `field` (relaxed: `metadata.name` = `{.metadata.name}`). An empty list is returned as is.
 */
export function sortObjectsBy<T>(objects: readonly T[], field: string): T[] {
  if (objects.length === 0) return [];
  const path = relaxedJsonPath(field);
  const parser = parseJsonPath(path, 'sorting');
  const cache = new Map<number, Evaluated>();
  const evalAt = (ix: number) => {
    let ev = cache.get(ix);
    if (!ev) cache.set(ix, (ev = evaluate(parser, objects[ix])));
    return ev;
  };
  // The field must exist on at least one object; the scan stops at the first that has it.
  let found = false;
  for (let ix = 0; ix < objects.length && !found; ix++) {
    const ev = evalAt(ix);
    if (ev.error !== undefined) throw new CliError(ev.error);
    found = firstValue(ev).found;
  }
  if (!found) throw new CliError(`couldn't find any field with path ${goQuote(path)} in the list of objects`);

  const perm = objects.map((_, ix) => ix);
  goSort(
    perm.length,
    (i, j) => {
      const iv = evalAt(perm[i]!);
      if (iv.error !== undefined) throw lookupFatal('i', objects[perm[i]!], path, iv.error);
      const jv = evalAt(perm[j]!);
      if (jv.error !== undefined) throw lookupFatal('j', objects[perm[j]!], path, jv.error);
      return lessOrFatal(firstValue(iv), firstValue(jv), path, '*unstructured.Unstructured', 'sorter.go:329');
    },
    (i, j) => swap(perm, i, j),
  );
  return perm.map((ix) => objects[ix]!);
}

/**
 * The human-readable `get` path: kubectl sorts each server Table's rows in its table printer
 * (TableSorter, run only when the table has more than one row). `objects` are the rows' objects.
 * Throws SortByDroppedError where kubectl prints nothing for the table.
 */
export function sortTableRowsBy<T>(objects: readonly T[], field: string): T[] {
  if (objects.length <= 1) return [...objects];
  let path: string;
  try {
    path = relaxedJsonPath(field);
  } catch {
    path = field;
  }
  let parser: ParsedJsonPath;
  try {
    parser = parseJsonPath(path, 'sorting');
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new SortByDroppedError(`sorting error: ${e.message}`);
    throw e;
  }
  const rows = objects.map((obj) => evaluate(parser, obj));
  const failed = rows.find((r) => r.error !== undefined);
  if (failed) throw new SortByDroppedError(failed.error!);
  if (!rows.some((r) => firstValue(r).found)) {
    throw new SortByDroppedError(`couldn't find any field with path ${goQuote(path)} in the list of objects`);
  }
  const perm = objects.map((_, ix) => ix);
  goSort(
    perm.length,
    (i, j) => lessOrFatal(firstValue(rows[perm[i]!]!), firstValue(rows[perm[j]!]!), path, '[][][]reflect.Value', 'sorter.go:375'),
    (i, j) => swap(perm, i, j),
  );
  return perm.map((ix) => objects[ix]!);
}

function swap(a: number[], i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** RuntimeSort.Less / TableSorter.Less: objects without the field sort first. */
function lessOrFatal(
  i: { found: boolean; value?: unknown },
  j: { found: boolean; value?: unknown },
  path: string,
  holder: string,
  location: string,
): boolean {
  if (!i.found) return true;
  if (!j.found) return false;
  try {
    return isLess(i.value, j.value);
  } catch (e) {
    if (!(e instanceof Unsortable)) throw e;
    const kind = i.value instanceof GoNumber ? 'uint8' : 'interface';
    throw new SortByFatalError(`Field ${path} in ${holder} is an unsortable type: ${kind}, err: ${e.message}`, 1, location);
  }
}

function lookupFatal(which: 'i' | 'j', obj: unknown, path: string, error: string): SortByFatalError {
  const objText = `&unstructured.Unstructured{Object:${goFormatSharpV(obj)}}`;
  // Fatalf's %#v for i, %v for j.
  const errText = which === 'i' ? `&errors.errorString{s:${goQuote(error)}}` : error;
  return new SortByFatalError(
    `Failed to get ${which} values for ${objText} using ${path} (${errText})`,
    255,
    which === 'i' ? 'sorter.go:310' : 'sorter.go:315',
  );
}

// ---------------------------------------------------------------------------------------------
// Go's sort.Sort (pdqsort, Go >= 1.19), on index callbacks.

const bitsLen = (n: number) => 32 - Math.clz32(n);
const MASK64 = (1n << 64n) - 1n;

/** sort.Sort(data) with data.Len() = n. */
export function goSort(n: number, less: (i: number, j: number) => boolean, swap: (i: number, j: number) => void): void {
  if (n <= 1) return;
  new PdqSort(less, swap).sort(0, n, bitsLen(n));
}

// pdqsort's sortedHint.
const Hint = { Unknown: 0, Increasing: 1, Decreasing: 2 } as const;
type Hint = (typeof Hint)[keyof typeof Hint];

class PdqSort {
  constructor(
    private readonly less: (i: number, j: number) => boolean,
    private readonly swap: (i: number, j: number) => void,
  ) {}

  private insertionSort(a: number, b: number): void {
    for (let i = a + 1; i < b; i++) {
      for (let j = i; j > a && this.less(j, j - 1); j--) this.swap(j, j - 1);
    }
  }

  private siftDown(lo: number, hi: number, first: number): void {
    let root = lo;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && this.less(first + child, first + child + 1)) child++;
      if (!this.less(first + root, first + child)) return;
      this.swap(first + root, first + child);
      root = child;
    }
  }

  private heapSort(a: number, b: number): void {
    const hi = b - a;
    for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) this.siftDown(i, hi, a);
    for (let i = hi - 1; i >= 0; i--) {
      this.swap(a, a + i);
      this.siftDown(0, i, a);
    }
  }

  sort(a: number, b: number, limit: number): void {
    const maxInsertion = 12;
    let wasBalanced = true;
    let wasPartitioned = true;
    for (;;) {
      const length = b - a;
      if (length <= maxInsertion) {
        this.insertionSort(a, b);
        return;
      }
      if (limit === 0) {
        this.heapSort(a, b);
        return;
      }
      if (!wasBalanced) {
        this.breakPatterns(a, b);
        limit--;
      }
      let [pivot, hint]: [number, Hint] = this.choosePivot(a, b);
      if (hint === Hint.Decreasing) {
        this.reverseRange(a, b);
        pivot = b - 1 - (pivot - a);
        hint = Hint.Increasing;
      }
      if (wasBalanced && wasPartitioned && hint === Hint.Increasing && this.partialInsertionSort(a, b)) return;
      if (a > 0 && !this.less(a - 1, pivot)) {
        a = this.partitionEqual(a, b, pivot);
        continue;
      }
      const [mid, alreadyPartitioned] = this.partition(a, b, pivot);
      wasPartitioned = alreadyPartitioned;
      const leftLen = mid - a;
      const rightLen = b - mid;
      const balanceThreshold = Math.trunc(length / 8);
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold;
        this.sort(a, mid, limit);
        a = mid + 1;
      } else {
        wasBalanced = rightLen >= balanceThreshold;
        this.sort(mid + 1, b, limit);
        b = mid;
      }
    }
  }

  private partition(a: number, b: number, pivot: number): [number, boolean] {
    this.swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    while (i <= j && this.less(i, a)) i++;
    while (i <= j && !this.less(j, a)) j--;
    if (i > j) {
      this.swap(j, a);
      return [j, true];
    }
    this.swap(i, j);
    i++;
    j--;
    for (;;) {
      while (i <= j && this.less(i, a)) i++;
      while (i <= j && !this.less(j, a)) j--;
      if (i > j) break;
      this.swap(i, j);
      i++;
      j--;
    }
    this.swap(j, a);
    return [j, false];
  }

  private partitionEqual(a: number, b: number, pivot: number): number {
    this.swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    for (;;) {
      while (i <= j && !this.less(a, i)) i++;
      while (i <= j && this.less(a, j)) j--;
      if (i > j) break;
      this.swap(i, j);
      i++;
      j--;
    }
    return i;
  }

  private partialInsertionSort(a: number, b: number): boolean {
    const maxSteps = 5;
    const shortestShifting = 50;
    let i = a + 1;
    for (let step = 0; step < maxSteps; step++) {
      while (i < b && !this.less(i, i - 1)) i++;
      if (i === b) return true;
      if (b - a < shortestShifting) return false;
      this.swap(i, i - 1);
      if (i - a >= 2) {
        for (let j = i - 1; j >= 1; j--) {
          if (!this.less(j, j - 1)) break;
          this.swap(j, j - 1);
        }
      }
      if (b - i >= 2) {
        for (let j = i + 1; j < b; j++) {
          if (!this.less(j, j - 1)) break;
          this.swap(j, j - 1);
        }
      }
    }
    return false;
  }

  private breakPatterns(a: number, b: number): void {
    const length = b - a;
    if (length < 8) return;
    // xorshift seeded with the length, so the "random" swaps are deterministic.
    let r = BigInt(length);
    const modulus = BigInt(2 ** bitsLen(length));
    for (let idx = a + Math.trunc(length / 4) * 2 - 1; idx <= a + Math.trunc(length / 4) * 2 + 1; idx++) {
      r ^= (r << 13n) & MASK64;
      r ^= r >> 7n;
      r ^= (r << 17n) & MASK64;
      let other = Number(r & (modulus - 1n));
      if (other >= length) other -= length;
      this.swap(idx, a + other);
    }
  }

  private choosePivot(a: number, b: number): [number, Hint] {
    const shortestNinther = 50;
    const maxSwaps = 4 * 3;
    const l = b - a;
    const swaps = { n: 0 };
    let i = a + Math.trunc(l / 4) * 1;
    let j = a + Math.trunc(l / 4) * 2;
    let k = a + Math.trunc(l / 4) * 3;
    if (l >= 8) {
      if (l >= shortestNinther) {
        i = this.median(i - 1, i, i + 1, swaps);
        j = this.median(j - 1, j, j + 1, swaps);
        k = this.median(k - 1, k, k + 1, swaps);
      }
      j = this.median(i, j, k, swaps);
    }
    if (swaps.n === 0) return [j, Hint.Increasing];
    if (swaps.n === maxSwaps) return [j, Hint.Decreasing];
    return [j, Hint.Unknown];
  }

  private order2(a: number, b: number, swaps: { n: number }): [number, number] {
    if (this.less(b, a)) {
      swaps.n++;
      return [b, a];
    }
    return [a, b];
  }

  private median(a: number, b: number, c: number, swaps: { n: number }): number {
    [a, b] = this.order2(a, b, swaps);
    [b, c] = this.order2(b, c, swaps);
    [a, b] = this.order2(a, b, swaps);
    void a;
    void c;
    return b;
  }

  private reverseRange(a: number, b: number): void {
    for (let i = a, j = b - 1; i < j; i++, j--) this.swap(i, j);
  }
}
