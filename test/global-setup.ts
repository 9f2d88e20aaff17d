// Tests that go through the API server need the generated schema validators (build/validators);
// `npm install` makes them, and this makes sure a bare `vitest` run has them too.

import { existsSync } from 'node:fs';
import path from 'node:path';

export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname ?? __dirname, '..');
  if (existsSync(path.join(root, 'build/validators/index.json'))) return;
  const { generateSchemas } = await import('../scripts/gen-schema.mjs');
  await generateSchemas(path.join(root, 'build'));
}
