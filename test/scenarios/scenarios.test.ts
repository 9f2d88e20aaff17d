// Replays every golden transcript in test/scenarios/*.txt.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandsOf, render, scenarioFiles } from './transcript.js';

const dir = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(dir, '../..');

describe('golden transcripts', () => {
  for (const file of scenarioFiles(dir)) {
    it(path.basename(file), async () => {
      const expected = fs.readFileSync(file, 'utf8');
      const actual = await render(commandsOf(expected), root);
      if (process.env['UPDATE_GOLDEN']) fs.writeFileSync(file, actual);
      else expect(actual).toBe(expected);
    });
  }
});
