// kube-lite's own verbs, which kubectl lacks: `cluster create|delete|list`, and the simulation's
// controls `cluster advance|node-down|node-up`.

import fs from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../../api/errors.js';
import { clusterDir, readConfig, withoutCluster, writeConfig } from '../../cluster/config.js';
import { clusterExists, createCluster } from '../../cluster/session.js';
import type { CommandContext } from '../context.js';
import { registerFaultCommands } from '../cluster-fault.js';
import { registerSimulationCommands } from '../cluster-sim.js';
import { registerTrafficCommands } from './cluster-request.js';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function register(program: Command, ctx: CommandContext): void {
  const cluster = program.command('cluster').description('Create, delete and list kube-lite clusters; move their clock; stop and start nodes; inject faults');

  cluster
    .command('create')
    .argument('<name>')
    .option('--nodes <n>', 'Number of nodes (one control-plane node, the rest workers)', '3')
    .option('--seed <seed>', 'Seed for generated names, IPs and ports (default: KUBE_LITE_SEED or random)')
    .option('--timing <profile>', 'instant or realistic', 'instant')
    .option('--load-balancer <mode>', 'pool (LoadBalancer Services get addresses from 172.18.255.200-250) or none (they stay pending)', 'pool')
    .action(async (name: string, f: Record<string, unknown>) => {
      if (!DNS1123_LABEL.test(name) || name.length > 63) {
        throw new CliError(`invalid cluster name "${name}": must be a lowercase RFC 1123 label`);
      }
      const nodes = Number(f['nodes']);
      if (!Number.isInteger(nodes) || nodes < 1) throw new CliError(`invalid argument "${String(f['nodes'])}" for "--nodes" flag: must be a positive integer`);
      const timing = String(f['timing']);
      if (timing !== 'instant' && timing !== 'realistic') throw new CliError(`invalid argument "${timing}" for "--timing" flag: must be "instant" or "realistic"`);
      const loadBalancer = String(f['loadBalancer']);
      if (loadBalancer !== 'pool' && loadBalancer !== 'none') throw new CliError(`invalid argument "${loadBalancer}" for "--load-balancer" flag: must be "pool" or "none"`);
      if (clusterExists(ctx.home, name)) throw new CliError(`cluster "${name}" already exists`);
      const se = ctx.sessionEnv();
      await createCluster(se, { name, nodes, seed: f['seed'] as string | undefined, timing, loadBalancer });
      const config = readConfig(ctx.home);
      config['current-context'] = name;
      await writeConfig(ctx.home, config);
      ctx.out(`Cluster "${name}" created with ${nodes} node${nodes === 1 ? '' : 's'}.\nSwitched to context "${name}".\n`);
    });

  cluster
    .command('delete')
    .argument('<name>')
    .action(async (name: string) => {
      if (!clusterExists(ctx.home, name)) throw new CliError(`cluster "${name}" does not exist`);
      fs.rmSync(clusterDir(ctx.home, name), { recursive: true, force: true });
      await writeConfig(ctx.home, withoutCluster(readConfig(ctx.home), name));
      ctx.out(`Deleted cluster "${name}".\n`);
    });

  cluster
    .command('list')
    .action(() => {
      const dir = `${ctx.home}/clusters`;
      const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => fs.existsSync(`${dir}/${n}/state.json`)).sort() : [];
      if (names.length === 0) ctx.err('No clusters found.\n');
      ctx.out(names.map((n) => `${n}\n`).join(''));
    });

  registerSimulationCommands(cluster, ctx);
  registerFaultCommands(cluster, ctx);
  registerTrafficCommands(cluster, ctx);
}
