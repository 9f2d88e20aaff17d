// toYaml against kubectl v1.36.3 itself: the goldens of real-kubectl.md §7 and a
// table of values recorded with `kubectl annotate --local -f obj.json a=b -o yaml`
// (each value sat under a top-level key "zz", so the text below is exactly what
// toYaml({ zz: value }) must produce).

import { describe, expect, it } from 'vitest';
import { toYaml } from '../../../src/printers/yaml.js';
import { compareKeys, keyLess, sortByKey } from '../../../src/printers/yaml/sorter.js';
import { formatFloatG } from '../../../src/printers/yaml/gofloat.js';

type Expected = string | { error: string };

/** [description, value, kubectl output for { zz: value }] */
const RECORDED: Array<[string, unknown, Expected]> = [
  ["plain word", "hello", "zz: hello\n"],
  ["empty string", "", "zz: \"\"\n"],
  ["single space", " ", "zz: ' '\n"],
  ["numeric string", "123", "zz: \"123\"\n"],
  ["float string", "1.5", "zz: \"1.5\"\n"],
  ["exponent string", "1e3", "zz: \"1e3\"\n"],
  ["octal-looking string", "0755", "zz: \"0755\"\n"],
  ["hex string", "0x1F", "zz: \"0x1F\"\n"],
  ["underscore number string", "1_000", "zz: \"1_000\"\n"],
  ["sign string", "+12", "zz: \"+12\"\n"],
  ["dot float string", ".5", "zz: \".5\"\n"],
  ["bool word true", "true", "zz: \"true\"\n"],
  ["bool word yes", "yes", "zz: \"yes\"\n"],
  ["bool word y", "y", "zz: \"y\"\n"],
  ["bool word N", "N", "zz: \"N\"\n"],
  ["bool word on", "on", "zz: \"on\"\n"],
  ["bool word Off", "Off", "zz: \"Off\"\n"],
  ["null word", "null", "zz: \"null\"\n"],
  ["tilde", "~", "zz: \"~\"\n"],
  ["inf word", ".inf", "zz: \".inf\"\n"],
  ["nan word", ".NaN", "zz: \".NaN\"\n"],
  ["merge key word", "<<", "zz: <<\n"],
  ["timestamp", "2026-11-22T20:50:23Z", "zz: \"2026-11-22T20:50:23Z\"\n"],
  ["date", "2001-12-14", "zz: \"2001-12-14\"\n"],
  ["space timestamp", "2001-12-14 21:59:43.10", "zz: \"2001-12-14 21:59:43.10\"\n"],
  ["not a timestamp", "2001-13-14", "zz: 2001-13-14\n"],
  ["base60", "1:30", "zz: \"1:30\"\n"],
  ["base60 float", "190:20:30.15", "zz: \"190:20:30.15\"\n"],
  ["colon inside", "a:b", "zz: a:b\n"],
  ["colon space", "a: b", "zz: 'a: b'\n"],
  ["trailing colon", "a:", "zz: 'a:'\n"],
  ["hash after space", "a #b", "zz: 'a #b'\n"],
  ["hash inside", "a#b", "zz: a#b\n"],
  ["leading hash", "#a", "zz: '#a'\n"],
  ["leading dash space", "- a", "zz: '- a'\n"],
  ["leading dash", "-a", "zz: -a\n"],
  ["lone dash", "-", "zz: '-'\n"],
  ["document marker", "---", "zz: '---'\n"],
  ["dots", "...", "zz: '...'\n"],
  ["leading question", "?a", "zz: ?a\n"],
  ["leading star", "*a", "zz: '*a'\n"],
  ["leading ampersand", "&a", "zz: '&a'\n"],
  ["leading bang", "!a", "zz: '!a'\n"],
  ["leading percent", "%a", "zz: '%a'\n"],
  ["leading at", "@a", "zz: '@a'\n"],
  ["leading backtick", "`a", "zz: '`a'\n"],
  ["leading pipe", "|a", "zz: '|a'\n"],
  ["leading gt", ">a", "zz: '>a'\n"],
  ["leading quote", "'a", "zz: '''a'\n"],
  ["leading dquote", "\"a", "zz: '\"a'\n"],
  ["flow chars inside", "a[b]{c},d", "zz: a[b]{c},d\n"],
  ["leading bracket", "[a]", "zz: '[a]'\n"],
  ["leading space", " a", "zz: ' a'\n"],
  ["trailing space", "a ", "zz: 'a '\n"],
  ["single quote inside", "it's", "zz: it's\n"],
  ["double quote inside", "say \"hi\"", "zz: say \"hi\"\n"],
  ["backslash", "a\\b", "zz: a\\b\n"],
  ["tab", "a\tb", "zz: \"a\\tb\"\n"],
  ["carriage return", "a\rb", "zz: \"a\\rb\"\n"],
  ["control char", "a\u0001b", "zz: \"a\\x01b\"\n"],
  ["escape char", "\u001b[0m", "zz: \"\\e[0m\"\n"],
  ["nbsp", "a\u00a0b", "zz: a\u00a0b\n"],
  ["latin", "\u00e9", "zz: \u00e9\n"],
  ["emoji", "a\ud83d\ude00b", "zz: \"a\\U0001F600b\"\n"],
  ["line separator", "a\u2028b", "zz: 'a\u2028  b'\n"],
  ["BOM first", "\ufeffab c", "zz: \"\\uFEFF\\x61\\x62\\x20\\x63\"\n"],
  ["BOM later", "a\ufeffb", "zz: \"a\\uFEFFb\"\n"],
  ["html chars", "<a href=\"x\">&amp;</a>", "zz: <a href=\"x\">&amp;</a>\n"],
  ["newline", "a\nb", "zz: |-\n  a\n  b\n"],
  ["trailing newline", "a\nb\n", "zz: |\n  a\n  b\n"],
  ["two trailing newlines", "a\n\n", "zz: |+\n  a\n\n"],
  ["only newline", "\n", "zz: |2+\n\n"],
  ["leading newline", "\nabc", "zz: |2-\n\n  abc\n"],
  ["leading space multiline", "  a\nb", "zz: |2-\n    a\n  b\n"],
  ["trailing space before newline", "a \nb", "zz: \"a \\nb\"\n"],
  ["space after newline", "a\n b", "zz: |-\n  a\n   b\n"],
  ["tab in multiline", "a\tb\nc", "zz: \"a\\tb\\nc\"\n"],
  ["multiline with LS", "a\u2028b\nc", "zz: |-\n  a\u2028  b\n  c\n"],
  ["NEL", "a\u0085b", "zz: a b\n"],
  ["NEL with spaces", "a  \u0085  b", "zz: a b\n"],
  ["two NELs", "a\u0085\u0085b", "zz: |-\n  a\n  b\n"],
  ["DEL", "a\u007fb", { error: "yaml: control characters are not allowed" }],
  ["C1 control", "a\u0090b", { error: "yaml: control characters are not allowed" }],
  ["U+FFFE", "a\ufffeb", { error: "yaml: control characters are not allowed" }],
  ["long plain", "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.", "zz: Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n  incididunt ut labore et dolore magna aliqua.\n"],
  ["long single quoted", "#Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.", "zz: '#Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n  incididunt ut labore et dolore magna aliqua.'\n"],
  ["long double quoted", "\tLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et  dolore magna aliqua.", "zz: \"\\tLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n  incididunt ut labore et  dolore magna aliqua.\"\n"],
  ["long double quoted spaces", "yes Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor   incididunt ut labore et dolore magna aliqua.", "zz: yes Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor   incididunt\n  ut labore et dolore magna aliqua.\n"],
  ["long no spaces", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "zz: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"],
  ["long literal", "first line\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\n", "zz: |\n  first line\n  Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\n"],
  ["message with colon", "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.", "zz: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available:\n  3 No preemption victims found for incoming pod.'\n"],
  ["int", 3, "zz: 3\n"],
  ["zero", 0, "zz: 0\n"],
  ["negative", -7, "zz: -7\n"],
  ["float", 1.5, "zz: 1.5\n"],
  ["negative float", -0.25, "zz: -0.25\n"],
  ["float 1e6 range", 1234567.5, "zz: 1.2345675e+06\n"],
  ["float 100000.5", 100000.5, "zz: 100000.5\n"],
  ["small float", 0.0001, "zz: 0.0001\n"],
  ["tiny float", 1e-7, "zz: 1e-07\n"],
  ["1e21", 1e+21, "zz: 1e+21\n"],
  ["1e20", 100000000000000000000, "zz: 1e+20\n"],
  ["1e19 (uint64)", 10000000000000000000, "zz: 10000000000000000000\n"],
  ["2^53", 9007199254740992, "zz: 9007199254740992\n"],
  ["max double", 1.7976931348623157e+308, "zz: 1.7976931348623157e+308\n"],
  ["pi", 3.141592653589793, "zz: 3.141592653589793\n"],
  ["true", true, "zz: true\n"],
  ["false", false, "zz: false\n"],
  ["null", null, "zz: null\n"],
  ["empty map", {}, "zz: {}\n"],
  ["empty list", [], "zz: []\n"],
  ["list of empties", [{},[],""], "zz:\n- {}\n- []\n- \"\"\n"],
  ["nested list", [[1,2],[[3]]], "zz:\n- - 1\n  - 2\n- - - 3\n"],
  ["list of maps", [{"b":1,"a":{"c":[1]}},{"x":null}], "zz:\n- a:\n    c:\n    - 1\n  b: 1\n- x: null\n"],
  ["map of lists", {"k":["a","b"],"e":[]}, "zz:\n  e: []\n  k:\n  - a\n  - b\n"],
  ["key order", {"1":5,"9":13,"10":12,"a10":1,"a9":2,"A":3,"_":4,"b":6,"B":7,"a":8,"a.b":9,"a-b":10,"a/b":11,"09":14,"\u00e9":15,"z":16,"":17,"a01":18,"a1":19,"a001":20,"x10y2":21,"x10y10":22,"x9y":23}, "zz:\n  \"\": 17\n  _: 4\n  \"1\": 5\n  \"9\": 13\n  \"09\": 14\n  \"10\": 12\n  A: 3\n  B: 7\n  a: 8\n  a-b: 10\n  a.b: 9\n  a/b: 11\n  a1: 19\n  a01: 18\n  a001: 20\n  a9: 2\n  a10: 1\n  b: 6\n  x9y: 23\n  x10y2: 21\n  x10y10: 22\n  z: 16\n  \u00e9: 15\n"],
  ["special keys", {"123":2,"yes":1,"a: b":3,"- x":4,"#c":5," lead":6,"k\nl":7,"tab\tkey":8,"null":9}, "zz:\n  ' lead': 6\n  '#c': 5\n  '- x': 4\n  \"123\": 2\n  'a: b': 3\n  ? |-\n    k\n    l\n  : 7\n  \"null\": 9\n  \"tab\\tkey\": 8\n  \"yes\": 1\n"],
  ["long key", {"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk":1}, "zz:\n  ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n  : 1\n"],
  ["long nested folding", {"a":{"b":{"c":"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore"}}}, "zz:\n  a:\n    b:\n      c: Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n        incididunt ut labore\n"],
  ["folding in list", ["Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore"], "zz:\n- Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt\n  ut labore\n"],
];

