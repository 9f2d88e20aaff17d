// Which Ingresses the simulated ingress-nginx serves.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { servedByNginx } from '../../../src/controllers/ingress/index.js';

const cls = (name: string, controller: string, isDefault = false): KObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  metadata: { name, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
  spec: { controller },
});
const ing = (className?: string, annotations?: Record<string, string>): KObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'i', namespace: 'default', ...(annotations ? { annotations } : {}) },
  spec: className ? { ingressClassName: className } : {},
});

describe('servedByNginx', () => {
  const nginx = cls('nginx', 'k8s.io/ingress-nginx', true);
  const other = cls('traefik', 'traefik.io/ingress-controller');
  const cases: [string, KObject, KObject[], boolean][] = [
    ['its class', ing('nginx'), [nginx, other], true],
    ['another controller\'s class', ing('traefik'), [nginx, other], false],
    ['a class that does not exist', ing('missing'), [nginx], false],
    ['no class, nginx default', ing(), [nginx], true],
    ['no class, nginx not default', ing(), [cls('nginx', 'k8s.io/ingress-nginx')], false],
    ['legacy annotation', ing(undefined, { 'kubernetes.io/ingress.class': 'nginx' }), [nginx], true],
    ['legacy annotation, other class', ing(undefined, { 'kubernetes.io/ingress.class': 'traefik' }), [nginx, other], false],
  ];
  for (const [what, i, classes, want] of cases) it(what, () => expect(servedByNginx(i, classes)).toBe(want));
});
