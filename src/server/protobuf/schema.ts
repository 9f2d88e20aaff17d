// Protobuf schemas of the Kubernetes kinds kube-lite can decode, transcribed from upstream
// `generated.proto` files (k8s.io/api core/v1, apps/v1, batch/v1, rbac/v1, networking/v1, policy/v1,
// scheduling/v1, authentication/v1; k8s.io/apimachinery meta/v1, api/resource, util/intstr).
//
// One message per line: `Name: <field>; <field>; ...`, each field `<number> <jsonName> <type><flags>`.
//   type:  s string | i32 | i64 | u32 | u64 | b bool | by bytes | d double | f float |
//          m<T> (proto map<string, T>) | any other word names a message below.
//   flags: *  repeated
//          ?  Go pointer (or omitzero): emitted whenever present on the wire, even as a zero value
//          !  no `omitempty` in the Go JSON tag: always emitted (zero value, or null for a nil slice/map/pointer)
//          ^  embedded Go struct (`json:",inline"`): its fields are merged into the parent object
// Without flags a scalar is emitted only when non-zero and a repeated/map field only when non-empty
// (Go's omitempty). A (non-pointer) message field is emitted whenever present: Go's JSON encoder
// ignores omitempty on structs, and the protobuf encoder always writes non-pointer structs.
// Fields are listed in Go struct order, so decoded objects have the key order of kubectl's JSON.