describe('toYaml: values recorded from kubectl -o yaml', () => {
  it.each(RECORDED)('%s', (_name, value, want) => {
    if (typeof want === 'string') expect(toYaml({ zz: value })).toBe(want);
    else expect(() => toYaml({ zz: value })).toThrow(want.error);
  });
});

/** Whole documents from real-kubectl.md §7; inputs have their keys reversed to prove the sorting. */
const GOLDEN: Array<{ cmd: string; input: unknown; want: string }> = [
  {
    cmd: "create deployment x --image=nginx --dry-run=client -o yaml",
    input: {"status":{},"spec":{"template":{"spec":{"containers":[{"resources":{},"name":"nginx","image":"nginx"}]},"metadata":{"labels":{"app":"x"}}},"strategy":{},"selector":{"matchLabels":{"app":"x"}},"replicas":1},"metadata":{"name":"x","labels":{"app":"x"}},"kind":"Deployment","apiVersion":"apps/v1"},
    want: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: x\n  name: x\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: x\n  strategy: {}\n  template:\n    metadata:\n      labels:\n        app: x\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n",
  },
  {
    cmd: "create deployment x --image=nginx --image=redis --dry-run=client -o yaml",
    input: {"status":{},"spec":{"template":{"spec":{"containers":[{"resources":{},"name":"nginx","image":"nginx"},{"resources":{},"name":"redis","image":"redis"}]},"metadata":{"labels":{"app":"x"}}},"strategy":{},"selector":{"matchLabels":{"app":"x"}},"replicas":1},"metadata":{"name":"x","labels":{"app":"x"}},"kind":"Deployment","apiVersion":"apps/v1"},
    want: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: x\n  name: x\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: x\n  strategy: {}\n  template:\n    metadata:\n      labels:\n        app: x\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\n      - image: redis\n        name: redis\n        resources: {}\nstatus: {}\n",
  },
  {
    cmd: "create service nodeport my-np --tcp=80:8080 --node-port=30080 --dry-run=client -o yaml",
    input: {"status":{"loadBalancer":{}},"spec":{"type":"NodePort","selector":{"app":"my-np"},"ports":[{"targetPort":8080,"protocol":"TCP","port":80,"nodePort":30080,"name":"80-8080"}]},"metadata":{"name":"my-np","labels":{"app":"my-np"}},"kind":"Service","apiVersion":"v1"},
    want: "apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    app: my-np\n  name: my-np\nspec:\n  ports:\n  - name: 80-8080\n    nodePort: 30080\n    port: 80\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: my-np\n  type: NodePort\nstatus:\n  loadBalancer: {}\n",
  },
  {
    cmd: "create configmap cm2 --from-file=svc.yaml --dry-run=client -o yaml",
    input: {"metadata":{"name":"cm2"},"kind":"ConfigMap","data":{"svc.yaml":"apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 80\n"},"apiVersion":"v1"},
    want: "apiVersion: v1\ndata:\n  svc.yaml: |\n    apiVersion: v1\n    kind: Service\n    metadata:\n      name: web\n    spec:\n      selector:\n        app: web\n      ports:\n      - port: 80\n        targetPort: 80\nkind: ConfigMap\nmetadata:\n  name: cm2\n",
  },
  {
    cmd: "create secret generic s1 --from-literal=user=admin --dry-run=client -o yaml",
    input: {"metadata":{"name":"s1"},"kind":"Secret","data":{"user":"YWRtaW4="},"apiVersion":"v1"},
    want: "apiVersion: v1\ndata:\n  user: YWRtaW4=\nkind: Secret\nmetadata:\n  name: s1\n",
  },
  {
    cmd: "create job j1 --image=busybox --dry-run=client -o yaml -- echo hi",
    input: {"status":{},"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"resources":{},"name":"j1","image":"busybox","command":["echo","hi"]}]},"metadata":{}}},"metadata":{"name":"j1"},"kind":"Job","apiVersion":"batch/v1"},
    want: "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j1\nspec:\n  template:\n    metadata: {}\n    spec:\n      containers:\n      - command:\n        - echo\n        - hi\n        image: busybox\n        name: j1\n        resources: {}\n      restartPolicy: Never\nstatus: {}\n",
  },
  {
    cmd: "create cronjob cj1 --image=busybox --schedule=\\*/5\\ \\*\\ \\*\\ \\*\\ \\* --dry-run=client -o yaml",
    input: {"status":{},"spec":{"schedule":"*/5 * * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure","containers":[{"resources":{},"name":"cj1","image":"busybox"}]},"metadata":{}}},"metadata":{"name":"cj1"}}},"metadata":{"name":"cj1"},"kind":"CronJob","apiVersion":"batch/v1"},
    want: "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: cj1\nspec:\n  jobTemplate:\n    metadata:\n      name: cj1\n    spec:\n      template:\n        metadata: {}\n        spec:\n          containers:\n          - image: busybox\n            name: cj1\n            resources: {}\n          restartPolicy: OnFailure\n  schedule: '*/5 * * * *'\nstatus: {}\n",
  },
  {
    cmd: "create ingress ing1 --rule=foo.com/bar=svc1:8080 --dry-run=client -o yaml",
    input: {"status":{"loadBalancer":{}},"spec":{"rules":[{"http":{"paths":[{"pathType":"Exact","path":"/bar","backend":{"service":{"port":{"number":8080},"name":"svc1"}}}]},"host":"foo.com"}]},"metadata":{"name":"ing1"},"kind":"Ingress","apiVersion":"networking.k8s.io/v1"},
    want: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing1\nspec:\n  rules:\n  - host: foo.com\n    http:\n      paths:\n      - backend:\n          service:\n            name: svc1\n            port:\n              number: 8080\n        path: /bar\n        pathType: Exact\nstatus:\n  loadBalancer: {}\n",
  },
  {
    cmd: "create pdb pdb1 --selector=app=web --min-available=1 --dry-run=client -o yaml",
    input: {"status":{"expectedPods":0,"disruptionsAllowed":0,"desiredHealthy":0,"currentHealthy":0},"spec":{"selector":{"matchLabels":{"app":"web"}},"minAvailable":1},"metadata":{"name":"pdb1"},"kind":"PodDisruptionBudget","apiVersion":"policy/v1"},
    want: "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: pdb1\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\nstatus:\n  currentHealthy: 0\n  desiredHealthy: 0\n  disruptionsAllowed: 0\n  expectedPods: 0\n",
  },
  {
    cmd: "create quota q1 --hard=pods=10 --dry-run=client -o yaml",
    input: {"status":{},"spec":{"hard":{"pods":"10"}},"metadata":{"name":"q1"},"kind":"ResourceQuota","apiVersion":"v1"},
    want: "apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q1\nspec:\n  hard:\n    pods: \"10\"\nstatus: {}\n",
  },
  {
    cmd: "label --local -f deploy.yaml app- -o yaml",
    input: {"spec":{"template":{"spec":{"containers":[{"ports":[{"containerPort":80}],"name":"nginx","image":"nginx:1.25"}]},"metadata":{"labels":{"app":"web"}}},"selector":{"matchLabels":{"app":"web"}},"replicas":2},"metadata":{"name":"web","labels":{}},"kind":"Deployment","apiVersion":"apps/v1"},
    want: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels: {}\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx:1.25\n        name: nginx\n        ports:\n        - containerPort: 80\n",
  },
  {
    cmd: "set env --local -f deploy.yaml FOO=bar -o yaml",
    input: {"status":{},"spec":{"template":{"spec":{"containers":[{"resources":{},"ports":[{"containerPort":80}],"name":"nginx","image":"nginx:1.25","env":[{"value":"bar","name":"FOO"}]}]},"metadata":{"labels":{"app":"web"}}},"strategy":{},"selector":{"matchLabels":{"app":"web"}},"replicas":2},"metadata":{"name":"web","labels":{"app":"web"}},"kind":"Deployment","apiVersion":"apps/v1"},
    want: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - env:\n        - name: FOO\n          value: bar\n        image: nginx:1.25\n        name: nginx\n        ports:\n        - containerPort: 80\n        resources: {}\nstatus: {}\n",
  },
  {
    cmd: "set resources --local -f deploy.yaml --limits=cpu=200m\\,memory=512Mi -o yaml",
    input: {"status":{},"spec":{"template":{"spec":{"containers":[{"resources":{"limits":{"memory":"512Mi","cpu":"200m"}},"ports":[{"containerPort":80}],"name":"nginx","image":"nginx:1.25"}]},"metadata":{"labels":{"app":"web"}}},"strategy":{},"selector":{"matchLabels":{"app":"web"}},"replicas":2},"metadata":{"name":"web","labels":{"app":"web"}},"kind":"Deployment","apiVersion":"apps/v1"},
    want: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx:1.25\n        name: nginx\n        ports:\n        - containerPort: 80\n        resources:\n          limits:\n            cpu: 200m\n            memory: 512Mi\nstatus: {}\n",
  },
  {
    cmd: "patch --local -f deploy.yaml --type=merge -p \\{\\\"metadata\\\":\\{\\\"labels\\\":\\{\\\"x\\\":\\\"y\\\"\\}\\}\\} -o yaml",
    input: {"spec":{"template":{"spec":{"containers":[{"ports":[{"containerPort":80}],"name":"nginx","image":"nginx:1.25"}]},"metadata":{"labels":{"app":"web"}}},"selector":{"matchLabels":{"app":"web"}},"replicas":2},"metadata":{"name":"web","labels":{"x":"y","app":"web"}},"kind":"Deployment","apiVersion":"apps/v1"},
    want: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: web\n    x: \"y\"\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx:1.25\n        name: nginx\n        ports:\n        - containerPort: 80\n",
  },
  {
    cmd: "config view",
    input: {"users":[{"user":{},"name":"fake"}],"kind":"Config","current-context":"fake","contexts":[{"name":"fake","context":{"user":"fake","namespace":"default","cluster":"fake"}}],"clusters":[{"name":"fake","cluster":{"server":"http://127.0.0.1:18080"}}],"apiVersion":"v1"},
    want: "apiVersion: v1\nclusters:\n- cluster:\n    server: http://127.0.0.1:18080\n  name: fake\ncontexts:\n- context:\n    cluster: fake\n    namespace: default\n    user: fake\n  name: fake\ncurrent-context: fake\nkind: Config\nusers:\n- name: fake\n  user: {}\n",
  },
  {
    cmd: "run nginx --image=nginx --port=80 --labels=app=web\\,tier=fe --env=A=1 --restart=Never --dry-run=client -o yaml -- sh -c echo\\ hi",
    input: {"status":{},"spec":{"restartPolicy":"Never","dnsPolicy":"ClusterFirst","containers":[{"resources":{},"ports":[{"containerPort":80}],"name":"nginx","image":"nginx","env":[{"value":"1","name":"A"}],"args":["sh","-c","echo hi"]}]},"metadata":{"name":"nginx","labels":{"tier":"fe","app":"web"}},"kind":"Pod","apiVersion":"v1"},
    want: "apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: web\n    tier: fe\n  name: nginx\nspec:\n  containers:\n  - args:\n    - sh\n    - -c\n    - echo hi\n    env:\n    - name: A\n      value: \"1\"\n    image: nginx\n    name: nginx\n    ports:\n    - containerPort: 80\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Never\nstatus: {}\n",
  },
  {
    cmd: "create role r1 --verb=get\\,list --resource=pods --dry-run=client -o yaml",
    input: {"Kustomize Version":"v5.8.1","Client Version":"v1.36.3"},
    want: "Client Version: v1.36.3\nKustomize Version: v5.8.1\n",
  },
  {
    cmd: "apply --dry-run=client -f deploy.yaml -o yaml --validate=false",
    input: {"status":{"updatedReplicas":2,"replicas":2,"readyReplicas":2,"observedGeneration":1,"conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable","message":"Deployment has minimum availability.","lastUpdateTime":"2026-11-22T20:50:23Z","lastTransitionTime":"2026-11-22T20:50:23Z"},{"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable","message":"ReplicaSet \"web-3a5ec9dfe6\" has successfully progressed.","lastUpdateTime":"2026-11-22T20:50:23Z","lastTransitionTime":"2026-11-22T20:50:23Z"}],"availableReplicas":2},"spec":{"template":{"spec":{"containers":[{"ports":[{"containerPort":80}],"name":"nginx","image":"nginx:1.25"}]},"metadata":{"labels":{"app":"web"}}},"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"25%","maxSurge":"25%"}},"selector":{"matchLabels":{"app":"web"}},"revisionHistoryLimit":10,"replicas":2,"progressDeadlineSeconds":600},"metadata":{"uid":"a4676fb4-ff7f-456b-bedd-6fd91929ee3a","resourceVersion":"1006","namespace":"default","name":"web","labels":{"app":"web"},"generation":1,"creationTimestamp":"2026-11-22T20:50:23Z","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"image\":\"nginx:1.25\",\"name\":\"nginx\",\"ports\":[{\"containerPort\":80}]}]}}}}\n","deployment.kubernetes.io/revision":"1"}},"kind":"Deployment","apiVersion":"apps/v1"},
    want: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n    deployment.kubernetes.io/revision: \"1\"\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"image\":\"nginx:1.25\",\"name\":\"nginx\",\"ports\":[{\"containerPort\":80}]}]}}}}\n  creationTimestamp: \"2026-11-22T20:50:23Z\"\n  generation: 1\n  labels:\n    app: web\n  name: web\n  namespace: default\n  resourceVersion: \"1006\"\n  uid: a4676fb4-ff7f-456b-bedd-6fd91929ee3a\nspec:\n  progressDeadlineSeconds: 600\n  replicas: 2\n  revisionHistoryLimit: 10\n  selector:\n    matchLabels:\n      app: web\n  strategy:\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 25%\n    type: RollingUpdate\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx:1.25\n        name: nginx\n        ports:\n        - containerPort: 80\nstatus:\n  availableReplicas: 2\n  conditions:\n  - lastTransitionTime: \"2026-11-22T20:50:23Z\"\n    lastUpdateTime: \"2026-11-22T20:50:23Z\"\n    message: Deployment has minimum availability.\n    reason: MinimumReplicasAvailable\n    status: \"True\"\n    type: Available\n  - lastTransitionTime: \"2026-11-22T20:50:23Z\"\n    lastUpdateTime: \"2026-11-22T20:50:23Z\"\n    message: ReplicaSet \"web-3a5ec9dfe6\" has successfully progressed.\n    reason: NewReplicaSetAvailable\n    status: \"True\"\n    type: Progressing\n  observedGeneration: 1\n  readyReplicas: 2\n  replicas: 2\n  updatedReplicas: 2\n",
  },
];

