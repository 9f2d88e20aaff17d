// Pod and pod-template defaulting, as kube-apiserver's SetDefaults_* functions for core/v1 do.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** imagePullPolicy: Always for `:latest` or no tag, IfNotPresent otherwise (digests count as tags). */
export function defaultPullPolicy(image: string | undefined): string {
  if (!image) return 'Always';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon === -1) return 'Always';
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: any): void {
  if (!c || typeof c !== 'object') return;
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  if (c.resources.limits && !c.resources.requests) {
    // Requests default to limits when only limits are given.
    c.resources.requests = { ...c.resources.limits };
  } else if (c.resources.limits && c.resources.requests) {
    for (const [k, v] of Object.entries(c.resources.limits)) c.resources.requests[k] ??= v;
  }
  for (const p of c.ports ?? []) if (p && typeof p === 'object') p.protocol ??= 'TCP';
  for (const e of c.env ?? []) {
    const f = e?.valueFrom?.fieldRef;
    if (f) f.apiVersion ??= 'v1';
  }
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) defaultProbe(probe);
}

function defaultProbe(p: any): void {
  if (!p || typeof p !== 'object') return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) p.httpGet.scheme ??= 'HTTP';
  if (p.httpGet) p.httpGet.path ??= '/';
  if (p.grpc) p.grpc.service ??= '';
}

function defaultVolume(v: any): void {
  if (!v || typeof v !== 'object') return;
  if (v.configMap) v.configMap.defaultMode ??= 420;
  if (v.secret) v.secret.defaultMode ??= 420;
  if (v.projected) v.projected.defaultMode ??= 420;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= 420;
    for (const it of v.downwardAPI.items ?? []) if (it?.fieldRef) it.fieldRef.apiVersion ??= 'v1';
  }
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.iscsi) v.iscsi.iscsiInterface ??= 'default';
  if (v.rbd) {
    v.rbd.pool ??= 'rbd';
    v.rbd.user ??= 'admin';
    v.rbd.keyring ??= '/etc/ceph/keyring';
  }
  if (v.azureDisk) {
    v.azureDisk.cachingMode ??= 'ReadWrite';
    v.azureDisk.fsType ??= 'ext4';
    v.azureDisk.readOnly ??= false;
    v.azureDisk.kind ??= 'Shared';
  }
  const isSourceless = Object.keys(v).filter((k) => k !== 'name').length === 0;
  if (isSourceless) v.emptyDir = {};
}

/** Defaults shared by Pods and pod templates. */
export function defaultPodSpec(spec: any): void {
  if (!spec || typeof spec !== 'object') return;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  if (spec.serviceAccount && !spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount;
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

export function defaultPodTemplate(template: any): void {
  if (!template || typeof template !== 'object') return;
  template.metadata ??= {};
  defaultPodSpec(template.spec);
}

/** Defaults only Pods get (not templates): what the apiserver and its admission plugins add. */
export function defaultPod(pod: any): void {
  pod.spec ??= {};
  const spec = pod.spec;
  defaultPodSpec(spec);
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  // DefaultTolerationSeconds admission: tolerate not-ready/unreachable for 300s.
  const tolerations: any[] = (spec.tolerations ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tolerations.some(
      (t) => t?.key === key && (t.effect === 'NoExecute' || t.effect === undefined || t.effect === ''),
    );
    if (!has) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  for (const t of tolerations) if (t && !t.operator) t.operator = 'Equal';
}

/** QoS class (pkg/apis/core/helper/qos): Guaranteed, Burstable or BestEffort. */
export function qosClass(spec: any): string {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  const req: Record<string, boolean> = {};
  const lim: Record<string, boolean> = {};
  let isGuaranteed = true;
  let any = false;
  for (const c of containers) {
    const r = c?.resources ?? {};
    for (const k of ['cpu', 'memory']) {
      const rq = r.requests?.[k];
      const lm = r.limits?.[k];
      if (rq !== undefined && String(rq) !== '0') {
        req[k] = true;
        any = true;
      }
      if (lm !== undefined && String(lm) !== '0') {
        lim[k] = true;
        any = true;
      }
      if (lm === undefined || (rq !== undefined && String(rq) !== String(lm))) isGuaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  if (isGuaranteed && lim['cpu'] && lim['memory']) return 'Guaranteed';
  return 'Burstable';
}
