// The -o flag: parsing it into a printer choice (cli-runtime PrintFlags) and the generic printers
// (yaml, json, name, jsonpath, custom-columns). Table printing lives in table.ts.

import fs from 'node:fs';
import path from 'node:path';
import { CliError } from '../api/errors.js';
import type { KObject } from '../api/types.js';

export type OutputKind = 'default' | 'wide' | 'yaml' | 'json' | 'name' | 'jsonpath' | 'custom-columns';

export interface OutputFormat {
  kind: OutputKind;
  /** jsonpath template or custom-columns spec. */
  template?: string;
  /** custom-columns from a file. */
  columnsFile?: boolean;
}

const GET_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,wide,yaml';
const MUTATE_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml';

export function parseOutput(o: string | undefined, mode: 'get' | 'mutate', cwd: string): OutputFormat {
  if (o === undefined || o === '') return { kind: 'default' };
  const eq = o.indexOf('=');
  const name = eq === -1 ? o : o.slice(0, eq);
  const arg = eq === -1 ? undefined : o.slice(eq + 1);
  switch (name) {
    case 'yaml':
    case 'json':
    case 'name':
      if (arg === undefined) return { kind: name };
      break;
    case 'kyaml':
      // kubectl 1.36's KYAML printer (sigs.k8s.io/yaml/kyaml) is not implemented: fail loudly.
      if (arg === undefined) throw new CliError('the "kyaml" output format is not supported by kube-lite yet');
      break;
    case 'wide':
      if (mode === 'get' && arg === undefined) return { kind: 'wide' };
      break;
    case 'jsonpath':
    case 'jsonpath-file': {
      if (!arg) throw new CliError('template format specified but no template given');
      const template = name === 'jsonpath' ? arg : readTemplate(arg, cwd);
      return { kind: 'jsonpath', template };
    }
    case 'custom-columns':
    case 'custom-columns-file': {
      if (mode !== 'get') break;
      if (!arg) throw new CliError('custom-columns format specified but no custom columns given');
      return name === 'custom-columns'
        ? { kind: 'custom-columns', template: arg }
        : { kind: 'custom-columns', template: readTemplate(arg, cwd), columnsFile: true };
    }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
    case 'jsonpath-as-json':
      throw new CliError(`the "${name}" output format is not supported by kube-lite yet`);
  }
  const allowed = mode === 'get' ? GET_FORMATS : MUTATE_FORMATS;
  throw new CliError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${allowed}`);
}

function readTemplate(file: string, cwd: string): string {
  try {
    return fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new CliError(`error reading template ${file}, ${(e as Error).message}`);
  }
}

/** kubectl's generic List wrapper for -o yaml/json of several objects. */
export function asList(items: KObject[]): KObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } } as unknown as KObject;
}

/** Objects are printed without managedFields unless --show-managed-fields. */
export function stripManagedFields(obj: KObject): KObject {
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields: _m, ...meta } = obj.metadata;
  return { ...obj, metadata: meta };
}
