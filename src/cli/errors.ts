// The one error funnel (kubectl's CheckErr): turns any thrown error into the text kubectl prints on
// stderr and an exit code. Stack traces only with KUBE_LITE_DEBUG set.

import { AggregateError, CliError, RawError, StatusError } from '../api/errors.js';
import { StoreError } from '../store/store.js';

export function formatError(e: unknown, debug: boolean): { text: string; code: number } {
  if (e instanceof AggregateError) {
    if (e.errors.length === 1) return formatError(e.errors[0], debug);
    // MultipleErrors: status errors keep their form; plain ones lose the "error: " prefix.
    const lines = e.errors.map((x) => {
      // Within an aggregate an Invalid error keeps the plain Status form, not "The X is invalid".
      if (x instanceof StatusError) return `Error from server (${x.reason}): ${x.message}`;
      return formatError(x, debug).text.replace(/\n$/, '').replace(/^error: /, '');
    });
    return { text: lines.join('\n') + '\n', code: 1 };
  }
  if (e instanceof StatusError) {
    if (e.kubectlText) return { text: withNewline(e.kubectlText), code: 1 };
    return { text: withNewline(`Error from server (${e.reason}): ${e.message}`), code: 1 };
  }
  // An empty RawError is a bare exit code (kubectl's ErrExit; diff's "differences found").
  if (e instanceof RawError) return { text: e.message === '' ? '' : withNewline(e.message), code: e.exitCode };
  if (e instanceof CliError) return { text: withNewline(prefixed(e.message)), code: e.exitCode };
  if (e instanceof StoreError) return { text: withNewline(prefixed(e.message)), code: 1 };
  const err = e as Error;
  const text = debug && err?.stack ? err.stack : prefixed(err?.message ?? String(e));
  return { text: withNewline(text), code: 1 };
}

function prefixed(msg: string): string {
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

function withNewline(s: string): string {
  return s.endsWith('\n') ? s : s + '\n';
}
