// The simulated container's environment and files (src/sim/container-fs.ts).

import { describe, expect, it } from 'vitest';
import { containerView, expand, listDir, resolveEnv, serviceEnv, volumeError, type ContainerWorld } from '../../../src/sim/container-fs.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const world: ContainerWorld = {
  configMaps: [{ metadata: { name: 'cm' }, data: { a: '1', 'bad key': 'x', b: '2' } }],
  secrets: [{ metadata: { name: 'sec' }, data: { pw: b64('hunter2') } }],
  services: [
    { metadata: { name: 'kubernetes', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] } },
    { metadata: { name: 'my-db', namespace: 'default', creationTimestamp: '2026-01-01T00:00:05Z' }, spec: { clusterIP: '10.96.5.5', ports: [{ port: 5432 }] } },
    { metadata: { name: 'headless', namespace: 'default' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } },
  ],
};
const pod = (containers: unknown[], extra: Record<string, unknown> = {}) => ({
  metadata: { name: 'p', namespace: 'default', uid: 'u-1', labels: { app: 'x' } },
  spec: { nodeName: 'n1', containers, ...extra },
  status: { podIP: '10.244.1.2', hostIP: '172.18.0.2' },
});

describe('resolveEnv', () => {
  it('resolves env in the kubelet order, with $(VAR) expansion and envFrom prefixes', () => {
    const c = {
      name: 'c',
      envFrom: [{ prefix: 'P_', configMapRef: { name: 'cm' } }],
      env: [
        { name: 'X', value: '$(P_a)-$(Y)-$$(P_a)' },
        { name: 'PW', valueFrom: { secretKeyRef: { name: 'sec', key: 'pw' } } },
        { name: 'NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'DB', value: '$(MY_DB_SERVICE_HOST)' },
      ],
    };
    const r = resolveEnv(pod([c]), c, world);
    expect(r.error).toBeUndefined();
    const env = Object.fromEntries(r.env);
    expect(env).toMatchObject({ P_a: '1', P_b: '2', X: '1-$(Y)-$(P_a)', PW: 'hunter2', NAME: 'p', APP: 'x', IP: '10.244.1.2', DB: '10.96.5.5' });
    expect(env['P_bad key']).toBeUndefined();
    expect(r.warnings).toEqual(['Keys [P_bad key] from the EnvFrom configMap default/cm were skipped since they are considered invalid environment variable names.']);
    expect(r.env[0]![0]).toBe('PATH');
    expect(r.env.at(-1)).toEqual(['HOME', '/root']);
  });

  it('gives the kubelet messages for missing objects and keys, unless optional', () => {
    const missing = (env: unknown[]) => resolveEnv(pod([]), { name: 'c', env }, world).error;
    expect(missing([{ name: 'A', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } }])).toBe('configmap "nope" not found');
    expect(missing([{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cm', key: 'k' } } }])).toBe("couldn't find key k in ConfigMap default/cm");
    expect(missing([{ name: 'A', valueFrom: { secretKeyRef: { name: 'nope', key: 'k' } } }])).toBe('secret "nope" not found');
    expect(missing([{ name: 'A', valueFrom: { secretKeyRef: { name: 'sec', key: 'k' } } }])).toBe("couldn't find key k in Secret default/sec");
    expect(missing([{ name: 'A', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k', optional: true } } }])).toBeUndefined();
    expect(resolveEnv(pod([]), { name: 'c', envFrom: [{ secretRef: { name: 'nope' } }] }, world).error).toBe('secret "nope" not found');
    expect(resolveEnv(pod([]), { name: 'c', envFrom: [{ secretRef: { name: 'nope', optional: true } }] }, world).error).toBeUndefined();
  });

  it('resolves resourceFieldRef with divisors and node allocatable for unset limits', () => {
    const c = { name: 'c', resources: { limits: { cpu: '500m', memory: '128Mi' } }, env: [] };
    const node = { status: { allocatable: { cpu: '8', memory: '16Gi' } } };
    const env = (ref: unknown, cont = c) =>
      Object.fromEntries(resolveEnv(pod([cont]), { ...cont, env: [{ name: 'V', valueFrom: { resourceFieldRef: ref } }] }, { ...world, node }).env)['V'];
    expect(env({ resource: 'limits.cpu' })).toBe('1');
    expect(env({ resource: 'limits.cpu', divisor: '1m' })).toBe('500');
    expect(env({ resource: 'limits.memory', divisor: '1Mi' })).toBe('128');
    expect(env({ resource: 'requests.memory' })).toBe(String(128 * 1024 * 1024));
    expect(env({ resource: 'limits.cpu' }, { name: 'c', resources: {}, env: [] } as never)).toBe('8');
  });
});

describe('service links', () => {
  it('adds docker-link variables for services that existed when the container started', () => {
    const names = serviceEnv(pod([]), world.services, Date.parse('2026-01-01T00:00:01Z')).map(([k]) => k);
    expect(names).toContain('KUBERNETES_SERVICE_PORT_HTTPS');
    expect(names.some((n) => n.startsWith('MY_DB'))).toBe(false);
    const all = Object.fromEntries(serviceEnv(pod([]), world.services));
    expect(all).toMatchObject({ MY_DB_SERVICE_HOST: '10.96.5.5', MY_DB_PORT: 'tcp://10.96.5.5:5432', MY_DB_PORT_5432_TCP_ADDR: '10.96.5.5' });
    expect(Object.keys(all).some((n) => n.startsWith('HEADLESS'))).toBe(false);
    // enableServiceLinks: false keeps only the master service.
    const off = serviceEnv(pod([], { enableServiceLinks: false }), world.services).map(([k]) => k);
    expect(off.every((n) => n.startsWith('KUBERNETES_'))).toBe(true);
  });
});

describe('expand', () => {
  it('handles $$, unknown and unterminated references', () => {
    const l = (n: string) => (n === 'A' ? 'a' : undefined);
    expect(expand('$(A)$(B)$$x$(A', l)).toBe('a$(B)$x$(A');
  });
});

describe('files', () => {
  it('mounts configMap, secret (decoded), downwardAPI and projected volumes and the kubelet files', () => {
    const c = {
      name: 'c',
      volumeMounts: [
        { name: 'cfg', mountPath: '/etc/cfg' },
        { name: 'sec', mountPath: '/etc/sec/' },
        { name: 'info', mountPath: '/etc/info' },
        { name: 'proj', mountPath: '/proj' },
        { name: 'one', mountPath: '/etc/one.txt', subPath: 'a' },
      ],
    };
    const p = pod([c], {
      volumes: [
        { name: 'cfg', configMap: { name: 'cm', items: [{ key: 'a', path: 'dir/a.txt' }] } },
        { name: 'sec', secret: { secretName: 'sec' } },
        { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
        { name: 'proj', projected: { sources: [{ configMap: { name: 'cm' } }, { downwardAPI: { items: [{ path: 'ns', fieldRef: { fieldPath: 'metadata.namespace' } }] } }] } },
        { name: 'one', configMap: { name: 'cm' } },
      ],
    });
    const v = containerView(p, c, world);
    expect(v.files.get('/etc/cfg/dir/a.txt')).toBe('1');
    expect(v.files.get('/etc/sec/pw')).toBe('hunter2');
    expect(v.files.get('/etc/info/labels')).toBe('app="x"');
    expect(v.files.get('/proj/ns')).toBe('default');
    expect(v.files.get('/proj/b')).toBe('2');
    expect(v.files.get('/etc/one.txt')).toBe('1');
    expect(v.files.get('/etc/hostname')).toBe('p\n');
    expect(v.files.get('/etc/hosts')).toMatch(/\n10\.244\.1\.2\tp\n$/);
    expect(v.files.get('/etc/resolv.conf')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(listDir(v.files, '/var/run/secrets/kubernetes.io/serviceaccount')).toEqual(['ca.crt', 'namespace', 'token']);
    expect(listDir(v.files, '/etc/cfg')).toEqual(['dir/']);
    expect(listDir(v.files, '/nope')).toBeUndefined();
    const noSa = containerView({ ...p, spec: { ...p.spec, automountServiceAccountToken: false } }, c, world);
    expect(listDir(noSa.files, '/var/run/secrets/kubernetes.io/serviceaccount')).toBeUndefined();
  });

  it('says which volume cannot be mounted', () => {
    const vols = (volumes: unknown[]) => volumeError(pod([], { volumes }), world);
    expect(vols([{ name: 'v', configMap: { name: 'nope' } }])).toEqual({ volume: 'v', message: 'configmap "nope" not found' });
    expect(vols([{ name: 'v', secret: { secretName: 'nope' } }])).toEqual({ volume: 'v', message: 'secret "nope" not found' });
    expect(vols([{ name: 'v', configMap: { name: 'nope', optional: true } }])).toBeUndefined();
    expect(vols([{ name: 'v', configMap: { name: 'cm', items: [{ key: 'zz', path: 'z' }] } }])).toEqual({ volume: 'v', message: 'configmap references non-existent config key: zz' });
    expect(vols([{ name: 'v', emptyDir: {} }])).toBeUndefined();
  });
});