describe('toYaml: real-kubectl.md §7 goldens', () => {
  it.each(GOLDEN)('$cmd', ({ input, want }) => {
    expect(toYaml(input)).toBe(want);
  });
});

describe('toYaml: document shape', () => {
  it.each<[string, unknown, string]>([
    ['root scalar', 'foo', 'foo\n'],
    ['root quoted scalar', 'true', '"true"\n'],
    ['root null', null, 'null\n'],
    ['root empty map', {}, '{}\n'],
    ['root empty list', [], '[]\n'],
    ['root list', [1, 'a', [2]], '- 1\n- a\n- - 2\n'],
    ['list of maps', [{ b: 1, a: 2 }], '- a: 2\n  b: 1\n'],
    ['sequence under a key is not indented', { k: ['x'] }, 'k:\n- x\n'],
    ['sequence in a sequence is', { k: [['x', 'z']] }, 'k:\n- - x\n  - z\n'],
    ['undefined members are dropped like JSON', { a: undefined, b: 1 }, 'b: 1\n'],
    ['undefined list items become null', [undefined], '- null\n'],
    ['bigint', { v: 12345678901234567890n }, 'v: 12345678901234567890\n'],
    ['Map input', new Map([['b', 1], ['a', 2]]), 'a: 2\nb: 1\n'],
    ['multi-line key becomes a complex key', { 'a\nb': 1 }, '? |-\n  a\n  b\n: 1\n'],
    ['literal block keeps indentation hint', { k: ' x\n' }, 'k: |2\n   x\n'],
  ])('%s', (_name, value, want) => {
    expect(toYaml(value)).toBe(want);
  });

  it('rejects values Go cannot marshal', () => {
    expect(() => toYaml({ a: NaN })).toThrow('json: unsupported value: NaN');
    expect(() => toYaml({ a: Infinity })).toThrow('json: unsupported value: +Inf');
  });

  it('folds a long last-applied-configuration only by its own newline', () => {
    const cfg = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', data: { k: 'v'.repeat(120) } }) + '\n';
    expect(toYaml({ a: cfg })).toBe(`a: |\n  ${cfg}`);
  });
});

