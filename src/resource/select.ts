// -l and --field-selector strings into the predicates the API layer filters lists with. Parse errors
// come back from the "server", as a 400, the way kube-apiserver rejects a bad selector.

import { badRequest, StatusError } from '../api/errors.js';
import type { ResourceInfo } from '../api/registry.js';
import { parseSelector, type Selector } from '../api/labels.js';
import { fieldSelectorForKind, matchesFields, type FieldSelector } from '../api/fields.js';
import type { KObject } from '../api/types.js';
import type { ApiServer, ListOptions } from '../api/server.js';

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

/**
 * A selector list as cli-runtime's Selector visitor makes it: a BadRequest or NotFound from the list
 * comes back with the resource and selectors named in the message.
 */
export function listSelected(
  api: Pick<ApiServer, 'list'>,
  info: ResourceInfo,
  namespace: string | undefined,
  labelSelector: string | undefined,
  fieldSelector: string | undefined,
): KObject[] {
  try {
    return api.list(info, namespace, listOptions(labelSelector, fieldSelector, info.kind));
  } catch (e) {
    if (e instanceof StatusError && (e.reason === 'BadRequest' || e.reason === 'NotFound')) {
      const gvr = `${info.group}/${info.version}, Resource=${info.resource}`;
      const message =
        !labelSelector && !fieldSelector
          ? `Unable to list ${JSON.stringify(gvr)}: ${e.message}`
          : `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(labelSelector ?? '')}, field selector ${JSON.stringify(fieldSelector ?? '')}: ${e.message}`;
      throw new StatusError(e.code, e.reason, message, e.details);
    }
    throw e;
  }
}
