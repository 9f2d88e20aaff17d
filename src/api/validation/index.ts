// The API server's validator: strict decoding against the OpenAPI schemas (schema.ts), then the
// apiserver's field validation (kinds.ts), turned into Status errors with kubectl's texts.

import { CliError, StatusError } from '../errors.js';
import type { Validator } from '../server.js';
import type { KObject } from '../types.js';
import { errorBody, formatInvalidForKubectl, invalidMessage, type FieldError } from './field.js';
import { validateCreate, validateUpdate } from './kinds.js';
import { isValidLabelValue } from './names.js';
import { isQualifiedName } from '../labels.js';
import { validateSchemaSync } from './schema.js';
import { resourceForKind } from '../registry.js';

function invalidError(obj: KObject, errs: FieldError[]): StatusError {
  const info = resourceForKind(obj.apiVersion, obj.kind);
  const group = info?.group ?? '';
  const name = obj.metadata?.name ?? '';
  return new StatusError(
    422,
    'Invalid',
    invalidMessage(obj.kind, name, errs, group),
    { kind: obj.kind, name, group, causes: errs.map((e) => ({ type: e.type, field: e.field, message: errorBody(e) })) },
    formatInvalidForKubectl(obj.kind, name, errs),
  );
}

export const defaultValidator: Validator = {
  decode(obj: KObject): StatusError | undefined {
    // Status is written by the simulation's own controllers with fields newer than the schema source
    // (kubernetes-types 1.30); the server never takes status from a main-resource write anyway.
    const { status: _status, ...rest } = obj;
    const r = validateSchemaSync(rest as KObject);
    return r.ok ? undefined : new StatusError(400, 'BadRequest', r.message);
  },
  validate(obj: KObject, old?: KObject): StatusError | undefined {
    const errs = old ? validateUpdate(obj, old) : validateCreate(obj);
    return errs.length ? invalidError(obj, errs) : undefined;
  },
};

/** kubectl label's client-side check of KEY=VALUE arguments. */
export function validateLabelKeyValue(key: string, value: string): void {
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) throw new CliError(`invalid label spec: ${key}=${value}`);
  if (isValidLabelValue(value).length) throw new CliError(`invalid label value: "${key}=${value}": ${isValidLabelValue(value).join('; ')}`);
}
