// What the collector remembers between commands (the 'gc' meta value): resources it found with nothing
// to do, with the stamps (Store.stampOf) they had then. While a resource and everything its verdict
// rested on keep their stamps, a look would find the same, so it is not read: on a cluster of 10,000
// pods, reading them back for a command that changed none of them (node leases, say) was most of that
// command's time.

import type { Store } from '../../store/store.js';

export const GC_META = 'gc';

export interface GcMeta {
  /** Store resource -> its stamp when it held no dependent and nothing being deleted. */
  quiet: Record<string, string>;
  /**
   * Store resource -> its stamp and its owners' resources' stamps when each object of interest in it
   * was a dependent with a live owner (found by kind), or being deleted with nothing for the collector
   * to finish. Absent when empty.
   */
  settled?: Record<string, Settled>;
}

export interface Settled {
  stamp: string;
  /** The resources of the live owners it was found with -> their stamps. */
  owners: Record<string, string>;
}

export type StampOf = (resource: string) => string | undefined;

/** The entry still holds: the resource has `stamp`, and each owner resource the stamp recorded. */
export function stillSettled(entry: Settled | undefined, stamp: string, stampOf: StampOf): boolean {
  if (entry?.stamp !== stamp) return false;
  return Object.entries(entry.owners).every(([resource, s]) => stampOf(resource) === s);
}

/**
 * Collects, while the collector walks one resource, what a Settled entry needs: the resources of the
 * live owners found, unless something rules the entry out (a write, or a verdict resting on more than
 * the owners' resources).
 */
export class Settling {
  private owners = new Set<string>();
  private ruledOut = false;

  /** An object kept for a live owner found in `resource` (undefined: found by uid, which reads every resource). */
  liveOwnerIn(resource: string | undefined): void {
    if (resource === undefined) this.ruledOut = true;
    else this.owners.add(resource);
  }

  ruleOut(): void {
    this.ruledOut = true;
  }

  /** The entry for a resource walked at `stamp`, or undefined (ruled out, or an owner resource changed in this command). */
  entry(stamp: string, stampOf: StampOf): Settled | undefined {
    if (this.ruledOut) return undefined;
    const owners: Record<string, string> = {};
    for (const resource of [...this.owners].sort()) {
      const s = stampOf(resource);
      if (s === undefined) return undefined;
      owners[resource] = s;
    }
    return { stamp, owners };
  }
}

/** One pass's use of the meta value: what it may skip, and what it found, kept for the next. */
export class Remembered {
  private readonly before: Required<GcMeta>;
  private readonly now: Required<GcMeta> = { quiet: {}, settled: {} };

  constructor(private readonly store: Store) {
    const stored = store.getMeta<GcMeta>(GC_META);
    this.before = { quiet: stored?.quiet ?? {}, settled: stored?.settled ?? {} };
  }

  readonly stampOf: StampOf = (resource) => this.store.stampOf?.(resource);

  /**
   * True when `resource`, at `stamp`, is as a pass found it with nothing to do (and so is what that
   * rested on): it is kept as it is, and the reads a walk would have made are noted for the reconcile.
   */
  unchanged(resource: string, stamp: string): boolean {
    if (this.before.quiet[resource] === stamp) {
      this.store.noteResourceRead?.(resource);
      this.now.quiet[resource] = stamp;
      return true;
    }
    const entry = this.before.settled[resource];
    if (!stillSettled(entry, stamp, this.stampOf)) return false;
    for (const r of [resource, ...Object.keys(entry!.owners)]) this.store.noteResourceRead?.(r);
    this.now.settled[resource] = entry!;
    return true;
  }

  /** What a walk of `resource` at `stamp` found: `count` objects of interest, and how they settled. */
  walked(resource: string, stamp: string, count: number, settling: Settling | undefined): void {
    if (count === 0) this.now.quiet[resource] = stamp;
    const entry = settling?.entry(stamp, this.stampOf);
    if (entry) this.now.settled[resource] = entry;
  }

  /** Stores what this pass found, if it differs. */
  save(): void {
    const { quiet, settled } = this.now;
    if (JSON.stringify(quiet) === JSON.stringify(this.before.quiet) && JSON.stringify(settled) === JSON.stringify(this.before.settled)) return;
    this.store.setMeta(GC_META, (Object.keys(settled).length > 0 ? { quiet, settled } : { quiet }) satisfies GcMeta);
  }
}
