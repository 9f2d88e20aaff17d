// describeNode: conditions, addresses, capacity, system info, and the resources requested by
// the non-terminated pods bound to the node.

import type { KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { arr, byteCompare, goBool, keysSorted, obj, stableSort, str, type Obj } from './fmt.js';
import type { DescribeContext } from './index.js';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './multiline.js';
import { LEVEL_0, LEVEL_1, tabbedString, type Writer } from './prefix-writer.js';
import { Quantity, q } from './quantity.js';
import { podLimits, podRequests, type ResourceList } from './resources.js';
import { rfc1123z, since } from './time.js';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

function nodeRoles(node: KObject): string[] {
  const roles = new Set<string>();
  const labels = obj(node.metadata.labels);
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role !== '') roles.add(role);
    } else if (k === 'kubernetes.io/role' && str(v) !== '') {
      roles.add(str(v));
    }
  }
  return [...roles].sort(byteCompare);
}

/** Go's int64(float64): NaN and infinities become math.MinInt64 on amd64. */
function pct(numerator: number, denominator: number): string {
  const f = (numerator / denominator) * 100;
  return Number.isFinite(f) ? String(Math.trunc(f)) : '-9223372036854775808';
}

const get = (l: ResourceList, k: string): Quantity => l.get(k) ?? Quantity.zero();

function describeLease(node: KObject, ctx: DescribeContext, w: Writer): void {
  const name = str(node.metadata.name);
  // The stored coordination.k8s.io/v1 Lease in kube-node-lease, as kubectl GETs it.
  const lease = ctx.list('leases.coordination.k8s.io', 'kube-node-lease').find((l) => str(l.metadata.name) === name);
  if (!lease) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found\n`);
    return;
  }
  const spec = obj(lease.spec);
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity != null ? str(spec.holderIdentity) : '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime != null ? rfc1123z(spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime != null ? rfc1123z(spec.renewTime) : '<unset>'}\n`);
}

function describeResourceSlices(slices: KObject[], w: Writer): void {
  const pools = new Map<string, { driver: string; pool: string; slices: number; devices: number }>();
  for (const s of slices) {
    const spec = obj(s.spec);
    const key = `${str(spec.driver)}/${str(obj(spec.pool).name)}`;
    const p = pools.get(key) ?? { driver: str(spec.driver), pool: str(obj(spec.pool).name), slices: 0, devices: 0 };
    p.slices++;
    p.devices += arr(spec.devices).length;
    pools.set(key, p);
  }
  if (pools.size === 0) return;
  const keys = [...pools.keys()].sort(byteCompare);
  w.write(LEVEL_0, 'Node-Local ResourceSlices:\n');
  w.write(LEVEL_1, 'Driver\tPool\tSlices\tDevices\n');
  w.write(LEVEL_1, '------\t----\t------\t-------\n');
  keys.slice(0, 10).forEach((k) => {
    const p = pools.get(k)!;
    w.write(LEVEL_1, `${p.driver}\t${p.pool}\t${p.slices}\t${p.devices}\n`);
  });
  if (keys.length > 10) w.write(LEVEL_1, `...and ${keys.length - 10} more pools\n`);
}

