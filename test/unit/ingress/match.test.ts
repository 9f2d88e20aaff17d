// ingress-nginx's host and path matching (src/sim/traffic/ingress.ts), table-driven.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { hostMatches, matchIngress, pathMatches, routeIngress, type PathType } from '../../../src/sim/traffic/ingress.js';
import { env, world } from '../traffic/fixtures.js';

describe('pathMatches', () => {
  const cases: [PathType, string, string, boolean][] = [
    ['Prefix', '/', '/', true],
    ['Prefix', '/', '/anything/at/all', true],
    ['Prefix', '/foo', '/foo', true],
    ['Prefix', '/foo', '/foo/', true],
    ['Prefix', '/foo', '/foo/bar', true],
    ['Prefix', '/foo', '/foobar', false],
    ['Prefix', '/foo/', '/foo', true],
    ['Prefix', '/foo/bar', '/foo', false],
    ['Prefix', '/aaa/bb', '/aaa/bbb', false],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', true],
    ['Exact', '/foo', '/foo', true],
    ['Exact', '/foo', '/foo/', false],
    ['Exact', '/foo', '/foo/bar', false],
    ['ImplementationSpecific', '/foo', '/foobar', true],
    ['ImplementationSpecific', '/foo', '/foo/bar', true],
    ['ImplementationSpecific', '/foo', '/fo', false],
  ];
  for (const [type, rule, path, want] of cases) {
    it(`${type} ${rule} ${want ? 'matches' : 'does not match'} ${path}`, () => expect(pathMatches(type, rule, path)).toBe(want));
  }
});

describe('hostMatches', () => {
  const cases: [string, string, boolean][] = [
    ['', 'anything.example.com', true],
    ['foo.example.com', 'foo.example.com', true],
    ['foo.example.com', 'FOO.Example.com', true],
    ['foo.example.com', 'bar.example.com', false],
    ['*.example.com', 'foo.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'a.b.example.com', false],
    ['*.example.com', 'fooexample.com', false],
  ];
  for (const [rule, host, want] of cases) {
    it(`"${rule}" ${want ? 'matches' : 'does not match'} ${host}`, () => expect(hostMatches(rule, host)).toBe(want));
  }
});

const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
function ingress(spec: Record<string, unknown>): KObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'ing', namespace: 'default' },
    spec,
    status: { loadBalancer: { ingress: [{ hostname: 'localhost' }] } },
  };
}
const ING = ingress({
  rules: [
    {
      host: 'foo.example.com',
      http: {
        paths: [
          { path: '/', pathType: 'Prefix', backend: backend('root') },
          { path: '/api', pathType: 'Prefix', backend: backend('api') },
          { path: '/api/v2', pathType: 'Prefix', backend: backend('v2') },
          { path: '/api/v2', pathType: 'Exact', backend: backend('v2-exact') },
        ],
      },
    },
    { host: '*.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('wild') }] } },
    { http: { paths: [{ path: '/health', pathType: 'Exact', backend: backend('any-host') }] } },
  ],
});

describe('matchIngress', () => {
  const cases: [string, string, string | undefined][] = [
    ['foo.example.com', '/', 'root'],
    ['foo.example.com', '/index.html', 'root'],
    ['foo.example.com', '/api', 'api'],
    ['foo.example.com', '/api/orders?x=1', 'api'],
    ['foo.example.com', '/apiary', 'root'],
    ['foo.example.com', '/api/v2', 'v2-exact'], // Exact before Prefix on a tie
    ['foo.example.com', '/api/v2/x', 'v2'], // longest prefix wins
    ['bar.example.com', '/api', 'wild'], // the wildcard host
    ['a.b.example.com', '/health', 'any-host'], // wildcard is one label: falls to the host-less rule
    ['localhost', '/health', 'any-host'],
    ['localhost', '/', undefined], // nothing, no default backend: 404
    ['foo.example.com', '/health', 'root'], // an exact host's rules hide the host-less ones
  ];
  for (const [host, path, want] of cases) {
    it(`${host}${path} → ${want ?? '404'}`, () => {
      const m = matchIngress(ING, host, path);
      expect(m.notFound ? undefined : m.backend?.service?.name).toBe(want);
    });
  }

  it('uses spec.defaultBackend when nothing matches', () => {
    const ing = ingress({ ...ING['spec'], defaultBackend: backend('fallback') });
    expect(matchIngress(ing, 'localhost', '/').backend?.service?.name).toBe('fallback');
    expect(matchIngress(ing, 'foo.example.com', '/api').backend?.service?.name).toBe('api');
  });

  it('treats a missing pathType as ImplementationSpecific (nginx prefix)', () => {
    const ing = ingress({ rules: [{ http: { paths: [{ path: '/img', backend: backend('img') }] } }] });
    expect(matchIngress(ing, 'x', '/imgs/a.png').backend?.service?.name).toBe('img');
  });
});

describe('routeIngress', () => {
  const target = { kind: 'ingress' as const, namespace: 'default', name: 'ing' };
  const EXT = { kind: 'external' as const, ip: '203.0.113.10' };
  const web = (port: Record<string, unknown>) =>
    ingress({ rules: [{ host: 'web.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port } } }] } }] });

  it('reaches a ready pod of the backend Service, by port number or name', () => {
    // Endpoints from the selected pods (the fixture's slice has an unnamed port).
    const w = world({ ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] }, undefined, { slices: false });
    for (const port of [{ number: 80 }, { name: 'http' }]) {
      const o = routeIngress(w, web(port), { ...target, host: 'web.example.com' }, '/', EXT, env());
      expect(o.failure).toBeUndefined();
      expect(o.hops.slice(0, 3)).toEqual(['203.0.113.10', 'ingress/ing (host web.example.com, path /)', 'svc/web:80']);
      expect(o.answered?.endpoint.podName).toMatch(/^web-/);
      expect(o.answered?.sourceIP).toBe('172.18.0.2'); // the controller's node
    }
  });

  it('answers 404 when no rule matches and 503 for a missing Service or port', () => {
    const w = world();
    const notFound = routeIngress(w, web({ number: 80 }), { ...target, host: 'other.example.com' }, '/', EXT, env());
    expect(notFound.failure).toMatchObject({ kind: 'http', exitCode: 22, message: 'curl: (22) The requested URL returned error: 404' });
    const badPort = routeIngress(w, web({ number: 81 }), { ...target, host: 'web.example.com' }, '/', EXT, env());
    expect(badPort.hops.at(-1)).toBe('503 Service Unavailable');
  });
});