export const SCHEMA_SOURCE = `
# k8s.io/apimachinery/pkg/apis/meta/v1
ObjectMeta: 1 name s; 2 generateName s; 3 namespace s; 4 selfLink s; 5 uid s; 6 resourceVersion s; 7 generation i64; 8 creationTimestamp Time; 9 deletionTimestamp Time?; 10 deletionGracePeriodSeconds i64?; 11 labels m<s>; 12 annotations m<s>; 13 ownerReferences OwnerReference*; 14 finalizers s*; 17 managedFields ManagedFieldsEntry*
OwnerReference: 5 apiVersion s!; 1 kind s!; 3 name s!; 4 uid s!; 6 controller b?; 7 blockOwnerDeletion b?
ManagedFieldsEntry: 1 manager s; 2 operation s; 3 apiVersion s; 4 time Time?; 6 fieldsType s; 7 fieldsV1 FieldsV1?; 8 subresource s
LabelSelector: 1 matchLabels m<s>; 2 matchExpressions LabelSelectorRequirement*
LabelSelectorRequirement: 1 key s!; 2 operator s!; 3 values s*
DeleteOptions: 1 gracePeriodSeconds i64?; 2 preconditions Preconditions?; 3 orphanDependents b?; 4 propagationPolicy s?; 5 dryRun s*; 6 ignoreStoreReadErrorWithClusterBreakingPotential b?
Preconditions: 1 uid s?; 2 resourceVersion s?
Condition: 1 type s!; 2 status s!; 3 observedGeneration i64; 4 lastTransitionTime Time!; 5 reason s!; 6 message s!

# k8s.io/api/core/v1
PodTemplateSpec: 1 metadata ObjectMeta; 2 spec PodSpec
PodSpec: 1 volumes Volume*; 20 initContainers Container*; 2 containers Container*!; 34 ephemeralContainers EphemeralContainer*; 3 restartPolicy s; 4 terminationGracePeriodSeconds i64?; 5 activeDeadlineSeconds i64?; 6 dnsPolicy s; 7 nodeSelector m<s>; 8 serviceAccountName s; 9 serviceAccount s; 21 automountServiceAccountToken b?; 10 nodeName s; 11 hostNetwork b; 12 hostPID b; 13 hostIPC b; 27 shareProcessNamespace b?; 14 securityContext PodSecurityContext?; 15 imagePullSecrets LocalObjectReference*; 16 hostname s; 17 subdomain s; 18 affinity Affinity?; 19 schedulerName s; 22 tolerations Toleration*; 23 hostAliases HostAlias*; 24 priorityClassName s; 25 priority i32?; 26 dnsConfig PodDNSConfig?; 28 readinessGates PodReadinessGate*; 29 runtimeClassName s?; 30 enableServiceLinks b?; 31 preemptionPolicy s?; 32 overhead m<Quantity>; 33 topologySpreadConstraints TopologySpreadConstraint*; 35 setHostnameAsFQDN b?; 36 os PodOS?; 37 hostUsers b?; 38 schedulingGates PodSchedulingGate*; 39 resourceClaims PodResourceClaim*; 40 resources ResourceRequirements?; 41 hostnameOverride s?
Container: 1 name s!; 2 image s; 3 command s*; 4 args s*; 5 workingDir s; 6 ports ContainerPort*; 19 envFrom EnvFromSource*; 7 env EnvVar*; 8 resources ResourceRequirements; 23 resizePolicy ContainerResizePolicy*; 24 restartPolicy s?; 25 restartPolicyRules ContainerRestartRule*; 9 volumeMounts VolumeMount*; 21 volumeDevices VolumeDevice*; 10 livenessProbe Probe?; 11 readinessProbe Probe?; 22 startupProbe Probe?; 12 lifecycle Lifecycle?; 13 terminationMessagePath s; 20 terminationMessagePolicy s; 14 imagePullPolicy s; 15 securityContext SecurityContext?; 16 stdin b; 17 stdinOnce b; 18 tty b
EphemeralContainer: 1 ephemeralContainerCommon EphemeralContainerCommon^; 2 targetContainerName s
EphemeralContainerCommon: 1 name s!; 2 image s; 3 command s*; 4 args s*; 5 workingDir s; 6 ports ContainerPort*; 19 envFrom EnvFromSource*; 7 env EnvVar*; 8 resources ResourceRequirements; 23 resizePolicy ContainerResizePolicy*; 24 restartPolicy s?; 25 restartPolicyRules ContainerRestartRule*; 9 volumeMounts VolumeMount*; 21 volumeDevices VolumeDevice*; 10 livenessProbe Probe?; 11 readinessProbe Probe?; 22 startupProbe Probe?; 12 lifecycle Lifecycle?; 13 terminationMessagePath s; 20 terminationMessagePolicy s; 14 imagePullPolicy s; 15 securityContext SecurityContext?; 16 stdin b; 17 stdinOnce b; 18 tty b
ContainerPort: 1 name s; 2 hostPort i32; 3 containerPort i32!; 4 protocol s; 5 hostIP s
ContainerResizePolicy: 1 resourceName s!; 2 restartPolicy s!
ContainerRestartRule: 1 action s!; 2 exitCodes ContainerRestartRuleOnExitCodes?
ContainerRestartRuleOnExitCodes: 1 operator s!; 2 values i32*
EnvFromSource: 1 prefix s; 2 configMapRef ConfigMapEnvSource?; 3 secretRef SecretEnvSource?
ConfigMapEnvSource: 1 localObjectReference LocalObjectReference^; 2 optional b?
SecretEnvSource: 1 localObjectReference LocalObjectReference^; 2 optional b?
EnvVar: 1 name s!; 2 value s; 3 valueFrom EnvVarSource?
EnvVarSource: 1 fieldRef ObjectFieldSelector?; 2 resourceFieldRef ResourceFieldSelector?; 3 configMapKeyRef ConfigMapKeySelector?; 4 secretKeyRef SecretKeySelector?; 5 fileKeyRef FileKeySelector?
ConfigMapKeySelector: 1 localObjectReference LocalObjectReference^; 2 key s!; 3 optional b?
SecretKeySelector: 1 localObjectReference LocalObjectReference^; 2 key s!; 3 optional b?
FileKeySelector: 1 volumeName s!; 2 path s!; 3 key s!; 4 optional b?
ObjectFieldSelector: 1 apiVersion s; 2 fieldPath s!
ResourceFieldSelector: 1 containerName s; 2 resource s!; 3 divisor Quantity
LocalObjectReference: 1 name s
TypedLocalObjectReference: 1 apiGroup s?; 2 kind s!; 3 name s!
ObjectReference: 1 kind s; 2 namespace s; 3 name s; 4 uid s; 5 apiVersion s; 6 resourceVersion s; 7 fieldPath s
ResourceRequirements: 1 limits m<Quantity>; 2 requests m<Quantity>; 3 claims ResourceClaim*
ResourceClaim: 1 name s!; 2 request s
VolumeMount: 1 name s!; 2 readOnly b; 7 recursiveReadOnly s?; 3 mountPath s!; 4 subPath s; 5 mountPropagation s?; 6 subPathExpr s
VolumeDevice: 1 name s!; 2 devicePath s!
Probe: 1 handler ProbeHandler^; 2 initialDelaySeconds i32; 3 timeoutSeconds i32; 4 periodSeconds i32; 5 successThreshold i32; 6 failureThreshold i32; 7 terminationGracePeriodSeconds i64?
ProbeHandler: 1 exec ExecAction?; 2 httpGet HTTPGetAction?; 3 tcpSocket TCPSocketAction?; 4 grpc GRPCAction?
LifecycleHandler: 1 exec ExecAction?; 2 httpGet HTTPGetAction?; 3 tcpSocket TCPSocketAction?; 4 sleep SleepAction?
Lifecycle: 1 postStart LifecycleHandler?; 2 preStop LifecycleHandler?; 3 stopSignal s?
ExecAction: 1 command s*
HTTPGetAction: 1 path s; 2 port IntOrString; 3 host s; 4 scheme s; 5 httpHeaders HTTPHeader*
HTTPHeader: 1 name s!; 2 value s!
TCPSocketAction: 1 port IntOrString; 2 host s
GRPCAction: 1 port i32!; 2 service s?
SleepAction: 1 seconds i64!
SecurityContext: 1 capabilities Capabilities?; 2 privileged b?; 3 seLinuxOptions SELinuxOptions?; 10 windowsOptions WindowsSecurityContextOptions?; 4 runAsUser i64?; 8 runAsGroup i64?; 5 runAsNonRoot b?; 6 readOnlyRootFilesystem b?; 7 allowPrivilegeEscalation b?; 9 procMount s?; 11 seccompProfile SeccompProfile?; 12 appArmorProfile AppArmorProfile?
Capabilities: 1 add s*; 2 drop s*
SELinuxOptions: 1 user s; 2 role s; 3 type s; 4 level s
WindowsSecurityContextOptions: 1 gmsaCredentialSpecName s?; 2 gmsaCredentialSpec s?; 3 runAsUserName s?; 4 hostProcess b?
SeccompProfile: 1 type s!; 2 localhostProfile s?
AppArmorProfile: 1 type s!; 2 localhostProfile s?
PodSecurityContext: 1 seLinuxOptions SELinuxOptions?; 8 windowsOptions WindowsSecurityContextOptions?; 2 runAsUser i64?; 6 runAsGroup i64?; 3 runAsNonRoot b?; 4 supplementalGroups i64*; 12 supplementalGroupsPolicy s?; 5 fsGroup i64?; 7 sysctls Sysctl*; 9 fsGroupChangePolicy s?; 10 seccompProfile SeccompProfile?; 11 appArmorProfile AppArmorProfile?; 13 seLinuxChangePolicy s?
Sysctl: 1 name s!; 2 value s!
Toleration: 1 key s; 2 operator s; 3 value s; 4 effect s; 5 tolerationSeconds i64?
HostAlias: 1 ip s; 2 hostnames s*
PodDNSConfig: 1 nameservers s*; 2 searches s*; 3 options PodDNSConfigOption*
PodDNSConfigOption: 1 name s; 2 value s?
PodReadinessGate: 1 conditionType s!
PodOS: 1 name s!
PodSchedulingGate: 1 name s!
PodResourceClaim: 1 name s!; 3 resourceClaimName s?; 4 resourceClaimTemplateName s?
Affinity: 1 nodeAffinity NodeAffinity?; 2 podAffinity PodAffinity?; 3 podAntiAffinity PodAntiAffinity?
NodeAffinity: 1 requiredDuringSchedulingIgnoredDuringExecution NodeSelector?; 2 preferredDuringSchedulingIgnoredDuringExecution PreferredSchedulingTerm*
NodeSelector: 1 nodeSelectorTerms NodeSelectorTerm*!
NodeSelectorTerm: 1 matchExpressions NodeSelectorRequirement*; 2 matchFields NodeSelectorRequirement*
NodeSelectorRequirement: 1 key s!; 2 operator s!; 3 values s*
PreferredSchedulingTerm: 1 weight i32!; 2 preference NodeSelectorTerm
PodAffinity: 1 requiredDuringSchedulingIgnoredDuringExecution PodAffinityTerm*; 2 preferredDuringSchedulingIgnoredDuringExecution WeightedPodAffinityTerm*
PodAntiAffinity: 1 requiredDuringSchedulingIgnoredDuringExecution PodAffinityTerm*; 2 preferredDuringSchedulingIgnoredDuringExecution WeightedPodAffinityTerm*
PodAffinityTerm: 1 labelSelector LabelSelector?; 2 namespaces s*; 3 topologyKey s!; 4 namespaceSelector LabelSelector?; 5 matchLabelKeys s*; 6 mismatchLabelKeys s*
WeightedPodAffinityTerm: 1 weight i32!; 2 podAffinityTerm PodAffinityTerm
TopologySpreadConstraint: 1 maxSkew i32!; 2 topologyKey s!; 3 whenUnsatisfiable s!; 4 labelSelector LabelSelector?; 5 minDomains i32?; 6 nodeAffinityPolicy s?; 7 nodeTaintsPolicy s?; 8 matchLabelKeys s*
Volume: 1 name s!; 2 volumeSource VolumeSource^
VolumeSource: 1 hostPath HostPathVolumeSource?; 2 emptyDir EmptyDirVolumeSource?; 6 secret SecretVolumeSource?; 7 nfs NFSVolumeSource?; 10 persistentVolumeClaim PersistentVolumeClaimVolumeSource?; 16 downwardAPI DownwardAPIVolumeSource?; 19 configMap ConfigMapVolumeSource?; 26 projected ProjectedVolumeSource?; 28 csi CSIVolumeSource?; 30 image ImageVolumeSource?
HostPathVolumeSource: 1 path s!; 2 type s?
EmptyDirVolumeSource: 1 medium s; 2 sizeLimit Quantity?
SecretVolumeSource: 1 secretName s; 2 items KeyToPath*; 3 defaultMode i32?; 4 optional b?
ConfigMapVolumeSource: 1 localObjectReference LocalObjectReference^; 2 items KeyToPath*; 3 defaultMode i32?; 4 optional b?
KeyToPath: 1 key s!; 2 path s!; 3 mode i32?
NFSVolumeSource: 1 server s!; 2 path s!; 3 readOnly b
PersistentVolumeClaimVolumeSource: 1 claimName s!; 2 readOnly b
DownwardAPIVolumeSource: 1 items DownwardAPIVolumeFile*; 2 defaultMode i32?
DownwardAPIVolumeFile: 1 path s!; 2 fieldRef ObjectFieldSelector?; 3 resourceFieldRef ResourceFieldSelector?; 4 mode i32?
ProjectedVolumeSource: 1 sources VolumeProjection*!; 2 defaultMode i32?
VolumeProjection: 1 secret SecretProjection?; 2 downwardAPI DownwardAPIProjection?; 3 configMap ConfigMapProjection?; 4 serviceAccountToken ServiceAccountTokenProjection?; 5 clusterTrustBundle ClusterTrustBundleProjection?
SecretProjection: 1 localObjectReference LocalObjectReference^; 2 items KeyToPath*; 4 optional b?
ConfigMapProjection: 1 localObjectReference LocalObjectReference^; 2 items KeyToPath*; 4 optional b?
DownwardAPIProjection: 1 items DownwardAPIVolumeFile*
ServiceAccountTokenProjection: 1 audience s; 2 expirationSeconds i64?; 3 path s!
ClusterTrustBundleProjection: 1 name s?; 2 signerName s?; 3 labelSelector LabelSelector?; 5 optional b?; 4 path s!
CSIVolumeSource: 1 driver s!; 2 readOnly b?; 3 fsType s?; 4 volumeAttributes m<s>; 5 nodePublishSecretRef LocalObjectReference?
ImageVolumeSource: 1 reference s; 2 pullPolicy s

ConfigMap: 1 metadata ObjectMeta; 4 immutable b?; 2 data m<s>; 3 binaryData m<by>
Secret: 1 metadata ObjectMeta; 5 immutable b?; 2 data m<by>; 4 stringData m<s>; 3 type s
Namespace: 1 metadata ObjectMeta; 2 spec NamespaceSpec; 3 status NamespaceStatus
NamespaceSpec: 1 finalizers s*
NamespaceStatus: 1 phase s; 2 conditions NamespaceCondition*
NamespaceCondition: 1 type s!; 2 status s!; 4 lastTransitionTime Time; 5 reason s; 6 message s
ServiceAccount: 1 metadata ObjectMeta; 2 secrets ObjectReference*; 3 imagePullSecrets LocalObjectReference*; 4 automountServiceAccountToken b?
Service: 1 metadata ObjectMeta; 2 spec ServiceSpec; 3 status ServiceStatus
ServiceSpec: 1 ports ServicePort*; 2 selector m<s>; 3 clusterIP s; 18 clusterIPs s*; 4 type s; 5 externalIPs s*; 7 sessionAffinity s; 8 loadBalancerIP s; 9 loadBalancerSourceRanges s*; 10 externalName s; 11 externalTrafficPolicy s; 12 healthCheckNodePort i32; 13 publishNotReadyAddresses b; 14 sessionAffinityConfig SessionAffinityConfig?; 19 ipFamilies s*; 17 ipFamilyPolicy s?; 20 allocateLoadBalancerNodePorts b?; 21 loadBalancerClass s?; 22 internalTrafficPolicy s?; 23 trafficDistribution s?
ServicePort: 1 name s; 2 protocol s; 6 appProtocol s?; 3 port i32!; 4 targetPort IntOrString; 5 nodePort i32
SessionAffinityConfig: 1 clientIP ClientIPConfig?
ClientIPConfig: 1 timeoutSeconds i32?
ServiceStatus: 1 loadBalancer LoadBalancerStatus; 2 conditions Condition*
LoadBalancerStatus: 1 ingress LoadBalancerIngress*
LoadBalancerIngress: 1 ip s; 2 hostname s; 3 ipMode s?; 4 ports PortStatus*
PortStatus: 1 port i32!; 2 protocol s!; 3 error s?
ResourceQuota: 1 metadata ObjectMeta; 2 spec ResourceQuotaSpec; 3 status ResourceQuotaStatus
ResourceQuotaSpec: 1 hard m<Quantity>; 2 scopes s*; 3 scopeSelector ScopeSelector?
ScopeSelector: 1 matchExpressions ScopedResourceSelectorRequirement*
ScopedResourceSelectorRequirement: 1 scopeName s!; 2 operator s!; 3 values s*
ResourceQuotaStatus: 1 hard m<Quantity>; 2 used m<Quantity>

# k8s.io/api/apps/v1
Deployment: 1 metadata ObjectMeta; 2 spec DeploymentSpec; 3 status DeploymentStatus
DeploymentSpec: 1 replicas i32?; 2 selector LabelSelector?; 3 template PodTemplateSpec; 4 strategy DeploymentStrategy; 5 minReadySeconds i32; 6 revisionHistoryLimit i32?; 7 paused b; 9 progressDeadlineSeconds i32?
DeploymentStrategy: 1 type s; 2 rollingUpdate RollingUpdateDeployment?
RollingUpdateDeployment: 1 maxUnavailable IntOrString?; 2 maxSurge IntOrString?
DeploymentStatus: 1 observedGeneration i64; 2 replicas i32; 3 updatedReplicas i32; 7 readyReplicas i32; 4 availableReplicas i32; 5 unavailableReplicas i32; 9 terminatingReplicas i32?; 6 conditions DeploymentCondition*; 8 collisionCount i32?
DeploymentCondition: 1 type s!; 2 status s!; 6 lastUpdateTime Time; 7 lastTransitionTime Time; 4 reason s; 5 message s

# k8s.io/api/batch/v1
Job: 1 metadata ObjectMeta; 2 spec JobSpec; 3 status JobStatus
JobSpec: 1 parallelism i32?; 2 completions i32?; 3 activeDeadlineSeconds i64?; 11 podFailurePolicy PodFailurePolicy?; 16 successPolicy SuccessPolicy?; 7 backoffLimit i32?; 12 backoffLimitPerIndex i32?; 13 maxFailedIndexes i32?; 4 selector LabelSelector?; 5 manualSelector b?; 6 template PodTemplateSpec; 8 ttlSecondsAfterFinished i32?; 9 completionMode s?; 10 suspend b?; 14 podReplacementPolicy s?; 15 managedBy s?
PodFailurePolicy: 1 rules PodFailurePolicyRule*!
PodFailurePolicyRule: 1 action s!; 2 onExitCodes PodFailurePolicyOnExitCodesRequirement?; 3 onPodConditions PodFailurePolicyOnPodConditionsPattern*
PodFailurePolicyOnExitCodesRequirement: 1 containerName s?; 2 operator s!; 3 values i32*!
PodFailurePolicyOnPodConditionsPattern: 1 type s!; 2 status s
SuccessPolicy: 1 rules SuccessPolicyRule*!
SuccessPolicyRule: 1 succeededIndexes s?; 2 succeededCount i32?
JobStatus: 1 conditions JobCondition*; 2 startTime Time?; 3 completionTime Time?; 4 active i32; 5 succeeded i32; 6 failed i32; 9 terminating i32?; 7 completedIndexes s; 10 failedIndexes s?; 8 uncountedTerminatedPods UncountedTerminatedPods?; 11 ready i32?
JobCondition: 1 type s!; 2 status s!; 3 lastProbeTime Time; 4 lastTransitionTime Time; 5 reason s; 6 message s
UncountedTerminatedPods: 1 succeeded s*; 2 failed s*
CronJob: 1 metadata ObjectMeta; 2 spec CronJobSpec; 3 status CronJobStatus
CronJobSpec: 1 schedule s!; 8 timeZone s?; 2 startingDeadlineSeconds i64?; 3 concurrencyPolicy s; 4 suspend b?; 5 jobTemplate JobTemplateSpec; 6 successfulJobsHistoryLimit i32?; 7 failedJobsHistoryLimit i32?
JobTemplateSpec: 1 metadata ObjectMeta; 2 spec JobSpec
CronJobStatus: 1 active ObjectReference*; 4 lastScheduleTime Time?; 5 lastSuccessfulTime Time?

# k8s.io/api/rbac/v1
Role: 1 metadata ObjectMeta; 2 rules PolicyRule*!
ClusterRole: 1 metadata ObjectMeta; 2 rules PolicyRule*!; 3 aggregationRule AggregationRule?
PolicyRule: 1 verbs s*!; 2 apiGroups s*; 3 resources s*; 4 resourceNames s*; 5 nonResourceURLs s*
AggregationRule: 1 clusterRoleSelectors LabelSelector*
RoleBinding: 1 metadata ObjectMeta; 2 subjects Subject*; 3 roleRef RoleRef
ClusterRoleBinding: 1 metadata ObjectMeta; 2 subjects Subject*; 3 roleRef RoleRef
Subject: 1 kind s!; 2 apiGroup s; 3 name s!; 4 namespace s
RoleRef: 1 apiGroup s!; 2 kind s!; 3 name s!

# k8s.io/api/networking/v1
Ingress: 1 metadata ObjectMeta; 2 spec IngressSpec; 3 status IngressStatus
IngressSpec: 4 ingressClassName s?; 1 defaultBackend IngressBackend?; 2 tls IngressTLS*; 3 rules IngressRule*
IngressBackend: 4 service IngressServiceBackend?; 3 resource TypedLocalObjectReference?
IngressServiceBackend: 1 name s!; 2 port ServiceBackendPort
ServiceBackendPort: 1 name s; 2 number i32
IngressTLS: 1 hosts s*; 2 secretName s
IngressRule: 1 host s; 2 ingressRuleValue IngressRuleValue^
IngressRuleValue: 1 http HTTPIngressRuleValue?
HTTPIngressRuleValue: 1 paths HTTPIngressPath*!
HTTPIngressPath: 1 path s; 3 pathType s?; 2 backend IngressBackend
IngressStatus: 1 loadBalancer IngressLoadBalancerStatus
IngressLoadBalancerStatus: 1 ingress IngressLoadBalancerIngress*
IngressLoadBalancerIngress: 1 ip s; 2 hostname s; 4 ports IngressPortStatus*
IngressPortStatus: 1 port i32!; 2 protocol s!; 3 error s?

# k8s.io/api/policy/v1
PodDisruptionBudget: 1 metadata ObjectMeta; 2 spec PodDisruptionBudgetSpec; 3 status PodDisruptionBudgetStatus
PodDisruptionBudgetSpec: 1 minAvailable IntOrString?; 2 selector LabelSelector?; 3 maxUnavailable IntOrString?; 4 unhealthyPodEvictionPolicy s?
PodDisruptionBudgetStatus: 1 observedGeneration i64; 2 disruptedPods m<Time>; 3 disruptionsAllowed i32!; 4 currentHealthy i32!; 5 desiredHealthy i32!; 6 expectedPods i32!; 7 conditions Condition*

Eviction: 1 metadata ObjectMeta; 2 deleteOptions DeleteOptions?

# k8s.io/api/scheduling/v1
PriorityClass: 1 metadata ObjectMeta; 2 value i32!; 3 globalDefault b; 4 description s; 5 preemptionPolicy s?

# k8s.io/api/authentication/v1
TokenRequest: 1 metadata ObjectMeta; 2 spec TokenRequestSpec; 3 status TokenRequestStatus
TokenRequestSpec: 1 audiences s*!; 4 expirationSeconds i64?!; 3 boundObjectRef BoundObjectReference?!
BoundObjectReference: 1 kind s; 2 apiVersion s; 3 name s; 4 uid s
TokenRequestStatus: 1 token s!; 2 expirationTimestamp Time!
`;

