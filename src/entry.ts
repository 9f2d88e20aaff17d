// The bundle's entry (dist/kube-lite.cjs): wires the real process streams into main().
//
// bin/kube-lite starts Node either from the startup snapshot the build made of this bundle
// (scripts/gen-snapshot.mjs) or, when that snapshot does not fit the Node it finds, from the bundle
// itself. Either way process.argv is [node, <dist/kube-lite.cjs>, ...arguments].

import fs from 'node:fs';
import v8 from 'node:v8';
import { main, prepareProgram, type PreparedProgram } from './cli/main.js';
import { VERBS } from './cli/program.js';
import { setCodeFile } from './util/package-root.js';
import { forgetSelfChecks } from './util/self-checks.js';
import { warmUpCommands } from './cli/warmup.js';
import { loadMachinery } from './cluster/machinery.js';

/** A Go program writing to a closed pipe dies of SIGPIPE, which a shell reports as 128 + 13. */
const SIGPIPE_EXIT = 141;

export async function run(argv: string[], prepared?: PreparedProgram): Promise<number> {
  // `kube-lite get pods -o name | head -1`: the reader may go away. The command still finishes (its
  // writes to the cluster are not cut short), prints nothing more, and exits as kubectl would. Other
  // write errors (a full disk) are dropped as Go's unchecked writes drop them.
  let pipeClosed = false;
  const onError = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') pipeClosed = true;
  };
  process.stdout.on('error', onError);
  process.stderr.on('error', onError);
  const io = {
    stdout: (s: string) => void (pipeClosed || process.stdout.write(s)),
    stderr: (s: string) => void (pipeClosed || process.stderr.write(s)),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    env: process.env,
    cwd: process.cwd(),
  };
  const code = await main(argv, io, prepared);
  return pipeClosed ? SIGPIPE_EXIT : code;
}

/** The command tree the snapshot holds, made by preload(). */
let prepared: PreparedProgram | undefined;

function start(): void {
  setCodeFile(process.argv[1]!);
  // bin/kube-lite kept Node from reading NODE_EXTRA_CA_CERTS at start; the command sees it as it was.
  const saved = process.env['KUBE_LITE_SAVED_NODE_EXTRA_CA_CERTS'];
  if (saved !== undefined) {
    process.env['NODE_EXTRA_CA_CERTS'] = saved;
    delete process.env['KUBE_LITE_SAVED_NODE_EXTRA_CA_CERTS'];
  }
  const ready = prepared;
  prepared = undefined;
  void run(process.argv.slice(2), ready).then((code) => {
    // Exits at once when all output is out (writes to files, terminals and, on Linux, pipes are
    // synchronous): tearing the heap down in a natural exit cost a command ~6 ms. Output still
    // queued (a pipe on macOS) is left to Node to flush before it exits.
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
    process.exitCode = code;
  });
}

/**
 * The code a command restored from the snapshot finds ready: every verb and the API machinery
 * (validator, controllers), or, for the read-only commands' snapshot, only the verbs the build names
 * in KUBE_LITE_SNAPSHOT_VERBS (scripts/gen-snapshot.mjs); the command tree with those verbs' flags
 * registered; and the code of common commands compiled by running them once. Restoring costs less
 * than evaluating, building and compiling, but in proportion to what the snapshot holds. What runs
 * here must leave nothing of the build machine behind: no environment, clock or file contents kept in
 * module state (the warm-up works in its own directory through its own IO; the one setting read from
 * the environment is forgotten).
 */
async function preload(): Promise<void> {
  setCodeFile(process.argv[1]!); // the build's own files (the schema validators) are found from here
  const only = process.env['KUBE_LITE_SNAPSHOT_VERBS']?.split(' ').filter(Boolean) ?? [];
  const verbs = only.length > 0 ? only : Object.keys(VERBS);
  for (const verb of verbs) await VERBS[verb]!();
  if (only.length === 0) (await loadMachinery()).warmUp();
  // Commands run on a throwaway cluster (the build names its directory), so that their code is
  // compiled in the snapshot (src/cli/warmup.ts).
  const home = process.env['KUBE_LITE_WARMUP_HOME'];
  if (home) await warmUpCommands(home, only.length > 0 ? new Set(only) : undefined);
  forgetSelfChecks(); // read from this build's environment; a command reads its own
  prepared = await prepareProgram(verbs);
}

if (v8.startupSnapshot?.isBuildingSnapshot()) {
  void preload().then(() => v8.startupSnapshot.setDeserializeMainFunction(start));
} else {
  start();
}
