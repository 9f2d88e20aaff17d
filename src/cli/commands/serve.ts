// kube-lite serve: puts the current context's simulated cluster (or --context's) behind the
// Kubernetes HTTP API, so real kubectl, helm and client libraries work against it. Writes a
// kubeconfig for it, then serves until SIGINT/SIGTERM.

import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { stringify as toYaml } from 'yaml';
import { CliError } from '../../api/errors.js';
import { clusterExists } from '../../cluster/session.js';
import { clockFromEnv } from '../../sim/clock.js';
import type { CommandContext } from '../context.js';

interface ServeOptions {
  port: number;
  address: string;
  token?: string;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('serve')
    .description('Serve the cluster over the Kubernetes HTTP API (for real kubectl, helm, client libraries)')
    .option('--port <port>', 'Port to listen on (0 picks a free port)', '6443')
    .option('--address <address>', 'Address to listen on', '127.0.0.1')
    .option('--token <token>', 'Require this bearer token on every request')
    .action(async (f: Record<string, unknown>) => {
      const o = toOptions(f);
      await run(o, ctx);
    });
}

function toOptions(f: Record<string, unknown>): ServeOptions {
  const portText = String(f['port']);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new CliError(`invalid argument "${portText}" for "--port" flag: must be a port number 0-65535`);
  const token = f['token'] as string | undefined;
  if (token !== undefined && token === '') throw new CliError('--token must not be empty');
  return { port, address: String(f['address']), token };
}

/** The kubeconfig real kubectl uses for the served cluster. */
export function kubeconfigFor(cluster: string, server: string, token?: string): string {
  return toYaml({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: cluster, cluster: { server } }],
    contexts: [{ name: cluster, context: { cluster, namespace: 'default', user: cluster } }],
    'current-context': cluster,
    preferences: {},
    users: [{ name: cluster, user: token !== undefined ? { token } : {} }],
  });
}

async function run(o: ServeOptions, ctx: CommandContext): Promise<void> {
  const { clusterName } = await ctx.context();
  if (!clusterExists(ctx.home, clusterName)) {
    throw new CliError(`cluster "${clusterName}" does not exist (create it with: kube-lite cluster create ${clusterName})`);
  }
  const { startServer } = await import('../../server/index.js');
  const server = await startServer({
    se: ctx.sessionEnv(),
    clusterName,
    clock: clockFromEnv(ctx.io.env),
    port: o.port,
    address: o.address,
    token: o.token,
  });
  const host = o.address.includes(':') ? `[${o.address}]` : o.address;
  const url = `http://${host}:${server.port}`;
  const file = path.resolve(ctx.home, `kubeconfig-${clusterName}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, kubeconfigFor(clusterName, url, o.token), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  ctx.out(`Serving cluster "${clusterName}" at ${url}\n`);
  ctx.out(`Kubeconfig: ${file}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
}
