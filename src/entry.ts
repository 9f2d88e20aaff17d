// The bundle's entry (dist/kube-lite.cjs): wires the real process streams into main().
//
// bin/kube-lite starts Node either from the startup snapshot the build made of this bundle
// (scripts/gen-snapshot.mjs) or, when that snapshot does not fit the Node it finds, from the bundle
// itself. Either way process.argv is [node, <dist/kube-lite.cjs>, ...arguments].

import fs from 'node:fs';
import v8 from 'node:v8';
import { main } from './cli/main.js';
import { VERBS } from './cli/program.js';
import { setCodeFile } from './util/package-root.js';
import { loadMachinery } from './cluster/machinery.js';

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

function start(): void {
  setCodeFile(process.argv[1]!);
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/**
 * Every verb and the API machinery (validator, controllers), evaluated while the snapshot is built
 * so that a command restored from it finds its code ready: restoring it costs less than evaluating
 * it. Only modules are loaded here: nothing may read the environment, the clock or the files, which
 * would be the build machine's.
 */
async function preload(): Promise<void> {
  for (const load of Object.values(VERBS)) await load();
  await loadMachinery();
}

if (v8.startupSnapshot?.isBuildingSnapshot()) {
  void preload().then(() => v8.startupSnapshot.setDeserializeMainFunction(start));
} else {
  start();
}
