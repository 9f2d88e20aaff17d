// What every verb gets: the streams, the global flags, and a way to run against the cluster.

import type { ApiServer } from '../api/server.js';
import { kubeLiteHome } from '../cluster/config.js';
import { ClusterSession, resolveContext, type ResolvedContext, type SessionEnv } from '../cluster/session.js';
import type { IO } from './io.js';

export interface SessionOptions {
  /** false: no reconcile before or after (the verb reconciles itself, or must not). */
  reconcile?: boolean;
  /** The verb never writes: the validator and controllers are loaded only if a reconcile is due. */
  readOnly?: boolean;
}

export interface GlobalFlags {
  namespace?: string;
  context?: string;
}

export class CommandContext {
  readonly globals: GlobalFlags = {};
  private resolved?: ResolvedContext;
  private homeDir?: string;

  constructor(public io: IO) {}

  /**
   * Gives a context made ahead of its command (with the command tree a startup snapshot holds, see
   * src/cli/main.ts) the command's streams and environment.
   */
  bind(io: IO): void {
    this.io = io;
    this.homeDir = undefined;
    this.resolved = undefined;
    this.globals.namespace = this.globals.context = undefined;
  }

  get home(): string {
    this.homeDir ??= kubeLiteHome(this.io.env);
    return this.homeDir;
  }

  sessionEnv(): SessionEnv {
    return { home: this.home, env: this.io.env };
  }

  async context(): Promise<ResolvedContext> {
    this.resolved ??= await resolveContext(this.sessionEnv(), this.globals.context);
    return this.resolved;
  }

  /** The namespace a command works in: -n, else the context's, else "default". */
  async namespace(): Promise<string> {
    return this.globals.namespace || (await this.context()).namespace;
  }

  /** True when the user gave -n explicitly (kubectl's "enforceNamespace"). */
  namespaceExplicit(): boolean {
    return !!this.globals.namespace;
  }

  /**
   * Runs `fn` against the cluster in one locked transaction: reconcile first (time may have passed),
   * call the API, reconcile again, commit. An error drops every write of the transaction.
   */
  async withApi<T>(fn: (api: ApiServer) => T | Promise<T>, opts: SessionOptions = {}): Promise<T> {
    return this.withSession((s) => fn(s.api), opts);
  }

  /** Like withApi, with the session itself (for verbs that move the cluster clock). */
  async withSession<T>(fn: (session: ClusterSession) => T | Promise<T>, opts: SessionOptions = {}): Promise<T> {
    const { clusterName } = await this.context();
    const session = ClusterSession.open(this.sessionEnv(), clusterName);
    try {
      // A read-only command on a settled cluster needs neither validation nor controllers.
      if (!opts.readOnly || (opts.reconcile !== false && session.needsReconcile())) await session.loadMachinery();
      // Either reconcile is skipped when nothing can have changed (see reconcileIfNeeded).
      if (opts.reconcile !== false) session.reconcileIfNeeded();
      const result = await fn(session);
      if (opts.reconcile !== false) session.reconcileIfNeeded();
      await session.commit();
      return result;
    } catch (e) {
      session.abort();
      throw e;
    }
  }

  out(s: string): void {
    this.io.stdout(s);
  }

  err(s: string): void {
    this.io.stderr(s);
  }
}
