// Field validation for Leases (pkg/apis/coordination/validation), ResourceQuotas and LimitRanges
// (pkg/apis/core/validation ValidateResourceQuota, ValidateLimitRange). Map-valued fields iterate in
// sorted key order (Go's is random).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { isQualifiedName } from '../labels.js';
import { parseQuantity, Quantity } from '../quantity.js';
import type { KObject } from '../types.js';
import { type FieldError, type FieldPath, forbidden, invalid, newPath, notSupported, rawValue, required, duplicate } from './field.js';
import { nameIsDNSSubdomain } from './names.js';
import { IS_NEGATIVE, validateObjectMeta } from './objectmeta.js';
import { isHugePages, STANDARD_RESOURCES } from './resource-names.js';

const obj = (v: unknown): any => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
const isSet = (v: unknown): boolean => v !== undefined && v !== null;
const sortedKeys = (m: unknown): string[] => Object.keys(obj(m)).sort();
const P = newPath;

function qty(v: unknown): Quantity {
  try {
    return parseQuantity(typeof v === 'number' ? String(v) : String(v ?? '0'));
  } catch {
    return Quantity.zero();
  }
}
/** A Quantity as a bad value: JSON-marshalled, "2". */
const qValue = (q: Quantity) => rawValue(JSON.stringify(q.toString()));

// ---- Lease ------------------------------------------------------------------------------------

export function validateLease(o: KObject): FieldError[] {
  const errs = validateObjectMeta(o.metadata, true, nameIsDNSSubdomain);
  const spec = obj(o['spec']);
  const sp = P('spec');
  if (isSet(spec.leaseDurationSeconds) && spec.leaseDurationSeconds <= 0) {
    errs.push(invalid(sp.child('leaseDurationSeconds'), spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (isSet(spec.leaseTransitions) && spec.leaseTransitions < 0) {
    errs.push(invalid(sp.child('leaseTransitions'), spec.leaseTransitions, IS_NEGATIVE));
  }
  if (isSet(spec.strategy)) {
    const s = String(spec.strategy);
    if (s === '') errs.push(required(sp.child('strategy'), 'must be specified'));
    else if (!s.includes('/') && s !== 'OldestEmulationVersion') errs.push(notSupported(sp.child('strategy'), s, ['OldestEmulationVersion']));
    else if (s.includes('/')) errs.push(...isQualifiedName(s).map((m) => invalid(sp.child('strategy'), s, m)));
  }
  if (isSet(spec.preferredHolder) && spec.preferredHolder !== '' && (!isSet(spec.strategy) || spec.strategy === '')) {
    errs.push(forbidden(sp.child('preferredHolder'), 'may only be specified if `strategy` is defined'));
  }
  return errs;
}

// ---- resource names ---------------------------------------------------------------------------

const STANDARD_QUOTA_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.storage',
  'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods',
  'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'persistentvolumeclaims', 'configmaps',
  'services.nodeports', 'services.loadbalancers',
]);
const INTEGER_RESOURCES = new Set([
  'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'persistentvolumeclaims',
  'configmaps', 'services.nodeports', 'services.loadbalancers',
]);
const isQuotaHugePages = (r: string) => r.startsWith('requests.hugepages-');
const isNative = (r: string) => !r.includes('/') || r.includes('kubernetes.io/');
const isExtended = (r: string) => !isNative(r) && !r.startsWith('requests.') && isQualifiedName('requests.' + r).length === 0;
const isInteger = (r: string) => INTEGER_RESOURCES.has(r) || r.startsWith('count/') || isExtended(r);

/** validateResourceName: a qualified name, standard unless it has a "/". */
function validateResourceName(r: string, path: FieldPath): FieldError[] {
  const errs = isQualifiedName(r).map((m) => invalid(path, r, m));
  if (errs.length) return errs;
  if (!r.includes('/') && !STANDARD_RESOURCES.has(r) && !isHugePages(r)) {
    errs.push(invalid(path, r, 'must be a standard resource type or fully qualified'));
  }
  return errs;
}

function validateQuotaResourceName(r: string, path: FieldPath): FieldError[] {
  const errs = validateResourceName(r, path);
  if (!r.includes('/') && !STANDARD_QUOTA_RESOURCES.has(r) && !isQuotaHugePages(r)) {
    errs.push(invalid(path, r, 'must be a standard resource for quota'));
  }
  return errs;
}

function validateQuantityValue(r: string, q: Quantity, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (q.sign() < 0) errs.push(invalid(path, q.toString(), IS_NEGATIVE));
  if (isInteger(r) && q.milliValueBig() % 1000n !== 0n) errs.push(invalid(path, qValue(q), 'must be an integer'));
  return errs;
}

// ---- ResourceQuota ----------------------------------------------------------------------------

export const QUOTA_SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity', 'VolumeAttributesClass'];
const POD_COMPUTE = ['cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory'];

/** IsResourceQuotaScopeValidForResource. */
function scopeValidFor(scope: string, r: string): boolean {
  switch (scope) {
    case 'Terminating':
    case 'NotTerminating':
    case 'NotBestEffort':
    case 'PriorityClass':
      return r === 'pods' || POD_COMPUTE.includes(r) || r === 'count/pods';
    case 'BestEffort':
      return r === 'pods' || r === 'count/pods';
    case 'CrossNamespacePodAffinity':
      return r === 'pods' || r === 'count/pods';
    case 'VolumeAttributesClass':
      return ['persistentvolumeclaims', 'requests.storage', 'count/persistentvolumeclaims'].includes(r);
    default:
      return true;
  }
}

function resourceListErrors(list: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of sortedKeys(list)) {
    const p = path.key(k);
    errs.push(...validateQuotaResourceName(k, p), ...validateQuantityValue(k, qty(obj(list)[k]), p));
  }
  return errs;
}

