// The bundle's entry: wires the real process streams into main().

import fs from 'node:fs';
import { main } from './cli/main.js';

export async function run(argv: string[]): Promise<number> {
  return main(argv, {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    env: process.env,
    cwd: process.cwd(),
  });
}
