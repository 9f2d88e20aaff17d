// A simulated ingress-nginx, installed as kind's guide installs it (deploy/static/provider/kind):
// `--controller-class=k8s.io/ingress-nginx --ingress-class=nginx --publish-status-address=localhost`.
//
// - It serves Ingresses whose spec.ingressClassName names an IngressClass with its controller, those
//   with the legacy annotation kubernetes.io/ingress.class: nginx, and class-less ones while one of its
//   classes is the default (the DefaultIngressClass admission normally fills the class in on create).
// - status.loadBalancer.ingress is the published address: `localhost` is not an IP, so ingress-nginx
//   writes it as a hostname, and `kubectl get ingress` shows ADDRESS localhost.
// - Every change of a served Ingress its informer sees (the create or a spec change, then its own
//   status write) is announced with a Normal `Sync` / `Scheduled for sync` event from
//   nginx-ingress-controller: a new Ingress shows `(x2 over …)`, as on kind.
// - An Ingress it no longer serves (class changed) gets its address removed.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { StatusError } from '../../api/errors.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { deepEqual } from '../../api/object.js';
import { recordEvent } from '../events/record.js';

export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
export const PUBLISHED_ADDRESS = 'localhost';
const LEGACY_CLASS_ANN = 'kubernetes.io/ingress.class';
const DEFAULT_CLASS_ANN = 'ingressclass.kubernetes.io/is-default-class';
/** Store meta: per Ingress UID, the generation last announced with a Sync event. */
const SYNCED_META = 'ingress.synced';

/** Whether ingress-nginx serves `ing`, given the cluster's IngressClasses. */
export function servedByNginx(ing: KObject, classes: KObject[]): boolean {
  const own = classes.filter((c) => c['spec']?.controller === INGRESS_NGINX_CONTROLLER);
  const className = ing['spec']?.ingressClassName as string | undefined;
  if (className) return own.some((c) => c.metadata.name === className);
  const legacy = ing.metadata.annotations?.[LEGACY_CLASS_ANN];
  if (legacy !== undefined) return own.some((c) => c.metadata.name === legacy);
  return own.some((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANN] === 'true');
}

function sync(api: ApiServer, ing: KObject): void {
  recordEvent(api, ing, { type: 'Normal', reason: 'Sync', message: 'Scheduled for sync', component: 'nginx-ingress-controller' });
}

function writeStatus(api: ApiServer, ing: KObject, lbIngress: any[] | undefined): KObject | undefined {
  const next = structuredClone(ing);
  next['status'] = { ...(next['status'] ?? {}), loadBalancer: lbIngress ? { ingress: lbIngress } : {} };
  try {
    return api.updateStatus(api.resource('ingresses'), next);
  } catch (e) {
    // Refused status writes are retried on a later pass, as the controller's status sync would.
    if (!(e instanceof StatusError)) throw e;
    return undefined;
  }
}

export function ingressController(api: ApiServer): void {
  const ingresses = api.list(api.resource('ingresses'));
  const classes = api.list(api.resource('ingressclasses'));
  const synced = api.store.getMeta<Record<string, number>>(SYNCED_META) ?? {};
  const nextSynced: Record<string, number> = {};
  const want = [{ hostname: PUBLISHED_ADDRESS }];
  for (const ing of ingresses) {
    const uid = ing.metadata.uid!;
    const current = ing['status']?.loadBalancer?.ingress as any[] | undefined;
    if (!servedByNginx(ing, classes) || ing.metadata.deletionTimestamp) {
      // Not (or no longer) ours: take back our address, leave other controllers' alone.
      if (current?.some((i) => i?.hostname === PUBLISHED_ADDRESS && !i.ip)) writeStatus(api, ing, undefined);
      continue;
    }
    const generation = ing.metadata.generation ?? 1;
    if (synced[uid] !== generation) sync(api, ing);
    nextSynced[uid] = generation;
    if (!deepEqual(current ?? [], want)) {
      const written = writeStatus(api, ing, want);
      if (written) sync(api, written);
    }
  }
  if (!deepEqual(synced, nextSynced)) api.store.setMeta(SYNCED_META, nextSynced);
}