function describeNodeResource(pods: KObject[], node: KObject, now: number, w: Writer): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const status = obj(node.status);
  const alloc: Obj = Object.keys(obj(status.allocatable)).length > 0 ? obj(status.allocatable) : obj(status.capacity);
  const allocCpu = q(alloc.cpu).milliValue();
  const allocMem = q(alloc.memory).value0();
  for (const pod of pods) {
    const req = podRequests(pod, true);
    const lim = podLimits(pod, true);
    const [cr, cl, mr, ml] = [get(req, 'cpu'), get(lim, 'cpu'), get(req, 'memory'), get(lim, 'memory')];
    w.write(
      LEVEL_1,
      `${str(pod.metadata.namespace)}\t${str(pod.metadata.name)}\t\t` +
        `${cr} (${pct(cr.milliValue(), allocCpu)}%)\t${cl} (${pct(cl.milliValue(), allocCpu)}%)\t` +
        `${mr} (${pct(mr.value0(), allocMem)}%)\t${ml} (${pct(ml.value0(), allocMem)}%)\t` +
        `${since(pod.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    for (const [k, v] of podRequests(pod, false)) reqs.set(k, reqs.has(k) ? reqs.get(k)!.add(v) : v);
    for (const [k, v] of podLimits(pod, false)) limits.set(k, limits.has(k) ? limits.get(k)!.add(v) : v);
  }
  // totals guard against a zero denominator (per-pod rows above do not)
  const row = (name: string, r: Quantity, l: Quantity, rv: number, lv: number, d: number): void =>
    w.write(LEVEL_1, `${name}\t${r} (${d !== 0 ? pct(rv, d) : 0}%)\t${l} (${d !== 0 ? pct(lv, d) : 0}%)\n`);
  const [cpuR, cpuL] = [get(reqs, 'cpu'), get(limits, 'cpu')];
  row('cpu', cpuR, cpuL, cpuR.milliValue(), cpuL.milliValue(), allocCpu);
  const [memR, memL] = [get(reqs, 'memory'), get(limits, 'memory')];
  row('memory', memR, memL, memR.value0(), memL.value0(), allocMem);
  const [esR, esL] = [get(reqs, 'ephemeral-storage'), get(limits, 'ephemeral-storage')];
  row('ephemeral-storage', esR, esL, esR.value0(), esL.value0(), q(alloc['ephemeral-storage']).value0());
  const names = keysSorted(alloc);
  for (const hp of names.filter((n) => n.startsWith('hugepages-'))) {
    const [r, l] = [get(reqs, hp), get(limits, hp)];
    row(hp, r, l, r.value0(), l.value0(), q(alloc[hp]).value0());
  }
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  for (const ext of names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n))) {
    w.write(LEVEL_1, `${ext}\t${get(reqs, ext)}\t${get(limits, ext)}\n`);
  }
}

export function describeNode(node: KObject, ctx: DescribeContext): string {
  const meta = node.metadata;
  const name = str(meta.name);
  const spec = obj(node.spec);
  const status = obj(node.status);
  // Pods bound to the node that are not Succeeded/Failed, in API list order (namespace, name).
  const pods = stableSort(
    ctx.list('pods').filter((p) => str(p.spec?.nodeName) === name && !['Succeeded', 'Failed'].includes(str(p.status?.phase))),
    (a, b) =>
      str(a.metadata.namespace) === str(b.metadata.namespace)
        ? str(a.metadata.name) < str(b.metadata.name)
        : str(a.metadata.namespace) < str(b.metadata.namespace),
  );
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${goBool(spec.unschedulable)}\n`);
    describeLease(node, ctx, w);
    const conditions = arr(status.conditions).map(obj);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${str(c.type)} \t${str(c.status)} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${str(c.reason)} \t${str(c.message)}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of arr(status.addresses).map(obj)) w.write(LEVEL_1, `${str(a.type)}:\t${str(a.address)}\n`);
    for (const [title, list] of [
      ['Capacity', obj(status.capacity)],
      ['Allocatable', obj(status.allocatable)],
    ] as const) {
      const keys = keysSorted(list);
      if (keys.length === 0) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const k of keys) w.write(LEVEL_0, `  ${k}:\t${q(list[k]).toString()}\n`);
    }
    describeResourceSlices(
      ctx.list('resourceslices').filter((s) => str(s.spec?.nodeName) === name),
      w,
    );
    const info = obj(status.nodeInfo);
    w.write(LEVEL_0, 'System Info:\n');
    for (const [label, field] of [
      ['Machine ID', 'machineID'],
      ['System UUID', 'systemUUID'],
      ['Boot ID', 'bootID'],
      ['Kernel Version', 'kernelVersion'],
      ['OS Image', 'osImage'],
      ['Operating System', 'operatingSystem'],
      ['Architecture', 'architecture'],
      ['Container Runtime Version', 'containerRuntimeVersion'],
      ['Kubelet Version', 'kubeletVersion'],
    ]) {
      w.write(LEVEL_0, `  ${label}:\t${str(info[field!])}\n`);
    }
    if (str(spec.podCIDR) !== '') w.write(LEVEL_0, `PodCIDR:\t${str(spec.podCIDR)}\n`);
    const cidrs = arr(spec.podCIDRs).map(str);
    if (cidrs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${cidrs.join(',')}\n`);
    if (str(spec.providerID) !== '') w.write(LEVEL_0, `ProviderID:\t${str(spec.providerID)}\n`);
    describeNodeResource(pods, node, ctx.now, w);
    describeEvents(ctx.events, w, ctx.now);
  });
}

