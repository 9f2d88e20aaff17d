#!/usr/bin/env node
// Build step: kubernetes-types d.ts -> build/schemas.json (draft-07 definitions) -> one ajv
// standalone module holding the validators of every kind (build/schema-validators.cjs, loaded by
// src/api/validation/schema.ts). Shared definitions (ObjectMeta, PodSpec, Container...) are one
// function each, whichever kinds reach them. The full startup snapshot holds the module evaluated;
// the read-only commands' snapshot leaves it out, and loads it only if a command needs it.
//
// Usage: node scripts/gen-schema.mjs [outDir]      (default: <repo>/build)
//        import { generateSchemas } from './gen-schema.mjs'; await generateSchemas(outDir);
//
// The validators are deliberately a little stricter than Go's decoder (see PATTERNS): they are
// the fast "accept" path. Anything they flag is re-checked by src/api/validation/, which
// reproduces kube-apiserver's exact decode error, so over-strictness never leaks into results.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { transformSync } from 'esbuild';
import { buildModel } from './schema-model.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the generated validators module goes (loaded by src/api/validation/schema.ts). */
export const VALIDATORS_MODULE = join(repoRoot, 'build/schema-validators.cjs');

const INT32 = { minimum: -2147483648, maximum: 2147483647 };
// 2^63 is exactly representable; Go's ParseInt rejects it, so the upper bound is exclusive.
const INT64 = { minimum: -9223372036854775808, exclusiveMaximum: 9223372036854775808 };

// Go's strings.TrimSpace after JSON encoding (which escapes control chars and U+2028/9).
const GO_SPACE = '[ \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]';
const BIN_DEC_SUFFIX = 'Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]';

export const PATTERNS = {
  // resource.ParseQuantity. Without any digit, Pi/Ei and exponents <= -10 take the slow path and
  // fail with ErrNumeric, hence a second, narrower branch.
  quantity:
    `^(?!${GO_SPACE}*$)${GO_SPACE}*(?:[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:${BIN_DEC_SUFFIX}|[eE][+-]?[0-9]{1,18})?` +
    `|[+-]?\\.?(?:Ki|Mi|Gi|Ti|[numkMGTPE]|[eE]\\+?[0-9]{1,18}|[eE]-0*[0-9])?)${GO_SPACE}*$`,
  // time.Parse(RFC3339). Days 29-31 are left to the exact check (month lengths, leap years).
  time: '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])T(?:[01]?[0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:[.,][0-9]+)?(?:Z|[+-](?:[01][0-9]|2[0-4]):(?:[0-5][0-9]|60))$',
  // time.Parse("2006-01-02T15:04:05.000000Z07:00"): exactly six fractional digits.
  microTime: '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])T(?:[01]?[0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9][.,][0-9]{6}(?:Z|[+-](?:[01][0-9]|2[0-4]):(?:[0-5][0-9]|60))$',
  // base64.StdEncoding; Go also skips \r and \n, which the exact check handles.
  base64: '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$',
};

const nullable = (...types) => ({ type: [...types, 'null'] });

/** JSON Schema for one field descriptor (grammar in schema-model.mjs). Every node admits null,
 *  because Go decodes a JSON null into any field as its zero value. */
export function descSchema(desc) {
  if (desc.startsWith('=')) desc = desc.slice(desc.indexOf(';') + 1);
  if (desc.startsWith('@')) return { $ref: `#/definitions/${desc.slice(1)}` };
  if (desc.startsWith('[')) return { ...nullable('array'), items: descSchema(desc.slice(1)) };
  if (desc.startsWith('{')) return { ...nullable('object'), additionalProperties: descSchema(desc.slice(1)) };
  switch (desc.split(' ')[0]) {
    case 's': return nullable('string');
    case 'b': return nullable('boolean');
    case 'i32': return { ...nullable('integer'), ...INT32 };
    case 'i64': return { ...nullable('integer'), ...INT64 };
    case 'u8': return { ...nullable('integer'), minimum: 0, maximum: 255 };
    case 'x': return { ...nullable('string', 'integer'), ...INT32 };
    case 'q': return { ...nullable('string', 'number'), pattern: PATTERNS.quantity };
    case 't': return { ...nullable('string'), pattern: PATTERNS.time };
    case 'mt': return { ...nullable('string'), pattern: PATTERNS.microTime };
    case 'y': return { ...nullable('string', 'array'), pattern: PATTERNS.base64, items: descSchema('u8') };
    case 'r': return {};
    default: throw new Error(`unknown descriptor ${desc}`);
  }
}