/** Messages with a custom JSON form (metav1.Time, resource.Quantity, intstr.IntOrString, ...). */
export const SPECIAL_MESSAGES = ['Time', 'MicroTime', 'Duration', 'Quantity', 'IntOrString', 'FieldsV1', 'RawExtension'] as const;

/** Kinds registered in every group-version (metav1.AddToGroupVersion): decoded whatever the apiVersion. */
export const ANY_VERSION_KINDS: Record<string, string> = { DeleteOptions: 'DeleteOptions' };

/** Top-level kinds: `apiVersion kind` → message. */
export const KINDS: Record<string, string> = {
  'v1 ConfigMap': 'ConfigMap',
  'v1 Secret': 'Secret',
  'v1 Service': 'Service',
  'v1 Namespace': 'Namespace',
  'v1 ServiceAccount': 'ServiceAccount',
  'v1 ResourceQuota': 'ResourceQuota',
  'apps/v1 Deployment': 'Deployment',
  'batch/v1 Job': 'Job',
  'batch/v1 CronJob': 'CronJob',
  'rbac.authorization.k8s.io/v1 Role': 'Role',
  'rbac.authorization.k8s.io/v1 ClusterRole': 'ClusterRole',
  'rbac.authorization.k8s.io/v1 RoleBinding': 'RoleBinding',
  'rbac.authorization.k8s.io/v1 ClusterRoleBinding': 'ClusterRoleBinding',
  'networking.k8s.io/v1 Ingress': 'Ingress',
  'policy/v1 PodDisruptionBudget': 'PodDisruptionBudget',
  'policy/v1 Eviction': 'Eviction',
  'policy/v1beta1 Eviction': 'Eviction',
  'scheduling.k8s.io/v1 PriorityClass': 'PriorityClass',
  'authentication.k8s.io/v1 TokenRequest': 'TokenRequest',
};

