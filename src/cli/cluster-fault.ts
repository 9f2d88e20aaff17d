// `cluster fault crash|probe-fail|image-unpullable|clear|list`: workload faults for the simulated
// kubelet (src/sim/faults.ts holds them, src/sim/stages.ts acts on them). They act on the current
// context's cluster; pods are looked up in the namespace of -n or the context.

import type { Command } from 'commander';
import { CliError } from '../api/errors.js';
import type { ApiServer } from '../api/server.js';
import type { KObject } from '../api/types.js';
import { clearFaults, loadFaults, PROBE_KINDS, setImageFault, setPodFault, type ProbeKind } from '../sim/faults.js';
import { normalizedImage } from '../sim/images.js';
import { probeOf } from '../sim/probes.js';
import type { CommandContext } from './context.js';
import { getPod, podName } from './container/target.js';
import { intFlag } from './flags.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

/** The pod's container a fault is for: --container, else the first one. */
function targetContainer(pod: KObject, requested: string | undefined): Json {
  const containers: Json[] = pod['spec']?.containers ?? [];
  if (requested === undefined) return containers[0]!;
  const c = containers.find((x) => x.name === requested);
  if (!c) throw new CliError(`container "${requested}" not found in pod "${pod.metadata.name}"`);
  return c;
}

function exitCodeFlag(value: unknown): number {
  const n = intFlag('exit-code', value ?? '1')!;
  if (n < 0 || n > 255) throw new CliError(`invalid argument "${String(value)}" for "--exit-code" flag: must be between 0 and 255`);
  return n;
}

function probeFlag(value: unknown): ProbeKind {
  const v = String(value ?? 'liveness');
  if (!(PROBE_KINDS as readonly string[]).includes(v)) {
    throw new CliError(`invalid argument "${v}" for "--probe" flag: must be one of: ${PROBE_KINDS.join(', ')}`);
  }
  return v as ProbeKind;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function registerFaultCommands(cluster: Command, ctx: CommandContext): void {
  const fault = cluster.command('fault').description('Inject workload faults into the simulated cluster: crashes, failing probes, unpullable images');

  // Validated before the cluster is opened, so a bad flag changes nothing.
  const onPod = async (arg: string, fn: (api: ApiServer, pod: KObject) => string): Promise<void> => {
    const namespace = await ctx.namespace();
    const name = podName(arg);
    const line = await ctx.withApi((api) => fn(api, getPod(api, namespace, name)));
    ctx.out(line);
  };

  fault
    .command('crash')
    .description("Make a pod's container exit now and at every restart")
    .argument('<pod>')
    .option('-c, --container <name>', 'The container (default: the first)')
    .option('--exit-code <code>', 'The exit code (reason Error, or Completed for 0)', '1')
    .action(async (arg: string, f: Record<string, unknown>) => {
      const exitCode = exitCodeFlag(f['exitCode']);
      await onPod(arg, (api, pod) => {
        const c = targetContainer(pod, f['container'] as string | undefined);
        const ref = { namespace: pod.metadata.namespace!, pod: pod.metadata.name!, uid: pod.metadata.uid!, container: c.name };
        setPodFault(api.store, { kind: 'crash', ...ref, exitCode, since: api.now() });
        return `Fault "crash" set on pod ${ref.namespace}/${ref.pod} (container ${c.name}, exit code ${exitCode}).\n`;
      });
    });

  fault
    .command('probe-fail')
    .description("Make a pod's container's probe fail from now on")
    .argument('<pod>')
    .option('-c, --container <name>', 'The container (default: the first)')
    .option('--probe <kind>', 'liveness, readiness or startup', 'liveness')
    .action(async (arg: string, f: Record<string, unknown>) => {
      const probe = probeFlag(f['probe']);
      await onPod(arg, (api, pod) => {
        const c = targetContainer(pod, f['container'] as string | undefined);
        if (!probeOf(c, probe)) throw new CliError(`container "${c.name}" in pod "${pod.metadata.name}" has no ${probe} probe`);
        const ref = { namespace: pod.metadata.namespace!, pod: pod.metadata.name!, uid: pod.metadata.uid!, container: c.name };
        setPodFault(api.store, { kind: 'probe-fail', ...ref, probe, since: api.now() });
        return `Fault "probe-fail" set on pod ${ref.namespace}/${ref.pod} (container ${c.name}, ${probe} probe).\n`;
      });
    });

  fault
    .command('image-unpullable')
    .description('Make pulls of an image fail from now on')
    .argument('<image>')
    .action(async (image: string) => {
      if (image.trim() === '') throw new CliError('an image name is required');
      await ctx.withApi((api) => setImageFault(api.store, { image, normalized: normalizedImage(image), since: api.now() }));
      ctx.out(`Fault "image-unpullable" set on image ${image}.\n`);
    });

  fault
    .command('clear')
    .description('Remove every workload fault: probes pass, containers stop crashing, images pull again')
    .action(async () => {
      const n = await ctx.withApi((api) => clearFaults(api.store));
      ctx.out(n === 0 ? 'No faults were set.\n' : `Cleared ${plural(n, 'fault')}.\n`);
    });

  fault
    .command('list')
    .description('List the workload faults')
    .action(async () => {
      const f = await ctx.withApi((api) => loadFaults(api.store));
      const rows: string[][] = [
        ...f.pods.map((p) => [
          p.kind,
          `pod/${p.namespace}/${p.pod}`,
          p.kind === 'crash' ? `container ${p.container}, exit code ${p.exitCode ?? 1}` : `container ${p.container}, ${p.probe} probe`,
        ]),
        ...f.images.map((i) => ['image-unpullable', `image/${i.image}`, '']),
      ];
      if (rows.length === 0) {
        ctx.err('No faults were set.\n');
        return;
      }
      const table = [['FAULT', 'TARGET', 'DETAIL'], ...rows];
      const widths = [0, 1].map((i) => Math.max(...table.map((r) => r[i]!.length)));
      ctx.out(table.map((r) => `${r[0]!.padEnd(widths[0]! + 3)}${r[1]!.padEnd(widths[1]! + 3)}${r[2]}`.trimEnd() + '\n').join(''));
    });
}
