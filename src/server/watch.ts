// Watches: chunked NDJSON streams of {"type","object"} events. A watch starts inside a batch (a
// consistent snapshot: its initial events, or the WatchList ADDED events + the initial-events-end
// BOOKMARK); after every later batch - before its commit, with the lock held - each watch whose
// resource may have changed diffs the objects it matches against what it last saw (by
// resourceVersion) and queues ADDED/MODIFIED/DELETED events, written once the batch committed.

import type { ServerResponse } from 'node:http';
import { qualifiedResource, type ResourceInfo } from '../api/registry.js';
import type { ApiServer, ListOptions } from '../api/server.js';
import type { KObject } from '../api/types.js';
import { tableOf, type IncludeObject } from './table.js';

export interface WatchSpec {
  info: ResourceInfo;
  namespace?: string;
  /** A watch on one object (fieldSelector metadata.name, or the legacy name path). */
  opts: ListOptions;
  resourceVersion?: string;
  sendInitialEvents: boolean;
  allowBookmarks: boolean;
  /** Events as Tables (kubectl get -w). */
  table?: IncludeObject;
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

class Watcher {
  /** "namespace/name" → the object as last sent. */
  seen = new Map<string, KObject>();
  pending: string[] = [];
  private sentHeaders = false;
  closed = false;

  constructor(
    readonly spec: WatchSpec,
    readonly res: ServerResponse,
  ) {}

  get resource(): string {
    return qualifiedResource(this.spec.info);
  }

  current(api: ApiServer): KObject[] {
    return api.list(this.spec.info, this.spec.namespace, this.spec.opts);
  }

  event(api: ApiServer, type: EventType, obj: KObject): void {
    let object: unknown = obj;
    if (this.spec.table && type !== 'BOOKMARK') {
      object = tableOf(api, this.spec.info, [obj], this.spec.table, String(obj.metadata.resourceVersion ?? ''), { noHeaders: this.sentHeaders });
      this.sentHeaders = true;
    }
    this.pending.push(JSON.stringify({ type, object }) + '\n');
  }

  /** Queues the events that take what this watch saw to what it matches now. */
  diff(api: ApiServer): void {
    const now = new Map<string, KObject>();
    for (const o of this.current(api)) now.set(key(o), o);
    for (const [k, o] of now) {
      const before = this.seen.get(k);
      if (!before) this.event(api, 'ADDED', o);
      else if (before.metadata.resourceVersion !== o.metadata.resourceVersion) this.event(api, 'MODIFIED', o);
    }
    const rv = String(api.store.revision());
    for (const [k, o] of this.seen) {
      if (!now.has(k)) this.event(api, 'DELETED', { ...o, metadata: { ...o.metadata, resourceVersion: rv } });
    }
    this.seen = now;
  }

  flush(): void {
    if (this.closed || this.pending.length === 0) return;
    this.res.write(this.pending.join(''));
    this.pending = [];
  }
}

function key(o: KObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

export class WatchHub {
  private watchers = new Set<Watcher>();

  get size(): number {
    return this.watchers.size;
  }

  /** Called inside a batch: registers the watch and queues its initial events. */
  start(api: ApiServer, spec: WatchSpec, res: ServerResponse): Watcher {
    const w = new Watcher(spec, res);
    const objs = w.current(api);
    const rv = spec.resourceVersion;
    if (spec.sendInitialEvents || !rv || rv === '0') {
      // No resourceVersion (or "0"): synthetic ADDED events for the current state, as the apiserver.
      for (const o of objs) w.event(api, 'ADDED', o);
      if (spec.sendInitialEvents && spec.allowBookmarks) {
        const bookmark = {
          kind: spec.info.kind,
          apiVersion: spec.info.group ? `${spec.info.group}/${spec.info.version}` : spec.info.version,
          metadata: { resourceVersion: String(api.store.revision()), annotations: { 'k8s.io/initial-events-end': 'true' } },
        };
        w.pending.push(JSON.stringify({ type: 'BOOKMARK', object: bookmark }) + '\n');
      }
    } else {
      // From a resourceVersion: what changed after it (history is not kept: deletions in between are lost).
      const from = Number(rv);
      for (const o of objs) if (Number.isFinite(from) && Number(o.metadata.resourceVersion) > from) w.event(api, 'MODIFIED', o);
    }
    for (const o of objs) w.seen.set(key(o), o);
    this.watchers.add(w);
    return w;
  }

  stop(w: Watcher): void {
    w.closed = true;
    this.watchers.delete(w);
  }

  /** Before a batch's commit: queue every watch's events (changed: resources written, null = all). */
  diff(api: ApiServer, changed: Set<string> | null): void {
    for (const w of this.watchers) {
      if (w.closed) continue;
      if (changed && !changed.has(w.resource)) continue;
      w.diff(api);
    }
  }

  /** After the commit: write the queued events. */
  flush(): void {
    for (const w of this.watchers) w.flush();
  }

  /** Ends every stream (shutdown). */
  closeAll(): void {
    for (const w of this.watchers) {
      w.flush();
      w.closed = true;
      w.res.end();
    }
    this.watchers.clear();
  }
}
