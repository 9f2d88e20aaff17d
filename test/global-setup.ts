// Tests import the generated schema validators (src/api/validation/schema-validators.js) and explain
// needs the OpenAPI documents (build/openapi); `npm install` makes them, and this makes sure a bare
// `vitest` run has them too, and validators made by the current generator.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** Whether out is missing or older than any of inputs. */
export function stale(out: string, inputs: string[]): boolean {
  if (!existsSync(out)) return true;
  const made = statSync(out).mtimeMs;
  return inputs.some((f) => statSync(f).mtimeMs > made);
}

export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname ?? __dirname, '..');
  const { generateSchemas, VALIDATORS_MODULE } = await import('../scripts/gen-schema.mjs');
  const generators = ['gen-schema.mjs', 'schema-model.mjs', 'schema-gotypes.mjs'].map((f) => path.join(root, 'scripts', f));
  if (stale(VALIDATORS_MODULE, generators)) await generateSchemas(path.join(root, 'build'));
  if (!existsSync(path.join(root, 'build/openapi/index.json'))) {
    const { generateOpenAPI } = await import('../scripts/gen-openapi.mjs');
    generateOpenAPI(path.join(root, 'build'));
  }
}
