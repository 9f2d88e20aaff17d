// ObjectMeta validation (apimachinery pkg/api/validation/objectmeta.go, meta/v1/validation, and the
// core wrapper in pkg/apis/core/validation that adds the legacy finalizer-name rule).

import type { ObjectMeta } from '../types.js';
import {
  type FieldError, FieldPath, forbidden, goQuote, goStruct, invalid, newPath, required, tooLong,
} from './field.js';
import { type NameValidator, isQualifiedName, isValidLabelValue, nameIsDNSLabel } from './names.js';

export const FIELD_IMMUTABLE = 'field is immutable';
export const IS_NEGATIVE = 'must be greater than or equal to 0';
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

const byteLen = (s: string): number => Buffer.byteLength(s, 'utf8');
// Go iterates maps in random order; sorted keys keep our output deterministic.
const sortedEntries = (m: Record<string, string> | undefined): Array<[string, string]> =>
  Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Deep equality of JSON values (apiequality.Semantic.DeepEqual for our plain objects). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

export function validateNonnegative(value: number, path: FieldPath): FieldError[] {
  return value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
}

export function validateImmutableField(newVal: unknown, oldVal: unknown, path: FieldPath, badValue: unknown = newVal): FieldError[] {
  return deepEqual(newVal ?? null, oldVal ?? null) ? [] : [invalid(path, badValue ?? null, FIELD_IMMUTABLE)];
}

export function validateLabelName(name: string, path: FieldPath): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

/** Label errors all sit on the map's own path (no [key] subscript), as upstream. */
export function validateLabels(labels: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of sortedEntries(labels)) {
    errs.push(...validateLabelName(k, path));
    errs.push(...isValidLabelValue(String(v)).map((m) => invalid(path, v, m)));
  }
  return errs;
}

/** Annotation keys are qualified names compared case-insensitively; total size ≤ 256 KiB. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of sortedEntries(annotations)) {
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(path, k, m)));
    total += byteLen(k) + byteLen(String(v ?? ''));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** schema.ParseGroupVersion: "" and "v1" are fine, more than one slash is unparseable. */
function parseAPIVersion(apiVersion: string): { group: string; version: string } | null {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: apiVersion };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  return null;
}

type OwnerRef = NonNullable<ObjectMeta['ownerReferences']>[number];
const ownerRefValue = (r: OwnerRef) =>
  goStruct([['apiVersion', r.apiVersion ?? ''], ['kind', r.kind ?? ''], ['name', r.name ?? ''], ['uid', r.uid ?? ''],
    ['controller', r.controller], ['blockOwnerDeletion', r.blockOwnerDeletion]]);

