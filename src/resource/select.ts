// -l and --field-selector strings into the predicates the API layer filters lists with. Parse errors
// come back from the "server", as a 400, the way kube-apiserver rejects a bad selector.

import { badRequest } from '../api/errors.js';
import { parseSelector, type Selector } from '../api/labels.js';
import { fieldSelectorForKind, matchesFields, type FieldSelector } from '../api/fields.js';
import type { ListOptions } from '../api/server.js';

export function listOptions(labelSelector: string | undefined, fieldSelector: string | undefined, kind: string): ListOptions {
  const opts: ListOptions = {};
  if (labelSelector) {
    let sel: Selector;
    try {
      sel = parseSelector(labelSelector);
    } catch (e) {
      throw badRequest((e as Error).message);
    }
    opts.labelSelector = (labels) => sel.matches(labels ?? {});
  }
  if (fieldSelector) {
    let fsel: FieldSelector;
    try {
      fsel = fieldSelectorForKind(kind, fieldSelector);
    } catch (e) {
      throw badRequest((e as Error).message);
    }
    opts.fieldSelector = (obj) => matchesFields(fsel, kind, obj);
  }
  return opts;
}
