// kubectl api-resources: the served resources in discovery order (kubectl pkg/cmd/apiresources).

import type { Command } from 'commander';
import { CliError } from '../../api/errors.js';
import { groupVersion, RESOURCES, type ResourceInfo } from '../../api/registry.js';
import { GET_TABWRITER, tabwrite } from '../../printers/tabwriter.js';
import type { CommandContext } from '../context.js';
import { collect } from '../flags.js';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('api-resources')
    .description('Print the supported API resources on the server')
    .option('-o, --output <format>', 'Output format. One of: wide|name')
    .option('--namespaced [bool]', 'If false, non-namespaced resources will be returned')
    .option('--api-group <group>', 'Limit to resources in the specified API group')
    .option('--no-headers', "When using the default or custom-column output format, don't print headers")
    .option('--sort-by <field>', "If non-empty, sort list of resources using specified field. One of 'name' or 'kind'")
    .option('--verbs <verbs>', 'Limit to resources that support the specified verbs', collect, [])
    .option('--cached', 'Use the cached list of resources if available')
    .action((f: Record<string, unknown>) => {
      const output = f['output'] as string | undefined;
      if (output !== undefined && output !== 'wide' && output !== 'name') {
        throw new CliError(`--output ${output} is not available`);
      }
      let items: ResourceInfo[] = [...RESOURCES];
      const namespaced = f['namespaced'] === true ? 'true' : (f['namespaced'] as string | undefined);
      if (namespaced !== undefined) items = items.filter((r) => r.namespaced === (namespaced === 'true'));
      const group = f['apiGroup'] as string | undefined;
      if (group !== undefined) items = items.filter((r) => r.group === group);
      const verbs = (f['verbs'] as string[]).flatMap((v) => v.split(','));
      if (verbs.length) items = items.filter((r) => verbs.every((v) => r.verbs.includes(v)));
      const sortBy = f['sortBy'] as string | undefined;
      if (sortBy !== undefined && sortBy !== 'name' && sortBy !== 'kind') {
        throw new CliError(`--sort-by accepts only name or kind`);
      }
      // Stable sort: by group unless another field was asked for.
      const key = (r: ResourceInfo) => (sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group);
      items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      if (output === 'name') {
        ctx.out(items.map((r) => (r.group ? `${r.resource}.${r.group}\n` : `${r.resource}\n`)).join(''));
        return;
      }
      const wide = output === 'wide';
      const lines: string[] = [];
      if (f['headers'] !== false) {
        lines.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t'));
      }
      for (const r of items) {
        const cells = [r.resource, r.shortNames.join(','), groupVersion(r), String(r.namespaced), r.kind];
        if (wide) cells.push(r.verbs.join(','), r.categories.join(','));
        lines.push(cells.join('\t'));
      }
      ctx.out(tabwrite(lines.map((l) => l + '\n').join(''), GET_TABWRITER));
    });
}