export function validateResourceQuota(o: KObject): FieldError[] {
  const errs = validateObjectMeta(o.metadata, true, nameIsDNSSubdomain);
  const spec = obj(o['spec']);
  const sp = P('spec');
  errs.push(...resourceListErrors(spec.hard, sp.child('hard')));
  const scopes = list(spec.scopes).map(String);
  if (scopes.length > 0) {
    const value = rawValue(JSON.stringify(scopes));
    const hard = sortedKeys(spec.hard);
    for (const scope of scopes) {
      if (!QUOTA_SCOPES.includes(scope)) errs.push(invalid(sp.child('scopes'), value, 'unsupported scope'));
      for (const k of hard) {
        if ((STANDARD_QUOTA_RESOURCES.has(k) || isQuotaHugePages(k)) && !scopeValidFor(scope, k)) {
          errs.push(invalid(sp.child('scopes'), value, 'unsupported scope applied to resource'));
        }
      }
    }
    for (const [a, b] of [['BestEffort', 'NotBestEffort'], ['Terminating', 'NotTerminating']]) {
      if (scopes.includes(a!) && scopes.includes(b!)) errs.push(invalid(sp.child('scopes'), value, 'conflicting scopes'));
    }
  }
  const status = obj(o['status']);
  errs.push(...resourceListErrors(status.hard, P('status', 'hard')), ...resourceListErrors(status.used, P('status', 'used')));
  return errs;
}

// ---- LimitRange -------------------------------------------------------------------------------

const LIMIT_TYPES = ['Pod', 'Container', 'PersistentVolumeClaim'];

/** validateLimitRangeResourceName: PVC limits take storage only; others what containers take. */
function validateLimitRangeResourceName(type: string, r: string, path: FieldPath): FieldError[] {
  if (type === 'PersistentVolumeClaim') {
    const errs = validateResourceName(r, path);
    if (r !== 'storage') errs.push(notSupported(path, r, ['storage']));
    return errs;
  }
  const errs = validateResourceName(r, path);
  if (errs.length) return errs;
  if (!r.includes('/')) {
    if (!['cpu', 'memory', 'ephemeral-storage'].includes(r) && !isHugePages(r)) errs.push(invalid(path, r, 'must be a standard resource for containers'));
  } else if (!isNative(r) && !isExtended(r)) {
    errs.push(invalid(path, r, "doesn't follow extended resource name standard"));
  }
  return errs;
}