export function validateOwnerReferences(refs: ObjectMeta['ownerReferences'], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const gv = parseAPIVersion(ref.apiVersion ?? '') ?? { group: '', version: '' };
    if (gv.version === '') errs.push(invalid(path.child('apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(invalid(path.child('kind'), ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(invalid(path.child('name'), ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(invalid(path.child('uid'), ref.uid ?? '', 'must not be empty'));
    if (gv.group === '' && gv.version === 'v1' && ref.kind === 'Event') {
      errs.push(invalid(path, ownerRefValue(ref), '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(invalid(path, (refs ?? []).map(ownerRefValue),
          `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`));
      } else firstController = cur;
    }
  }
  return errs;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** Core types additionally require an unqualified finalizer to be one of the standard ones. */
export function validateKubeFinalizerName(name: string, path: FieldPath): FieldError[] {
  if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
    return [invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified')];
  }
  return [];
}

export function validateFinalizers(finalizers: string[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) errs.push(...isQualifiedName(f).map((m) => invalid(path, f, m)));
  const list = finalizers ?? [];
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

export interface ObjectMetaOptions {
  /** Apply the core-API legacy finalizer rule (true for every built-in kind). Default true. */
  kubeFinalizers?: boolean;
}

/** The namespaced/cluster-scoped part shared by create and update (validateObjectMetaAccessorWithOptsCommon). */
function validateMetaCommon(meta: ObjectMeta, namespaced: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (namespaced) {
    if (!meta.namespace) errs.push(required(path.child('namespace')));
    else errs.push(...nameIsDNSLabel(meta.namespace, false).map((m) => invalid(path.child('namespace'), meta.namespace, m)));
  } else if (meta.namespace) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegative(meta.generation ?? 0, path.child('generation')));
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(meta.finalizers, path.child('finalizers')));
  return errs;
}

function kubeFinalizerErrors(meta: ObjectMeta, path: FieldPath, opts: ObjectMetaOptions): FieldError[] {
  if (opts.kubeFinalizers === false) return [];
  return (meta.finalizers ?? []).flatMap((f, i) => validateKubeFinalizerName(f, path.child('finalizers').index(i)));
}

/**
 * ValidateObjectMeta on create. The API server generates the name from generateName *before*
 * validating; if that has not happened yet (name empty, generateName set) we skip the
 * "name or generateName is required" error rather than report it wrongly.
 */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  namespaced: boolean,
  nameFn: NameValidator,
  path: FieldPath = newPath('metadata'),
  opts: ObjectMetaOptions = {},
): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) {
    errs.push(...nameFn(m.generateName, true).map((msg) => invalid(path.child('generateName'), m.generateName, msg)));
  }
  if (!m.name) {
    if (!m.generateName) errs.push(required(path.child('name'), 'name or generateName is required'));
  } else {
    errs.push(...nameFn(m.name, false).map((msg) => invalid(path.child('name'), m.name, msg)));
  }
  errs.push(...validateMetaCommon(m, namespaced, path));
  errs.push(...kubeFinalizerErrors(m, path, opts));
  return errs;
}

/** ValidateObjectMetaUpdate: immutable identity fields plus re-validation of labels etc. */
export function validateObjectMetaUpdate(
  newMeta: ObjectMeta | undefined,
  oldMeta: ObjectMeta | undefined,
  path: FieldPath = newPath('metadata'),
  opts: ObjectMetaOptions = {},
): FieldError[] {
  const n = newMeta ?? {};
  const o = oldMeta ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const extra = [...new Set(n.finalizers ?? [])].filter((f) => !(o.finalizers ?? []).includes(f)).sort();
    if (extra.length > 0) {
      const list = `[]string{${extra.map(goQuote).join(', ')}}`;
      errs.push(forbidden(path.child('finalizers'), `no new finalizers can be added if the object is being deleted, found new finalizers ${list}`));
    }
  }
  if (!n.resourceVersion) errs.push(invalid(path.child('resourceVersion'), n.resourceVersion ?? '', 'must be specified for an update'));
  if ((n.generation ?? 0) < (o.generation ?? 0)) errs.push(invalid(path.child('generation'), n.generation ?? 0, 'must not be decremented'));
  errs.push(...validateImmutableField(n.name ?? '', o.name ?? '', path.child('name')));
  errs.push(...validateImmutableField(n.namespace ?? '', o.namespace ?? '', path.child('namespace')));
  errs.push(...validateImmutableField(n.uid ?? '', o.uid ?? '', path.child('uid')));
  errs.push(...validateImmutableField(n.creationTimestamp ?? null, o.creationTimestamp ?? null, path.child('creationTimestamp')));
  errs.push(...validateImmutableField(n.deletionTimestamp ?? null, o.deletionTimestamp ?? null, path.child('deletionTimestamp')));
  errs.push(...validateImmutableField(n.deletionGracePeriodSeconds ?? null, o.deletionGracePeriodSeconds ?? null, path.child('deletionGracePeriodSeconds')));
  errs.push(...validateLabels(n.labels, path.child('labels')));
  errs.push(...validateAnnotations(n.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(n.ownerReferences, path.child('ownerReferences')));
  errs.push(...kubeFinalizerErrors(n, path, opts));
  return errs;
}

