// -l and --field-selector strings into the predicates the API layer filters lists with. Parse errors
// come back from the "server", as a 400, the way kube-apiserver rejects a bad selector.

import { badRequest } from '../api/errors.js';
import { parseSelector } from '../api/labels.js';
import { fieldsForKind, parseFieldSelector } from '../api/fields.js';
import type { ListOptions } from '../api/server.js';
import type { KObject } from '../api/types.js';

export function listOptions(labelSelector: string | undefined, fieldSelector: string | undefined, kind: string): ListOptions {
  const opts: ListOptions = {};
  if (labelSelector) {
    let sel;
    try {
      sel = parseSelector(labelSelector);
    } catch (e) {
      throw badRequest((e as Error).message);
    }
    opts.labelSelector = (labels) => sel.matches(labels ?? {});
  }
  if (fieldSelector) {
    let fsel;
    try {
      fsel = parseFieldSelector(fieldSelector);
    } catch (e) {
      throw badRequest((e as Error).message);
    }
    opts.fieldSelector = (obj: KObject) => {
      const fields = fieldsForKind(kind, obj);
      return fsel.matches(fields);
    };
    // Unknown fields are rejected up front, as the apiserver validates before listing.
    fieldsForKind(kind, { apiVersion: 'v1', kind, metadata: {} }, fsel);
  }
  return opts;
}
