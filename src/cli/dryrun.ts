// --dry-run=none|client|server, with kubectl's parsing and message suffixes.

import { CliError } from '../api/errors.js';

export type DryRun = 'none' | 'client' | 'server';

export function parseDryRun(v: unknown): DryRun {
  if (v === undefined || v === false) return 'none';
  if (v === true || v === '') return 'client';
  const s = String(v);
  if (s === 'none' || s === 'client' || s === 'server') return s;
  if (s === 'true') return 'client';
  if (s === 'false') return 'none';
  throw new CliError(`Invalid dry-run value (${s}). Must be "none", "server", or "client".`);
}

/** The operation word a name printer shows: "created", "created (dry run)", "created (server dry run)". */
export function withDryRun(op: string, dryRun: DryRun): string {
  if (dryRun === 'client') return `${op} (dry run)`;
  if (dryRun === 'server') return `${op} (server dry run)`;
  return op;
}
