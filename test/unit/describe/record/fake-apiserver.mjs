// Minimal read-only API server for recording describe goldens with real kubectl: legacy
// discovery, get/list (labelSelector, fieldSelector) over a JSON array of objects, 404 Status.
// Usage: node fake-apiserver.mjs FIXTURES.json PORT   (exits by itself after 30 minutes)
import http from 'node:http';
import fs from 'node:fs';

const [, , fixturesPath, portArg] = process.argv;
const port = Number(portArg);
setTimeout(() => process.exit(0), 30 * 60 * 1000).unref();

const R = [
  // group, version, kind, plural, namespaced
  ['', 'v1', 'Pod', 'pods', true],
  ['', 'v1', 'Service', 'services', true],
  ['', 'v1', 'Endpoints', 'endpoints', true],
  ['', 'v1', 'ConfigMap', 'configmaps', true],
  ['', 'v1', 'Secret', 'secrets', true],
  ['', 'v1', 'ServiceAccount', 'serviceaccounts', true],
  ['', 'v1', 'Event', 'events', true],
  ['', 'v1', 'ReplicationController', 'replicationcontrollers', true],
  ['', 'v1', 'ResourceQuota', 'resourcequotas', true],
  ['', 'v1', 'LimitRange', 'limitranges', true],
  ['', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true],
  ['', 'v1', 'Node', 'nodes', false],
  ['', 'v1', 'Namespace', 'namespaces', false],
  ['', 'v1', 'PersistentVolume', 'persistentvolumes', false],
  ['apps', 'v1', 'Deployment', 'deployments', true],
  ['apps', 'v1', 'ReplicaSet', 'replicasets', true],
  ['apps', 'v1', 'DaemonSet', 'daemonsets', true],
  ['apps', 'v1', 'StatefulSet', 'statefulsets', true],
  ['batch', 'v1', 'Job', 'jobs', true],
  ['batch', 'v1', 'CronJob', 'cronjobs', true],
  ['discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true],
  ['networking.k8s.io', 'v1', 'Ingress', 'ingresses', true],
  ['networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false],
  ['networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true],
  ['storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false],
  ['policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true],
  ['rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false],
  ['rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false],
  ['autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true],
  ['scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false],
  ['coordination.k8s.io', 'v1', 'Lease', 'leases', true],
  ['example.com', 'v1', 'Widget', 'widgets', true],
];
const byPlural = new Map(R.map((r) => [`${r[0]}/${r[3]}`, r]));
const groups = [...new Set(R.map((r) => r[0]).filter((g) => g))];
const versionOf = (g) => R.find((r) => r[0] === g)[1];

const objects = JSON.parse(fs.readFileSync(fixturesPath, 'utf8'));
const groupOf = (av) => (av.includes('/') ? av.split('/')[0] : '');

function send(res, code, body) {
  const s = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(s);
}
function notFound(res, resource, group, name) {
  const q = group ? `${resource}.${group}` : resource;
  send(res, 404, {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: name ? `${q} "${name}" not found` : 'the server could not find the requested resource',
    reason: 'NotFound', details: name ? { name, group, kind: resource } : {}, code: 404,
  });
}
function resourceList(group, version) {
  return {
    kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version,
    resources: R.filter((r) => r[0] === group).map((r) => ({
      name: r[3], singularName: r[2].toLowerCase(), namespaced: r[4], kind: r[2],
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    })),
  };
}
function getPath(o, path) {
  return path.split('.').reduce((a, k) => (a == null ? undefined : a[k]), o);
}
function matchLabelSel(o, sel) {
  if (!sel) return true;
  const labels = o.metadata?.labels ?? {};
  return sel.split(',').every((term) => {
    let m;
    if ((m = /^(.+?)!=(.*)$/.exec(term))) return labels[m[1]] !== m[2];
    if ((m = /^(.+?)==?(.*)$/.exec(term))) return labels[m[1]] === m[2];
    if ((m = /^(.+?) in \((.*)\)$/.exec(term))) return m[2].split(',').includes(labels[m[1]]);
    if ((m = /^(.+?) notin \((.*)\)$/.exec(term))) return !m[2].split(',').includes(labels[m[1]]);
    if (term.startsWith('!')) return !(term.slice(1) in labels);
    return term in labels;
  });
}
function matchFieldSel(o, sel) {
  if (!sel) return true;
  return sel.split(',').every((term) => {
    let m;
    if ((m = /^(.+?)!=(.*)$/.exec(term))) return String(getPath(o, m[1]) ?? '') !== m[2];
    if ((m = /^(.+?)==?(.*)$/.exec(term))) return String(getPath(o, m[1]) ?? '') === m[2];
    return true;
  });
}

http
  .createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const p = url.pathname;
    if (p === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${port}` }] });
    if (p === '/apis') {
      return send(res, 200, {
        kind: 'APIGroupList', apiVersion: 'v1',
        groups: groups.map((g) => {
          const gv = { groupVersion: `${g}/${versionOf(g)}`, version: versionOf(g) };
          return { name: g, versions: [gv], preferredVersion: gv };
        }),
      });
    }
    if (p === '/api/v1') return send(res, 200, resourceList('', 'v1'));
    let m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(p);
    if (m) return groups.includes(m[1]) ? send(res, 200, resourceList(m[1], m[2])) : notFound(res);
    m = /^\/(?:api\/v1|apis\/([^/]+)\/[^/]+)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(p);
    if (!m) return notFound(res);
    const group = m[1] ?? '';
    const ns = m[2];
    const plural = m[3];
    const name = m[4];
    const r = byPlural.get(`${group}/${plural}`);
    if (!r) return notFound(res);
    let items = objects.filter((o) => groupOf(o.apiVersion) === group && o.kind === r[2] && (!ns || !r[4] || o.metadata.namespace === ns));
    if (name) {
      const o = items.find((x) => x.metadata.name === name);
      return o ? send(res, 200, o) : notFound(res, plural, group, name);
    }
    items = items.filter((o) => matchLabelSel(o, url.searchParams.get('labelSelector')) && matchFieldSel(o, url.searchParams.get('fieldSelector')));
    items.sort((a, b) => { const x = `${a.metadata.namespace ?? ""}/${a.metadata.name}`, y = `${b.metadata.namespace ?? ""}/${b.metadata.name}`; return x < y ? -1 : x > y ? 1 : 0; });
    return send(res, 200, { kind: `${r[2]}List`, apiVersion: group ? `${group}/${r[1]}` : 'v1', metadata: { resourceVersion: '100' }, items });
  })
  .listen(port, '127.0.0.1', () => console.log('listening', port));
