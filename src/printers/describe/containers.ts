// Containers as describe prints them (describeContainers and helpers), for pods and pod templates.

import type { KObject } from '../../api/types.js';
import { arr, goQuote, has, intOrString, joinHostPort, keysSorted, num, obj, printBool, stableSort, str, stringOrNone, type Obj } from './fmt.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type Writer } from './prefix-writer.js';
import { q } from './quantity.js';
import { containerResourceValue } from './resources.js';
import { rfc1123z } from './time.js';

/** describeResources: Limits then Requests, resource names sorted. */
export function describeResources(resources: unknown, w: Writer, level: number): void {
  const r = obj(resources);
  for (const [title, list] of [
    ['Limits', obj(r.limits)],
    ['Requests', obj(r.requests)],
  ] as const) {
    const names = keysSorted(list);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${q(list[name]).toString()}\n`);
  }
}

const portList = (ports: Obj[], field: 'containerPort' | 'hostPort'): string =>
  ports
    .map((p) => {
      const s = `${num(p[field])}/${str(p.protocol)}`;
      return str(p.name) !== '' ? `${s} (${str(p.name)})` : s;
    })
    .join(', ');

// url.URL{Scheme, Host, Path}.String() for an httpGet probe.
function probeURL(h: Obj): string {
  const scheme = str(h.scheme).toLowerCase();
  const port = intOrString(h.port);
  const host = port.length > 0 ? joinHostPort(str(h.host), port) : str(h.host);
  let path = escapePath(str(h.path));
  if (path !== '' && !path.startsWith('/') && host !== '') path = '/' + path;
  let out = scheme !== '' ? `${scheme}:` : '';
  if (scheme !== '' || host !== '') out += '//' + host;
  return out + path;
}

// net/url escaping for a path: unreserved and $&+,/:;=@ stay, everything else is %XX.
function escapePath(p: string): string {
  let out = '';
  for (const b of Buffer.from(p, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** DescribeProbe. */
export function describeProbe(p: Obj): string {
  const attrs =
    `delay=${num(p.initialDelaySeconds)}s timeout=${num(p.timeoutSeconds)}s period=${num(p.periodSeconds)}s ` +
    `#success=${num(p.successThreshold)} #failure=${num(p.failureThreshold)}`;
  if (has(p.exec)) return `exec [${arr(obj(p.exec).command).map(str).join(' ')}] ${attrs}`;
  if (has(p.httpGet)) return `http-get ${probeURL(obj(p.httpGet))} ${attrs}`;
  if (has(p.tcpSocket)) return `tcp-socket ${str(p.tcpSocket.host)}:${intOrString(p.tcpSocket.port)} ${attrs}`;
  if (has(p.grpc)) return `grpc <pod>:${num(p.grpc.port)} ${str(p.grpc.service)} ${attrs}`;
  return `unknown ${attrs}`;
}

// Only metadata.name/namespace resolve: kubectl's scheme has no Pod field-label conversions, so
// every other fieldPath converts with an error and prints an empty value.
function resolveFieldRef(pod: KObject, fieldPath: string): string {
  if (fieldPath === 'metadata.name') return str(pod.metadata?.name);
  if (fieldPath === 'metadata.namespace') return str(pod.metadata?.namespace);
  return '';
}

function describeStatus(stateName: string, state: Obj, w: Writer): void {
  if (has(state.running)) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (has(state.waiting)) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (str(state.waiting.reason) !== '') w.write(LEVEL_3, `Reason:\t${str(state.waiting.reason)}\n`);
  } else if (has(state.terminated)) {
    const t = obj(state.terminated);
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (str(t.reason) !== '') w.write(LEVEL_3, `Reason:\t${str(t.reason)}\n`);
    if (str(t.message) !== '') w.write(LEVEL_3, `Message:\t${str(t.message)}\n`);
    w.write(LEVEL_3, `Exit Code:\t${num(t.exitCode)}\n`);
    if (num(t.signal) > 0) w.write(LEVEL_3, `Signal:\t${num(t.signal)}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function describeEnv(c: Obj, pod: KObject | undefined, w: Writer): void {
  const env = arr(c.env).map(obj);
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const name = str(e.name);
    if (!has(e.valueFrom)) {
      str(e.value)
        .split('\n')
        .forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${name}:\t${line}\n` : `\t${line}\n`));
      continue;
    }
    const vf = obj(e.valueFrom);
    if (has(vf.fieldRef)) {
      const value = pod ? resolveFieldRef(pod, str(vf.fieldRef.fieldPath)) : '';
      w.write(LEVEL_3, `${name}:\t${value} (${str(vf.fieldRef.apiVersion)}:${str(vf.fieldRef.fieldPath)})\n`);
    } else if (has(vf.resourceFieldRef)) {
      const resource = str(vf.resourceFieldRef.resource);
      let value = containerResourceValue(obj(vf.resourceFieldRef), c) ?? '';
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${name}:\t${value} (${resource})\n`);
    } else if (has(vf.secretKeyRef)) {
      const r = obj(vf.secretKeyRef);
      w.write(LEVEL_3, `${name}:\t<set to the key '${str(r.key)}' in secret '${str(r.name)}'>\tOptional: ${r.optional === true}\n`);
    } else if (has(vf.configMapKeyRef)) {
      const r = obj(vf.configMapKeyRef);
      w.write(LEVEL_3, `${name}:\t<set to the key '${str(r.key)}' of config map '${str(r.name)}'>\tOptional: ${r.optional === true}\n`);
    }
  }
}

function describeEnvFrom(c: Obj, w: Writer): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of arr(c.envFrom).map(obj)) {
    let from = '';
    let name = '';
    let optional = false;
    if (has(e.configMapRef)) {
      [from, name, optional] = ['ConfigMap', str(e.configMapRef.name), e.configMapRef.optional === true];
    } else if (has(e.secretRef)) {
      [from, name, optional] = ['Secret', str(e.secretRef.name), e.secretRef.optional === true];
    }
    const prefix = str(e.prefix);
    w.write(LEVEL_3, prefix === '' ? `${name}\t${from}\tOptional: ${optional}\n` : `${name}\t${from} with prefix '${prefix}'\tOptional: ${optional}\n`);
  }
}

function describeMounts(c: Obj, w: Writer): void {
  const mounts = arr(c.volumeMounts).map(obj);
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of stableSort(mounts, (a, b) => str(a.mountPath) < str(b.mountPath))) {
    const flags = [m.readOnly === true ? 'ro' : 'rw'];
    if (str(m.subPath) !== '') flags.push(`path=${goQuote(str(m.subPath))}`);
    w.write(LEVEL_3, `${str(m.mountPath)} from ${str(m.name)} (${flags.join(',')})\n`);
  }
  const devices = arr(c.volumeDevices).map(obj);
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of stableSort(devices, (a, b) => str(a.devicePath) < str(b.devicePath))) {
      w.write(LEVEL_3, `${str(d.devicePath)} from ${str(d.name)}\n`);
    }
  }
}

/**
 * describeContainers. `statuses` is undefined for pod templates (no status block is printed),
 * `pod` resolves fieldRef env values, `space` is "  " inside a pod template.
 */
export function describeContainers(
  label: string,
  containers: unknown,
  statuses: unknown,
  pod: KObject | undefined,
  w: Writer,
  space: string,
): void {
  const list = arr(containers).map(obj);
  const byName = new Map<string, Obj>();
  for (const s of arr(statuses).map(obj)) byName.set(str(s.name), s);
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`);
  for (const c of list) {
    const status = byName.get(str(c.name));
    w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${str(c.name)}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${str(status.containerID)}\n`);
    w.write(LEVEL_2, `Image:\t${str(c.image)}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${str(status.imageID)}\n`);
    const ports = arr(c.ports).map(obj);
    const portStr = portList(ports, 'containerPort');
    w.write(LEVEL_2, portStr.includes(',') ? `Ports:\t${portStr}\n` : `Port:\t${stringOrNone(portStr)}\n`);
    const hostStr = portList(ports, 'hostPort');
    w.write(LEVEL_2, hostStr.includes(',') ? `Host Ports:\t${hostStr}\n` : `Host Port:\t${stringOrNone(hostStr)}\n`);
    const seccomp = obj(obj(c.securityContext).seccompProfile);
    if (has(obj(c.securityContext).seccompProfile)) {
      w.write(LEVEL_2, `SeccompProfile:\t${str(seccomp.type)}\n`);
      if (str(seccomp.type) === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
    }
    for (const [title, items] of [
      ['Command', arr(c.command)],
      ['Args', arr(c.args)],
    ] as const) {
      if (items.length === 0) continue;
      w.write(LEVEL_2, `${title}:\n`);
      for (const item of items) for (const line of str(item).split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    if (status) {
      describeStatus('State', obj(status.state), w);
      if (has(obj(status.lastState).terminated)) describeStatus('Last State', obj(status.lastState), w);
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(LEVEL_2, `Restart Count:\t${num(status.restartCount)}\n`);
    }
    describeResources(c.resources, w, LEVEL_2);
    for (const [title, field] of [
      ['Liveness', 'livenessProbe'],
      ['Readiness', 'readinessProbe'],
      ['Startup', 'startupProbe'],
    ] as const) {
      if (has(c[field])) w.write(LEVEL_2, `${title}:\t${describeProbe(obj(c[field]))}\n`);
    }
    if (arr(c.envFrom).length > 0) describeEnvFrom(c, w);
    describeEnv(c, pod, w);
    describeMounts(c, w);
  }
}