export type ScalarType = 's' | 'i32' | 'i64' | 'u32' | 'u64' | 'b' | 'by' | 'd' | 'f';

export interface FieldDef {
  num: number;
  json: string;
  /** A scalar type or a message name. */
  type: string;
  map: boolean;
  repeated: boolean;
  pointer: boolean;
  always: boolean;
  inline: boolean;
}

export interface MessageDef {
  name: string;
  fields: FieldDef[];
  byNum: Map<number, FieldDef>;
}

const SCALARS = new Set(['s', 'i32', 'i64', 'u32', 'u64', 'b', 'by', 'd', 'f']);

export function isScalar(type: string): type is ScalarType {
  return SCALARS.has(type);
}

export function parseSchema(src: string): Map<string, MessageDef> {
  const out = new Map<string, MessageDef>();
  for (const raw of src.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    const fields: FieldDef[] = [];
    for (const part of line.slice(colon + 1).split(';')) {
      const m = /^(\d+) (\w+) (m<(\w+)>|\w+)([*?!^]*)$/.exec(part.trim());
      if (!m) throw new Error(`protobuf schema: bad field "${part}" in ${name}`);
      const flags = m[5]!;
      fields.push({
        num: Number(m[1]),
        json: m[2]!,
        type: m[4] ?? m[3]!,
        map: m[4] !== undefined,
        repeated: flags.includes('*'),
        pointer: flags.includes('?'),
        always: flags.includes('!'),
        inline: flags.includes('^'),
      });
    }
    if (out.has(name)) throw new Error(`protobuf schema: duplicate message ${name}`);
    out.set(name, { name, fields, byNum: new Map(fields.map((f) => [f.num, f])) });
  }
  // Every referenced message must be defined (or be one of the special ones).
  for (const msg of out.values()) {
    for (const f of msg.fields) {
      if (!isScalar(f.type) && !out.has(f.type) && !(SPECIAL_MESSAGES as readonly string[]).includes(f.type)) {
        throw new Error(`protobuf schema: ${msg.name}.${f.json} references unknown message ${f.type}`);
      }
    }
  }
  return out;
}

export const MESSAGES: Map<string, MessageDef> = parseSchema(SCHEMA_SOURCE);
