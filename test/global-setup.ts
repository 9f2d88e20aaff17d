// Tests that go through the API server need the generated schema validators (build/validators),
// explain needs the OpenAPI documents (build/openapi);
// `npm install` makes them, and this makes sure a bare `vitest` run has them too.

import { existsSync } from 'node:fs';
import path from 'node:path';

export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname ?? __dirname, '..');
  if (!existsSync(path.join(root, 'build/validators/index.json'))) {
    const { generateSchemas } = await import('../scripts/gen-schema.mjs');
    await generateSchemas(path.join(root, 'build'));
  }
  if (!existsSync(path.join(root, 'build/openapi/index.json'))) {
    const { generateOpenAPI } = await import('../scripts/gen-openapi.mjs');
    generateOpenAPI(path.join(root, 'build'));
  }
}
