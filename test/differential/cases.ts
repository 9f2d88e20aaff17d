// The differential corpus: groups of commands, each run on two identical fresh clusters (kube-lite's CLI
// on one, real kubectl against `kube-lite serve` on the other) and compared byte for byte.
//
// A group = setup commands (kube-lite's CLI on both clusters) + an ordered list of cases. Read-only cases
// share one served cluster; mutating cases run in the same order on both sides, so the two clusters go
// through the same sequence of states (a difference in an early mutation may cascade into later cases of
// its group — the report lists the first one first). `config` and `cluster` (kube-lite-only or
// kubeconfig-dependent) are left out on purpose.

import fs from 'node:fs';
import path from 'node:path';
import { normalizeDescribeAges, normalizeDiff, REPO_ROOT, serverVersionOnly, SHARED_CORPUS, type Cmd } from './harness.js';

export interface Case extends Cmd {
  /** Applied to both sides' stdout and stderr before comparing (only for legitimate differences). */
  normalize?: (s: string) => string;
  /** Why this case normalises (shown in the report). */
  note?: string;
}

export interface Group {
  name: string;
  setup: Cmd[];
  cases: Case[];
}

/** Shell-like word splitting: spaces separate, '…' and "…" quote (no escapes inside '…'). */
export function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in: ${line}`);
      cur += line.slice(i + 1, end);
      i = end;
      has = true;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length) j++;
        cur += line[j];
      }
      if (j >= line.length) throw new Error(`unterminated " in: ${line}`);
      i = j;
      has = true;
    } else if (ch === ' ') {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

const describeNote = { normalize: normalizeDescribeAges, note: 'Age cells kubectl computes from its own wall clock (Events, Non-terminated Pods)' };

/** A command from a shell-like line. `describe` gets its client-side ages normalised. */
export function k(line: string, extra: Omit<Case, 'argv'> = {}): Case {
  const argv = words(line);
  if (argv[0] === 'describe' && !extra.normalize) return { argv, ...describeNote, ...extra };
  return { argv, ...extra };
}

const FX = 'test/scenarios/fixtures';
const MAN = 'manifests';
/** Corpus paths as the commands see them: relative to the repository root (the commands' cwd). */
const CORPUS = path.relative(REPO_ROOT, SHARED_CORPUS);
const corpus = (p: string): string => `${CORPUS}/${p}`;

const diffNote = { normalize: normalizeDiff, note: 'temporary directory names and mtimes in diff headers' };
const versionNote = { normalize: serverVersionOnly, note: 'client version lines are each program’s own' };

/** Corpus files applied in sequence (every 8th file of the sorted corpus, plus the broken ones). */
function corpusSample(): string[] {
  const all: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(path.join(SHARED_CORPUS, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else if (/\.(ya?ml|json)$/.test(e.name)) all.push(rel);
    }
  };
  if (!fs.existsSync(SHARED_CORPUS)) return [];
  walk('');
  const picked = all.filter((_, i) => i % 8 === 0);
  for (const broken of [
    'kubernetes-website/controllers/job-pod-failure-policy-ignore.yaml',
    'kubernetes-website/controllers/job-success-policy-example.yaml',
    'kubernetes-website/pods/inject/envars-file-container.yaml',
    'kubernetes-website/pods/inject/pod-single-secret-env-variable.yaml',
    'kubernetes-website/secret/serviceaccount/mysecretname.yaml',
    'kubernetes-website/service/networking/example-ingress.yaml',
    'kubernetes-examples/_archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml',
  ])
    if (all.includes(broken) && !picked.includes(broken)) picked.push(broken);
  return picked;
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export function groups(): Group[] {
  const gs: Group[] = [];

  // ---- 1. read-only: every output format and most kinds, over the project's own manifests ----------
  gs.push({
    name: 'read-only/manifests',
    setup: [
      k(`apply -f ${MAN}/nginx-deployment.yaml`),
      k(`apply -f ${MAN}/nginx-service.yaml`),
      k(`apply -f ${MAN}/kubia-pod.yaml`),
      k(`apply -f ${MAN}/dev-namespace.yaml`),
    ],
    cases: [
      k('get pods'),
      k('get pods -o wide'),
      k('get pod kubia-manual'),
      k('get pod kubia-manual -o yaml'),
      k('get pod kubia-manual -o json'),
      k('get pods -o yaml'),
      k('get pods -o name'),
      k("get pods -o jsonpath='{.items[*].metadata.name}'"),
      k("get pods -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.podIP}{\"\\t\"}{.spec.nodeName}{\"\\n\"}{end}'"),
      k('get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IP:.status.podIP'),
      k(`get pods -o custom-columns-file=${FX}/cols.txt`),
      k('get pods --show-labels'),
      k('get pods -L app'),
      k('get pods -L app,pod-template-hash'),
      k('get pods -l app=nginx'),
      k("get pods -l 'app!=nginx'"),
      k("get pods -l 'app in (nginx,kubia)'"),
      k('get pods -l app=nope'),
      k('get pods --field-selector status.phase=Running'),
      k('get pods --field-selector spec.nodeName=kube-lite-worker'),
      k('get pods --field-selector metadata.name=kubia-manual'),
      k('get pods --field-selector foo=bar'),
      k('get pods --sort-by=.metadata.name'),
      k('get pods --sort-by=.spec.nodeName'),
      k('get pods --sort-by=.status.podIP -o wide'),
      k('get pods --no-headers'),
      k('get pods -o wide --no-headers'),
      k('get pods --show-kind'),
      k('get pods -A'),
      k('get pods -A -o wide'),
      k('get pods --all-namespaces --show-labels'),
      k('get deploy'),
      k('get deployments -o wide'),
      k('get deployment nginx-deployment -o yaml'),
      k('get deploy nginx-deployment -o json'),
      k("get deploy nginx-deployment -o jsonpath='{.spec.replicas}'"),
      k("get deploy nginx-deployment -o jsonpath='{.status}'"),
      k('get deploy -o custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[0].image,READY:.status.readyReplicas'),
      k('get rs'),
      k('get rs -o wide'),
      k('get rs -o yaml'),
      k('get svc'),
      k('get svc -o wide'),
      k('get svc nginx -o yaml'),
      k('get svc kubernetes -o json'),
      k('get endpoints'),
      k('get endpoints nginx -o yaml'),
      k('get endpointslices'),
      k('get ns'),
      k('get ns --show-labels'),
      k('get namespace dev -o yaml'),
      k('get nodes'),
      k('get nodes -o wide'),
      k('get nodes --show-labels'),
      k('get node kube-lite-worker -o yaml'),
      k('get cm -A'),
      k('get configmaps -n dev'),
      k('get cm app-config -n dev -o yaml'),
      k('get secrets -n dev'),
      k('get secret app-secret -n dev -o json'),
      k('get sa -A'),
      k('get serviceaccount default -o yaml'),
      k('get events'),
      k('get events -A'),
      k('get ev --sort-by=.metadata.name'),
      k('get storageclass'),
      k('get ingressclass'),
      k('get deploy,svc'),
      k('get deploy,svc,rs -o name'),
      k('get deploy/nginx-deployment svc/nginx'),
      k('get all'),
      k('get all -A'),
      k('get all -o name'),
      k('get all -n dev'),
      k('get pods -n dev'),
      k('get pods -n nope'),
      k('get pod nope'),
      k('get deploy nope'),
      k('get pods nope kubia-manual'),
      k('get pod nope --ignore-not-found'),
      k('get foo'),
      k('get pods -o bogus'),
      k('get pods --bogus-flag'),
      k("get pods -o jsonpath='{.items[0].metadata.bogus}'"),
      k('get -f manifests/nginx-service.yaml'),
      k('get -f manifests/nginx-deployment.yaml -o name'),
      k('describe pod kubia-manual'),
      k('describe pods'),
      k('describe pods -l app=nginx'),
      k('describe deploy nginx-deployment'),
      k('describe deployments'),
      k('describe rs'),
      k('describe svc nginx'),
      k('describe service kubernetes'),
      k('describe endpoints nginx'),
      k('describe node kube-lite-worker'),
      k('describe node kube-lite-control-plane'),
      k('describe ns dev'),
      k('describe namespace default'),
      k('describe sa default'),
      k('describe cm kube-root-ca.crt'),
      k('describe cm app-config -n dev'),
      k('describe secret app-secret -n dev'),
      k('describe storageclass standard'),
      k('describe -f manifests/nginx-service.yaml'),
      k('describe pod nope'),
      k('describe foo bar'),
      k('logs kubia-manual'),
      k('logs kubia-manual --tail=1'),
      k('logs deploy/nginx-deployment'),
      k('logs nope'),
      k('api-resources'),
      k('api-resources --namespaced=false'),
      k('api-resources -o wide'),
      k('api-resources -o name'),
      k('api-resources --api-group=apps'),
      k('api-resources --verbs=list --namespaced -o name'),
      k('api-versions'),
      k('explain pods'),
      k('explain deployment.spec.replicas'),
      k('explain deployment.spec.strategy --recursive'),
      k('explain svc.spec.type'),
      k('explain configmaps'),
      k('explain foo'),
      k('explain pods.spec.bogus'),
      k('version', versionNote),
      k('diff -f manifests/nginx-deployment.yaml', diffNote),
    ],
  });

  // ---- 2. create generators (mutating, in order) ---------------------------------------------------
  gs.push({
    name: 'create/generators',
    setup: [k('get ns -o name')],
    cases: [
      k('create deployment web --image=nginx:1.25 --replicas=2'),
      k('create deployment web --image=nginx'),
      k('create deployment multi --image=nginx --image=busybox --port=80'),
      k('create deployment dry --image=nginx --dry-run=client -o yaml'),
      k('create deployment sdry --image=nginx --dry-run=server -o yaml'),
      k('create service clusterip web --tcp=80:80'),
      k('create service nodeport np --tcp=80:8080'),
      k('create service loadbalancer lb --tcp=443:8443'),
      k('create service externalname ext --external-name=example.com'),
      k('create service clusterip headless --clusterip=None'),
      k('create configmap cfg --from-literal=a=1 --from-literal=b=two'),
      k(`create configmap files --from-file=${FX}/secrets/config-dir`),
      k(`create configmap envs --from-env-file=${FX}/secrets/app.env`),
      k('create configmap cfg --from-literal=a=2'),
      k('create secret generic s1 --from-literal=password=hunter2'),
      k(`create secret generic bin --from-file=${FX}/secrets/logo.bin`),
      k(`create secret tls tls1 --cert=${FX}/secrets/tls.crt --key=${FX}/secrets/tls.key`),
      k(`create secret docker-registry reg --docker-server=r.example.com --docker-username=u --docker-password=p`),
      k('create namespace team'),
      k('create namespace team'),
      k('create ns Bad_Name'),
      k("create job pi --image=perl:5.34.0 -- perl -e 'print 1'"),
      k("create cronjob cj --image=busybox --schedule='*/5 * * * *' -- echo hi"),
      k('create job from-cj --from=cronjob/cj'),
      k('create serviceaccount bot'),
      k('create deployment inns --image=nginx -n team'),
      k('create deployment badns --image=nginx -n missing'),
      k('create deployment noimage'),
      k('get all'),
      k('get deploy,svc,cm,secret,sa -o wide'),
      k('get jobs,cronjobs'),
      k('get jobs -o wide'),
      k('get cronjobs -o wide'),
      k('get secrets'),
      k('get ns'),
      k('get cm cfg -o yaml'),
      k('get secret s1 -o json'),
      k('get secret tls1 -o yaml'),
      k('get svc lb -o yaml'),
      k('get deploy web -o yaml'),
      k('describe job pi'),
      k('describe cronjob cj'),
      k('describe cm cfg'),
      k('describe secret s1'),
      k('describe svc np'),
      k('describe svc ext'),
      k('describe deploy multi'),
    ],
  });

  // ---- 3. apply / create -f / replace lifecycle -----------------------------------------------------
  gs.push({
    name: 'apply/lifecycle',
    setup: [k('get ns -o name')],
    cases: [
      k(`apply -f ${FX}/deployment/web.yaml`),
      k(`apply -f ${FX}/deployment/web.yaml`),
      k(`apply -f ${FX}/deployment/web-v2.yaml`),
      k(`apply -f ${FX}/deployment/web-v2.yaml --dry-run=server`),
      k(`apply -f ${FX}/deployment/web.yaml --dry-run=client`),
      k(`apply -f ${FX}/deployment/web.yaml --dry-run=server -o yaml`),
      k(`apply -f ${FX}/config`),
      k(`apply -f ${FX}/config`),
      k(`create -f ${FX}/deployment/web.yaml`),
      k(`create -f ${FX}/replicaset.yaml`),
      k(`create -f ${FX}/replicaset.yaml`),
      k(`create -f ${FX}/orphan-pod.yaml -o name`),
      k(`apply -f ${FX}/endpoints/web.yaml`),
      k(`apply -f ${FX}/endpoints/clusterip-out-of-range.yaml`),
      k(`apply -f ${FX}/endpoints/nodeport-taken.yaml`),
      k('apply -f nope.yaml'),
      k(`apply -f ${corpus('kubernetes-website/pods/inject/envars-file-container.yaml')}`),
      k(`apply -f ${corpus('kubernetes-website/pods/inject/pod-single-secret-env-variable.yaml')}`),
      k(`apply -f ${corpus('kubernetes-website/secret/serviceaccount/mysecretname.yaml')}`),
      k(`apply -f ${corpus('kubernetes-website/controllers/job-success-policy-example.yaml')}`),
      k('apply -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-stdin\ndata:\n  k: v\n' }),
      k('apply -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad-field\nspec:\n  x: 1\n' }),
      k('apply -f -', { stdin: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nosel\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: nginx\n' }),
      k('apply -f -', { stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: BadName\nspec:\n  containers:\n  - name: c\n    image: nginx\n' }),
      k('apply -f -', { stdin: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: badport\nspec:\n  ports:\n  - port: 70000\n' }),
      k('apply -f -', { stdin: 'apiVersion: v9\nkind: Pod\nmetadata:\n  name: x\n' }),
      k('apply -f -', { stdin: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"json-cm"},"data":{"a":"b"}}' }),
      k(`replace -f ${FX}/deployment/web.yaml`),
      k(`apply -f ${FX}/deployment/web.yaml -o yaml`),
      k(`apply -f ${FX}/deployment/web.yaml -o name`),
      k('get all'),
      k('get cm'),
      k('get deploy web -o yaml'),
      k('rollout history deployment/web'),
      k(`get -f ${FX}/config`),
      k(`delete -f ${FX}/config`),
      k(`delete -f ${FX}/config`),
      k(`delete -f ${FX}/config --ignore-not-found`),
    ],
  });

  // ---- 4. rollout / set image / scale ---------------------------------------------------------------
  gs.push({
    name: 'rollout',
    setup: [k(`apply -f ${FX}/deployment/web.yaml`)],
    cases: [
      k('rollout status deployment/web --timeout=10s'),
      k('set image deployment/web nginx=nginx:1.27'),
      k('rollout status deploy/web --timeout=10s'),
      k('rollout history deployment/web'),
      k('rollout history deployment/web --revision=2'),
      k('get rs'),
      k('get rs -o wide'),
      k('describe deploy web'),
      k('set image deployment/web nope=nginx:1.27'),
      k('set image deployment/nope nginx=nginx:1.27'),
      k('set image deployment/web nginx=nginx:1.27'),
      k('rollout undo deployment/web'),
      k('rollout history deployment/web'),
      k('rollout undo deployment/web --to-revision=9'),
      k('rollout undo deployment/web --dry-run=server'),
      k('rollout status deployment/web --timeout=10s'),
      k('rollout pause deployment/web'),
      k('rollout pause deployment/web'),
      k('rollout resume deployment/web'),
      k('rollout status deployment/nope'),
      k('rollout history deploy/web -o yaml'),
      k('scale deployment web --replicas=5'),
      k('get pods'),
      k('scale deploy/web --replicas=1'),
      k('scale deployment web --current-replicas=3 --replicas=2'),
      k('scale deployment nope --replicas=2'),
      k('scale deployment web --replicas=-1'),
      k(`scale --replicas=2 -f ${FX}/deployment/web.yaml`),
      k('get deploy web -o wide'),
      k('get pods -o wide'),
      k('describe rs'),
      k('get events --sort-by=.metadata.name'),
      // Last: kubectl stamps kubectl.kubernetes.io/restartedAt from its own wall clock, kube-lite from the
      // cluster's (pinned) clock, so the pod template — and every generated name after it — differs.
      k('rollout restart deployment/web'),
    ],
  });

  // ---- 5. label / annotate / patch -------------------------------------------------------------------
  gs.push({
    name: 'metadata/patch',
    setup: [k(`apply -f ${MAN}/nginx-deployment.yaml`), k(`apply -f ${MAN}/kubia-pod.yaml`), k(`apply -f ${MAN}/nginx-service.yaml`)],
    cases: [
      k('label pod kubia-manual tier=fe'),
      k('label pod kubia-manual tier=be'),
      k('label pod kubia-manual tier=be --overwrite'),
      k('label pod kubia-manual tier-'),
      k('label pod kubia-manual tier-'),
      k('label pods --all x=y'),
      k('label pods -l app=nginx x=z --overwrite'),
      k('label node kube-lite-worker disk=ssd'),
      k('label pod nope a=b'),
      k('label pod kubia-manual Bad/Key/x=1'),
      k('label deploy nginx-deployment env=prod --dry-run=server -o yaml'),
      k('label deploy nginx-deployment env=prod -o name'),
      k('annotate deploy nginx-deployment note=hello'),
      k('annotate deploy nginx-deployment note=again'),
      k('annotate deploy nginx-deployment note=again --overwrite'),
      k('annotate deploy nginx-deployment note-'),
      k('annotate svc nginx a=1 b=2'),
      k('annotate pods --all checked=true'),
      k('get pods --show-labels'),
      k('get nodes -L disk'),
      k('get deploy nginx-deployment -o yaml'),
      k(`patch deploy nginx-deployment -p '{"spec":{"replicas":2}}'`),
      k(`patch deploy nginx-deployment -p '{"spec":{"replicas":2}}'`),
      k(`patch deploy nginx-deployment --type=merge -p '{"metadata":{"labels":{"patched":"yes"}}}'`),
      k(`patch deploy nginx-deployment --type=json -p '[{"op":"replace","path":"/spec/replicas","value":4}]'`),
      k(`patch deploy nginx-deployment --type=json -p '[{"op":"remove","path":"/spec/nope"}]'`),
      k(`patch deploy nginx-deployment -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}'`),
      k(`patch svc nginx -p '{"spec":{"type":"NodePort"}}'`),
      k(`patch svc nginx --type=merge -p '{"spec":{"ports":[{"port":8080,"targetPort":80}]}}'`),
      k(`patch pod kubia-manual -p '{"spec":{"containers":[{"name":"kubia","image":"other"}]}}'`),
      k(`patch deploy nginx-deployment -p 'not json'`),
      k(`patch deploy nope -p '{"spec":{"replicas":1}}'`),
      k(`patch deploy nginx-deployment -p '{"spec":{"replicas":"x"}}'`),
      k(`patch deploy nginx-deployment --type=merge -p '{"spec":{"replicas":3}}' -o yaml`),
      k(`patch deploy nginx-deployment -p '{"spec":{"replicas":3}}' --dry-run=server -o name`),
      k('get deploy -o wide'),
      k('get svc -o wide'),
      k('get pods -o wide'),
      k('describe svc nginx'),
      k('get rs'),
    ],
  });

  // ---- 6. run / expose / wait / diff ----------------------------------------------------------------
  gs.push({
    name: 'run/expose/wait/diff',
    setup: [k(`apply -f ${FX}/deployment/web.yaml`)],
    cases: [
      k('run nginx --image=nginx'),
      k('run nginx --image=nginx'),
      k('run labelled --image=nginx:1.25 --labels=app=lab,tier=fe --port=80 --env=A=1'),
      k("run once --image=busybox --restart=Never -- sh -c 'echo hi'"),
      k('run dry --image=nginx --dry-run=client -o yaml'),
      k('run sdry --image=nginx --dry-run=server -o json'),
      k('run bad --image='),
      k('expose deploy web --port=80'),
      k('expose deploy web --port=80'),
      k('expose deploy web --port=8080 --target-port=80 --name=web-np --type=NodePort'),
      k('expose pod labelled --port=80 --name=lab'),
      k('expose pod nginx --port=80'),
      k('expose deploy nope --port=80'),
      k('expose deploy web --port=80 --name=web-dry --dry-run=client -o yaml'),
      k('get svc'),
      k('get svc -o wide'),
      k('get endpoints'),
      k('describe svc web-np'),
      k('describe pod once'),
      k('get pods -o wide'),
      k(`diff -f ${FX}/deployment/web.yaml`, diffNote),
      k(`diff -f ${FX}/deployment/web-v2.yaml`, diffNote),
      k(`diff -f ${FX}/replicaset.yaml`, diffNote),
      k('diff -f nope.yaml', diffNote),
      k('wait --for=condition=Available deployment/web --timeout=10s'),
      k('wait --for=condition=Ready pod -l app=web --timeout=10s'),
      k("wait --for=jsonpath='{.status.readyReplicas}'=3 deployment/web --timeout=10s"),
      k('wait --for=delete pod/nope --timeout=2s'),
      // Last: a wait that times out lets the simulated clock run on kube-lite's side.
      k('wait --for=condition=Ready pod/nope --timeout=2s'),
      k('wait --for=condition=Complete pod/once --timeout=1s'),
    ],
  });

  // ---- 7. nodes: cordon / drain ---------------------------------------------------------------------
  gs.push({
    name: 'nodes',
    setup: [k(`apply -f ${FX}/deployment/web.yaml`), k(`apply -f ${FX}/daemonset/node-agent.yaml`), k(`apply -f ${MAN}/kubia-pod.yaml`)],
    cases: [
      k('get pods -o wide'),
      k('cordon kube-lite-worker'),
      k('cordon kube-lite-worker'),
      k('get nodes'),
      k('describe node kube-lite-worker'),
      k('uncordon kube-lite-worker'),
      k('cordon nope'),
      k('cordon kube-lite-worker2 --dry-run=server'),
      k('drain kube-lite-worker'),
      k('drain kube-lite-worker --ignore-daemonsets'),
      k('drain kube-lite-worker --ignore-daemonsets --force'),
      k('get pods -o wide'),
      k('get nodes'),
      k('uncordon kube-lite-worker'),
      k('get nodes -o wide'),
      k('get ds -o wide'),
    ],
  });

  // ---- 8. delete -------------------------------------------------------------------------------------
  gs.push({
    name: 'delete',
    setup: [
      k(`apply -f ${MAN}/nginx-deployment.yaml`),
      k(`apply -f ${MAN}/nginx-service.yaml`),
      k(`apply -f ${MAN}/kubia-pod.yaml`),
      k(`apply -f ${MAN}/dev-namespace.yaml`),
      k(`apply -f ${FX}/deployment/web.yaml`),
    ],
    cases: [
      k('delete pod kubia-manual'),
      k('delete pod kubia-manual'),
      k('delete pod kubia-manual --ignore-not-found'),
      k(`delete -f ${MAN}/nginx-service.yaml`),
      k('delete deploy -l app=web'),
      k('delete deploy nginx-deployment --dry-run=server'),
      k('delete deploy nginx-deployment --dry-run=client'),
      k('delete pods --all'),
      k('get pods'),
      k('delete cm --all -n dev'),
      k('delete deployment,svc --all'),
      k('delete foo bar'),
      k('delete pods'),
      k('delete ns dev'),
      k('get ns'),
      k('get all'),
      k('get all -A'),
    ],
  });

  // ---- 9. workloads beyond Deployments --------------------------------------------------------------
  gs.push({
    name: 'workloads',
    setup: [
      k(`apply -f ${FX}/daemonset/node-agent.yaml`),
      k(`apply -f ${FX}/statefulset/web.yaml`),
      k(`apply -f ${FX}/batch/pi.yaml`),
      k(`apply -f ${FX}/batch/hello-cronjob.yaml`),
      k(`apply -f ${FX}/storage/pvc-default.yaml`),
      k(`apply -f ${FX}/ingress/apps.yaml`),
      k(`apply -f ${FX}/ingress/ingress.yaml`),
      k(`apply -f ${FX}/replicationcontroller.yaml`),
    ],
    cases: [
      k('get all'),
      k('get all -o wide'),
      k('get ds,sts,job,cronjob'),
      k('get pvc,pv'),
      k('get pvc -o wide'),
      k('get ingress'),
      k('get ing -o wide'),
      k('get rc -o wide'),
      k('get pods -o wide'),
      k('get sts web -o yaml'),
      k('get ds node-agent -o json'),
      k('get job pi -o yaml'),
      k('get cronjob hello -o yaml'),
      k('get controllerrevisions'),
      k('describe ds node-agent'),
      k('describe sts web'),
      k('describe job pi'),
      k('describe cronjob hello'),
      k('describe pvc'),
      k('describe ingress'),
      k('describe rc'),
      k('rollout status ds/node-agent --timeout=10s'),
      k('rollout status sts/web --timeout=10s'),
      k('rollout history ds/node-agent'),
      k('rollout history sts/web'),
      k('scale sts web --replicas=1'),
      k('get pods'),
      k('wait --for=condition=Complete job/pi --timeout=5s'),
    ],
  });

  // ---- 10. the shared corpus, applied in sequence --------------------------------------------------
  const sample = corpusSample();
  chunk(sample, 20).forEach((files, i) => {
    gs.push({
      name: `corpus/apply-${i + 1}`,
      setup: [k('get ns -o name')],
      cases: [...files.map((f) => k(`apply -f ${corpus(f)}`)), k('get all -A'), k('get pods -A -o wide'), k('get cm,secret,sa,pvc,pv -A')],
    });
  });

  return gs;
}

export function countCases(gs: Group[]): number {
  return gs.reduce((n, g) => n + g.cases.length, 0);
}
