// The apiserver's standard resource names (pkg/apis/core/helper): what a quota, a limit range or a
// container's resources may name without a domain prefix.

export const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers',
  'resourcequotas', 'secrets', 'persistentvolumeclaims', 'configmaps', 'storage', 'requests.storage',
  'services.nodeports', 'services.loadbalancers',
]);

export const isHugePages = (r: string): boolean => r.startsWith('hugepages-');