export function validateLimitRange(o: KObject): FieldError[] {
  const errs = validateObjectMeta(o.metadata, true, nameIsDNSSubdomain);
  const seen = new Set<string>();
  list(obj(o['spec']).limits).forEach((raw, i) => {
    const item = obj(raw);
    const idx = P('spec', 'limits').index(i);
    const type = String(item.type ?? '');
    const typeErrs = isQualifiedName(type).map((m) => invalid(idx.child('type'), type, m));
    if (!typeErrs.length && !type.includes('/') && !LIMIT_TYPES.includes(type)) {
      typeErrs.push(invalid(idx.child('type'), type, 'must be a standard limit type or fully qualified'));
    }
    errs.push(...typeErrs);
    if (seen.has(type)) errs.push(duplicate(idx.child('type'), type));
    seen.add(type);

    const collect = (field: string): Map<string, Quantity> => {
      const m = new Map<string, Quantity>();
      for (const k of sortedKeys(item[field])) {
        errs.push(...validateLimitRangeResourceName(type, k, idx.child(field).key(k)));
        m.set(k, qty(item[field][k]));
      }
      return m;
    };
    const max = collect('max');
    const min = collect('min');
    let defaults = new Map<string, Quantity>();
    let defaultRequests = new Map<string, Quantity>();
    if (type === 'Pod') {
      if (Object.keys(obj(item.default)).length > 0) errs.push(forbidden(idx.child('default'), "may not be specified when `type` is 'Pod'"));
      if (Object.keys(obj(item.defaultRequest)).length > 0) errs.push(forbidden(idx.child('defaultRequest'), "may not be specified when `type` is 'Pod'"));
    } else {
      defaults = collect('default');
      defaultRequests = collect('defaultRequest');
    }
    if (type === 'PersistentVolumeClaim' && !min.has('storage') && !max.has('storage')) {
      errs.push(required(idx.child('limits'), 'either minimum or maximum storage value is required, but neither was provided'));
    }
    const ratios = collect('maxLimitRequestRatio');
    const keys = [...new Set([...max.keys(), ...min.keys(), ...defaults.keys(), ...defaultRequests.keys(), ...ratios.keys()])].sort();
    for (const k of keys) {
      const mn = min.get(k), mx = max.get(k), df = defaults.get(k), dr = defaultRequests.get(k), ratio = ratios.get(k);
      if (mn && mx && mn.cmp(mx) > 0) errs.push(invalid(idx.child('min').key(k), qValue(mn), `min value ${mn} is greater than max value ${mx}`));
      if (dr && mn && mn.cmp(dr) > 0) errs.push(invalid(idx.child('defaultRequest').key(k), qValue(dr), `min value ${mn} is greater than default request value ${dr}`));
      if (dr && mx && dr.cmp(mx) > 0) errs.push(invalid(idx.child('defaultRequest').key(k), qValue(dr), `default request value ${dr} is greater than max value ${mx}`));
      if (dr && df && dr.cmp(df) > 0) errs.push(invalid(idx.child('defaultRequest').key(k), qValue(dr), `default request value ${dr} is greater than default limit value ${df}`));
      if (df && mn && mn.cmp(df) > 0) errs.push(invalid(idx.child('default').key(k), qValue(mn), `min value ${mn} is greater than default value ${df}`));
      if (df && mx && df.cmp(mx) > 0) errs.push(invalid(idx.child('default').key(k), qValue(mx), `default value ${df} is greater than max value ${mx}`));
      if (ratio && ratio.cmp(Quantity.of(1)) < 0) errs.push(invalid(idx.child('maxLimitRequestRatio').key(k), qValue(ratio), `ratio ${ratio} is less than 1`));
      if (ratio && mn && mx) {
        const maxRatio = Number(mx.milliValueBig()) / Number(mn.milliValueBig());
        const r = Number(ratio.milliValueBig()) / 1000;
        if (r > maxRatio) {
          errs.push(invalid(idx.child('maxLimitRequestRatio').key(k), qValue(ratio), `ratio ${ratio} is greater than max/min = ${maxRatio.toFixed(6)}`));
        }
      }
    }
  });
  return errs;
}
