// A deep copy of plain JSON data (objects, arrays, strings, numbers, booleans, null). Objects in the
// store are JSON by construction; this is several times faster than structuredClone, which copies
// every object of every write and read (profiled: the largest single cost of a 10,000-pod reconcile).

export function jsonClone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = jsonClone(v[i]);
    return out as T;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return structuredClone(v);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = jsonClone((v as Record<string, unknown>)[k]);
  return out as T;
}
