// A cluster on a MemoryStore for the garbage collector's tests, and "the next command" on it: a fresh
// store from the last one's snapshot whose resources carry stamps (as the file backend's do) and are
// read only when first used, so a test can tell which ones the collector read.

import { createHash } from 'node:crypto';
import { findResource } from '../../../src/api/registry.js';
import { ApiServer } from '../../../src/api/server.js';
import type { KObject, OwnerReference } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { FixedClock } from '../../../src/sim/clock.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

export const CONFIGMAPS = findResource('configmaps')!;
export const SECRETS = findResource('secrets')!;
export const SERVICES = findResource('services')!;

const clock = new FixedClock(Date.parse('2026-01-01T00:00:00Z'));
const apiOn = (store: MemoryStore) => new ApiServer(store, clock, new SeededRandom(1), defaultValidator, new SimContext('instant'));

export function cluster(): { api: ApiServer; store: MemoryStore } {
  const store = new MemoryStore();
  const api = apiOn(store);
  api.create(findResource('namespaces')!, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return { api, store };
}

/** The next command: the objects and meta values as stored; `loaded` lists the resources read so far. */
export function reopen(prev: MemoryStore): { api: ApiServer; store: MemoryStore; loaded: string[] } {
  const { revision, objects, meta } = structuredClone(prev.snapshot());
  const loaded: string[] = [];
  const store = new MemoryStore({ revision, objects: {}, meta }, { resources: Object.keys(objects), load: (r) => (loaded.push(r), objects[r]!) });
  store.setStamps((r) => createHash('sha1').update(JSON.stringify(objects[r] ?? {})).digest('hex').slice(0, 12));
  return { api: apiOn(store), store, loaded };
}

export function ownedBy(...owners: KObject[]): OwnerReference[] {
  return owners.map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, uid: o.metadata.uid! }));
}

export function configMap(name: string, ownerReferences?: OwnerReference[], finalizers?: string[]): KObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', ...(ownerReferences ? { ownerReferences } : {}), ...(finalizers ? { finalizers } : {}) } };
}

export function secret(name: string, ownerReferences?: OwnerReference[]): KObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default', ...(ownerReferences ? { ownerReferences } : {}) } };
}

export const names = (api: ApiServer, info = CONFIGMAPS): string[] => api.list(info, 'default').map((o) => o.metadata.name!);
