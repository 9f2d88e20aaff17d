// API-server defaulting per kind (SetDefaults_* in pkg/apis/*/v1/defaults.go), applied on create and
// update before validation, so `-o yaml` shows what a real cluster shows.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../types.js';
import { defaultPod, defaultPodTemplate } from './pod.js';

function defaultRollingUpdate(spec: any): void {
  spec.strategy ??= {};
  spec.strategy.type ??= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
}

const defaulters: Record<string, (o: any) => void> = {
  Pod: (o) => defaultPod(o),
  Deployment: (o) => {
    const s = (o.spec ??= {});
    s.replicas ??= 1;
    defaultRollingUpdate(s);
    s.revisionHistoryLimit ??= 10;
    s.progressDeadlineSeconds ??= 600;
    defaultPodTemplate(s.template);
  },
  ReplicaSet: (o) => {
    const s = (o.spec ??= {});
    s.replicas ??= 1;
    defaultPodTemplate(s.template);
  },
  ReplicationController: (o) => {
    const s = (o.spec ??= {});
    s.replicas ??= 1;
    // An RC without a selector selects its template's labels; without labels, it takes them too.
    const tl = s.template?.metadata?.labels;
    if (tl && !s.selector) s.selector = { ...tl };
    o.metadata.labels ??= tl ? { ...tl } : undefined;
    if (o.metadata.labels === undefined) delete o.metadata.labels;
    defaultPodTemplate(s.template);
  },
  DaemonSet: (o) => {
    const s = (o.spec ??= {});
    s.updateStrategy ??= {};
    s.updateStrategy.type ??= 'RollingUpdate';
    if (s.updateStrategy.type === 'RollingUpdate') {
      s.updateStrategy.rollingUpdate ??= {};
      s.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
      s.updateStrategy.rollingUpdate.maxSurge ??= 0;
    }
    s.revisionHistoryLimit ??= 10;
    defaultPodTemplate(s.template);
  },
  StatefulSet: (o) => {
    const s = (o.spec ??= {});
    s.replicas ??= 1;
    s.podManagementPolicy ??= 'OrderedReady';
    s.updateStrategy ??= {};
    // rollingUpdate is filled in only when the type was defaulted too: an explicit
    // `type: RollingUpdate` without it stays without it (SetDefaults_StatefulSet).
    if (s.updateStrategy.type === undefined) {
      s.updateStrategy.type = 'RollingUpdate';
      s.updateStrategy.rollingUpdate ??= {};
    }
    if (s.updateStrategy.type === 'RollingUpdate' && s.updateStrategy.rollingUpdate) {
      s.updateStrategy.rollingUpdate.partition ??= 0;
      // MaxUnavailableStatefulSet is beta and on by default since 1.35.
      s.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    }
    s.revisionHistoryLimit ??= 10;
    s.persistentVolumeClaimRetentionPolicy ??= {};
    s.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
    s.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
    for (const pvc of s.volumeClaimTemplates ?? []) {
      pvc.apiVersion ??= 'v1';
      pvc.kind ??= 'PersistentVolumeClaim';
      pvc.spec ??= {};
      pvc.spec.volumeMode ??= 'Filesystem';
      pvc.status ??= { phase: 'Pending' };
    }
    defaultPodTemplate(s.template);
  },
  Job: (o) => defaultJobSpec((o.spec ??= {})),
  CronJob: (o) => {
    const s = (o.spec ??= {});
    s.concurrencyPolicy ??= 'Allow';
    s.suspend ??= false;
    s.successfulJobsHistoryLimit ??= 3;
    s.failedJobsHistoryLimit ??= 1;
    s.jobTemplate ??= {};
    s.jobTemplate.spec ??= {};
    defaultJobSpec(s.jobTemplate.spec);
  },
  Service: (o) => {
    const s = (o.spec ??= {});
    s.type ??= 'ClusterIP';
    s.sessionAffinity ??= 'None';
    if (s.sessionAffinity === 'ClientIP') {
      s.sessionAffinityConfig ??= { clientIP: { timeoutSeconds: 10800 } };
    }
    for (const p of s.ports ?? []) {
      if (!p || typeof p !== 'object') continue;
      p.protocol ??= 'TCP';
      if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
    }
    if (s.type !== 'ExternalName') s.internalTrafficPolicy ??= 'Cluster';
    if (s.type === 'NodePort' || s.type === 'LoadBalancer') s.externalTrafficPolicy ??= 'Cluster';
    if (s.type === 'LoadBalancer') s.allocateLoadBalancerNodePorts ??= true;
    o.status ??= { loadBalancer: {} };
  },
  Namespace: (o) => {
    o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name };
    o.spec ??= {};
    o.spec.finalizers ??= ['kubernetes'];
    o.status ??= {};
    o.status.phase ??= 'Active';
  },
  Secret: (o) => {
    o.type ??= 'Opaque';
  },
  PersistentVolumeClaim: (o) => {
    const s = (o.spec ??= {});
    s.volumeMode ??= 'Filesystem';
    o.status ??= {};
    o.status.phase ??= 'Pending';
  },
  PersistentVolume: (o) => {
    const s = (o.spec ??= {});
    s.persistentVolumeReclaimPolicy ??= 'Retain';
    s.volumeMode ??= 'Filesystem';
    o.status ??= {};
    o.status.phase ??= 'Pending';
  },
  Ingress: (o) => {
    o.status ??= { loadBalancer: {} };
  },
  StorageClass: (o) => {
    o.reclaimPolicy ??= 'Delete';
    o.volumeBindingMode ??= 'Immediate';
  },
  EndpointSlice: (o) => {
    for (const p of o.ports ?? []) if (p) p.protocol ??= 'TCP';
  },
  Endpoints: (o) => {
    for (const ss of o.subsets ?? []) for (const p of ss?.ports ?? []) if (p) p.protocol ??= 'TCP';
  },
};

function defaultJobSpec(s: any): void {
  // Neither given: one pod to completion. Only parallelism given: completions stay unset (work queue).
  if (s.completions === undefined && s.parallelism === undefined) s.completions = 1;
  s.parallelism ??= 1;
  s.completionMode ??= 'NonIndexed';
  s.backoffLimit ??= 6;
  s.suspend ??= false;
  s.podReplacementPolicy ??= 'TerminatingOrFailed';
  defaultPodTemplate(s.template);
}

/** Applies the kind's defaults to `obj` in place (the caller passes its own copy). */
export function applyDefaults(obj: KObject): void {
  defaulters[obj.kind]?.(obj);
}
