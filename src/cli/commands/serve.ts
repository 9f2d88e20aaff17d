// kube-lite serve: puts the current context's simulated cluster (or --context's) behind the
// Kubernetes HTTP API, so real kubectl, helm and client libraries work against it. Writes a
// kubeconfig for it, then serves until SIGINT/SIGTERM. With --token (or --tls) it serves HTTPS with a
// per-cluster self-signed CA (src/server/tls.ts): kubectl sends bearer tokens only over TLS.

import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { stringify as toYaml } from 'yaml';
import { CliError } from '../../api/errors.js';
import { clusterDir } from '../../cluster/config.js';
import { clusterExists } from '../../cluster/session.js';
import { clockFromEnv } from '../../sim/clock.js';
import type { CommandContext } from '../context.js';

interface ServeOptions {
  port: number;
  address: string;
  token?: string;
  tls: boolean;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('serve')
    .description('Serve the cluster over the Kubernetes HTTP API (for real kubectl, helm, client libraries)')
    .option('--port <port>', 'Port to listen on (0 picks a free port)', '6443')
    .option('--address <address>', 'Address to listen on', '127.0.0.1')
    .option('--token <token>', 'Require this bearer token on every request (implies --tls)')
    .option('--tls', 'Serve HTTPS with a self-signed certificate (kept in the cluster directory)', false)
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
  return { port, address: String(f['address']), token, tls: f['tls'] === true || token !== undefined };
}

/** The kubeconfig real kubectl uses for the served cluster; caPem: the CA to trust (for https). */
export function kubeconfigFor(cluster: string, server: string, token?: string, caPem?: string): string {
  return toYaml({
    apiVersion: 'v1',
    kind: 'Config',
    // Plain HTTP: kubectl needs nothing more, but some clients (@kubernetes/client-node) refuse an
    // http server unless the cluster entry says TLS is not checked.
    clusters: [
      {
        name: cluster,
        cluster: caPem !== undefined ? { 'certificate-authority-data': Buffer.from(caPem).toString('base64'), server } : { 'insecure-skip-tls-verify': true, server },
      },
    ],
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
  const clock = clockFromEnv(ctx.io.env);
  let tls: { caPem: string; certPem: string; keyPem: string } | undefined;
  if (o.tls) {
    const { serveTlsFor } = await import('../../server/tls.js');
    tls = serveTlsFor(clusterDir(ctx.home, clusterName), clock.now(), o.address);
  }
  const server = await startServer({
    se: ctx.sessionEnv(),
    clusterName,
    clock,
    port: o.port,
    address: o.address,
    token: o.token,
    tls: tls && { cert: tls.certPem, key: tls.keyPem },
  });
  const host = o.address.includes(':') ? `[${o.address}]` : o.address;
  const url = `${tls ? 'https' : 'http'}://${host}:${server.port}`;
  const file = path.resolve(ctx.home, `kubeconfig-${clusterName}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, kubeconfigFor(clusterName, url, o.token, tls?.caPem), { mode: 0o600 });
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
