// The DefaultIngressClass admission plugin: an Ingress created without spec.ingressClassName (and
// without the deprecated kubernetes.io/ingress.class annotation) gets the default IngressClass, the
// one annotated ingressclass.kubernetes.io/is-default-class=true; with several, the newest one.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../types.js';

export const DEFAULT_INGRESS_CLASS_ANN = 'ingressclass.kubernetes.io/is-default-class';
const LEGACY_CLASS_ANN = 'kubernetes.io/ingress.class';

export function defaultIngressClass(classes: KObject[]): KObject | undefined {
  const defaults = classes.filter((c) => c.metadata.annotations?.[DEFAULT_INGRESS_CLASS_ANN] === 'true');
  // Newest first; equal timestamps: by name (as the plugin sorts).
  defaults.sort((a, b) => {
    const ta = String(a.metadata.creationTimestamp ?? '');
    const tb = String(b.metadata.creationTimestamp ?? '');
    if (ta !== tb) return ta < tb ? 1 : -1;
    return String(a.metadata.name) < String(b.metadata.name) ? -1 : 1;
  });
  return defaults[0];
}

export function admitIngress(ing: KObject, classes: KObject[]): void {
  const spec: any = (ing['spec'] ??= {});
  if (spec.ingressClassName || ing.metadata.annotations?.[LEGACY_CLASS_ANN] !== undefined) return;
  const def = defaultIngressClass(classes);
  if (def) spec.ingressClassName = def.metadata.name;
}
