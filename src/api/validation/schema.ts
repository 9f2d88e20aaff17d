// Strict schema validation of objects kube-lite creates/updates, as kube-apiserver decodes them
// with fieldValidation=Strict (kubectl's default): unknown fields and wrong JSON types fail the
// request with a BadRequest whose message matches the apiserver's byte for byte.
//
// Validators are generated at build time (scripts/gen-schema.mjs) into <build>/validators/, one
// CommonJS module per kind, loaded lazily (with the V8 code cache the build makes for it) so a command
// only pays for the kinds it touches. (Synchronous, not import(): the apiserver's decode step is.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KObject } from '../types.js';
import { loadCommonJs } from '../../util/cjs-cache.js';
import { packageRoot } from '../../util/package-root.js';
import { goDecodeError, type AjvError, type ValidatorMeta } from './go-decode.js';
import { goQuote } from './go-scalars.js';

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

/** A generated module: the ajv validate function, carrying the Go type metadata as `.meta`. */
type ValidatorModule = ((data: unknown) => boolean) & { errors?: AjvError[] | null; meta: ValidatorMeta };

let buildDir: string | undefined;
let index: Record<string, string> | undefined;
const modules = new Map<string, ValidatorModule>();

/** Directory holding the generated `validators/` (default: `<repo>/build`). Resets caches. */
export function setValidatorDir(dir: string): void {
  buildDir = dir;
  index = undefined;
  modules.clear();
}

function defaultBuildDir(): string {
  return join(packageRoot(), 'build');
}

function validatorIndex(): Record<string, string> {
  if (!index) {
    const file = join(buildDir ?? defaultBuildDir(), 'validators', 'index.json');
    if (!existsSync(file)) throw new Error(`kube-lite: schema validators missing (${file}); run "npm run build"`);
    index = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  }
  return index;
}

/** Whether a validator exists for apiVersion/kind (e.g. "apps/v1", "Deployment"). */
export function hasSchema(apiVersion: string, kind: string): boolean {
  return `${apiVersion}/${kind}` in validatorIndex();
}

function loadValidator(key: string): ValidatorModule | undefined {
  const file = validatorIndex()[key];
  if (!file) return undefined;
  let mod = modules.get(key);
  if (!mod) {
    mod = loadCommonJs(join(buildDir ?? defaultBuildDir(), 'validators', file)) as ValidatorModule;
    modules.set(key, mod);
  }
  return mod;
}

/**
 * Validates obj against the schema of its apiVersion/kind. Kinds without a generated schema pass
 * (deciding whether a kind exists is the caller's job). A v1 List never reaches the apiserver:
 * kubectl unpacks it leniently and sends each item, so only the items are checked, and the first
 * failing one is returned with its index.
 */
export function validateSchemaSync(obj: KObject): SchemaResult {
  if (obj.apiVersion === 'v1' && obj.kind === 'List') return validateListItems(obj);
  const validate = loadValidator(`${obj.apiVersion}/${obj.kind}`);
  if (!validate || validate(obj)) return { ok: true };
  const detail = goDecodeError(obj, validate.meta, validate.errors ?? []);
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
