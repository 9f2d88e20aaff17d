// Per-kind validation as kube-apiserver runs it after defaulting: the strategies in
// pkg/registry/*/strategy.go calling pkg/apis/{core,apps,batch,networking}/validation. Error order
// follows upstream so multi-cause messages print in the same order. Map-valued fields iterate in
// sorted key order (Go's order is random).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { isIP, isIPv6 } from '../../util/ip.js';
import { type Quantity, parseQuantity } from '../quantity.js';
import type { KObject } from '../types.js';
import {
  type FieldError, FieldPath, duplicate, forbidden, goQuote, goStruct, invalid, newPath,
  notFound, notSupported, rawValue, required, tooLong,
} from './field.js';
import {
  type NameValidator, inclusiveRangeError, isConfigMapKey, isDNS1123Label, isDNS1123Subdomain,
  isHTTPHeaderName, isQualifiedName, isRelaxedEnvVarName, isValidGroupID, isValidLabelValue,
  isValidPercent, isValidPortName, isValidPortNum, isValidUserID, isWildcardDNS1123Subdomain,
  NAME_RULES, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, nameIsPathSegment, nameValidatorFor,
} from './names.js';
import {
  IS_NEGATIVE, type LabelSelector, deepEqual, labelSelectorConvertible, labelSelectorValue,
  prepareMetaForUpdate, selectorMatches, validateAnnotations, validateImmutableField,
  validateKubeFinalizerName, validateLabelName, validateLabelSelector, validateLabels, validateNonnegative,
  validateObjectMeta, validateObjectMetaUpdate,
} from './objectmeta.js';
import { validateLease, validateLimitRange, validateResourceQuota } from './policy.js';
import { isHugePages, STANDARD_RESOURCES } from './resource-names.js';

export interface ValidateOptions {
  /** Overrides the built-in namespaced / cluster-scoped table (needed for custom resources). */
  namespaced?: boolean;
  /** kube-apiserver --service-node-port-range; default 30000-32767. */
  nodePortRange?: { base: number; size: number };
}

const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass',
  'PriorityClass', 'IngressClass', 'CustomResourceDefinition', 'APIService', 'RuntimeClass',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'CSIDriver', 'CSINode',
  'VolumeAttachment', 'CertificateSigningRequest', 'ComponentStatus', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'FlowSchema', 'PriorityLevelConfiguration', 'IPAddress', 'ServiceCIDR',
]);

export const isNamespacedKind = (kind: string): boolean => !CLUSTER_SCOPED.has(kind);

// ---- small JSON helpers -----------------------------------------------------------------------

const obj = (v: unknown): any => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const int = (v: unknown): number => (typeof v === 'number' ? v : 0);
const isSet = (v: unknown): boolean => v !== undefined && v !== null;
const sortedKeys = (m: unknown): string[] => Object.keys(obj(m)).sort();
const P = newPath;

function qty(v: unknown): Quantity | null {
  try {
    return parseQuantity(typeof v === 'number' ? String(v) : str(v));
  } catch {
    return null;
  }
}

/** intstr.IntOrString as ErrorBody prints it (MarshalJSON: number or quoted string). */
const intOrStr = (v: unknown): unknown => (typeof v === 'string' ? rawValue(JSON.stringify(v)) : int(v));

/** intstr.IntValue(): strings go through strconv.Atoi (0 on failure). */
function intValue(v: unknown): number {
  if (typeof v === 'number') return v;
  return /^[+-]?\d+$/.test(str(v)) ? Number(v) : 0;
}

function validatePortNumOrName(port: unknown, path: FieldPath): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  const n = intValue(port);
  return isValidPortNum(n).map((m) => invalid(path, n, m));
}

const validateIP = (path: FieldPath, v: string): FieldError[] =>
  isIP(v) ? [] : [invalid(path, v, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];

const dns1123Label = (v: string, path: FieldPath): FieldError[] => isDNS1123Label(v).map((m) => invalid(path, v, m));
const dns1123Subdomain = (v: string, path: FieldPath): FieldError[] => isDNS1123Subdomain(v).map((m) => invalid(path, v, m));
const qualifiedName = (v: string, path: FieldPath): FieldError[] => isQualifiedName(v).map((m) => invalid(path, v, m));
const nameErrs = (fn: NameValidator, v: string, path: FieldPath): FieldError[] => fn(v, false).map((m) => invalid(path, v, m));

// ================================================================================================
// Pods and pod templates (core validation.go)
// ================================================================================================

interface PodOpts {
  /** The top-level object is a Pod (not a template inside a workload). */
  resourceIsPod: boolean;
}

function validatePathNoBacksteps(p: string, path: FieldPath): FieldError[] {
  return p.split('/').includes('..') ? [invalid(path, p, "must not contain '..'")] : [];
}

function validateLocalDescendingPath(p: string, path: FieldPath): FieldError[] {
  const errs = p.startsWith('/') ? [invalid(path, p, 'must be a relative path')] : [];
  return errs.concat(validatePathNoBacksteps(p, path));
}

function validateLocalNonReservedPath(p: string, path: FieldPath): FieldError[] {
  const errs = validateLocalDescendingPath(p, path);
  if (p.startsWith('..') && !p.startsWith('../')) errs.push(invalid(path, p, "must not start with '..'"));
  return errs;
}

const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';
const badMode = (m: unknown): boolean => typeof m === 'number' && (m > 0o777 || m < 0);

function validateKeyToPath(kp: any, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!kp?.key) errs.push(required(path.child('key')));
  if (!kp?.path) errs.push(required(path.child('path')));
  errs.push(...validateLocalNonReservedPath(str(kp?.path), path.child('path')));
  if (badMode(kp?.mode)) errs.push(invalid(path.child('mode'), kp.mode, FILE_MODE_MSG));
  return errs;
}

function validateItemsSource(src: any, path: FieldPath, nameField: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!src?.[nameField]) errs.push(required(path.child(nameField)));
  if (badMode(src?.defaultMode)) errs.push(invalid(path.child('defaultMode'), src.defaultMode, FILE_MODE_MSG));
  list(src?.items).forEach((kp, i) => errs.push(...validateKeyToPath(kp, path.child('items').index(i))));
  return errs;
}

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

type SourceCheck = (src: any, path: FieldPath) => FieldError[];
const VOLUME_CHECKS: Record<string, SourceCheck> = {
  hostPath: (s, p) => {
    if (!s?.path) return [required(p.child('path'))];
    const errs = validatePathNoBacksteps(s.path, p.child('path'));
    if (isSet(s.type) && !HOST_PATH_TYPES.includes(s.type)) errs.push(notSupported(p.child('type'), s.type, HOST_PATH_TYPES));
    return errs;
  },
  gitRepo: (s, p) => (s?.repository ? [] : [required(p.child('repository'))]).concat(validateLocalDescendingPath(str(s?.directory), p.child('directory'))),
  secret: (s, p) => validateItemsSource(s, p, 'secretName'),
  configMap: (s, p) => validateItemsSource(s, p, 'name'),
  persistentVolumeClaim: (s, p) => (s?.claimName ? [] : [required(p.child('claimName'))]),
  nfs: (s, p) => {
    const errs: FieldError[] = [];
    if (!s?.server) errs.push(required(p.child('server')));
    if (!s?.path) errs.push(required(p.child('path')));
    if (!str(s?.path).startsWith('/')) errs.push(invalid(p.child('path'), str(s?.path), 'must be an absolute path'));
    return errs;
  },
};

// [JSON key, child used in the "more than 1 volume type" error, child used for the source's own errors]
// Both spellings are upstream's (incl. "cephFS"/"persistentDisk" and the "downwarAPI" typo).
const VOLUME_SOURCES: Array<[string, string, string]> = [
  ['emptyDir', 'emptyDir', 'emptyDir'], ['hostPath', 'hostPath', 'hostPath'], ['gitRepo', 'gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk', 'persistentDisk'], ['awsElasticBlockStore', 'awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret', 'secret'], ['nfs', 'nfs', 'nfs'], ['iscsi', 'iscsi', 'iscsi'], ['glusterfs', 'glusterfs', 'glusterfs'],
  ['flocker', 'flocker', 'flocker'], ['persistentVolumeClaim', 'persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd', 'rbd'], ['cinder', 'cinder', 'cinder'], ['cephfs', 'cephFS', 'cephfs'], ['quobyte', 'quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI', 'downwardAPI'], ['fc', 'fc', 'fc'], ['flexVolume', 'flexVolume', 'flexVolume'],
  ['configMap', 'configMap', 'configMap'], ['azureFile', 'azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk', 'azureDisk'], ['storageos', 'storageos', 'storageos'], ['projected', 'projected', 'projected'],
  ['scaleIO', 'scaleIO', 'scaleIO'], ['csi', 'csi', 'csi'], ['ephemeral', 'ephemeral', 'ephemeral'], ['image', 'image', 'image'],
];

