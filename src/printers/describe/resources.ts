// Pod resource arithmetic used by describe: QoS class (kubectl util/qos), effective pod
// requests/limits (component-helpers resource.PodRequests/PodLimits, sidecar-aware), and
// resourceFieldRef env values (kubectl util/resource).

import type { KObject } from '../../api/types.js';
import { arr, has, obj, str, type Obj } from './fmt.js';
import { Quantity, q } from './quantity.js';

export type ResourceList = Map<string, Quantity>;

const toList = (m: unknown): ResourceList => {
  const out: ResourceList = new Map();
  const o = obj(m);
  for (const k of Object.keys(o)) out.set(k, q(o[k]));
  return out;
};

function addList(into: ResourceList, add: ResourceList): void {
  for (const [k, v] of add) into.set(k, into.has(k) ? into.get(k)!.add(v) : v);
}

function maxList(into: ResourceList, other: ResourceList): void {
  for (const [k, v] of other) if (!into.has(k) || v.cmp(into.get(k)!) > 0) into.set(k, v);
}

const isPodLevelResource = (name: string): boolean => name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');

function hasSupported(m: unknown): boolean {
  return Object.keys(obj(m)).some(isPodLevelResource);
}

// Aggregation of containers plus init containers (restartable ones run alongside).
function aggregate(pod: KObject, pick: (c: Obj, status: Obj | undefined) => unknown): ResourceList {
  const statuses = new Map<string, Obj>();
  for (const s of [...arr(pod.status?.containerStatuses), ...arr(pod.status?.initContainerStatuses)].map(obj)) {
    if (!statuses.has(str(s.name))) statuses.set(str(s.name), s);
  }
  const result: ResourceList = new Map();
  for (const c of arr(pod.spec?.containers).map(obj)) addList(result, toList(pick(c, statuses.get(str(c.name)))));
  const restartable: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of arr(pod.spec?.initContainers).map(obj)) {
    let res = toList(pick(c, statuses.get(str(c.name))));
    if (str(c.restartPolicy) === 'Always') {
      addList(result, res);
      addList(restartable, res);
      res = restartable;
    } else {
      const combined: ResourceList = new Map();
      addList(combined, res);
      addList(combined, restartable);
      res = combined;
    }
    maxList(initMax, res);
  }
  maxList(result, initMax);
  return result;
}

/** resourcehelper.PodRequests (pod-level resources honoured; status resources when useStatus). */
export function podRequests(pod: KObject, useStatus: boolean): ResourceList {
  const spec = aggregate(pod, (c) => obj(c.resources).requests);
  let reqs = spec;
  if (useStatus) {
    const allocated = aggregate(pod, (c, s) => (has(s?.allocatedResources) ? s!.allocatedResources : obj(c.resources).requests));
    const actuated = aggregate(pod, (c, s) =>
      has(obj(s?.resources).requests) ? obj(s!.resources).requests : has(s?.allocatedResources) ? s!.allocatedResources : obj(c.resources).requests,
    );
    reqs = new Map();
    addList(reqs, spec);
    maxList(reqs, actuated);
    maxList(reqs, allocated);
  }
  const podLevel = obj(pod.spec?.resources).requests;
  if (hasSupported(podLevel)) {
    for (const [k, v] of toList(podLevel)) if (isPodLevelResource(k)) reqs.set(k, v);
  }
  if (has(pod.spec?.overhead)) addList(reqs, toList(pod.spec.overhead));
  return reqs;
}

/** resourcehelper.PodLimits. */
export function podLimits(pod: KObject, useStatus: boolean): ResourceList {
  const limits = aggregate(pod, (c, s) =>
    useStatus && has(obj(s?.resources).limits) ? obj(s!.resources).limits : obj(c.resources).limits,
  );
  const podRes = obj(pod.spec?.resources);
  if (hasSupported(podRes.requests) || hasSupported(podRes.limits)) {
    for (const [k, v] of toList(podRes.limits)) if (isPodLevelResource(k)) limits.set(k, v);
  }
  if (has(pod.spec?.overhead)) {
    for (const [k, v] of toList(pod.spec.overhead)) {
      const cur = limits.get(k);
      if (cur && !cur.isZero()) limits.set(k, cur.add(v));
    }
  }
  return limits;
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);
const ZERO = Quantity.zero();

function processList(into: ResourceList, m: unknown): void {
  for (const [k, v] of toList(m)) {
    if (!QOS_RESOURCES.has(k) || v.cmp(ZERO) <= 0) continue;
    into.set(k, into.has(k) ? v.add(into.get(k)!) : v);
  }
}

function limitsCoverCpuAndMemory(m: unknown): boolean {
  const l = toList(m);
  return ['cpu', 'memory'].every((k) => l.has(k) && l.get(k)!.cmp(ZERO) > 0);
}

/** qos.GetPodQOS: status.qosClass if set, else computed from (pod-level or container) resources. */
export function podQOS(pod: KObject): string {
  const fromStatus = str(pod.status?.qosClass);
  if (fromStatus !== '') return fromStatus;
  const requests: ResourceList = new Map();
  const limits: ResourceList = new Map();
  let guaranteed = true;
  if (has(pod.spec?.resources)) {
    const r = obj(pod.spec.resources);
    if (has(r.requests)) processList(requests, r.requests);
    if (has(r.limits)) {
      processList(limits, r.limits);
      if (!limitsCoverCpuAndMemory(r.limits)) guaranteed = false;
    }
  } else {
    for (const c of [...arr(pod.spec?.containers), ...arr(pod.spec?.initContainers)].map(obj)) {
      const r = obj(c.resources);
      processList(requests, r.requests);
      processList(limits, r.limits);
      if (!limitsCoverCpuAndMemory(r.limits)) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [k, req] of requests) {
      const lim = limits.get(k);
      if (!lim || lim.cmp(req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** resourcehelper.ExtractContainerResourceValue; undefined for unsupported resources. */
export function containerResourceValue(fs: Obj, container: Obj): string | undefined {
  let divisor = q(fs.divisor);
  if (divisor.isZero()) divisor = Quantity.fromInt(1);
  const res = obj(container.resources);
  const resource = str(fs.resource);
  const cpu = (m: unknown): string => String(Math.ceil(q(obj(m).cpu).milliValue() / divisor.milliValue()));
  const bytes = (m: unknown, name: string): string => String(Math.ceil(q(obj(m)[name]).value0() / divisor.value0()));
  switch (resource) {
    case 'limits.cpu':
      return cpu(res.limits);
    case 'requests.cpu':
      return cpu(res.requests);
    case 'limits.memory':
      return bytes(res.limits, 'memory');
    case 'requests.memory':
      return bytes(res.requests, 'memory');
    case 'limits.ephemeral-storage':
      return bytes(res.limits, 'ephemeral-storage');
    case 'requests.ephemeral-storage':
      return bytes(res.requests, 'ephemeral-storage');
  }
  for (const kind of ['requests', 'limits'] as const) {
    const name = resource.startsWith(kind + '.') ? resource.slice(kind.length + 1) : '';
    if (name.startsWith('hugepages-')) return bytes(res[kind], name);
  }
  return undefined;
}