function defSchema(def, { withRequired }) {
  const properties = {};
  const required = [];
  for (const [name, { desc, optional }] of Object.entries(def.fields)) {
    properties[name] = descSchema(desc);
    if (!optional) required.push(name);
  }
  const schema = { ...nullable('object'), properties, additionalProperties: false };
  if (withRequired && required.length) schema.required = required;
  return schema;
}

/**
 * The validators module: ajv standalone code for all definitions, with exports
 *   validators  "apps/v1/Deployment" -> ajv validate function (errors on `.errors`)
 *   roots       "apps/v1/Deployment" -> root definition id
 *   goTypes     JSON of: definition id -> [Go struct name, {field: descriptor}] (go-decode.ts's
 *               ValidatorMeta.defs), parsed only when an object fails validation
 */
export function validatorsModule(defs, roots, goTypes) {
  const ajv = new Ajv({
    code: { source: true, esm: false, optimize: 1 },
    allErrors: true, // every unknown field is reported, like the strict decoder
    messages: false,
    allowUnionTypes: true,
    inlineRefs: false, // one function per definition: shared types (Container, Probe...) once
  });
  const ids = [...defs.keys()].sort();
  ajv.addSchema({ $id: 'k8s', definitions: Object.fromEntries(ids.map((id) => [id, defSchema(defs.get(id), { withRequired: false })])) });
  // A kind's validator is its root definition's function, so its errors are those of the
  // definition (instancePath from the object's root), as with a per-kind schema.
  const code = standaloneCode(ajv, Object.fromEntries(Object.entries(roots).map(([key, id]) => [key, `k8s#/definitions/${id}`])));
  if (/\brequire\(/.test(code)) throw new Error('validators need ajv runtime imports');
  // ajv writes CommonJS exports (`exports["v1/Pod"] = validate22`): collected into an object here.
  const source =
    `exports.validators = ((exports) => {${code.replace(/^"use strict";/, '')}\nreturn exports;})({});\n` +
    `exports.roots = ${JSON.stringify(roots)};\n` +
    `exports.goTypes = ${JSON.stringify(JSON.stringify(goTypes))};\n`;
  // Minified (names too): the code is ~1 MB as ajv writes it, and every byte is in the full snapshot.
  const { code: min } = transformSync(source, { format: 'cjs', target: 'node20', charset: 'ascii', minify: true, legalComments: 'none' });
  return `// Generated by scripts/gen-schema.mjs - do not edit.\n${min}`;
}

/**
 * Writes <outDir>/schemas.json and the validators module (default: build/schema-validators.cjs).
 * Returns {schemaFile, moduleFile, kinds} for the build script's log line.
 */
export async function generateSchemas(outDir, moduleFile = VALIDATORS_MODULE) {
  const { defs, roots } = buildModel();
  mkdirSync(outDir, { recursive: true });

  // schemas.json keeps `required` (documentation of the d.ts); the validators do not, because
  // Go's decoder never rejects a missing field - that is apiserver validation, with other messages.
  const definitions = {};
  const goTypes = {};
  for (const [id, def] of [...defs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    definitions[id] = defSchema(def, { withRequired: true });
    goTypes[id] = [def.struct, Object.fromEntries(Object.entries(def.fields).map(([f, { desc }]) => [f, desc]))];
  }
  const schemaFile = join(outDir, 'schemas.json');
  writeFileSync(
    schemaFile,
    JSON.stringify({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $comment: 'Generated by scripts/gen-schema.mjs from kubernetes-types; goTypes: see scripts/schema-model.mjs',
      roots,
      goTypes,
      definitions,
    }),
  );
  // What earlier builds wrote (a module and a V8 code cache per kind) goes.
  rmSync(join(outDir, 'validators'), { recursive: true, force: true });

  // Written beside and renamed into place: a test run regenerating it meanwhile never reads half a file.
  writeFileSync(`${moduleFile}.${process.pid}`, validatorsModule(defs, roots, goTypes));
  renameSync(`${moduleFile}.${process.pid}`, moduleFile);
  return { schemaFile, moduleFile, kinds: Object.keys(roots).length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'build'));
  const { kinds, moduleFile } = await generateSchemas(outDir);
  console.log(`gen-schema: ${kinds} validators in ${moduleFile}`);
}
