#!/usr/bin/env node
// Build step: kubernetes-types d.ts -> build/schemas.json (draft-07 definitions) -> one ajv
// standalone validator module per kind in build/validators/ (+ index.json). The modules are
// CommonJS (.cjs) so the apiserver's synchronous decode step can require() them lazily.
//
// Usage: node scripts/gen-schema.mjs [outDir]      (default: <repo>/build)
//        import { generateSchemas } from './gen-schema.mjs'; await generateSchemas(outDir);
//
// The validators are deliberately a little stricter than Go's decoder (see PATTERNS): they are
// the fast "accept" path. Anything they flag is re-checked by src/api/validation/, which
// reproduces kube-apiserver's exact decode error, so over-strictness never leaks into results.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { buildModel, reachable } from './schema-model.mjs';

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

/** "apps/v1/Deployment" -> "apps_v1_Deployment.cjs"; the core group is spelled "core". */
export function validatorFile(key) {
  const parts = key.split('/');
  const kind = parts.pop();
  const version = parts.pop();
  return `${parts[0] ?? 'core'}_${version}_${kind}.cjs`;
}

/**
 * Writes <outDir>/schemas.json and <outDir>/validators/{index.json,<group>_<version>_<Kind>.mjs}.
 * Returns {schemaFile, validatorsDir, kinds} for the build script's log line.
 */
export async function generateSchemas(outDir) {
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

  const validatorsDir = join(outDir, 'validators');
  rmSync(validatorsDir, { recursive: true, force: true });
  mkdirSync(validatorsDir, { recursive: true });
  const index = {};
  for (const [key, rootId] of Object.entries(roots)) {
    const ids = [...reachable(defs, rootId)].sort();
    const ajv = new Ajv({
      code: { source: true, esm: false, optimize: 1 },
      allErrors: true, // every unknown field is reported, like the strict decoder
      messages: false,
      allowUnionTypes: true,
      inlineRefs: false, // one function per definition: shared types (Container, Probe...) once
    });
    const validate = ajv.compile({
      $ref: `#/definitions/${rootId}`,
      definitions: Object.fromEntries(ids.map((id) => [id, defSchema(defs.get(id), { withRequired: false })])),
    });
    const meta = { root: rootId, defs: Object.fromEntries(ids.map((id) => [id, goTypes[id]])) };
    const code =
      `// Generated by scripts/gen-schema.mjs - do not edit.\n${standaloneCode(ajv, validate)}\n` +
      `module.exports.meta = JSON.parse(${JSON.stringify(JSON.stringify(meta))});\n`;
    if (/\brequire\(/.test(code)) throw new Error(`${key}: validator needs ajv runtime imports`);
    const file = validatorFile(key);
    writeFileSync(join(validatorsDir, file), code);
    index[key] = file;
  }
  writeFileSync(join(validatorsDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return { schemaFile, validatorsDir, kinds: Object.keys(index).length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'build'));
  const { kinds, validatorsDir } = await generateSchemas(outDir);
  console.log(`gen-schema: ${kinds} validators in ${validatorsDir}`);
}
