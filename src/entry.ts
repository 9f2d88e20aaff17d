// The bundle's entry: wires the real process streams into main().

import fs from 'node:fs';
import { main } from './cli/main.js';

/** A Go program writing to a closed pipe dies of SIGPIPE, which a shell reports as 128 + 13. */
const SIGPIPE_EXIT = 141;

export async function run(argv: string[]): Promise<number> {
  // `kube-lite get pods -o name | head -1`: the reader may go away. The command still finishes (its
  // writes to the cluster are not cut short), prints nothing more, and exits as kubectl would. Other
  // write errors (a full disk) are dropped as Go's unchecked writes drop them.
  let pipeClosed = false;
  const onError = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') pipeClosed = true;
  };
  process.stdout.on('error', onError);
  process.stderr.on('error', onError);
  const code = await main(argv, {
    stdout: (s) => void (pipeClosed || process.stdout.write(s)),
    stderr: (s) => void (pipeClosed || process.stderr.write(s)),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    env: process.env,
    cwd: process.cwd(),
  });
  return pipeClosed ? SIGPIPE_EXIT : code;
}
