// Commands run while a startup snapshot is built (src/entry.ts), on a throwaway cluster, so that the
// code they reach is compiled in the snapshot: V8 compiles a function when it first runs, and a
// writing command's first run cost ~30 ms more than its second. Everything goes through the
// command's IO (a temporary home, a fixed clock and seed, output dropped): nothing of the machine
// that builds the snapshot is kept but compiled code.

import fs from 'node:fs';
import path from 'node:path';
import { createClusterState } from '../cluster/session.js';
import { emptyConfig, withCluster } from '../cluster/config.js';
import type { IO } from './io.js';
import { main } from './main.js';

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  mode: warm
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`;

/** Commands that write, then ones that only read (a read-only snapshot runs the latter alone). */
const WRITES = [
  ['apply', '-f', 'web.yaml'],
  ['apply', '-f', 'web.yaml'],
  ['set', 'image', 'deployment/web', 'nginx=nginx:1.16.1'],
  ['rollout', 'status', 'deployment/web'],
  ['rollout', 'history', 'deployment/web'],
  ['rollout', 'undo', 'deployment/web'],
  ['scale', 'deployment/web', '--replicas=3'],
  ['label', 'deployment', 'web', 'tier=front'],
  ['create', 'deployment', 'other', '--image=nginx'],
  ['delete', 'deployment', 'other'],
];
const READS = [
  ['get', 'pods'],
  ['get', 'pods', '-o', 'wide'],
  ['get', 'deploy,svc'],
  ['get', 'deploy', 'web', '-o', 'yaml'],
  ['get', 'pods', '-o', 'json'],
  ['get', 'pods', '-o', 'name'],
  ['describe', 'deployment', 'web'],
  ['describe', 'pods'],
];

/**
 * Runs the commands of `verbs` (all when undefined) in `home`, making the cluster there first if it
 * is not made yet (a read-only snapshot's build reuses the one the full build made).
 */
export async function warmUpCommands(home: string, verbs?: ReadonlySet<string>): Promise<void> {
  const io: IO = {
    stdout: () => {},
    stderr: () => {},
    readStdin: () => '',
    env: { KUBE_LITE_HOME: home, KUBE_LITE_SEED: '1', KUBE_LITE_NOW: '2026-01-01T00:00:00Z', TZ: 'UTC' },
    cwd: home,
  };
  const config = path.join(home, 'config.json');
  if (!fs.existsSync(config)) {
    if (verbs) return; // the writing commands' build makes the cluster
    const dir = await createClusterState({ home, env: io.env }, { name: 'warm', nodes: 2, seed: '1' });
    fs.writeFileSync(config, JSON.stringify(withCluster(emptyConfig(), 'warm', `file://${dir}`)));
    fs.writeFileSync(path.join(home, 'web.yaml'), MANIFEST);
  }
  for (const argv of [...(verbs ? [] : WRITES), ...READS]) {
    if (!verbs || verbs.has(argv[0]!)) await main(argv, io);
  }
}
