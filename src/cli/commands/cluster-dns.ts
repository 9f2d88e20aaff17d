// `kube-lite cluster dns NAME [--from pod/NAME]`: resolves a name as CoreDNS answers a pod (search path
// of the pod's namespace, or of -n), printed as nslookup prints it. Not found: nslookup's
// `** server can't find NAME: NXDOMAIN` on stderr, exit 1.

import type { Command } from 'commander';
import { CliError, RawError } from '../../api/errors.js';
import { findResource } from '../../api/registry.js';
import { DNS_SERVER, resolve, type Answer } from '../../sim/traffic/dns.js';
import type { CommandContext } from '../context.js';

export function registerDns(cluster: Command, ctx: CommandContext): void {
  cluster
    .command('dns')
    .description('Resolve a cluster DNS name as CoreDNS would for a pod (nslookup-like output)')
    .argument('<name>', 'web, web.default, web.default.svc.cluster.local, 10-244-1-5.default.pod.cluster.local, …')
    .option('--from <pod>', 'pod/NAME: resolve with that pod\'s search path (its namespace)')
    .action(async (name: string, f: Record<string, unknown>) => {
      const ns = await ctx.namespace();
      const from = f['from'] as string | undefined;
      const [kind, podName] = (from ?? '').split('/');
      if (from !== undefined && (!podName || !['pod', 'pods', 'po'].includes(kind!))) throw new CliError(`invalid --from "${from}": use pod/NAME`);
      const answer = await ctx.withApi((api) => {
        const list = (r: string) => api.list(findResource(r)!);
        // The pod's resolv.conf searches its own namespace.
        const searchNs = podName ? api.get(findResource('pods')!, ns, podName).metadata.namespace! : ns;
        const world = { services: list('services'), endpointSlices: list('endpointslices'), pods: list('pods'), namespaces: list('namespaces').map((n) => n.metadata.name!) };
        return resolve(world, name, searchNs);
      }, { readOnly: true });
      ctx.out(formatAnswer(answer));
      if (answer.kind === 'NXDOMAIN') throw new RawError(`** server can't find ${name}: NXDOMAIN`, 1);
      if (answer.kind === 'NODATA') throw new RawError(`*** Can't find ${name}: No answer`, 1);
    });
}

export function formatAnswer(a: Answer): string {
  let s = `Server:\t\t${DNS_SERVER}\nAddress:\t${DNS_SERVER}#53\n\n`;
  if (a.kind === 'A') s += a.addresses.map((ip) => `Name:\t${a.name}\nAddress: ${ip}\n`).join('');
  if (a.kind === 'CNAME') s += `${a.name}\tcanonical name = ${a.target}.\n`;
  return s;
}
