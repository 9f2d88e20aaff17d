// Argument parsing shared by `label` and `annotate`: resource arguments first, then KEY=VAL and KEY-.

import { CliError } from '../api/errors.js';

export interface KeyValueChanges {
  resources: string[];
  set: [string, string][];
  remove: string[];
}

export function splitKeyValueArgs(args: string[], what: 'label' | 'annotation'): KeyValueChanges {
  const first = args.findIndex((a) => a.includes('=') || a.endsWith('-'));
  const resources = first === -1 ? args : args.slice(0, first);
  const changes = first === -1 ? [] : args.slice(first);
  const set: [string, string][] = [];
  const remove: string[] = [];
  for (const c of changes) {
    const eq = c.indexOf('=');
    if (eq > 0) {
      set.push([c.slice(0, eq), c.slice(eq + 1)]);
    } else if (c.endsWith('-') && eq === -1) {
      remove.push(c.slice(0, -1));
    } else {
      throw new CliError(`invalid ${what} spec: ${c}`);
    }
  }
  for (const [k] of set) {
    if (remove.includes(k)) throw new CliError(`can not both modify and remove ${what}s in the same command`);
  }
  return { resources, set, remove };
}