/**
 * What rest.BeforeUpdate / the store do to the new object's metadata before validating it:
 * uid, creationTimestamp, deletion fields and generation come from the stored object, and an
 * unconditional update (no resourceVersion) takes the stored resourceVersion.
 */
export function prepareMetaForUpdate(newMeta: ObjectMeta | undefined, oldMeta: ObjectMeta | undefined): ObjectMeta {
  const n: ObjectMeta = { ...(newMeta ?? {}) };
  const o = oldMeta ?? {};
  if (!n.resourceVersion && o.resourceVersion) n.resourceVersion = o.resourceVersion;
  if (o.generation !== undefined) n.generation = o.generation;
  if (!n.uid && o.uid) n.uid = o.uid;
  if (o.creationTimestamp) n.creationTimestamp = o.creationTimestamp;
  if (o.deletionTimestamp) n.deletionTimestamp = o.deletionTimestamp;
  if (o.deletionGracePeriodSeconds !== undefined && n.deletionGracePeriodSeconds === undefined) {
    n.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  }
  return n;
}

// ---- label selectors (meta/v1/validation) -----------------------------------------------------

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** *metav1.LabelSelector as encoding/json prints it (field order, omitempty). */
export function labelSelectorValue(sel: LabelSelector | null | undefined): unknown {
  if (!sel) return null;
  const exprs = sel.matchExpressions?.length
    ? sel.matchExpressions.map((e) => goStruct([['key', e.key ?? ''], ['operator', e.operator ?? ''], ['values', e.values?.length ? e.values : undefined]]))
    : undefined;
  const labels = sel.matchLabels && Object.keys(sel.matchLabels).length > 0 ? sel.matchLabels : undefined;
  return goStruct([['matchLabels', labels], ['matchExpressions', exprs]]);
}

export function validateLabelSelector(sel: LabelSelector | null | undefined, path: FieldPath): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, path.child('matchLabels'));
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    const p = path.child('matchExpressions').index(i);
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalid(p.child('operator'), expr.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(expr.key ?? '', p.child('key')));
    // Strict selectors (apps, batch) also validate expression values as label values.
    values.forEach((v, j) => errs.push(...isValidLabelValue(v).map((m) => invalid(p.child('values').index(j), v, m))));
  });
  return errs;
}

/** Whether metav1.LabelSelectorAsSelector would fail to convert the selector. */
export function labelSelectorConvertible(sel: LabelSelector | null | undefined): boolean {
  if (!sel) return true;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    if (isQualifiedName(k).length || isValidLabelValue(String(v)).length) return false;
  }
  for (const e of sel.matchExpressions ?? []) {
    const vals = e.values ?? [];
    if (isQualifiedName(e.key ?? '').length) return false;
    if ((e.operator === 'In' || e.operator === 'NotIn') && (vals.length === 0 || vals.some((v) => isValidLabelValue(v).length))) return false;
    if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && vals.length > 0) return false;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator)) return false;
  }
  return true;
}

/**
 * labels.Selector semantics for a converted selector: nil selects nothing, an empty one
 * everything. Returns {empty, matches}.
 */
export function selectorMatches(sel: LabelSelector | null | undefined, labels: Record<string, string> | undefined): { empty: boolean; matches: boolean } {
  if (!sel) return { empty: false, matches: false };
  const l = labels ?? {};
  const exprs = sel.matchExpressions ?? [];
  const ml = Object.entries(sel.matchLabels ?? {});
  if (ml.length === 0 && exprs.length === 0) return { empty: true, matches: true };
  const okLabels = ml.every(([k, v]) => l[k] === v);
  const okExprs = exprs.every((e) => {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    switch (e.operator) {
      case 'In': return has && (e.values ?? []).includes(l[e.key]!);
      case 'NotIn': return !has || !(e.values ?? []).includes(l[e.key]!);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
      default: return false;
    }
  });
  return { empty: false, matches: okLabels && okExprs };
}

