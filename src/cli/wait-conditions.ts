// The conditions `kubectl wait --for` understands (kubectl pkg/cmd/wait): delete, create,
// condition=NAME[=VALUE] and jsonpath='{…}'[=VALUE], each a check on the object as it is now.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { CliError } from '../api/errors.js';
import type { KObject } from '../api/types.js';
import { relaxedJsonPath } from '../printers/customcolumns.js';
import { executeJsonPath, goFormatV, GoNumber, NO_VALUE, parseJsonPath, type ParsedJsonPath } from '../printers/jsonpath.js';

export type WaitCondition =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; name: string; value: string }
  | { kind: 'jsonpath'; path: ParsedJsonPath; value?: string };

export function parseCondition(spec: string): WaitCondition {
  if (spec.toLowerCase() === 'delete') return { kind: 'delete' };
  if (spec.toLowerCase() === 'create') return { kind: 'create' };
  if (spec.startsWith('condition=')) {
    const rest = spec.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq === -1 ? { kind: 'condition', name: rest, value: 'true' } : { kind: 'condition', name: rest.slice(0, eq), value: rest.slice(eq + 1) };
  }
  if (spec.startsWith('jsonpath=')) return parseJsonPathCondition(spec.slice('jsonpath='.length));
  throw new CliError(`unrecognized condition: "${spec}"`);
}

/** Splits on single '=' only: '==' belongs to a filter expression. */
function splitOnSingleEquals(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

function parseJsonPathCondition(input: string): WaitCondition {
  const parts = splitOnSingleEquals(input);
  if (parts.length < 1 || parts.length > 2) {
    throw new CliError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  }
  const expr = relaxedJsonPath(parts[0]!);
  let value: string | undefined;
  if (parts.length === 2) {
    value = parts[1]!.replace(/^['"]+|['"]+$/g, '');
    if (value === '') throw new CliError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  }
  if (expr === '') throw new CliError('jsonpath expression cannot be empty');
  return { kind: 'jsonpath', path: parseJsonPath(expr, 'wait'), value };
}

/** Is the condition met by `obj` (undefined = the object does not exist)? */
export function conditionMet(cond: WaitCondition, obj: KObject | undefined): boolean {
  switch (cond.kind) {
    case 'delete':
      return obj === undefined;
    case 'create':
      return obj !== undefined;
    case 'condition':
      return obj !== undefined && statusConditionMet(obj, cond.name, cond.value);
    case 'jsonpath':
      return obj !== undefined && jsonPathMet(obj, cond.path, cond.value);
  }
}

function statusConditionMet(obj: KObject, name: string, value: string): boolean {
  const conditions: any[] = obj['status']?.conditions ?? [];
  for (const c of conditions) {
    if (typeof c?.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase() || typeof c.status !== 'string') continue;
    // A condition older than the spec it describes does not count.
    const generation = obj.metadata.generation;
    const observed = c.observedGeneration ?? obj['status']?.observedGeneration;
    if (generation !== undefined && observed !== undefined && observed < generation) return false;
    return c.status.toLowerCase() === value.toLowerCase();
  }
  return false;
}

function jsonPathMet(obj: KObject, path: ParsedJsonPath, value: string | undefined): boolean {
  const results = executeJsonPath(path, obj, { allowMissingKeys: true });
  if (results.length === 0 || results[0]!.length === 0) return false;
  if (results.length > 1) throw new CliError('given jsonpath expression matches more than one list');
  if (results[0]!.length > 1) throw new CliError('given jsonpath expression matches more than one value');
  if (value === undefined) return true;
  const v = results[0]![0];
  if (v === NO_VALUE) return false;
  if (v !== null && typeof v === 'object' && !(v instanceof GoNumber)) {
    throw new CliError('jsonpath leads to a nested object or list which is not supported');
  }
  return goFormatV(v).trim() === value.trim();
}
