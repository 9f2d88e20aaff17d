// What the traffic model remembers between invocations, in the store's meta values:
// - `traffic.affinity`: ClientIP session-affinity entries (expire after timeoutSeconds of cluster time);
// - `traffic.log`: per pod UID, the last LOG_LIMIT requests it served, for a later `logs` verb.

import type { AffinityTable } from './types.js';

export interface MetaStore {
  getMeta<T>(name: string): T | undefined;
  setMeta(name: string, value: unknown): void;
}

export interface ServedRequest {
  /** RFC 3339, cluster time. */
  time: string;
  /** The source IP the pod saw. */
  client: string;
  path: string;
  /** A kubelet probe's request (`kube-probe/1.36`) that got this status; absent for served traffic (200). */
  probeStatus?: number;
  /** The client's User-Agent, when not curl's (`Wget` for busybox wget). */
  agent?: string;
  /** The container that answered, when not the pod's first one. */
  container?: string;
}

export type TrafficLog = Record<string, ServedRequest[]>;

export const AFFINITY_META = 'traffic.affinity';
export const LOG_META = 'traffic.log';
export const LOG_LIMIT = 100;

export function loadAffinity(store: MetaStore): AffinityTable {
  return { ...(store.getMeta<AffinityTable>(AFFINITY_META) ?? {}) };
}

export function saveAffinity(store: MetaStore, table: AffinityTable): void {
  const had = store.getMeta<AffinityTable>(AFFINITY_META) !== undefined;
  if (had || Object.keys(table).length > 0) store.setMeta(AFFINITY_META, table);
}

export function loadLog(store: MetaStore): TrafficLog {
  return store.getMeta<TrafficLog>(LOG_META) ?? {};
}

/** Appends the requests each pod served, keeping the newest LOG_LIMIT per pod. */
export function appendLog(store: MetaStore, served: { podUid: string; entry: ServedRequest }[]): void {
  if (served.length === 0) return;
  const log: TrafficLog = { ...loadLog(store) };
  for (const { podUid, entry } of served) log[podUid] = [...(log[podUid] ?? []), entry].slice(-LOG_LIMIT);
  store.setMeta(LOG_META, log);
}

/** Forgets the log of pods that no longer exist (called with the live pod UIDs). */
export function pruneLog(store: MetaStore, liveUids: Set<string>): void {
  const log = store.getMeta<TrafficLog>(LOG_META);
  if (!log) return;
  const kept = Object.fromEntries(Object.entries(log).filter(([uid]) => liveUids.has(uid)));
  if (Object.keys(kept).length !== Object.keys(log).length) store.setMeta(LOG_META, kept);
}