describe('go-yaml key order (sorter.go)', () => {
  it.each<[string, string, boolean]>([
    ['a9', 'a10', true],
    ['a10', 'a9', false],
    ['_', '1', true],
    ['1', 'A', true],
    ['A', 'a', true],
    ['Z', 'a', true],
    ['a', 'a.b', true],
    ['a-b', 'a.b', true],
    ['a01', 'a1', false],
    ['a1', 'a01', true],
    ['x10y2', 'x10y10', true],
    ['10', '9', false],
    ['09', '9', false],
    ['9', '09', true],
    ['é', 'z', false],
    ['', 'a', true],
    ['a1b', 'a01b', true],
  ])('%s < %s is %s', (a, b, want) => {
    expect(keyLess(a, b)).toBe(want);
  });

  it('sorts a typical label set', () => {
    const keys = ['app.kubernetes.io/name', 'app', 'tier', 'pod-template-hash', 'app.kubernetes.io/instance', 'App', 'a1', 'a10', 'a2'];
    expect(sortByKey(keys.map((k) => [k, 0] as [string, number])).map(([k]) => k)).toEqual([
      'App', 'a1', 'a2', 'a10', 'app', 'app.kubernetes.io/instance', 'app.kubernetes.io/name', 'pod-template-hash', 'tier',
    ]);
    expect(compareKeys('x', 'x')).toBe(0);
  });
});

describe("strconv.FormatFloat(f, 'g', -1, bits)", () => {
  it.each<[number, 32 | 64, string]>([
    [1.5, 64, '1.5'],
    [1234567.5, 64, '1.2345675e+06'],
    [100000.5, 64, '100000.5'],
    [1e-7, 64, '1e-07'],
    [0.0001, 64, '0.0001'],
    [1e21, 64, '1e+21'],
    [-0.25, 64, '-0.25'],
    [0, 64, '0'],
    [0.1, 32, '0.1'],
    [3.14159265, 32, '3.1415927'],
    [1e7, 32, '1e+07'],
    [NaN, 64, 'NaN'],
    [-Infinity, 64, '-Inf'],
  ])('%s (%i bits) → %s', (x, bits, want) => {
    expect(formatFloatG(x, bits)).toBe(want);
  });
});
