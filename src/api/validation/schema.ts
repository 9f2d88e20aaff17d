// Strict schema validation of objects kube-lite creates/updates, as kube-apiserver decodes them
// with fieldValidation=Strict (kubectl's default): unknown fields and wrong JSON types fail the
// request with a BadRequest whose message matches the apiserver's byte for byte.
//
// The validators are generated at build time (scripts/gen-schema.mjs) into one module for all kinds,
// build/schema-validators.cjs, loaded on first use. The full startup snapshot holds it loaded
// (src/entry.ts); the read-only commands' snapshot does not carry its ~0.75 MB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { packageRoot } from '../../util/package-root.js';
import type { KObject } from '../types.js';
import { goDecodeError, type AjvError, type ValidatorMeta } from './go-decode.js';
import { goQuote } from './go-scalars.js';

/** An ajv validate function (allErrors, no messages); its errors are on `.errors` after a failure. */
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

/** What the generated module exports. */
export interface ValidatorsModule {
  /** "apps/v1/Deployment" -> the kind's validator. */
  validators: Readonly<Record<string, ValidateFunction>>;
  /** "apps/v1/Deployment" -> its root definition id ("io.k8s.api.apps.v1.Deployment"). */
  roots: Readonly<Record<string, string>>;
  /** JSON of ValidatorMeta['defs'] for every definition, parsed only when an object fails. */
  goTypes: string;
}

let loaded: ValidatorsModule | undefined;

/** The generated validators, read and evaluated the first time they are needed. */
export function schemaValidators(): ValidatorsModule {
  if (!loaded) {
    const file = join(packageRoot(), 'build', 'schema-validators.cjs');
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`kube-lite: schema validators missing (${file}); run "npm run build"`);
    }
    const module = { exports: {} as ValidatorsModule };
    const fn = vm.runInThisContext(`(function (module, exports) {${source}\n})`, { filename: file }) as (m: typeof module, e: ValidatorsModule) => void;
    fn(module, module.exports);
    loaded = module.exports;
  }
  return loaded;
}

export type SchemaResult =
  | { ok: true }
  | {
      ok: false;
      reason: 'BadRequest';
      /** `<Kind> in version "<v>" cannot be handled as a <Kind>: <detail>` (the apiserver's text). */
      message: string;
      /** The decoder error alone, e.g. `strict decoding error: unknown field "spec.foo"`. */
      detail: string;
      /** For kind List: index of the offending item (kubectl sends items one by one). */
      item?: number;
    };

/** The Go types of all definitions, parsed the first time an object fails (the snapshot keeps one string). */
let defs: ValidatorMeta['defs'] | undefined;

/** Whether a validator exists for apiVersion/kind (e.g. "apps/v1", "Deployment"). */
export function hasSchema(apiVersion: string, kind: string): boolean {
  return Object.hasOwn(schemaValidators().validators, `${apiVersion}/${kind}`);
}

/**
 * Validates obj against the schema of its apiVersion/kind. Kinds without a generated schema pass
 * (deciding whether a kind exists is the caller's job). A v1 List never reaches the apiserver:
 * kubectl unpacks it leniently and sends each item, so only the items are checked, and the first
 * failing one is returned with its index.
 */
export function validateSchemaSync(obj: KObject): SchemaResult {
  if (obj.apiVersion === 'v1' && obj.kind === 'List') return validateListItems(obj);
  const key = `${obj.apiVersion}/${obj.kind}`;
  const { validators, roots, goTypes } = schemaValidators();
  if (!Object.hasOwn(validators, key)) return { ok: true };
  const validate = validators[key]!;
  if (validate(obj)) return { ok: true };
  defs ??= JSON.parse(goTypes) as ValidatorMeta['defs'];
  // go-decode's view of the kind: its root definition among all definitions' Go types.
  const detail = goDecodeError(obj, { root: roots[key]!, defs }, validate.errors ?? []);
  return detail === null ? { ok: true } : failure(obj, detail);
}

/** Promise flavour of validateSchemaSync, for async call sites. */
export async function validateSchema(obj: KObject): Promise<SchemaResult> {
  return validateSchemaSync(obj);
}

function validateListItems(list: KObject): SchemaResult {
  const items: unknown = list['items'];
  if (!Array.isArray(items)) return { ok: true };
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (!isObjectWithKind(item)) continue;
    const result = validateSchemaSync(item);
    if (!result.ok) return { ...result, item: i };
  }
  return { ok: true };
}

function isObjectWithKind(v: unknown): v is KObject {
  const o = v as KObject | null;
  return typeof o === 'object' && o !== null && typeof o.apiVersion === 'string' && typeof o.kind === 'string';
}

// apiserver handlers' transformDecodeError: gvk from the body, kind of the target type.
function failure(obj: KObject, detail: string): SchemaResult {
  const version = obj.apiVersion.slice(obj.apiVersion.lastIndexOf('/') + 1);
  return {
    ok: false,
    reason: 'BadRequest',
    message: `${obj.kind} in version ${goQuote(version)} cannot be handled as a ${obj.kind}: ${detail}`,
    detail,
  };
}
