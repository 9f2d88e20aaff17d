// pflag accepts spellings commander does not: `-n=dev` and `--all=false`. Rewrite them first.

const BOOL_FLAGS = new Set([
  'all', 'all-namespaces', 'overwrite', 'no-headers', 'show-labels', 'show-kind', 'ignore-not-found', 'now',
  'force', 'wait', 'show-events', 'recursive', 'list', 'local', 'record', 'save-config', 'show-managed-fields', 'watch',
  'server-side', 'force-conflicts', 'prune', 'minify', 'raw', 'current', 'client', 'short',
  'no-headers', 'ignore-daemonsets', 'delete-emptydir-data', 'disable-eviction', 'keep-annotations',
]);

/** Boolean flags whose default is true: `--x=false` becomes `--no-x`, which those commands define. */
const DEFAULT_TRUE = new Set(['wait', 'show-events']);

/** Default-true flags of one verb only (`rollout status --watch`; `get --watch` defaults to false). */
const DEFAULT_TRUE_IN_VERB: Record<string, string[]> = { rollout: ['watch'] };

export function normalizeArgv(argv: string[], verb?: string): string[] {
  const defaultTrue = new Set([...DEFAULT_TRUE, ...(DEFAULT_TRUE_IN_VERB[verb ?? ''] ?? [])]);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const short = /^-([a-zA-Z])=(.*)$/s.exec(a);
    if (short) {
      out.push(`-${short[1]}`, short[2]!);
      continue;
    }
    const long = /^--([a-z0-9-]+)=(true|false)$/.exec(a);
    if (long && BOOL_FLAGS.has(long[1]!)) {
      // `--x=false` on a default-false flag is the same as leaving it out.
      if (long[2] === 'true') out.push(`--${long[1]}`);
      else if (defaultTrue.has(long[1]!)) out.push(`--no-${long[1]}`);
      continue;
    }
    out.push(a);
  }
  return out;
}