function validateVolumeSource(vol: any, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const [key, forbidChild, checkChild] of VOLUME_SOURCES) {
    if (!isSet(vol?.[key])) continue;
    if (count > 0 && key !== 'emptyDir') {
      errs.push(forbidden(path.child(forbidChild), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...(VOLUME_CHECKS[key]?.(vol[key], path.child(checkChild)) ?? []));
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** Returns the valid volumes by name (invalid ones are not registered, as upstream). */
function validateVolumes(volumes: any[], path: FieldPath): { vols: Map<string, any>; errs: FieldError[] } {
  const vols = new Map<string, any>();
  const errs: FieldError[] = [];
  volumes.forEach((vol, i) => {
    const idx = path.index(i);
    const name = str(vol?.name);
    const el = validateVolumeSource(vol, idx);
    if (!name) el.push(required(idx.child('name')));
    else el.push(...dns1123Label(name, idx.child('name')));
    if (vols.has(name)) el.push(duplicate(idx.child('name'), name));
    if (el.length === 0) vols.set(name, vol);
    else errs.push(...el);
  });
  return { vols, errs };
}

function validateContainerPorts(ports: any[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const idx = path.index(i);
    const name = str(port?.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) errs.push(...msgs.map((m) => invalid(idx.child('name'), name, m)));
      else if (names.has(name)) errs.push(duplicate(idx.child('name'), name));
      else names.add(name);
    }
    const cp = int(port?.containerPort);
    if (cp === 0) errs.push(required(idx.child('containerPort')));
    else errs.push(...isValidPortNum(cp).map((m) => invalid(idx.child('containerPort'), cp, m)));
    const hp = int(port?.hostPort);
    if (hp !== 0) errs.push(...isValidPortNum(hp).map((m) => invalid(idx.child('hostPort'), hp, m)));
    const proto = str(port?.protocol);
    if (!proto) errs.push(required(idx.child('protocol')));
    else if (!['TCP', 'UDP', 'SCTP'].includes(proto)) errs.push(notSupported(idx.child('protocol'), proto, ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const CONVERTIBLE_FIELD_LABELS = new Set([...ENV_FIELD_PATHS, 'metadata.annotations', 'metadata.labels', 'spec.restartPolicy', 'spec.schedulerName', 'status.phase', 'spec.host']);
const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];

function validateObjectFieldSelector(fs: any, path: FieldPath): FieldError[] {
  if (!fs?.apiVersion) return [required(path.child('apiVersion'))];
  if (!fs?.fieldPath) return [required(path.child('fieldPath'))];
  const fp = str(fs.fieldPath);
  if (fs.apiVersion !== 'v1') return [invalid(path.child('fieldPath'), fp, `error converting fieldPath: unsupported pod version: ${fs.apiVersion}`)];
  const sub = /^(.*)\['(.*)'\]$/.exec(fp);
  if (sub) {
    if (sub[1] === 'metadata.annotations') return qualifiedName(sub[2]!.toLowerCase(), path);
    if (sub[1] === 'metadata.labels') return qualifiedName(sub[2]!, path);
    return [invalid(path.child('fieldPath'), fp, `error converting fieldPath: field label does not support subscript: ${fp}`)];
  }
  if (!CONVERTIBLE_FIELD_LABELS.has(fp)) return [invalid(path.child('fieldPath'), fp, `error converting fieldPath: field label not supported: ${fp}`)];
  const internal = fp === 'spec.host' ? 'spec.nodeName' : fp;
  return ENV_FIELD_PATHS.includes(internal) ? [] : [notSupported(path.child('fieldPath'), internal, ENV_FIELD_PATHS)];
}

function validateKeySelector(sel: any, path: FieldPath): FieldError[] {
  const errs = nameErrs(nameIsDNSSubdomain, str(sel?.name), path.child('name'));
  const key = str(sel?.key);
  if (!key) errs.push(required(path.child('key')));
  else errs.push(...isConfigMapKey(key).map((m) => invalid(path.child('key'), key, m)));
  return errs;
}

function validateEnv(env: any[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((ev, i) => {
    const idx = path.index(i);
    const name = str(ev?.name);
    if (!name) errs.push(required(idx.child('name')));
    else errs.push(...isRelaxedEnvVarName(name).map((m) => invalid(idx.child('name'), name, m)));
    const vf = ev?.valueFrom;
    if (!isSet(vf)) return;
    const vp = idx.child('valueFrom');
    let sources = 0;
    if (isSet(vf.fieldRef)) {
      sources++;
      errs.push(...validateObjectFieldSelector(vf.fieldRef, vp.child('fieldRef')));
    }
    if (isSet(vf.resourceFieldRef)) {
      sources++;
      const r = str(vf.resourceFieldRef.resource);
      const rp = vp.child('resourceFieldRef');
      if (!r) errs.push(required(rp.child('resource')));
      else if (!RESOURCE_FIELD_PATHS.includes(r) && !/^(requests|limits)\.hugepages-/.test(r)) errs.push(notSupported(rp.child('resource'), r, RESOURCE_FIELD_PATHS));
    }
    if (isSet(vf.configMapKeyRef)) {
      sources++;
      errs.push(...validateKeySelector(vf.configMapKeyRef, vp.child('configMapKeyRef')));
    }
    if (isSet(vf.secretKeyRef)) {
      sources++;
      errs.push(...validateKeySelector(vf.secretKeyRef, vp.child('secretKeyRef')));
    }
    // EnvFiles (KEP-3721): counted as a source; its own checks are not modelled.
    if (isSet(vf.fileKeyRef)) sources++;
    if (sources === 0) errs.push(invalid(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (str(ev.value)) errs.push(invalid(vp, '', 'may not be specified when `value` is not empty'));
    else if (sources > 1) errs.push(invalid(vp, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateEnvFrom(envFrom: any[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  envFrom.forEach((ev, i) => {
    const idx = path.index(i);
    const prefix = str(ev?.prefix);
    if (prefix) errs.push(...isRelaxedEnvVarName(prefix).map((m) => invalid(idx.child('prefix'), prefix, m)));
    let sources = 0;
    for (const ref of ['configMapRef', 'secretRef']) {
      if (!isSet(ev?.[ref])) continue;
      sources++;
      const name = str(ev[ref].name);
      const rp = idx.child(ref, 'name');
      if (!name) errs.push(required(rp));
      else errs.push(...nameIsDNSSubdomain(name, true).map((m) => invalid(rp, name, m)));
    }
    if (sources === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateVolumeMounts(mounts: any[], vols: Map<string, any>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  mounts.forEach((m, i) => {
    const idx = path.index(i);
    const name = str(m?.name);
    const mp = str(m?.mountPath);
    if (!name) errs.push(required(idx.child('name')));
    if (!vols.has(name)) errs.push(notFound(idx.child('name'), name));
    if (!mp) errs.push(required(idx.child('mountPath')));
    if (mountPoints.has(mp)) errs.push(invalid(idx.child('mountPath'), mp, 'must be unique'));
    mountPoints.add(mp);
    const sub = str(m?.subPath);
    const subExpr = str(m?.subPathExpr);
    // Upstream reports subPath problems on the list path, not the item.
    if (sub) errs.push(...validateLocalDescendingPath(sub, path.child('subPath')));
    if (subExpr) {
      if (sub) errs.push(invalid(idx.child('subPathExpr'), subExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(subExpr, path.child('subPathExpr')));
    }
    if (isSet(m?.mountPropagation) && !['Bidirectional', 'HostToContainer', 'None'].includes(m.mountPropagation)) {
      errs.push(notSupported(path.child('mountPropagation'), m.mountPropagation, ['Bidirectional', 'HostToContainer', 'None']));
    }
  });
  return errs;
}

// ---- resources --------------------------------------------------------------------------------

const isNativeResource = (r: string): boolean => !r.includes('/') || r.includes('kubernetes.io/');
const isExtendedResource = (r: string): boolean =>
  !isNativeResource(r) && !r.startsWith('requests.') && isQualifiedName('requests.' + r).length === 0;
const overcommitAllowed = (r: string): boolean => isNativeResource(r) && !isHugePages(r);

function validateContainerResourceName(r: string, path: FieldPath): FieldError[] {
  const errs = qualifiedName(r, path);
  if (errs.length) return errs;
  if (!r.includes('/') && !STANDARD_RESOURCES.has(r) && !isHugePages(r)) errs.push(invalid(path, r, 'must be a standard resource type or fully qualified'));
  if (!r.includes('/')) {
    if (!['cpu', 'memory', 'ephemeral-storage'].includes(r) && !isHugePages(r)) errs.push(invalid(path, r, 'must be a standard resource for containers'));
  } else if (!isNativeResource(r) && !isExtendedResource(r)) {
    errs.push(invalid(path, r, "doesn't follow extended resource name standard"));
  }
  return errs;
}

function validateQuantityValue(r: string, q: Quantity, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (q.sign() < 0) errs.push(invalid(path, q.toString(), IS_NEGATIVE));
  if (isExtendedResource(r) && q.milliValueBig() % 1000n !== 0n) errs.push(invalid(path, rawValue(JSON.stringify(q.toString())), 'must be an integer'));
  return errs;
}

function validateResourceRequirements(res: any, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  const limits = obj(res?.limits);
  const requests = obj(res?.requests);
  let limCpuMem = false;
  let reqCpuMem = false;
  let hugePages = false;
  for (const r of sortedKeys(limits)) {
    const p = limPath.key(r);
    errs.push(...validateContainerResourceName(r, p));
    const q = qty(limits[r]);
    if (q) errs.push(...validateQuantityValue(r, q, p));
    if (isHugePages(r)) hugePages = true;
    if (r === 'cpu' || r === 'memory') limCpuMem = true;
  }
  for (const r of sortedKeys(requests)) {
    const p = reqPath.key(r);
    errs.push(...validateContainerResourceName(r, p));
    const q = qty(requests[r]);
    if (q) errs.push(...validateQuantityValue(r, q, p));
    const lim = r in limits ? qty(limits[r]) : null;
    if (q && lim) {
      if (q.cmp(lim) !== 0 && !overcommitAllowed(r)) {
        errs.push(invalid(reqPath, q.toString(), `must be equal to ${r} limit of ${lim.toString()}`));
      } else if (q.cmp(lim) > 0) {
        errs.push(invalid(reqPath, q.toString(), `must be less than or equal to ${r} limit of ${lim.toString()}`));
      }
    } else if (!(r in limits) && !overcommitAllowed(r)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePages(r)) hugePages = true;
    if (r === 'cpu' || r === 'memory') reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && hugePages) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}

// ---- probes and lifecycle ---------------------------------------------------------------------

function validateHandler(h: any, keys: readonly string[], grace: number | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const k of keys) {
    if (!isSet(h?.[k])) continue;
    if (count > 0) {
      errs.push(forbidden(path.child(k), 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    const v = h[k];
    const p = path.child(k);
    if (k === 'exec' && list(v.command).length === 0) errs.push(required(p.child('command')));
    if (k === 'httpGet') {
      if (!v.path) errs.push(required(p.child('path')));
      errs.push(...validatePortNumOrName(v.port, p.child('port')));
      if (!['HTTP', 'HTTPS'].includes(str(v.scheme))) errs.push(notSupported(p.child('scheme'), str(v.scheme), ['HTTP', 'HTTPS']));
      for (const hd of list(v.httpHeaders)) errs.push(...isHTTPHeaderName(str(hd?.name)).map((m) => invalid(p.child('httpHeaders'), str(hd?.name), m)));
    }
    if (k === 'tcpSocket') errs.push(...validatePortNumOrName(v.port, p.child('port')));
    if (k === 'grpc') errs.push(...validatePortNumOrName(int(v.port), p.child('port')));
    if (k === 'sleep' && grace !== undefined && (int(v.seconds) < 0 || int(v.seconds) > grace)) {
      errs.push(invalid(p, int(v.seconds), `must be non-negative and less than terminationGracePeriodSeconds (${grace})`));
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

function validateProbe(probe: any, kind: 'liveness' | 'readiness' | 'startup', grace: number | undefined, path: FieldPath): FieldError[] {
  if (!isSet(probe)) return [];
  const errs = validateHandler(probe, PROBE_HANDLERS, grace, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...validateNonnegative(int(probe[f]), path.child(f)));
  }
  if (isSet(probe.terminationGracePeriodSeconds) && int(probe.terminationGracePeriodSeconds) <= 0) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), int(probe.terminationGracePeriodSeconds), 'must be greater than 0'));
  }
  if (kind !== 'readiness' && int(probe.successThreshold) !== 1) errs.push(invalid(path.child('successThreshold'), int(probe.successThreshold), 'must be 1'));
  if (kind === 'readiness' && isSet(probe.terminationGracePeriodSeconds)) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  return errs;
}

function validateLifecycle(lc: any, grace: number | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    if (isSet(lc?.[hook])) errs.push(...validateHandler(lc[hook], LIFECYCLE_HANDLERS, grace, path.child(hook)));
  }
  return errs;
}

function validateSecurityContext(sc: any, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (isSet(sc?.runAsUser)) errs.push(...isValidUserID(int(sc.runAsUser)).map((m) => invalid(path.child('runAsUser'), int(sc.runAsUser), m)));
  if (isSet(sc?.runAsGroup)) errs.push(...isValidGroupID(int(sc.runAsGroup)).map((m) => invalid(path.child('runAsGroup'), int(sc.runAsGroup), m)));
  return errs;
}

// ---- containers -------------------------------------------------------------------------------

function validateContainerCommon(c: any, vols: Map<string, any>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c?.name);
  if (!name) errs.push(required(path.child('name')));
  else errs.push(...dns1123Label(name, path.child('name')));
  if (!c?.image) errs.push(required(path.child('image')));
  const tmp = str(c?.terminationMessagePolicy);
  if (!tmp) errs.push(required(path.child('terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(list(c?.ports), path.child('ports')));
  errs.push(...validateEnv(list(c?.env), path.child('env')));
  errs.push(...validateEnvFrom(list(c?.envFrom), path.child('envFrom')));
  errs.push(...validateVolumeMounts(list(c?.volumeMounts), vols, path.child('volumeMounts')));
  const pull = str(c?.imagePullPolicy);
  if (!pull) errs.push(required(path.child('imagePullPolicy')));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pull)) errs.push(notSupported(path.child('imagePullPolicy'), pull, ['Always', 'IfNotPresent', 'Never']));
  errs.push(...validateResourceRequirements(c?.resources, path.child('resources')));
  errs.push(...validateSecurityContext(c?.securityContext, path.child('securityContext')));
  return errs;
}

function checkHostPortConflicts(containers: any[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    list(c?.ports).forEach((p, pi) => {
      const hp = int(p?.hostPort);
      if (hp === 0) return;
      const key = `${str(p?.protocol)}/${str(p?.hostIP)}/${hp}`;
      if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}

function validateContainers(containers: any[], vols: Map<string, any>, grace: number | undefined, path: FieldPath): FieldError[] {
  if (containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(c, vols, p));
    const name = str(c?.name);
    if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    else names.add(name);
    if (isSet(c?.lifecycle)) errs.push(...validateLifecycle(c.lifecycle, grace, p.child('lifecycle')));
    errs.push(...validateProbe(c?.livenessProbe, 'liveness', grace, p.child('livenessProbe')));
    errs.push(...validateProbe(c?.readinessProbe, 'readiness', grace, p.child('readinessProbe')));
    errs.push(...validateProbe(c?.startupProbe, 'startup', grace, p.child('startupProbe')));
    if (isSet(c?.restartPolicy)) errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
  });
  return errs.concat(checkHostPortConflicts(containers, path));
}

function validateInitContainers(inits: any[], regular: any[], vols: Map<string, any>, grace: number | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(regular.map((c) => str(c?.name)));
  inits.forEach((c, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(c, vols, p));
    let always = false;
    if (isSet(c?.restartPolicy)) {
      if (c.restartPolicy !== 'Always') errs.push(notSupported(p.child('restartPolicy'), c.restartPolicy, ['Always']));
      always = c.restartPolicy === 'Always';
    }
    const name = str(c?.name);
    if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    else if (name) names.add(name);
    errs.push(...checkHostPortConflicts([c], path));
    if (always) {
      if (isSet(c.lifecycle)) errs.push(...validateLifecycle(c.lifecycle, grace, p.child('lifecycle')));
      errs.push(...validateProbe(c.livenessProbe, 'liveness', grace, p.child('livenessProbe')));
      errs.push(...validateProbe(c.readinessProbe, 'readiness', grace, p.child('readinessProbe')));
      errs.push(...validateProbe(c.startupProbe, 'startup', grace, p.child('startupProbe')));
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (isSet(c?.[f])) errs.push(forbidden(p.child(f), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

function validateTolerations(tolerations: any[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
  tolerations.forEach((t, i) => {
    const p = path.index(i);
    const key = str(t?.key);
    const op = str(t?.operator);
    const value = str(t?.value);
    const effect = str(t?.effect);
    if (key) errs.push(...validateLabelName(key, p.child('key')));
    if (!key && op !== 'Exists') {
      errs.push(invalid(p.child('operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (isSet(t?.tolerationSeconds) && effect !== 'NoExecute') {
      errs.push(invalid(p.child('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length) errs.push(invalid(p.child('operator'), value, msgs.join(';')));
    } else if (op === 'Exists') {
      if (value) errs.push(invalid(p.child('operator'), value, "value must be empty when `operator` is 'Exists'"));
    } else errs.push(notSupported(p.child('operator'), op, ['Equal', 'Exists']));
    if (effect && !effects.includes(effect)) errs.push(notSupported(p.child('effect'), effect, effects));
  });
  return errs;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const MAX_INT32 = 2147483647;

/** ValidatePodSpec. `podMeta` is only given for real pods. */
function validatePodSpec(spec: any, path: FieldPath, opts: PodOpts): FieldError[] {
  const errs: FieldError[] = [];
  if (!isSet(spec?.terminationGracePeriodSeconds)) errs.push(required(path.child('terminationGracePeriodSeconds')));
  const grace = isSet(spec?.terminationGracePeriodSeconds) ? int(spec.terminationGracePeriodSeconds) : undefined;
  const { vols, errs: volErrs } = validateVolumes(list(spec?.volumes), path.child('volumes'));
  errs.push(...volErrs);
  errs.push(...validateContainers(list(spec?.containers), vols, grace, path.child('containers')));
  errs.push(...validateInitContainers(list(spec?.initContainers), list(spec?.containers), vols, grace, path.child('initContainers')));

  if (spec?.hostNetwork) {
    list(spec.containers).forEach((c, ci) => list(c?.ports).forEach((port, pi) => {
      const hp = int(port?.hostPort);
      const cp = int(port?.containerPort);
      if ((opts.resourceIsPod || hp !== 0) && hp !== cp) {
        errs.push(invalid(path.child('containers').index(ci).child('ports').index(pi).child('hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    }));
  }

  const rp = str(spec?.restartPolicy);
  if (!rp) errs.push(required(path.child('restartPolicy')));
  else if (!RESTART_POLICIES.includes(rp)) errs.push(notSupported(path.child('restartPolicy'), rp, RESTART_POLICIES));
  const dp = str(spec?.dnsPolicy);
  if (!dp) errs.push(required(path.child('dnsPolicy')));
  else if (!DNS_POLICIES.includes(dp)) errs.push(notSupported(path.child('dnsPolicy'), dp, DNS_POLICIES));
  errs.push(...validateLabels(spec?.nodeSelector, path.child('nodeSelector')));

  const psc = obj(spec?.securityContext);
  const scPath = path.child('securityContext');
  if (isSet(psc.fsGroup)) errs.push(...isValidGroupID(int(psc.fsGroup)).map((m) => invalid(scPath.child('fsGroup'), int(psc.fsGroup), m)));
  errs.push(...validateSecurityContext(psc, scPath));
  list(psc.supplementalGroups).forEach((g, i) => errs.push(...isValidGroupID(int(g)).map((m) => invalid(scPath.child('supplementalGroups').index(i), int(g), m))));
  if (spec?.shareProcessNamespace === true && spec?.hostPID === true) {
    errs.push(invalid(scPath.child('shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }

  if (dp === 'None' && !isSet(spec?.dnsConfig)) errs.push(required(path.child('dnsConfig'), 'must provide `dnsConfig` when `dnsPolicy` is None'));
  else if (dp === 'None' && list(spec.dnsConfig.nameservers).length === 0) {
    errs.push(required(path.child('dnsConfig', 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None'));
  }
  list(spec?.readinessGates).forEach((g, i) => errs.push(...qualifiedName(str(g?.conditionType), path.child('readinessGates').index(i).child('conditionType'))));

  if (spec?.serviceAccountName) errs.push(...nameErrs(nameIsDNSSubdomain, spec.serviceAccountName, path.child('serviceAccountName')));
  if (spec?.nodeName) errs.push(...nameErrs(nameIsDNSSubdomain, spec.nodeName, path.child('nodeName')));
  if (isSet(spec?.activeDeadlineSeconds)) {
    const v = int(spec.activeDeadlineSeconds);
    if (v < 1 || v > MAX_INT32) errs.push(invalid(path.child('activeDeadlineSeconds'), v, inclusiveRangeError(1, MAX_INT32)));
  }
  if (spec?.hostname) errs.push(...dns1123Label(spec.hostname, path.child('hostname')));
  if (spec?.subdomain) errs.push(...dns1123Label(spec.subdomain, path.child('subdomain')));
  errs.push(...validateTolerations(list(spec?.tolerations), path.child('tolerations')));
  list(spec?.hostAliases).forEach((ha, i) => {
    const hp = path.child('hostAliases').index(i);
    errs.push(...validateIP(hp.child('ip'), str(ha?.ip)));
    list(ha?.hostnames).forEach((h, j) => errs.push(...dns1123Subdomain(str(h), hp.child('hostnames').index(j))));
  });
  if (spec?.priorityClassName) errs.push(...nameErrs(nameIsDNSSubdomain, spec.priorityClassName, path.child('priorityClassName')));
  if (isSet(spec?.runtimeClassName)) errs.push(...nameErrs(nameIsDNSSubdomain, str(spec.runtimeClassName), path.child('runtimeClassName')));
  if (isSet(spec?.preemptionPolicy)) {
    const pp = str(spec.preemptionPolicy);
    if (!pp) errs.push(required(path.child('preemptionPolicy')));
    else if (pp !== 'PreemptLowerPriority' && pp !== 'Never') errs.push(notSupported(path.child('preemptionPolicy'), pp, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

/** ValidatePodTemplateSpec: note labels/annotations paths are `<path>.labels`, not metadata.labels. */
function validatePodTemplateSpec(template: any, path: FieldPath): FieldError[] {
  const meta = obj(template?.metadata);
  const errs = validateLabels(meta.labels, path.child('labels'));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validatePodSpec(obj(template?.spec), path.child('spec'), { resourceIsPod: false }));
  if (list(template?.spec?.ephemeralContainers).length > 0) {
    errs.push(forbidden(path.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

function validatePodMetadataAndSpec(pod: KObject): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  const specPath = P('spec');
  errs.push(...validatePodSpec(obj(pod['spec']), specPath, { resourceIsPod: true }));
  for (const field of ['containers', 'initContainers']) {
    list(pod['spec']?.[field]).forEach((c, i) => {
      const image = str(c?.image);
      if (image.length !== image.trim().length) errs.push(invalid(specPath.child(field).index(i).child('image'), image, 'must not have leading or trailing whitespace'));
    });
  }
  return errs;
}

function validatePodCreate(pod: KObject): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = obj(pod['spec']);
  if (list(spec.ephemeralContainers).length > 0) errs.push(forbidden(P('spec', 'ephemeralContainers'), 'cannot be set on create'));
  if (spec.nodeName && list(spec.schedulingGates).length > 0) {
    errs.push(forbidden(P('spec', 'nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

export const UPDATABLE_POD_SPEC_FIELDS =
  '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,' +
  '`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

// Go field names where capitalising the JSON name is not enough.
const GO_FIELD_NAMES: Record<string, string> = {
  dnsPolicy: 'DNSPolicy', dnsConfig: 'DNSConfig', hostIPC: 'HostIPC', hostPID: 'HostPID', os: 'OS',
  imagePullSecrets: 'ImagePullSecrets', setHostnameAsFQDN: 'SetHostnameAsFQDN', tty: 'TTY',
};
const goField = (k: string): string => GO_FIELD_NAMES[k] ?? k.charAt(0).toUpperCase() + k.slice(1);

/** A go-cmp-like literal; cmp's exact layout is intentionally unstable upstream, so this is a sketch. */
function goLiteral(v: unknown): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `{${v.map(goLiteral).join(', ')}}`;
  return `{${Object.entries(v).map(([k, x]) => `${goField(k)}: ${goLiteral(x)}`).join(', ')}}`;
}

/** Approximation of cmp.Diff(old, new) on a PodSpec: changed top-level fields only. */
export function podSpecDiff(oldSpec: any, newSpec: any, typeName = 'core.PodSpec'): string {
  const keys = [...new Set([...Object.keys(obj(oldSpec)), ...Object.keys(obj(newSpec))])];
  const changed = keys.filter((k) => !deepEqual(oldSpec?.[k] ?? null, newSpec?.[k] ?? null));
  let out = `  ${typeName}{\n`;
  for (const k of changed) {
    if (isSet(oldSpec?.[k])) out += `- \t${goField(k)}: ${goLiteral(oldSpec[k])},\n`;
    if (isSet(newSpec?.[k])) out += `+ \t${goField(k)}: ${goLiteral(newSpec[k])},\n`;
  }
  const same = keys.length - changed.length;
  if (same > 0) out += `  \t... // ${same} identical fields\n`;
  return out + '  }\n';
}

function tolerationEq(a: any, b: any): boolean {
  return deepEqual({ ...obj(a), tolerationSeconds: undefined }, { ...obj(b), tolerationSeconds: undefined });
}

function validatePodUpdate(pod: KObject, old: KObject): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodMetadataAndSpec(pod));
  const spec = obj(pod['spec']);
  const oldSpec = obj(old['spec']);
  const specPath = P('spec');
  for (const field of ['containers', 'initContainers']) {
    const nc = list(spec[field]);
    const oc = list(oldSpec[field]);
    if (nc.length !== oc.length) {
      errs.push(forbidden(specPath.child(field), 'pod updates may not add or remove containers'));
      return errs;
    }
    nc.forEach((c, i) => {
      const image = str(c?.image);
      if (!image) errs.push(required(specPath.child(field).index(i).child('image')));
      if (image.trim().length !== image.length) errs.push(invalid(specPath.child(field).index(i).child('image'), image, 'must not have leading or trailing whitespace'));
    });
  }
  if (isSet(spec.activeDeadlineSeconds)) {
    const nv = int(spec.activeDeadlineSeconds);
    if (nv < 0 || nv > MAX_INT32) {
      errs.push(invalid(specPath.child('activeDeadlineSeconds'), nv, inclusiveRangeError(0, MAX_INT32)));
      return errs;
    }
    if (isSet(oldSpec.activeDeadlineSeconds) && int(oldSpec.activeDeadlineSeconds) < nv) {
      errs.push(invalid(specPath.child('activeDeadlineSeconds'), nv, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (isSet(oldSpec.activeDeadlineSeconds)) {
    errs.push(invalid(specPath.child('activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'));
  }
  const newTols = list(spec.tolerations);
  const removed = list(oldSpec.tolerations).some((ot) => !newTols.some((nt) => tolerationEq(ot, nt)));
  if (removed) errs.push(forbidden(specPath.child('tolerations'), 'existing toleration can not be modified except its tolerationSeconds'));
  else errs.push(...validateTolerations(newTols, specPath.child('tolerations')));
  if (deepEqual(spec, oldSpec)) return errs;

  // Mask the updatable fields with their old values, then compare.
  const munged: any = structuredClone(spec);
  for (const field of ['containers', 'initContainers']) {
    if (Array.isArray(munged[field])) munged[field] = munged[field].map((c: any, i: number) => ({ ...c, image: oldSpec[field][i]?.image }));
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  if (int(oldSpec.terminationGracePeriodSeconds) < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  if (!deepEqual(munged, oldSpec)) {
    errs.push(forbidden(specPath, `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS}\n${podSpecDiff(oldSpec, munged)}`));
  }
  return errs;
}

// ================================================================================================
// Workload controllers (apps, core RC)
// ================================================================================================

/** ValidatePositiveIntOrPercent. */
function validatePositiveIntOrPercent(v: unknown, path: FieldPath): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, intOrStr(v), m));
  return validateNonnegative(int(v), path);
}

function percentValue(v: unknown): number | null {
  return typeof v === 'string' && /^[0-9]+%$/.test(v) ? Number(v.slice(0, -1)) : null;
}
const intOrPercentValue = (v: unknown): number => percentValue(v) ?? intValue(v);

function notMoreThan100Percent(v: unknown, path: FieldPath): FieldError[] {
  const p = percentValue(v);
  return p !== null && p > 100 ? [invalid(path, intOrStr(v), 'must not be greater than 100%')] : [];
}

/** Selector + template-label agreement shared by the replica-style controllers. */
function templateSelectorMismatch(sel: LabelSelector | null | undefined, template: any, path: FieldPath): FieldError[] {
  const labels = template?.metadata?.labels;
  const { empty, matches } = selectorMatches(sel, labels);
  return !empty && !matches ? [invalid(path.child('metadata', 'labels'), labels ?? null, '`selector` does not match template `labels`')] : [];
}

/** ValidatePodTemplateSpecForReplicaSet (also used by Deployments, whose message says ReplicaSet). */
function validateTemplateForReplicaSet(template: any, sel: LabelSelector | null | undefined, path: FieldPath, kindWord: string): FieldError[] {
  const errs = templateSelectorMismatch(sel, template, path);
  errs.push(...validatePodTemplateSpec(template, path));
  const rp = str(template?.spec?.restartPolicy);
  if (rp !== 'Always') errs.push(notSupported(path.child('spec', 'restartPolicy'), rp, ['Always']));
  if (isSet(template?.spec?.activeDeadlineSeconds)) {
    errs.push(forbidden(path.child('spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kindWord} is not Supported`));
  }
  return errs;
}

/** Selector checks common to Deployment/ReplicaSet/StatefulSet (required, strict, non-empty). */
function validateRequiredSelector(sel: any, path: FieldPath, kindWord: string): FieldError[] {
  if (!isSet(sel)) return [required(path)];
  const errs = validateLabelSelector(sel, path);
  if (Object.keys(obj(sel.matchLabels)).length + list(sel.matchExpressions).length === 0) {
    errs.push(invalid(path, labelSelectorValue(sel), `empty selector is invalid for ${kindWord}`));
  }
  return errs;
}

function validateDeploymentStrategy(strategy: any, path: FieldPath): FieldError[] {
  const type = str(strategy?.type);
  const ru = strategy?.rollingUpdate;
  if (type === 'Recreate') {
    return isSet(ru) ? [forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (type === 'RollingUpdate') {
    if (!isSet(ru)) return [required(path.child('rollingUpdate'), 'this should be defaulted and never be nil')];
    const rp = path.child('rollingUpdate');
    const errs = validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable'));
    errs.push(...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge')));
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(invalid(rp.child('maxUnavailable'), intOrStr(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
    }
    errs.push(...notMoreThan100Percent(ru.maxUnavailable, rp.child('maxUnavailable')));
    return errs;
  }
  // The bad value is the internal apps.DeploymentStrategy struct (no json tags).
  const value = goStruct([['Type', type], ['RollingUpdate', isSet(ru) ? goStruct([['MaxUnavailable', intOrStr(ru.maxUnavailable)], ['MaxSurge', intOrStr(ru.maxSurge)]]) : null]]);
  return [notSupported(path, value, ['Recreate', 'RollingUpdate'])];
}

function validateDeploymentSpec(spec: any, path: FieldPath): FieldError[] {
  const errs = validateNonnegative(int(spec?.replicas), path.child('replicas'));
  errs.push(...validateRequiredSelector(spec?.selector, path.child('selector'), 'deployment'));
  if (!labelSelectorConvertible(spec?.selector)) errs.push(invalid(path.child('selector'), labelSelectorValue(spec.selector), 'invalid label selector'));
  else errs.push(...validateTemplateForReplicaSet(spec?.template, spec?.selector, path.child('template'), 'ReplicaSet'));
  errs.push(...validateDeploymentStrategy(spec?.strategy, path.child('strategy')));
  errs.push(...validateNonnegative(int(spec?.minReadySeconds), path.child('minReadySeconds')));
  if (isSet(spec?.revisionHistoryLimit)) errs.push(...validateNonnegative(int(spec.revisionHistoryLimit), path.child('revisionHistoryLimit')));
  if (isSet(spec?.progressDeadlineSeconds)) {
    const pds = int(spec.progressDeadlineSeconds);
    errs.push(...validateNonnegative(pds, path.child('progressDeadlineSeconds')));
    if (pds <= int(spec.minReadySeconds)) errs.push(invalid(path.child('progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

function validateReplicaSetSpec(spec: any, path: FieldPath): FieldError[] {
  const errs = validateNonnegative(int(spec?.replicas), path.child('replicas'));
  errs.push(...validateNonnegative(int(spec?.minReadySeconds), path.child('minReadySeconds')));
  // Upstream reuses the Deployment wording here.
  errs.push(...validateRequiredSelector(spec?.selector, path.child('selector'), 'deployment'));
  if (!labelSelectorConvertible(spec?.selector)) errs.push(invalid(path.child('selector'), labelSelectorValue(spec.selector), 'invalid label selector'));
  else errs.push(...validateTemplateForReplicaSet(spec?.template, spec?.selector, path.child('template'), 'ReplicaSet'));
  return errs;
}

function validateDaemonSetSpec(spec: any, path: FieldPath): FieldError[] {
  const errs = validateLabelSelector(spec?.selector, path.child('selector'));
  if (labelSelectorConvertible(spec?.selector)) errs.push(...templateSelectorMismatch(spec?.selector, spec?.template, path.child('template')));
  const sel = spec?.selector;
  if (isSet(sel) && Object.keys(obj(sel.matchLabels)).length + list(sel.matchExpressions).length === 0) {
    errs.push(invalid(path.child('selector'), labelSelectorValue(sel), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validatePodTemplateSpec(spec?.template, path.child('template')));
  const rp = str(spec?.template?.spec?.restartPolicy);
  if (rp !== 'Always') errs.push(notSupported(path.child('template', 'spec', 'restartPolicy'), rp, ['Always']));
  if (isSet(spec?.template?.spec?.activeDeadlineSeconds)) {
    errs.push(forbidden(path.child('template', 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...validateNonnegative(int(spec?.minReadySeconds), path.child('minReadySeconds')));
  const us = obj(spec?.updateStrategy);
  const usPath = path.child('updateStrategy');
  if (us.type === 'RollingUpdate') {
    if (!isSet(us.rollingUpdate)) errs.push(required(usPath.child('rollingUpdate')));
    else {
      const rp2 = usPath.child('rollingUpdate');
      const ru = us.rollingUpdate;
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, rp2.child('maxUnavailable')));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, rp2.child('maxSurge')));
      errs.push(...notMoreThan100Percent(ru.maxUnavailable, rp2.child('maxUnavailable')));
      errs.push(...notMoreThan100Percent(ru.maxSurge, rp2.child('maxSurge')));
      const hasU = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasS = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasU && hasS) errs.push(invalid(rp2.child('maxSurge'), intOrStr(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
      if (!hasU && !hasS) errs.push(required(rp2.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
    }
  } else if (us.type !== 'OnDelete') {
    const ru = us.rollingUpdate;
    const value = goStruct([['Type', str(us.type)], ['RollingUpdate', isSet(ru) ? goStruct([['MaxUnavailable', intOrStr(ru.maxUnavailable)], ['MaxSurge', intOrStr(ru.maxSurge)]]) : null]]);
    errs.push(notSupported(usPath, value, ['RollingUpdate', 'OnDelete']));
  }
  if (isSet(spec?.revisionHistoryLimit)) errs.push(...validateNonnegative(int(spec.revisionHistoryLimit), path.child('revisionHistoryLimit')));
  return errs;
}

function validateStatefulSetSpec(spec: any, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = str(spec?.podManagementPolicy);
  if (!pmp) errs.push(required(path.child('podManagementPolicy')));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid(path.child('podManagementPolicy'), pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us = obj(spec?.updateStrategy);
  const usPath = path.child('updateStrategy');
  const ruValue = (ru: any) => (isSet(ru) ? goStruct([['Partition', int(ru.partition)], ['MaxUnavailable', isSet(ru.maxUnavailable) ? intOrStr(ru.maxUnavailable) : null]]) : null);
  switch (str(us.type)) {
    case '':
      errs.push(required(usPath));
      break;
    case 'OnDelete':
      if (isSet(us.rollingUpdate)) errs.push(invalid(usPath.child('rollingUpdate'), ruValue(us.rollingUpdate), "only allowed for updateStrategy 'RollingUpdate'"));
      break;
    case 'RollingUpdate':
      if (isSet(us.rollingUpdate)) {
        const rp = usPath.child('rollingUpdate');
        errs.push(...validateNonnegative(int(us.rollingUpdate.partition), rp.child('partition')));
        const mu = us.rollingUpdate.maxUnavailable;
        if (isSet(mu)) {
          errs.push(...validatePositiveIntOrPercent(mu, rp.child('maxUnavailable')));
          if (intOrPercentValue(mu) === 0) errs.push(invalid(rp.child('maxUnavailable'), intOrStr(mu), 'cannot be 0'));
          errs.push(...notMoreThan100Percent(mu, rp.child('maxUnavailable')));
        }
      }
      break;
    default:
      errs.push(invalid(usPath, goStruct([['Type', str(us.type)], ['RollingUpdate', ruValue(us.rollingUpdate)]]), "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = spec?.persistentVolumeClaimRetentionPolicy;
  if (isSet(retention)) {
    for (const f of ['whenDeleted', 'whenScaled']) {
      const v = str(retention[f]);
      if (v !== 'Retain' && v !== 'Delete') errs.push(notSupported(path.child('persistentVolumeClaimRetentionPolicy', f), v, ['Retain', 'Delete']));
    }
  }
  errs.push(...validateNonnegative(int(spec?.replicas), path.child('replicas')));
  errs.push(...validateNonnegative(int(spec?.minReadySeconds), path.child('minReadySeconds')));
  if (isSet(spec?.ordinals)) errs.push(...validateNonnegative(int(spec.ordinals.start), path.child('ordinals.start')));
  errs.push(...validateRequiredSelector(spec?.selector, path.child('selector'), 'statefulset'));
  if (!labelSelectorConvertible(spec?.selector)) errs.push(invalid(path.child('selector'), labelSelectorValue(spec.selector), ''));
  else {
    // StatefulSet templates get only label/annotation checks, not full pod-spec validation.
    const tp = path.child('template');
    errs.push(...templateSelectorMismatch(spec?.selector, spec?.template, tp));
    errs.push(...validateLabels(spec?.template?.metadata?.labels, tp.child('labels')));
    errs.push(...validateAnnotations(spec?.template?.metadata?.annotations, tp.child('annotations')));
  }
  const rp = str(spec?.template?.spec?.restartPolicy);
  if (rp !== 'Always') errs.push(notSupported(path.child('template', 'spec', 'restartPolicy'), rp, ['Always']));
  if (isSet(spec?.template?.spec?.activeDeadlineSeconds)) {
    errs.push(forbidden(path.child('template', 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

function validateReplicationControllerSpec(spec: any, path: FieldPath): FieldError[] {
  const errs = validateNonnegative(int(spec?.minReadySeconds), path.child('minReadySeconds'));
  const selector = obj(spec?.selector);
  const nonEmpty = Object.keys(selector).length > 0;
  if (!nonEmpty) errs.push(required(path.child('selector')));
  errs.push(...validateNonnegative(int(spec?.replicas), path.child('replicas')));
  const tp = path.child('template');
  if (!isSet(spec?.template)) errs.push(required(tp));
  else {
    const template = spec.template;
    if (nonEmpty && !selectorMatches({ matchLabels: selector }, template?.metadata?.labels).matches) {
      errs.push(invalid(tp.child('metadata', 'labels'), template?.metadata?.labels ?? null, '`selector` does not match template `labels`'));
    }
    errs.push(...validatePodTemplateSpec(template, tp));
    const rp = str(template?.spec?.restartPolicy);
    if (rp !== 'Always') errs.push(notSupported(tp.child('spec', 'restartPolicy'), rp, ['Always']));
    if (isSet(template?.spec?.activeDeadlineSeconds)) {
      errs.push(forbidden(tp.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicationController is not Supported'));
    }
  }
  return errs;
}

const selectorImmutable = (n: KObject, o: KObject): FieldError[] =>
  validateImmutableField(n['spec']?.selector ?? null, o['spec']?.selector ?? null, P('spec', 'selector'), labelSelectorValue(n['spec']?.selector));

export const STATEFULSET_FORBIDDEN_UPDATE =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

function validateStatefulSetUpdate(n: KObject, o: KObject): FieldError[] {
  const errs = validateObjectMetaUpdate(n.metadata, o.metadata);
  errs.push(...validateStatefulSetSpec(obj(n['spec']), P('spec')));
  const masked = { ...obj(n['spec']) };
  const old = obj(o['spec']);
  for (const f of ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy']) masked[f] = old[f];
  if (!deepEqual(masked, old)) errs.push(forbidden(P('spec'), STATEFULSET_FORBIDDEN_UPDATE));
  return errs;
}

// ================================================================================================
// batch: Job, CronJob
// ================================================================================================

function validateHasLabel(meta: any, path: FieldPath, key: string, expected: string): FieldError[] {
  const labels = meta?.labels;
  const p = path.child('labels').key(key);
  if (!labels || !Object.prototype.hasOwnProperty.call(labels, key)) return [required(p, `must be '${expected}'`)];
  return labels[key] !== expected ? [invalid(p, labels, `must be '${expected}'`)] : [];
}

/** Labels the job strategy adds to generated selectors (validateGeneratedSelector). */
function validateGeneratedSelector(job: KObject): FieldError[] {
  const spec = obj(job['spec']);
  if (spec.manualSelector === true || !isSet(spec.selector)) return [];
  const errs: FieldError[] = [];
  const uid = str(job.metadata?.uid);
  const name = str(job.metadata?.name);
  if (!uid) errs.push(required(P('metadata', 'uid')));
  const tm = P('spec', 'template', 'metadata');
  const meta = spec.template?.metadata;
  errs.push(...validateHasLabel(meta, tm, 'controller-uid', uid));
  errs.push(...validateHasLabel(meta, tm, 'job-name', name));
  errs.push(...validateHasLabel(meta, tm, 'batch.kubernetes.io/controller-uid', uid));
  errs.push(...validateHasLabel(meta, tm, 'batch.kubernetes.io/job-name', name));
  const expected = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  if (labelSelectorConvertible(spec.selector) && !selectorMatches(spec.selector, expected).matches) {
    errs.push(invalid(P('spec', 'selector'), labelSelectorValue(spec.selector), '`selector` not auto-generated'));
  }
  return errs;
}

function validateJobSpecBody(spec: any, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex']) {
    if (isSet(spec?.[f])) errs.push(...validateNonnegative(int(spec[f]), path.child(f)));
  }
  if (isSet(spec?.maxFailedIndexes)) {
    errs.push(...validateNonnegative(int(spec.maxFailedIndexes), path.child('maxFailedIndexes')));
    if (!isSet(spec.backoffLimitPerIndex)) errs.push(required(path.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  const mode = spec?.completionMode;
  if (isSet(mode)) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(path.child('completionMode'), mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed' && !isSet(spec.completions)) errs.push(required(path.child('completions'), 'when completion mode is Indexed'));
  }
  if (!isSet(mode) || mode === 'NonIndexed') {
    if (isSet(spec?.backoffLimitPerIndex)) errs.push(invalid(path.child('backoffLimitPerIndex'), int(spec.backoffLimitPerIndex), 'requires indexed completion mode'));
    if (isSet(spec?.maxFailedIndexes)) errs.push(invalid(path.child('maxFailedIndexes'), int(spec.maxFailedIndexes), 'requires indexed completion mode'));
  }
  if (isSet(spec?.podReplacementPolicy) && !['Failed', 'TerminatingOrFailed'].includes(spec.podReplacementPolicy)) {
    errs.push(notSupported(path.child('podReplacementPolicy'), spec.podReplacementPolicy, ['Failed', 'TerminatingOrFailed']));
  }
  errs.push(...validatePodTemplateSpec(spec?.template, path.child('template')));
  const rp = str(spec?.template?.spec?.restartPolicy);
  const rpPath = path.child('template', 'spec', 'restartPolicy');
  if (rp === 'Always' || rp === '') errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (isSet(spec?.podFailurePolicy) && rp !== 'Never') errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

function validateJobSpec(spec: any, path: FieldPath): FieldError[] {
  const errs = validateJobSpecBody(spec, path);
  if (!isSet(spec?.selector)) errs.push(required(path.child('selector')));
  else errs.push(...validateLabelSelector(spec.selector, path.child('selector')));
  if (labelSelectorConvertible(spec?.selector)) errs.push(...templateSelectorMismatch(spec?.selector, spec?.template, path.child('template')));
  return errs;
}

function validateJob(job: KObject): FieldError[] {
  const errs = validateObjectMeta(job.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateGeneratedSelector(job));
  const spec = obj(job['spec']);
  errs.push(...validateJobSpec(spec, P('spec')));
  if (spec.completionMode === 'Indexed' && int(spec.completions) > 0) {
    const host = `${str(job.metadata?.name)}-${int(spec.completions) - 1}`;
    if (isDNS1123Label(host).length) {
      errs.push(invalid(P('metadata', 'name'), str(job.metadata?.name), `will not able to create pod with invalid DNS label: ${host}`));
    }
  }
  return errs;
}

function validateJobUpdate(n: KObject, o: KObject): FieldError[] {
  const errs = validateObjectMetaUpdate(n.metadata, o.metadata);
  const spec = obj(n['spec']);
  const old = obj(o['spec']);
  const sp = P('spec');
  errs.push(...validateJobSpec(spec, sp));
  errs.push(...validateImmutableField(spec.completions ?? null, old.completions ?? null, sp.child('completions')));
  errs.push(...validateImmutableField(spec.selector ?? null, old.selector ?? null, sp.child('selector'), labelSelectorValue(spec.selector)));
  // The bad value upstream is the internal core.PodTemplateSpec; rendered here as its JSON.
  errs.push(...validateImmutableField(spec.template ?? null, old.template ?? null, sp.child('template')));
  for (const f of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy']) {
    errs.push(...validateImmutableField(spec[f] ?? null, old[f] ?? null, sp.child(f)));
  }
  return errs;
}

// ---- cron schedules (robfig/cron/v3 ParseStandard) ----------------------------------------------

const CRON_BOUNDS: Array<{ min: number; max: number; names?: Record<string, number> }> = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } },
  { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } },
];

/** strconv.Atoi-based parse with robfig's error texts. */
function cronInt(expr: string): number | string {
  if (!/^[+-]?\d+$/.test(expr)) return `failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: invalid syntax`;
  const n = Number(expr);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63) return `failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: value out of range`;
  if (n < 0) return `negative number (${n}) not allowed: ${expr}`;
  return n;
}

function cronRange(expr: string, b: { min: number; max: number; names?: Record<string, number> }): string | null {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: number;
  let end: number;
  const named = (s: string): number | string => (b.names && b.names[s.toLowerCase()] !== undefined ? b.names[s.toLowerCase()]! : cronInt(s));
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
  } else {
    const s = named(lowAndHigh[0]!);
    if (typeof s === 'string') return s;
    start = s;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = named(lowAndHigh[1]!);
      if (typeof e === 'string') return e;
      end = e;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = cronInt(rangeAndStep[1]!);
    if (typeof s === 'string') return s;
    step = s;
    if (lowAndHigh.length === 1 && lowAndHigh[0] !== '*' && lowAndHigh[0] !== '?') end = b.max;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < b.min) return `beginning of range (${start}) below minimum (${b.min}): ${expr}`;
  if (end > b.max) return `end of range (${end}) above maximum (${b.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return null;
}

/** Returns robfig/cron's error text, or null when the schedule parses. */
export function cronParseError(spec: string): string | null {
  if (spec.length === 0) return 'empty spec string';
  let s = spec;
  if (s.startsWith('TZ=') || s.startsWith('CRON_TZ=')) {
    const i = s.indexOf(' ');
    const eq = s.indexOf('=');
    const loc = s.slice(eq + 1, i < 0 ? undefined : i);
    if (!isKnownTimeZone(loc)) return `provided bad location ${loc}: unknown time zone ${loc}`;
    s = i < 0 ? '' : s.slice(i).trim();
  }
  if (s.startsWith('@')) {
    if (['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'].includes(s)) return null;
    if (s.startsWith('@every ')) {
      const d = s.slice('@every '.length);
      return /^([0-9]*(\.[0-9]*)?(ns|us|µs|ms|s|m|h))+$/.test(d) && /[0-9]/.test(d) ? null : `failed to parse duration ${s}: time: invalid duration ${goQuote(d)}`;
    }
    return `unrecognized descriptor: ${s}`;
  }
  const fields = s.split(/\s+/).filter((f) => f.length > 0);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    for (const expr of fields[i]!.split(',').filter((e) => e.length > 0)) {
      const err = cronRange(expr, CRON_BOUNDS[i]!);
      if (err) return err;
    }
  }
  return null;
}

/** Approximates Go's zoneinfo lookup with Intl (which is case-insensitive, so require the usual casing). */
function isKnownTimeZone(tz: string): boolean {
  if (tz === '' || tz === 'UTC' || tz === 'Local') return true;
  if (!tz.split('/').every((part) => /^[A-Z]/.test(part))) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function validateTimeZone(tz: unknown, path: FieldPath): FieldError[] {
  if (!isSet(tz)) return [];
  const v = str(tz);
  if (v === '') return [invalid(path, v, 'timeZone must be nil or non-empty string')];
  for (const part of v.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part)) {
      return [invalid(path, v, `unknown time zone ${v}`)];
    }
  }
  const errs: FieldError[] = [];
  if (v.toLowerCase() === 'local') errs.push(invalid(path, v, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  // time.LoadLocation: "Local" and "UTC" are built in; other names must exist (case-sensitively).
  if (v !== 'Local' && !isKnownTimeZone(v)) errs.push(invalid(path, v, `unknown time zone ${v}`));
  return errs;
}

function validateCronJobSpec(spec: any, oldSpec: any | null, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = str(spec?.schedule);
  const sp = path.child('schedule');
  if (!schedule) errs.push(required(sp));
  else {
    const perr = cronParseError(schedule);
    if (perr) errs.push(invalid(sp, schedule, perr));
    const allowTZ = oldSpec ? str(oldSpec.schedule).includes('TZ') : false;
    if (allowTZ && schedule.includes('TZ') && isSet(spec.timeZone)) errs.push(invalid(sp, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    else if (!allowTZ && schedule.includes('TZ')) errs.push(invalid(sp, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  if (isSet(spec?.startingDeadlineSeconds)) errs.push(...validateNonnegative(int(spec.startingDeadlineSeconds), path.child('startingDeadlineSeconds')));
  if (!oldSpec || !deepEqual(oldSpec.timeZone ?? null, spec?.timeZone ?? null)) errs.push(...validateTimeZone(spec?.timeZone, path.child('timeZone')));
  const cp = str(spec?.concurrencyPolicy);
  if (!cp) errs.push(required(path.child('concurrencyPolicy')));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported(path.child('concurrencyPolicy'), cp, ['Allow', 'Forbid', 'Replace']));
  const jt = path.child('jobTemplate');
  const jspec = obj(spec?.jobTemplate?.spec);
  errs.push(...validateJobSpecBody(jspec, jt.child('spec')));
  if (isSet(jspec.selector)) errs.push(invalid(jt.child('spec', 'selector'), labelSelectorValue(jspec.selector), '`selector` will be auto-generated'));
  if (jspec.manualSelector === true) errs.push(notSupported(jt.child('spec', 'manualSelector'), true, ['nil', 'false']));
  for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    if (isSet(spec?.[f])) errs.push(...validateNonnegative(int(spec[f]), path.child(f)));
  }
  return errs;
}

// ================================================================================================
// Services
// ================================================================================================

const clusterIPsOf = (spec: any): string[] => list(spec?.clusterIPs).map(str);
const isHeadless = (spec: any): boolean => {
  const ips = clusterIPsOf(spec);
  return ips.length === 1 && ips[0] === 'None';
};

/** The internal core.ServicePort used as a duplicate key (Go field names, no tags). */
const servicePortKey = (p: any) =>
  goStruct([['Name', ''], ['Protocol', str(p?.protocol)], ['AppProtocol', null], ['Port', int(p?.port)], ['TargetPort', 0], ['NodePort', 0]]);

function validateServicePort(sp: any, requireName: boolean, names: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sp?.name);
  if (requireName && !name) errs.push(required(path.child('name')));
  else if (name) {
    errs.push(...dns1123Label(name, path.child('name')));
    if (names.has(name)) errs.push(duplicate(path.child('name'), name));
    else names.add(name);
  }
  errs.push(...isValidPortNum(int(sp?.port)).map((m) => invalid(path.child('port'), int(sp?.port), m)));
  const proto = str(sp?.protocol);
  if (!proto) errs.push(required(path.child('protocol')));
  else if (!['TCP', 'UDP', 'SCTP'].includes(proto)) errs.push(notSupported(path.child('protocol'), proto, ['SCTP', 'TCP', 'UDP']));
  errs.push(...validatePortNumOrName(sp?.targetPort ?? 0, path.child('targetPort')));
  if (isSet(sp?.appProtocol)) errs.push(...qualifiedName(str(sp.appProtocol), path.child('appProtocol')));
  return errs;
}

function validateClusterIPsRelated(spec: any): FieldError[] {
  if (spec?.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const sp = P('spec');
  const ipsPath = sp.child('clusterIPs');
  const ips = clusterIPsOf(spec);
  const cip = str(spec?.clusterIP);
  if (cip) {
    if (ips.length === 0) errs.push(required(ipsPath));
    else if (ips[0] !== cip) errs.push(invalid(ipsPath, ips, 'first value must match `clusterIP`'));
  } else if (ips.length > 0) errs.push(invalid(ipsPath, ips, 'must be empty when `clusterIP` is not specified'));
  const seen = new Set<string>();
  list(spec?.ipFamilies).forEach((fam, i) => {
    if (fam !== 'IPv4' && fam !== 'IPv6') errs.push(notSupported(sp.child('ipFamilies').index(i), fam, ['IPv4', 'IPv6']));
    if (seen.has(fam)) errs.push(duplicate(sp.child('ipFamilies').index(i), fam));
    seen.add(fam);
  });
  if (isSet(spec?.ipFamilyPolicy) && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(spec.ipFamilyPolicy)) {
    errs.push(notSupported(sp.child('ipFamilyPolicy'), spec.ipFamilyPolicy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  }
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(invalid(ipsPath, ips, "'None' must be the first and only value"));
      }
      return;
    }
    const e = validateIP(ipsPath.index(i), ip);
    if (e.length) badIPs = true;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(invalid(ipsPath, ips, 'may only hold up to 2 values'));
  if (badIPs) return errs;
  if (ips.length > 1 && isIPv6(ips[0]!) === isIPv6(ips[1]!)) errs.push(invalid(ipsPath, ips, 'may specify no more than one IP for each IP family'));
  const fams = list(spec?.ipFamilies);
  if (!isHeadless(spec) && ips.length > 0 && fams.length > 0) {
    ips.forEach((ip, i) => {
      if (i >= fams.length) return;
      if (fams[i] === 'IPv4' && isIPv6(ip)) errs.push(invalid(ipsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (fams[i] === 'IPv6' && !isIPv6(ip)) errs.push(invalid(ipsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

function validateService(svc: KObject): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const spec = obj(svc['spec']);
  const sp = P('spec');
  const type = str(spec.type);
  const ports = list(spec.ports);
  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') errs.push(required(sp.child('ports')));
  if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadless(spec)) {
    errs.push(invalid(sp.child('clusterIPs').index(0), 'None', `may not be set to 'None' for ${type} services`));
  }
  if (type === 'ExternalName') {
    if (clusterIPsOf(spec).length > 0) errs.push(forbidden(sp.child('clusterIPs'), 'may not be set for ExternalName services'));
    if (list(spec.ipFamilies).length > 0) errs.push(forbidden(sp.child('ipFamilies'), 'may not be set for ExternalName services'));
    if (isSet(spec.ipFamilyPolicy)) errs.push(forbidden(sp.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
    const cname = str(spec.externalName).replace(/\.$/, '');
    if (cname) errs.push(...dns1123Subdomain(cname, sp.child('externalName')));
    else errs.push(required(sp.child('externalName')));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, sp.child('ports').index(i))));
  if (isSet(spec.selector)) errs.push(...validateLabels(spec.selector, sp.child('selector')));
  const aff = str(spec.sessionAffinity);
  if (!aff) errs.push(required(sp.child('sessionAffinity')));
  else if (aff !== 'ClientIP' && aff !== 'None') errs.push(notSupported(sp.child('sessionAffinity'), aff, ['ClientIP', 'None']));
  const sac = sp.child('sessionAffinityConfig');
  if (aff === 'ClientIP') {
    const when = 'when session affinity type is ClientIP';
    const t = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (!isSet(spec.sessionAffinityConfig)) errs.push(required(sac, when));
    else if (!isSet(spec.sessionAffinityConfig.clientIP)) errs.push(required(sac.child('clientIP'), when));
    else if (!isSet(t)) errs.push(required(sac.child('clientIP', 'timeoutSeconds'), when));
    else if (int(t) <= 0 || int(t) > 86400) errs.push(invalid(sac.child('clientIP', 'timeoutSeconds'), int(t), 'must be greater than 0 and less than 86400'));
  } else if (aff === 'None' && isSet(spec.sessionAffinityConfig)) {
    errs.push(forbidden(sac, 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPsRelated(spec));
  list(spec.externalIPs).forEach((ip, i) => errs.push(...validateIP(sp.child('externalIPs').index(i), str(ip))));
  if (!type) errs.push(required(sp.child('type')));
  else if (!['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(type)) {
    errs.push(notSupported(sp.child('type'), type, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']));
  }
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (int(p?.nodePort) !== 0) errs.push(forbidden(sp.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const np = int(p?.nodePort);
    if (np === 0) return;
    const key = `${str(p?.protocol)}/${np}`;
    if (nodePorts.has(key)) errs.push(duplicate(sp.child('ports').index(i).child('nodePort'), np));
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${str(p?.protocol)}/${int(p?.port)}`;
    if (portKeys.has(key)) errs.push(duplicate(sp.child('ports').index(i), servicePortKey(p)));
    portKeys.add(key);
  });
  if (isSet(spec.allocateLoadBalancerNodePorts) && type !== 'LoadBalancer') {
    errs.push(forbidden(sp.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === 'LoadBalancer' && !isSet(spec.allocateLoadBalancerNodePorts)) errs.push(required(P('allocateLoadBalancerNodePorts')));
  const accessible = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && list(spec.externalIPs).length > 0);
  const etp = str(spec.externalTrafficPolicy);
  if (!accessible) {
    if (etp) errs.push(invalid(sp.child('externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'));
  } else if (!etp) errs.push(required(sp.child('externalTrafficPolicy')));
  else if (etp !== 'Cluster' && etp !== 'Local') errs.push(notSupported(sp.child('externalTrafficPolicy'), etp, ['Cluster', 'Local']));
  const hc = int(spec.healthCheckNodePort);
  if (!(type === 'LoadBalancer' && etp === 'Local')) {
    if (hc !== 0) errs.push(invalid(sp.child('healthCheckNodePort'), hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    // hc === 0 would be "Required" upstream, where allocation runs before validation; here admission
    // allocates it after validation, so an unset port is not an error yet.
  } else if (hc !== 0) errs.push(...isValidPortNum(hc).map((m) => invalid(sp.child('healthCheckNodePort'), hc, m)));
  if (!isSet(spec.internalTrafficPolicy)) {
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') errs.push(required(sp.child('internalTrafficPolicy')));
  } else if (spec.internalTrafficPolicy !== 'Cluster' && spec.internalTrafficPolicy !== 'Local') {
    errs.push(notSupported(sp.child('internalTrafficPolicy'), spec.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  return errs;
}

/** The registry's normalizeClusterIPs/patchAllocatedValues for an update, on a copy. */
export function prepareServiceForUpdate(svc: KObject, old: KObject): KObject {
  const n: KObject = structuredClone(svc);
  const spec = (n['spec'] ??= {});
  const os = obj(old['spec']);
  const needsIP = (s: any) => s?.type !== 'ExternalName';
  if (needsIP(os) && needsIP(spec)) {
    if (!spec.clusterIP && os.clusterIP) spec.clusterIP = os.clusterIP;
    if (clusterIPsOf(spec).length === 0 && clusterIPsOf(os).length > 0) spec.clusterIPs = [...os.clusterIPs];
  }
  const sameIPs = deepEqual(spec.clusterIPs ?? null, os.clusterIPs ?? null);
  if (str(spec.clusterIP) !== str(os.clusterIP) && sameIPs) {
    if (!spec.clusterIP) delete spec.clusterIPs;
    else spec.clusterIPs = [spec.clusterIP, ...clusterIPsOf(spec).slice(1)];
  }
  const needsNodePort = (s: any) => s?.type === 'NodePort' || s?.type === 'LoadBalancer';
  if (needsNodePort(os) && needsNodePort(spec)) {
    for (const p of list(spec.ports)) {
      if (int(p?.nodePort) !== 0) continue;
      const match = list(os.ports).find((q) => q?.port === p?.port && (q?.protocol ?? 'TCP') === (p?.protocol ?? 'TCP'));
      if (match?.nodePort) p.nodePort = match.nodePort;
    }
  }
  return n;
}

function validateServiceUpdate(svc: KObject, old: KObject): FieldError[] {
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  const spec = obj(svc['spec']);
  const os = obj(old['spec']);
  if (spec.type !== 'ExternalName' && os.type !== 'ExternalName' && !(isHeadless(os) && isHeadless(spec))) {
    const n = clusterIPsOf(spec);
    const o = clusterIPsOf(os);
    const path = P('spec', 'clusterIPs');
    if (n.length === o.length) {
      o.forEach((ip, i) => {
        if (ip !== n[i]) errs.push(invalid(path.index(i), n, 'may not change once set'));
      });
    } else if (o.length > n.length) {
      if (n.length === 0) errs.push(invalid(path.index(0), n, 'primary clusterIP can not be unset'));
      if (o.length > 0 && n.length > 0 && n[0] !== o[0]) errs.push(invalid(path.index(0), n, 'may not change once set'));
      if (n.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
        errs.push(invalid(P('spec', 'ipFamilyPolicy'), spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
      }
    } else if (o.length > 0 && n[0] !== o[0]) errs.push(invalid(path.index(0), n, 'may not change once set'));
  }
  return errs.concat(validateService(svc));
}

/**
 * NodePort allocation checks, which the registry runs before validation (a failure there is the
 * only error reported). `allocated` holds ports in use by other services.
 */
export function checkNodePorts(svc: KObject, allocated: ReadonlySet<number> = new Set(), range = { base: 30000, size: 2768 }, old?: KObject): FieldError[] {
  const spec = obj(svc['spec']);
  if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return [];
  const oldPorts = new Set(list(old?.['spec']?.ports).map((p) => int(p?.nodePort)));
  const hi = range.base + range.size - 1;
  for (const [i, p] of list(spec.ports).entries()) {
    const np = int(p?.nodePort);
    if (np === 0 || oldPorts.has(np)) continue;
    const path = P('spec', 'ports').index(i).child('nodePort');
    if (np < range.base || np > hi) {
      return [invalid(path, np, `provided port is not in the valid range. The range of valid ports is ${range.base}-${hi}`)];
    }
    if (allocated.has(np)) return [invalid(path, np, 'provided port is already allocated')];
  }
  return [];
}

// ================================================================================================
// Namespaces, config, storage, networking, nodes
// ================================================================================================

function validateNamespace(ns: KObject): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
  // Upstream reports these on the list path without an index.
  const path = P('spec', 'finalizers');
  for (const f of list(ns['spec']?.finalizers).map(str)) {
    errs.push(...qualifiedName(f, path));
    errs.push(...validateKubeFinalizerName(f, path));
  }
  return errs;
}

const MAX_SECRET_SIZE = 1024 * 1024;
const b64Len = (v: unknown): number => Buffer.from(str(v), 'base64').length;

function validateConfigMap(cm: KObject): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  const data = obj(cm['data']);
  const binary = obj(cm['binaryData']);
  let total = 0;
  for (const k of sortedKeys(data)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(P('data').key(k), k, m)));
    if (k in binary) errs.push(invalid(P('data').key(k), k, 'duplicate of key present in binaryData'));
    total += Buffer.byteLength(str(data[k]), 'utf8');
  }
  for (const k of sortedKeys(binary)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(P('binaryData').key(k), k, m)));
    total += b64Len(binary[k]);
  }
  // The whole-object path is NewPath(""), which prints as "[]".
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(P(''), MAX_SECRET_SIZE));
  return errs;
}

function immutableDataErrors(n: KObject, o: KObject, fields: string[]): FieldError[] {
  if (o['immutable'] !== true) return [];
  const errs: FieldError[] = [];
  if (n['immutable'] !== true) errs.push(forbidden(P('immutable'), 'field is immutable when `immutable` is set'));
  for (const f of fields) if (!deepEqual(n[f] ?? null, o[f] ?? null)) errs.push(forbidden(P(f), 'field is immutable when `immutable` is set'));
  return errs;
}

/** Secret data after v1→internal conversion: stringData entries overwrite data. */
function secretData(s: KObject): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(obj(s['data']))) out[k] = b64Len(v);
  for (const [k, v] of Object.entries(obj(s['stringData']))) out[k] = Buffer.byteLength(str(v), 'utf8');
  return out;
}

function validateSecret(s: KObject): FieldError[] {
  const errs = validateObjectMeta(s.metadata, true, nameIsDNSSubdomain);
  const dataPath = P('data');
  const data = secretData(s);
  let total = 0;
  for (const k of sortedKeys(data)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(dataPath.key(k), k, m)));
    total += data[k]!;
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(dataPath, MAX_SECRET_SIZE));
  const need = (...keys: string[]) => keys.filter((k) => !(k in data)).map((k) => required(dataPath.key(k)));
  switch (str(s['type'])) {
    case 'kubernetes.io/service-account-token':
      if (!s.metadata?.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required(P('metadata', 'annotations').key('kubernetes.io/service-account.name')));
      }
      break;
    case 'kubernetes.io/dockercfg':
      errs.push(...need('.dockercfg'));
      break;
    case 'kubernetes.io/dockerconfigjson':
      errs.push(...need('.dockerconfigjson'));
      break;
    case 'kubernetes.io/basic-auth':
      if (!('username' in data) && !('password' in data)) errs.push(...need('username', 'password'));
      break;
    case 'kubernetes.io/ssh-auth':
      if (!data['ssh-privatekey']) errs.push(required(dataPath.key('ssh-privatekey')));
      break;
    case 'kubernetes.io/tls':
      errs.push(...need('tls.crt', 'tls.key'));
      break;
  }
  return errs;
}

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

function validatePVC(pvc: KObject): FieldError[] {
  const errs = validateObjectMeta(pvc.metadata, true, nameIsDNSSubdomain);
  const spec = obj(pvc['spec']);
  const sp = P('spec');
  const modes = list(spec.accessModes).map(str);
  if (modes.length === 0) errs.push(required(sp.child('accessModes'), 'at least 1 access mode is required'));
  if (isSet(spec.selector)) errs.push(...validateLabelSelector(spec.selector, sp.child('selector')));
  let rwop = false;
  let other = false;
  for (const m of modes) {
    if (!ACCESS_MODES.includes(m)) errs.push(notSupported(sp.child('accessModes'), m, ACCESS_MODES));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if (ACCESS_MODES.includes(m)) other = true;
  }
  if (rwop && other) errs.push(forbidden(sp.child('accessModes'), 'may not use ReadWriteOncePod with other access modes'));
  const storagePath = sp.child('resources').key('storage');
  const requests = obj(spec.resources?.requests);
  if (!('storage' in requests)) errs.push(required(storagePath));
  else {
    const q = qty(requests['storage']);
    if (q && q.sign() <= 0) errs.push(invalid(storagePath, q.toString(), 'must be greater than zero'));
  }
  if (spec.storageClassName) errs.push(...nameErrs(nameIsDNSSubdomain, str(spec.storageClassName), sp.child('storageClassName')));
  if (isSet(spec.volumeMode) && spec.volumeMode !== 'Block' && spec.volumeMode !== 'Filesystem') {
    errs.push(notSupported(sp.child('volumeMode'), spec.volumeMode, ['Block', 'Filesystem']));
  }
  return errs;
}

function validatePVCUpdate(n: KObject, o: KObject): FieldError[] {
  const errs = validateObjectMetaUpdate(n.metadata, o.metadata);
  errs.push(...validatePVC(n));
  const ns: any = structuredClone(obj(n['spec']));
  const os: any = structuredClone(obj(o['spec']));
  if (!os.volumeName) os.volumeName = ns.volumeName;
  // Setting a class on a claim that had none is allowed (validateStorageClassUpgradeFromNil/Annotation).
  const betaClass = o.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (!isSet(os.storageClassName) && isSet(ns.storageClassName) && (betaClass === undefined || betaClass === ns.storageClassName)) {
    ns.storageClassName = os.storageClassName;
  }
  const bound = n['status']?.phase === 'Bound';
  if (bound && ns.resources?.requests) ns.resources.requests.storage = o['spec']?.resources?.requests?.storage;
  if (bound) ns.volumeAttributesClassName = os.volumeAttributesClassName;
  if (!deepEqual(ns, os)) {
    errs.push(forbidden(P('spec'), `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${podSpecDiff(os, ns, 'core.PersistentVolumeClaimSpec')}`));
  }
  const newSize = qty(n['spec']?.resources?.requests?.storage);
  const oldSize = qty(o['spec']?.resources?.requests?.storage);
  const statusSize = qty(o['status']?.capacity?.storage) ?? qty('0');
  if (newSize && oldSize && newSize.cmp(oldSize) < 0 && statusSize && newSize.cmp(statusSize) <= 0) {
    errs.push(forbidden(P('spec', 'resources', 'requests', 'storage'), 'field can not be less than status.capacity'));
  }
  errs.push(...validateImmutableField(n['spec']?.volumeMode ?? null, o['spec']?.volumeMode ?? null, P('volumeMode')));
  return errs;
}

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validateIngressBackend(b: any, path: FieldPath): FieldError[] {
  const hasResource = isSet(b?.resource);
  const hasService = isSet(b?.service);
  if (hasResource && hasService) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (hasResource) {
    const r = b.resource;
    const rp = path.child('resource');
    const errs: FieldError[] = [];
    if (isSet(r.apiGroup)) errs.push(...dns1123Subdomain(str(r.apiGroup), rp.child('apiGroup')));
    if (!r.kind) errs.push(required(rp.child('kind'), 'kind is required'));
    else errs.push(...nameErrs(nameIsPathSegment, str(r.kind), rp.child('kind')));
    if (!r.name) errs.push(required(rp.child('name'), 'name is required'));
    else errs.push(...nameErrs(nameIsPathSegment, str(r.name), rp.child('name')));
    return errs;
  }
  if (!hasService) return [invalid(path, '', 'resource or service backend is required')];
  const errs: FieldError[] = [];
  const name = str(b.service.name);
  const np = path.child('service', 'name');
  if (!name) errs.push(required(np));
  else errs.push(...nameErrs(nameIsDNS1035Label, name, np));
  const portName = str(b.service.port?.name);
  const portNum = int(b.service.port?.number);
  if (portName && portNum) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName) errs.push(...isValidPortName(portName).map((m) => invalid(path.child('service', 'port', 'name'), portName, m)));
  else if (portNum) errs.push(...isValidPortNum(portNum).map((m) => invalid(path.child('service', 'port', 'number'), portNum, m)));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function validateHTTPIngressPath(p: any, path: FieldPath): FieldError[] {
  if (!isSet(p?.pathType)) return [required(path.child('pathType'), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = str(p.path);
  const pp = path.child('path');
  if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push(invalid(pp, value, 'must be an absolute path'));
    if (value) {
      for (const seq of ['//', '/./', '/../', '%2f', '%2F']) if (value.includes(seq)) errs.push(invalid(pp, value, `must not contain '${seq}'`));
      for (const suf of ['/..', '/.']) if (value.endsWith(suf)) errs.push(invalid(pp, value, `cannot end with '${suf}'`));
    }
  } else if (p.pathType === 'ImplementationSpecific') {
    if (value && !value.startsWith('/')) errs.push(invalid(pp, value, 'must be an absolute path'));
  } else errs.push(notSupported(path.child('pathType'), p.pathType, PATH_TYPES));
  return errs.concat(validateIngressBackend(p.backend, path.child('backend')));
}

function validateIngress(ing: KObject, create: boolean): FieldError[] {
  const errs = validateObjectMeta(ing.metadata, true, nameIsDNSSubdomain);
  const spec = obj(ing['spec']);
  const sp = P('spec');
  const rules = list(spec.rules);
  if (rules.length === 0 && !isSet(spec.defaultBackend)) {
    errs.push(invalid(sp, isSet(spec.rules) ? spec.rules : null, 'either `defaultBackend` or `rules` must be specified'));
  }
  if (isSet(spec.defaultBackend)) errs.push(...validateIngressBackend(spec.defaultBackend, sp.child('defaultBackend')));
  rules.forEach((rule, i) => {
    const rp = sp.child('rules').index(i);
    const host = str(rule?.host);
    if (host) {
      if (isIP(host)) errs.push(invalid(rp.child('host'), host, 'must be a DNS name, not an IP address'));
      if (host.includes('*')) errs.push(...isWildcardDNS1123Subdomain(host).map((m) => invalid(rp.child('host'), host, m)));
      else errs.push(...dns1123Subdomain(host, rp.child('host')));
    }
    if (isSet(rule?.http)) {
      const hp = rp.child('http');
      const paths = list(rule.http.paths);
      if (paths.length === 0) errs.push(required(hp.child('paths')));
      paths.forEach((p, j) => errs.push(...validateHTTPIngressPath(p, hp.child('paths').index(j))));
    }
  });
  list(spec.tls).forEach((tls, i) => {
    const tp = sp.child('tls').index(i);
    list(tls?.hosts).forEach((h, j) => {
      const host = str(h);
      const hp = tp.child('hosts').index(j);
      errs.push(...(host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host)).map((m) => invalid(hp, host, m)));
    });
    if (tls?.secretName) errs.push(...nameErrs(nameIsDNSSubdomain, str(tls.secretName), tp.child('secretName')));
  });
  if (isSet(spec.ingressClassName)) errs.push(...nameErrs(nameIsDNSSubdomain, str(spec.ingressClassName), sp.child('ingressClassName')));
  const classAnnotation = ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
  if (create && classAnnotation !== undefined && isSet(spec.ingressClassName)) {
    errs.push(invalid(P('annotations').child('kubernetes.io/ingress.class'), classAnnotation, 'can not be set when the class field is also set'));
  }
  return errs;
}

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Node taints; upstream hangs them off the metadata path ("metadata.taints[0]"). */
function validateNodeTaints(taints: any[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  taints.forEach((t, i) => {
    const p = path.index(i);
    const key = str(t?.key);
    const value = str(t?.value);
    const effect = str(t?.effect);
    errs.push(...validateLabelName(key, p.child('key')));
    const vm = isValidLabelValue(value);
    if (vm.length) errs.push(invalid(p.child('value'), value, vm.join(';')));
    if (!effect) errs.push(required(p.child('effect')));
    else if (!TAINT_EFFECTS.includes(effect)) errs.push(notSupported(p.child('effect'), effect, TAINT_EFFECTS));
    if (seen.get(effect)?.has(key)) {
      const d = duplicate(p, goStruct([['Key', key], ['Value', value], ['Effect', effect], ['TimeAdded', t?.timeAdded ?? null]]));
      errs.push({ ...d, detail: 'taints must be unique by key and effect pair' });
      return;
    }
    if (!seen.has(effect)) seen.set(effect, new Set());
    seen.get(effect)!.add(key);
  });
  return errs;
}

function validateNode(node: KObject): FieldError[] {
  const errs = validateObjectMeta(node.metadata, false, nameIsDNSSubdomain);
  const spec = obj(node['spec']);
  errs.push(...validateNodeTaints(list(spec.taints), P('metadata', 'taints')));
  const cidrPath = P('spec', 'podCIDRs');
  list(spec.podCIDRs).forEach((c, i) => {
    const v = str(c);
    const [ip, bits] = v.split('/');
    const max = isIPv6(str(ip)) ? 128 : 32;
    if (!ip || !isIP(ip) || !/^\d+$/.test(str(bits)) || Number(bits) > max) {
      errs.push(invalid(cidrPath.index(i), v, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
    }
  });
  return errs;
}

function validateNodeUpdate(n: KObject, o: KObject): FieldError[] {
  const errs = validateObjectMetaUpdate(n.metadata, o.metadata);
  const spec = obj(n['spec']);
  const old = obj(o['spec']);
  const oc = list(old.podCIDRs);
  if (oc.length > 0) {
    const nc = list(spec.podCIDRs);
    const msg = 'node updates may not change podCIDR except from "" to valid';
    if (oc.length !== nc.length) errs.push(forbidden(P('spec', 'podCIDRs'), msg));
    else oc.forEach((c, i) => {
      if (c !== nc[i]) errs.push(forbidden(P('spec', 'podCIDRs'), msg));
    });
  }
  if (old.providerID && old.providerID !== spec.providerID) {
    errs.push(forbidden(P('spec', 'providerID'), 'node updates may not change providerID except from "" to valid'));
  }
  errs.push(...validateNodeTaints(list(spec.taints), P('metadata', 'taints')));
  if (str(spec.externalID) !== str(old.externalID)) errs.push(forbidden(P('spec', 'externalID'), 'may not be updated'));
  return errs;
}

// ================================================================================================
// Dispatch
// ================================================================================================

function namespacedFor(obj: KObject, opts: ValidateOptions): boolean {
  return opts.namespaced ?? isNamespacedKind(obj.kind);
}

function validateCreateKind(o: KObject, opts: ValidateOptions): FieldError[] {
  const spec = obj(o['spec']);
  const sp = P('spec');
  switch (o.kind) {
    case 'Pod':
      return validatePodCreate(o);
    case 'PodTemplate':
      return validateObjectMeta(o.metadata, true, nameIsDNSSubdomain).concat(validatePodTemplateSpec(o['template'], P('template')));
    case 'ReplicationController':
      return validateObjectMeta(o.metadata, true, nameIsDNSSubdomain).concat(validateReplicationControllerSpec(spec, sp));
    case 'Deployment':
      return validateObjectMeta(o.metadata, true, nameIsDNSSubdomain).concat(validateDeploymentSpec(spec, sp));
    case 'ReplicaSet':
      return validateObjectMeta(o.metadata, true, nameIsDNSSubdomain).concat(validateReplicaSetSpec(spec, sp));
    case 'DaemonSet':
      return validateObjectMeta(o.metadata, true, nameIsDNSSubdomain).concat(validateDaemonSetSpec(spec, sp));
    case 'StatefulSet':
      return validateObjectMeta(o.metadata, true, nameIsDNSLabel).concat(validateStatefulSetSpec(spec, sp));
    case 'Job':
      return validateJob(o);
    case 'CronJob': {
      const errs = validateObjectMeta(o.metadata, true, nameIsDNSSubdomain).concat(validateCronJobSpec(spec, null, sp));
      const name = str(o.metadata?.name);
      if (name.length > 52) errs.push(invalid(P('metadata', 'name'), name, 'must be no more than 52 characters'));
      return errs;
    }
    case 'Service':
      return validateService(o);
    case 'Namespace':
      return validateNamespace(o);
    case 'ConfigMap':
      return validateConfigMap(o);
    case 'Secret':
      return validateSecret(o);
    case 'PersistentVolumeClaim':
      return validatePVC(o);
    case 'Ingress':
      return validateIngress(o, true);
    case 'Node':
      return validateNode(o);
    case 'Lease':
      return validateLease(o);
    case 'ResourceQuota':
      return validateResourceQuota(o);
    case 'LimitRange':
      return validateLimitRange(o);
    default:
      // Built-in kinds go through core's ObjectMeta check (legacy finalizer rule); others do not.
      return validateObjectMeta(o.metadata, namespacedFor(o, opts), nameValidatorFor(o.kind), P('metadata'), { kubeFinalizers: o.kind in NAME_RULES });
  }
}

/**
 * Validation kube-apiserver runs on create (strategy Validate, then the generic ObjectMeta check),
 * for an object that has already been defaulted and named (generateName resolved) and whose
 * namespace has been set from the request. For Services, NodePort range errors win (allocation
 * runs first); use checkNodePorts for "already allocated".
 */
export function validateCreate(o: KObject, opts: ValidateOptions = {}): FieldError[] {
  if (o.kind === 'Service') {
    const np = checkNodePorts(o, new Set(), opts.nodePortRange);
    if (np.length) return np;
  }
  let target = o;
  if (o.kind === 'Service') {
    // normalizeClusterIPs on create: a lone clusterIP seeds clusterIPs.
    const spec = obj(o['spec']);
    if (spec.clusterIP && clusterIPsOf(spec).length === 0) target = { ...o, spec: { ...spec, clusterIPs: [spec.clusterIP] } };
  }
  const errs = validateCreateKind(target, opts);
  if (errs.length) return errs;
  return validateObjectMeta(target.metadata, namespacedFor(target, opts), nameIsPathSegment, P('metadata'), { kubeFinalizers: false });
}

function validateUpdateKind(n: KObject, o: KObject, opts: ValidateOptions): FieldError[] {
  const spec = obj(n['spec']);
  const sp = P('spec');
  const metaUpd = () => validateObjectMetaUpdate(n.metadata, o.metadata);
  switch (n.kind) {
    case 'Pod':
      return validatePodUpdate(n, o);
    case 'ReplicationController':
      return metaUpd().concat(validateReplicationControllerSpec(spec, sp));
    case 'Deployment':
      return metaUpd().concat(validateDeploymentSpec(spec, sp), selectorImmutable(n, o));
    case 'ReplicaSet':
      return validateCreateKind(n, opts).concat(metaUpd(), validateReplicaSetSpec(spec, sp), selectorImmutable(n, o));
    case 'DaemonSet':
      return validateCreateKind(n, opts).concat(metaUpd(), validateDaemonSetSpec(spec, sp), selectorImmutable(n, o));
    case 'StatefulSet':
      return validateStatefulSetUpdate(n, o);
    case 'ControllerRevision': {
      // ValidateControllerRevisionUpdate: the snapshot never changes; only metadata and the number do.
      const errs = metaUpd().concat(validateCreateKind(n, opts), validateNonnegative(int(n['revision']), P('revision')));
      return errs.concat(validateImmutableField(n['data'] ?? null, o['data'] ?? null, P('data')));
    }
    case 'Job':
      return validateJob(n).concat(validateJobUpdate(n, o));
    case 'CronJob':
      return metaUpd().concat(validateCronJobSpec(spec, obj(o['spec']), sp));
    case 'Service':
      return validateServiceUpdate(n, o);
    case 'Namespace':
      return validateNamespace(n).concat(metaUpd());
    case 'ConfigMap':
      return metaUpd().concat(immutableDataErrors(n, o, ['data', 'binaryData']), validateConfigMap(n));
    case 'Secret': {
      const errs = metaUpd().concat(validateImmutableField(n['type'] ?? '', o['type'] ?? '', P('type')));
      if (o['immutable'] === true) {
        if (n['immutable'] !== true) errs.push(forbidden(P('immutable'), 'field is immutable when `immutable` is set'));
        if (!deepEqual(secretData(n), secretData(o)) || !deepEqual(n['data'] ?? null, o['data'] ?? null)) {
          errs.push(forbidden(P('data'), 'field is immutable when `immutable` is set'));
        }
      }
      return errs.concat(validateSecret(n));
    }
    case 'ServiceAccount':
      return metaUpd().concat(validateCreateKind(n, opts));
    case 'PersistentVolumeClaim':
      return validatePVCUpdate(n, o);
    case 'Ingress':
      return metaUpd().concat(validateIngress(n, false));
    case 'Node':
      return validateNodeUpdate(n, o);
    default:
      return metaUpd().concat(validateCreateKind(n, opts));
  }
}

/**
 * Validation kube-apiserver runs on update: metadata is first completed from the stored object
 * (rest.BeforeUpdate: uid, creationTimestamp, deletion fields, generation, resourceVersion for
 * unconditional updates), then the generic ObjectMeta checks run, then the kind's ValidateUpdate.
 * Duplicate causes are kept, as upstream; the formatters drop them.
 */
export function validateUpdate(newObj: KObject, oldObj: KObject, opts: ValidateOptions = {}): FieldError[] {
  let n: KObject = { ...newObj, metadata: prepareMetaForUpdate(newObj.metadata, oldObj.metadata) };
  if (n.kind === 'Service') {
    n = prepareServiceForUpdate(n, oldObj);
    const np = checkNodePorts(n, new Set(), opts.nodePortRange, oldObj);
    if (np.length) return np;
  }
  const namespaced = namespacedFor(n, opts);
  const common = validateObjectMeta(n.metadata, namespaced, nameIsPathSegment, P('metadata'), { kubeFinalizers: false })
    .concat(validateObjectMetaUpdate(n.metadata, oldObj.metadata, P('metadata'), { kubeFinalizers: false }));
  return common.concat(validateUpdateKind(n, oldObj, opts));
}

