// NodePorts filter: a host port (protocol, port) can be used once per node; 0.0.0.0 conflicts with
// every address, a specific address only with itself.

import { podHostPorts, unschedulable, type FilterPlugin, type HostPort } from './framework.js';

export const ERR_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

const ANY = '0.0.0.0';

export function portsConflict(a: HostPort, b: HostPort): boolean {
  return a.port === b.port && a.protocol === b.protocol && (a.ip === ANY || b.ip === ANY || a.ip === b.ip);
}

export const nodePorts: FilterPlugin = (pod, ni) => {
  if (ni.usedPorts.length === 0) return undefined; // nothing to clash with (the common case)
  const wanted = podHostPorts(pod);
  const clash = wanted.some((w) => ni.usedPorts.some((u) => portsConflict(w, u)));
  return clash ? unschedulable(ERR_NODE_PORTS) : undefined;
};
