// Strategic-merge-patch metadata for the built-in kinds: the Go struct tags
// `patchStrategy:"…"` / `patchMergeKey:"…"` of k8s.io/api (core/v1, apps/v1, batch/v1, policy/v1, …),
// kept as data. A field absent here has no tag: maps merge key by key, lists are atomic (replaced).
// Checked against the tags compiled into kubectl: tolerations, taints, readinessGates, EndpointSubsets,
// ServiceAccount.imagePullSecrets, updateStrategy and containerStatuses carry no tag (atomic).

export type PatchStrategy = 'merge' | 'retainKeys' | 'replace';

export interface PatchMeta {
  /** 'merge' (merge lists by mergeKey, or as a set for primitives), 'replace' (atomic map), 'retainKeys'. */
  strategy?: PatchStrategy;
  mergeKey?: string;
  /** `patchStrategy:"merge,retainKeys"`: list items (or the map) get a `$retainKeys` directive. */
  retainKeys?: boolean;
}

/** A field's metadata plus the struct type of its value (of its items, for lists). */
interface FieldSpec extends PatchMeta {
  type?: string;
}
/** Struct name → fields. A string value is shorthand for `{ type }` (an untagged struct field). */
type StructSpec = Readonly<Record<string, FieldSpec | string>>;

const mergeBy = (mergeKey: string, type?: string): FieldSpec => ({ strategy: 'merge', mergeKey, type });
const conditions = mergeBy('type');
const templateSpec = { template: 'PodTemplateSpec' };

const TYPES: Readonly<Record<string, StructSpec>> = {
  ObjectMeta: { finalizers: { strategy: 'merge' }, ownerReferences: mergeBy('uid') },
  // Status types of most kinds: only `conditions` (merge by type) is tagged.
  Conditioned: { conditions },

  PodTemplateSpec: { metadata: 'ObjectMeta', spec: 'PodSpec' },
  PodSpec: {
    volumes: { ...mergeBy('name'), retainKeys: true },
    initContainers: mergeBy('name', 'Container'),
    containers: mergeBy('name', 'Container'),
    ephemeralContainers: mergeBy('name', 'Container'),
    imagePullSecrets: mergeBy('name'),
    hostAliases: mergeBy('ip'),
    topologySpreadConstraints: mergeBy('topologyKey'),
    schedulingGates: mergeBy('name'),
    resourceClaims: { ...mergeBy('name'), retainKeys: true },
  },
  // Container and EphemeralContainer(Common) share these tags.
  Container: {
    ports: mergeBy('containerPort'),
    env: mergeBy('name'),
    volumeMounts: mergeBy('mountPath'),
    volumeDevices: mergeBy('devicePath'),
  },
  PodStatus: {
    conditions,
    podIPs: mergeBy('ip'),
    hostIPs: mergeBy('ip'),
    resourceClaimStatuses: { ...mergeBy('name'), retainKeys: true },
  },

  DeploymentSpec: { ...templateSpec, strategy: { strategy: 'retainKeys' } },
  PodTemplateOwnerSpec: templateSpec, // ReplicaSet, DaemonSet, StatefulSet, Job, ReplicationController specs
  CronJobSpec: { jobTemplate: 'JobTemplateSpec' },
  JobTemplateSpec: { metadata: 'ObjectMeta', spec: 'PodTemplateOwnerSpec' },

  ServiceSpec: { ports: mergeBy('port') }, // ServicePort: listMapKey is port+protocol, patchMergeKey only port
  NodeSpec: { podCIDRs: { strategy: 'merge' } },
  NodeStatus: { conditions, addresses: mergeBy('type') },
  PodDisruptionBudgetSpec: { selector: { strategy: 'replace' } },
  Webhook: { matchConditions: mergeBy('name') },
  ValidatingAdmissionPolicySpec: { variables: mergeBy('name'), matchConditions: mergeBy('name') },
  CSINodeSpec: { drivers: mergeBy('name') },
};

