// Types of the module scripts/gen-schema.mjs generates beside this file (schema-validators.js, not
// in git; `npm install` and the test setup make it).
import type { AjvError } from './go-decode.js';

/** An ajv validate function (allErrors, no messages); its errors are on `.errors` after a failure. */
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

/** "apps/v1/Deployment" -> the kind's validator. */
export declare const validators: Readonly<Record<string, ValidateFunction>>;
/** "apps/v1/Deployment" -> its root definition id ("io.k8s.api.apps.v1.Deployment"). */
export declare const roots: Readonly<Record<string, string>>;
/** JSON of go-decode.ts's ValidatorMeta['defs']: definition id -> Go struct name and field descriptors, for every definition. */
export declare const goTypes: string;
