// kubectl label: add, change or remove labels (kubectl pkg/cmd/label/label.go).

import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { collect } from '../flags.js';
import { runMetadataVerb } from '../metadata-verb.js';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('label')
    .description('Update the labels on a resource')
    .argument('[args...]')
    .option('--overwrite', 'Allow labels to be overwritten')
    .option('--list', 'List the labels for a given resource')
    .option('--all', 'Select all resources, in the namespace of the specified resource types')
    .option('-A, --all-namespaces', 'Select resources across all namespaces')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on')
    .option('--field-selector <selector>', 'Selector (field query) to filter on')
    .option('-f, --filename <file>', 'Files identifying the resources to update', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('--resource-version <rv>', 'Only update if the resource version matches')
    .option('-o, --output <format>', 'Output format')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .option('--local', 'Set labels locally without contacting the server (not supported by kube-lite yet)')
    .action(async (args: string[], f: Record<string, unknown>) => {
      await runMetadataVerb('labels', args, f, ctx);
    });
}
