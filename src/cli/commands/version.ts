// kubectl version. kube-lite emulates a v1.36.3 client talking to a v1.36.3 cluster; it has no
// kustomize, so it prints no Kustomize line.

import type { Command } from 'commander';
import { CliError } from '../../api/errors.js';
import { KUBERNETES_VERSION } from '../../cluster/bootstrap.js';
import { versionInfo } from '../../cluster/version.js';
import type { CommandContext } from '../context.js';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('version')
    .description('Print the client and server version information')
    .option('--client', 'If true, shows client version only (no server required)')
    .option('-o, --output <format>', 'One of yaml or json')
    .action(async (f: Record<string, unknown>) => {
      const output = f['output'] as string | undefined;
      if (output !== undefined && output !== 'yaml' && output !== 'json') {
        throw new CliError(`--output must be 'yaml' or 'json'`);
      }
      const client = !!f['client'];
      if (!client) await ctx.withApi(() => undefined, { reconcile: false, readOnly: true });
      if (output) {
        const data: Record<string, unknown> = { clientVersion: versionInfo() };
        if (!client) data['serverVersion'] = versionInfo();
        if (output === 'json') {
          const { toJson } = await import('../../printers/json.js');
          ctx.out(toJson(data, { sortKeys: false, indent: '  ' }));
        } else {
          const { toYaml } = await import('../../printers/yaml.js');
          ctx.out(toYaml(data));
        }
        return;
      }
      ctx.out(`Client Version: ${KUBERNETES_VERSION}\n`);
      if (!client) ctx.out(`Server Version: ${KUBERNETES_VERSION}\n`);
    });
}
