// What exec and logs share: finding the pod and container a request is for, with the apiserver's and
// kubectl's messages, and the world the simulated container sees.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { CliError, notFound, StatusError } from '../../api/errors.js';
import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import type { ContainerWorld } from '../../sim/container-fs.js';

type Json = Record<string, any>;

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

export const badRequest = (message: string): StatusError => new StatusError(400, 'BadRequest', message);

/** POD or pod/POD (pods only). */
export function podName(arg: string): string {
  const m = /^(pods?|po)\/(.+)$/.exec(arg);
  if (m) return m[2]!;
  if (arg.includes('/')) throw new CliError(`kube-lite supports only pods here, not ${arg.split('/')[0]}`);
  return arg;
}

export function getPod(api: ApiServer, namespace: string, name: string): KObject {
  const pod = api.tryGet(findResource('pods')!, namespace, name);
  if (!pod) throw notFound('pods', name);
  return pod;
}

/** podcmd.AllContainerNames: "a, b, c (init), d (ephem)". */
export function allContainerNames(pod: Json): string {
  return [
    ...(pod.spec?.containers ?? []).map((c: Json) => c.name),
    ...(pod.spec?.initContainers ?? []).map((c: Json) => `${c.name} (init)`),
    ...(pod.spec?.ephemeralContainers ?? []).map((c: Json) => `${c.name} (ephem)`),
  ].join(', ');
}

/**
 * The container a request is for: -c, else the default-container annotation, else the first one
 * (with kubectl's "Defaulted container" note on stderr when there was a choice). An unknown -c is the
 * apiserver's BadRequest.
 */
export function chooseContainer(pod: Json, requested: string | undefined, warn: (s: string) => void): { spec: Json; init: boolean } {
  const containers: Json[] = pod.spec?.containers ?? [];
  const inits: Json[] = pod.spec?.initContainers ?? [];
  let name = requested;
  if (!name) {
    const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
    if (annotated && [...containers, ...inits].some((c) => c.name === annotated)) name = annotated;
    else {
      if (annotated) warn(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
      name = containers[0]?.name;
      if (containers.length > 1 || inits.length > 0 || (pod.spec?.ephemeralContainers ?? []).length > 0)
        warn(`Defaulted container "${name}" out of: ${allContainerNames(pod)}\n`);
    }
  }
  const c = containers.find((x) => x.name === name);
  if (c) return { spec: c, init: false };
  const i = inits.find((x) => x.name === name);
  if (i) return { spec: i, init: true };
  throw badRequest(`container ${name} is not valid for pod ${pod.metadata.name}`);
}

export function containerStatus(pod: Json, name: string, init: boolean): Json | undefined {
  return (pod.status?.[init ? 'initContainerStatuses' : 'containerStatuses'] ?? []).find((s: Json) => s.name === name);
}

/** The ConfigMaps, Secrets, Services and node the pod's kubelet would read. */
export function containerWorld(api: ApiServer, pod: KObject): ContainerWorld {
  const ns = pod.metadata.namespace;
  const services = api.list(findResource('services')!, ns);
  const master = api.tryGet(findResource('services')!, 'default', 'kubernetes');
  if (master && ns !== 'default') services.push(master);
  const nodeName = pod['spec']?.nodeName;
  return {
    configMaps: api.list(findResource('configmaps')!, ns),
    secrets: api.list(findResource('secrets')!, ns),
    services,
    ...(nodeName ? { node: api.tryGet(findResource('nodes')!, undefined, nodeName) } : {}),
  };
}
