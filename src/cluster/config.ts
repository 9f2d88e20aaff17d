// kube-lite's own kubeconfig: clusters, contexts and the current context, kept in
// $KUBE_LITE_HOME/config.json. Reads parse the file directly (fast path on every command); writes go
// through `conf` (atomic writes), loaded only by the commands that change the config.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface NamedCluster {
  name: string;
  cluster: { server: string };
}
export interface NamedContext {
  name: string;
  context: { cluster: string; user: string; namespace?: string };
}
export interface KubeConfig {
  apiVersion: 'v1';
  kind: 'Config';
  clusters: NamedCluster[];
  contexts: NamedContext[];
  'current-context': string;
  users: { name: string; user: Record<string, never> }[];
}

export const DEFAULT_CLUSTER = 'kube-lite';

export function kubeLiteHome(env: Record<string, string | undefined>): string {
  return env['KUBE_LITE_HOME'] || path.join(env['HOME'] || os.homedir(), '.kube-lite');
}

export function clusterDir(home: string, name: string): string {
  return path.join(home, 'clusters', name);
}

const CONFIG_FILE = 'config.json';

export function emptyConfig(): KubeConfig {
  return { apiVersion: 'v1', kind: 'Config', clusters: [], contexts: [], 'current-context': '', users: [] };
}

export function readConfig(home: string): KubeConfig {
  const file = path.join(home, CONFIG_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return emptyConfig();
  }
  try {
    const c = JSON.parse(text) as KubeConfig;
    return { ...emptyConfig(), ...c };
  } catch (e) {
    throw new Error(`the kube-lite config ${file} is corrupt: ${(e as Error).message}`);
  }
}

export async function writeConfig(home: string, config: KubeConfig): Promise<void> {
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const { default: Conf } = await import('conf');
  const store = new Conf<Record<string, unknown>>({
    cwd: home,
    configName: 'config',
    projectName: 'kube-lite',
    clearInvalidConfig: false,
    configFileMode: 0o600,
  });
  store.store = config as unknown as Record<string, unknown>;
}

/** Adds (or replaces) a cluster with its same-named context and user. */
export function withCluster(config: KubeConfig, name: string, server: string): KubeConfig {
  const c = structuredClone(config);
  c.clusters = c.clusters.filter((x) => x.name !== name).concat({ name, cluster: { server } });
  if (!c.contexts.some((x) => x.name === name)) c.contexts.push({ name, context: { cluster: name, user: name } });
  if (!c.users.some((x) => x.name === name)) c.users.push({ name, user: {} });
  c.clusters.sort((a, b) => a.name.localeCompare(b.name));
  c.contexts.sort((a, b) => a.name.localeCompare(b.name));
  c.users.sort((a, b) => a.name.localeCompare(b.name));
  if (!c['current-context']) c['current-context'] = name;
  return c;
}

export function withoutCluster(config: KubeConfig, name: string): KubeConfig {
  const c = structuredClone(config);
  c.clusters = c.clusters.filter((x) => x.name !== name);
  c.contexts = c.contexts.filter((x) => x.context.cluster !== name);
  c.users = c.users.filter((x) => x.name !== name);
  if (!c.contexts.some((x) => x.name === c['current-context'])) c['current-context'] = '';
  return c;
}
