// `create job NAME --image=IMAGE [-- COMMAND [args...]]`, `create job NAME --from=cronjob/NAME` and
// `create cronjob NAME --image=IMAGE --schedule=SCHEDULE [--restart=POLICY] [-- COMMAND [args...]]`
// (kubectl create_job.go, create_cronjob.go), objects built in kubectl's struct order.

import type { Command } from 'commander';
import { CliError } from '../../api/errors.js';
import { findResource } from '../../api/registry.js';
import type { KObject } from '../../api/types.js';
import type { CommandContext } from '../context.js';

/** Helpers create.ts shares with its sub-commands. */
export interface CreateHelpers {
  withCommonFlags(cmd: Command): Command;
  create(ctx: CommandContext, resource: string, obj: KObject, f: Record<string, unknown>): Promise<void>;
}

function container(name: string, image: string, command: string[]): Record<string, unknown> {
  return { name, image, ...(command.length > 0 ? { command } : {}), resources: {} };
}

export function job(name: string, image: string, command: string[], namespace: string | undefined): KObject {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { template: { metadata: {}, spec: { containers: [container(name, image, command)], restartPolicy: 'Never' } } },
    status: {},
  };
}

/** createJobFromCronJob: the template's labels, its annotations plus instantiate=manual, an owner (not blocking). */
export function jobFromCronJob(name: string, cj: KObject, namespace: string | undefined): KObject {
  const template = cj['spec']?.jobTemplate ?? {};
  const tm = template.metadata ?? {};
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      ...(tm.labels ? { labels: { ...tm.labels } } : {}),
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tm.annotations ?? {}) },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name!, uid: cj.metadata.uid!, controller: true }],
    },
    spec: structuredClone(template.spec ?? {}),
    status: {},
  };
}

export function cronJob(name: string, image: string, schedule: string, restart: string, command: string[], namespace: string | undefined): KObject {
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: {
      schedule,
      jobTemplate: {
        metadata: { name },
        spec: { template: { metadata: {}, spec: { containers: [container(name, image, command)], restartPolicy: restart } } },
      },
    },
    status: {},
  };
}

const CRONJOB_REF = /^(cronjob|cronjobs|cj|cronjob\.batch|cronjobs\.batch)\/(.+)$/;

export function registerBatch(create: Command, ctx: CommandContext, h: CreateHelpers): void {
  h.withCommonFlags(create.command('job').argument('<name>').argument('[command...]'))
    .option('--image <image>', 'Image name to run.', '')
    .option('--from <resource>', 'The name of the resource to create a Job from (only cronjob is supported).', '')
    .action(async (name: string, command: string[], _o: unknown, cmd: Command) => {
      const f = cmd.optsWithGlobals();
      const image = String(f['image']);
      const from = String(f['from']);
      if ((image === '') === (from === '')) throw new CliError('either --image or --from must be specified');
      if (command.length > 0 && from !== '') throw new CliError('cannot specify --from and command');
      const ns = await ctx.namespace();
      const explicitNs = ctx.namespaceExplicit() ? ns : undefined;
      if (image !== '') {
        await h.create(ctx, 'jobs', job(name, image, command, explicitNs), f);
        return;
      }
      const m = CRONJOB_REF.exec(from);
      if (!m) throw new CliError(`from must be an existing cronjob: ${from}`);
      const cj = await ctx.withApi((api) => api.get(findResource('cronjobs')!, ns, m[2]!));
      await h.create(ctx, 'jobs', jobFromCronJob(name, cj, explicitNs), f);
    });

  h.withCommonFlags(create.command('cronjob').alias('cj').argument('<name>').argument('[command...]'))
    .option('--image <image>', 'Image name to run.')
    .option('--schedule <schedule>', 'A schedule in the Cron format the job should be run with.')
    .option('--restart <policy>', "job's restart policy. supported values: OnFailure, Never", 'OnFailure')
    .action(async (name: string, command: string[], _o: unknown, cmd: Command) => {
      const f = cmd.optsWithGlobals();
      const missing = ['image', 'schedule'].filter((k) => f[k] === undefined);
      if (missing.length > 0) throw new CliError(`required flag(s) ${missing.map((k) => `"${k}"`).join(', ')} not set`);
      const ns = await ctx.namespace();
      const obj = cronJob(name, String(f['image']), String(f['schedule']), String(f['restart']), command, ctx.namespaceExplicit() ? ns : undefined);
      await h.create(ctx, 'cronjobs', obj, f);
    });
}
