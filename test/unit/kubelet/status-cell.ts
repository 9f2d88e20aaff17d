// kubectl's READY / STATUS / IP / NODE cells for a pod, from the server-side table handler.

import { handlerFor } from '../../../src/api/tables/index.js';
import type { KObject } from '../../../src/api/types.js';

export function podCells(pod: KObject, now: number): { ready: string; status: string; ip: string; node: string } {
  const [, ready, status, , , ip, node] = handlerFor('Pod').row(pod, now);
  return { ready: String(ready), status: String(status), ip: String(ip), node: String(node) };
}