const withMeta = (fields: StructSpec = {}): StructSpec => ({ metadata: 'ObjectMeta', ...fields });
const owner = (spec: string): StructSpec => withMeta({ spec, status: 'Conditioned' });
const metaOnly = withMeta();

/** Root struct of each built-in kind (registered in kubectl's scheme, so apply uses strategic merge). */
const KINDS: Readonly<Record<string, StructSpec>> = {
  Pod: withMeta({ spec: 'PodSpec', status: 'PodStatus' }),
  PodTemplate: withMeta(templateSpec),
  ReplicationController: owner('PodTemplateOwnerSpec'),
  Deployment: owner('DeploymentSpec'),
  ReplicaSet: owner('PodTemplateOwnerSpec'),
  DaemonSet: owner('PodTemplateOwnerSpec'),
  StatefulSet: owner('PodTemplateOwnerSpec'),
  Job: owner('PodTemplateOwnerSpec'),
  CronJob: withMeta({ spec: 'CronJobSpec' }),
  Service: withMeta({ spec: 'ServiceSpec', status: 'Conditioned' }),
  Node: withMeta({ spec: 'NodeSpec', status: 'NodeStatus' }),
  Namespace: withMeta({ status: 'Conditioned' }),
  PersistentVolumeClaim: withMeta({ status: 'Conditioned' }),
  ServiceAccount: withMeta({ secrets: mergeBy('name') }),
  PodDisruptionBudget: withMeta({ spec: 'PodDisruptionBudgetSpec', status: 'Conditioned' }),
  HorizontalPodAutoscaler: withMeta({ status: 'Conditioned' }),
  ComponentStatus: withMeta({ conditions }),
  MutatingWebhookConfiguration: withMeta({ webhooks: mergeBy('name', 'Webhook') }),
  ValidatingWebhookConfiguration: withMeta({ webhooks: mergeBy('name', 'Webhook') }),
  ValidatingAdmissionPolicy: withMeta({ spec: 'ValidatingAdmissionPolicySpec' }),
  CSINode: withMeta({ spec: 'CSINodeSpec' }),
  ...Object.fromEntries(
    [
      'ConfigMap', 'Secret', 'Endpoints', 'Event', 'PersistentVolume', 'LimitRange', 'ResourceQuota', 'Binding',
      'EndpointSlice', 'Ingress', 'IngressClass', 'NetworkPolicy', 'StorageClass', 'CSIDriver', 'VolumeAttachment',
      'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'PriorityClass', 'RuntimeClass', 'Lease',
      'ControllerRevision', 'CertificateSigningRequest',
    ].map((k) => [k, metaOnly]),
  ),
};

/** A position in a kind's schema; undefined below an unknown field (no metadata from there down). */
export type SchemaNode = StructSpec | undefined;

/** True for kinds kubectl handles with strategic merge patch; others (CRDs) use JSON merge patch. */
export function isStrategicKind(kind: string): boolean {
  return Object.hasOwn(KINDS, kind);
}

export function schemaFor(kind: string): SchemaNode {
  return Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined;
}

/** The metadata of `node.name`, and the schema of its value (or of its items, for a list). */
export function lookupField(node: SchemaNode, name: string): { meta: PatchMeta; node: SchemaNode } {
  const spec = node && Object.hasOwn(node, name) ? node[name] : undefined;
  if (spec === undefined) return { meta: {}, node: undefined };
  if (typeof spec === 'string') return { meta: {}, node: TYPES[spec] };
  const { type, ...meta } = spec;
  return { meta, node: type ? TYPES[type] : undefined };
}

/**
 * Patch metadata of the field at `path` (field names from the object root; list items add no
 * segment), e.g. patchMetaFor('Deployment', ['spec','template','spec','containers'])
 * → { strategy: 'merge', mergeKey: 'name' }. Unknown kinds and fields give {}.
 */
export function patchMetaFor(kind: string, path: readonly string[]): PatchMeta {
  let node = schemaFor(kind);
  let meta: PatchMeta = {};
  for (const name of path) {
    if (!node) return {};
    ({ meta, node } = lookupField(node, name));
  }
  return meta;
}
