// The heavy half of the API machinery - the validator (schemas and field validation) and the
// controllers - loaded only by commands that can write or must reconcile. A read-only command on a
// settled cluster (`get`, `describe`, `logs`) never loads them: on these machines compiling that code
// cost more than everything else such a command does.

import type { ApiServer, Validator } from '../api/server.js';
import type { KObject } from '../api/types.js';

export interface Machinery {
  validator: Validator;
  reconcile(api: ApiServer): void;
  /** Runs the schema validators once on typical objects (for the startup snapshot: src/entry.ts). */
  warmUp(): void;
}

let loaded: Machinery | undefined;

export async function loadMachinery(): Promise<Machinery> {
  loaded ??= (await import('./machinery-impl.js')).machinery;
  return loaded;
}

function current(): Machinery {
  // A command declared read-only that writes after all: a bug in the verb, not a user error.
  if (!loaded) throw new Error('internal error: the API machinery was used before it was loaded');
  return loaded;
}

/** The validator an ApiServer holds: the real one, once loadMachinery() has run. */
export const deferredValidator: Validator = {
  decode: (obj: KObject) => current().validator.decode(obj),
  validate: (obj: KObject, old?: KObject) => current().validator.validate(obj, old),
};

/** Runs the controllers (loadMachinery() must have run). */
export function reconcileLoaded(api: ApiServer): void {
  current().reconcile(api);
}
