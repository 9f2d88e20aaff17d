// `create configmap` --dry-run=client output and errors, byte for byte against real kubectl v1.36.3 (goldens
// recorded from it, run from the repository root with FROM_ENV=from-the-environment).

import { describe, expect, it } from 'vitest';
import { runWith, tempHome } from '../helpers/cli.js';

const cases: { args: string[]; code: number; stdout: string; stderr: string }[] = [
  {
    args: ["create","configmap","c","--from-literal=a=1","--from-literal=b=two words","--from-literal=q=\"quoted\"","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  a: \"1\"\n  b: two words\n  q: '\"quoted\"'\nkind: ConfigMap\nmetadata:\n  name: c\n",
    stderr: "",
  },
  {
    args: ["create","configmap","c","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
    stderr: "",
  },
  {
    args: ["create","configmap","c","--from-env-file=test/scenarios/fixtures/secrets/app.env","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  DB_HOST: db.internal\n  DB_PORT: \"5432\"\n  EMPTY: \"\"\n  FROM_ENV: from-the-environment\n  GREETING: 'hello world '\n  QUOTED: '\"kept as is\"'\nkind: ConfigMap\nmetadata:\n  name: c\n",
    stderr: "",
  },
  {
    args: ["create","configmap","c","--from-env-file=test/scenarios/fixtures/secrets/app.env","--from-env-file=test/scenarios/fixtures/secrets/dup.env","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: cannot add key \"A\", another key by that name already exists in Data for ConfigMap \"c\"\n",
  },
  {
    args: ["create","configmap","c","--from-env-file=test/scenarios/fixtures/secrets/dup.env","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: cannot add key \"A\", another key by that name already exists in Data for ConfigMap \"c\"\n",
  },
  {
    args: ["create","configmap","c","--from-env-file=test/scenarios/fixtures/secrets/bad.env","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: \"bad key\" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n",
  },
  {
    args: ["create","configmap","c","--from-env-file=test/scenarios/fixtures/secrets/app.env","--from-literal=a=b","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: from-env-file cannot be combined with from-file or from-literal\n",
  },
  {
    args: ["create","configmap","c","--from-env-file=test/scenarios/fixtures/secrets/config-dir","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: env config file cannot be a directory\n",
  },
  {
    args: ["create","configmap","c","--from-env-file=test/scenarios/fixtures/secrets/missing.env","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: error reading test/scenarios/fixtures/secrets/missing.env: no such file or directory\n",
  },
  {
    args: ["create","configmap","c","--from-env-file=test/scenarios/fixtures/secrets/logo.bin","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: env file test/scenarios/fixtures/secrets/logo.bin contains invalid utf8 bytes at line 1: [137 80 78 71]\n",
  },
  {
    args: ["create","configmap","c","--from-file=test/scenarios/fixtures/secrets/config-dir","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  app.yaml: |\n    debug: true\n  nginx.conf: |\n    server {\n      listen 80;\n    }\nkind: ConfigMap\nmetadata:\n  name: c\n",
    stderr: "",
  },
  {
    args: ["create","configmap","c","--from-file=site.conf=test/scenarios/fixtures/secrets/config-dir/nginx.conf","--from-file=test/scenarios/fixtures/secrets/dockerconfig.json","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  dockerconfig.json: |\n    {\"auths\":{\"registry.example\":{\"auth\":\"dXNlcjpwYXNz\"}}}\n  site.conf: |\n    server {\n      listen 80;\n    }\nkind: ConfigMap\nmetadata:\n  name: c\n",
    stderr: "",
  },
  {
    args: ["create","configmap","c","--from-file=k=test/scenarios/fixtures/secrets/config-dir","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: cannot give a key name for a directory path\n",
  },
  {
    args: ["create","configmap","c","--from-file=test/scenarios/fixtures/secrets/logo.bin","--from-file=test/scenarios/fixtures/secrets/config-dir/app.yaml","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\nbinaryData:\n  logo.bin: iVBORw0KGgoA//4=\ndata:\n  app.yaml: |\n    debug: true\nkind: ConfigMap\nmetadata:\n  name: c\n",
    stderr: "",
  },
  {
    args: ["create","configmap","c","--from-file=test/scenarios/fixtures/secrets/logo.bin","--from-file=test/scenarios/fixtures/secrets/logo.bin","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: cannot add key \"logo.bin\", another key by that name already exists in BinaryData for ConfigMap \"c\"\n",
  },
  {
    args: ["create","configmap","c","--from-file=test/scenarios/fixtures/secrets/config-dir/app.yaml","--from-file=test/scenarios/fixtures/secrets/config-dir","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: cannot add key \"app.yaml\", another key by that name already exists in Data for ConfigMap \"c\"\n",
  },
  {
    args: ["create","configmap","c","--from-file==test/scenarios/fixtures/secrets/logo.bin","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: key name for file path test/scenarios/fixtures/secrets/logo.bin missing\n",
  },
  {
    args: ["create","configmap","c","--from-file=k=","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: file path for key name k missing\n",
  },
  {
    args: ["create","configmap","c","--from-file=a=b=c","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: key names or file paths cannot contain '='\n",
  },
  {
    args: ["create","configmap","c","--from-file=test/scenarios/fixtures/secrets/nope","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: error reading test/scenarios/fixtures/secrets/nope: no such file or directory\n",
  },
  {
    args: ["create","configmap","c","--from-literal=a=1","--from-literal=a=2","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: cannot add key \"a\", another key by that name already exists in Data for ConfigMap \"c\"\n",
  },
  {
    args: ["create","configmap","c","--from-literal=bad key=1","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: \"bad key\" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n",
  },
  {
    args: ["create","configmap","c","--from-literal=..a=1","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: \"..a\" is not a valid key name for a ConfigMap: must not start with '..'\n",
  },
  {
    args: ["create","configmap","c","--from-literal=.=1","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: \".\" is not a valid key name for a ConfigMap: must not be '.'\n",
  },
  {
    args: ["create","configmap","c","--from-literal==x","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: invalid literal source =x, expected key=value\n",
  },
  {
    args: ["create","configmap","c","--from-literal=x","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: invalid literal source x, expected key=value\n",
  },
  {
    args: ["create","configmap","c","--from-literal=a=1","--append-hash","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  a: \"1\"\nkind: ConfigMap\nmetadata:\n  name: c-9dtcmmmm5t\n",
    stderr: "",
  },
  {
    args: ["create","configmap","c","--from-literal=html=<a&b>","--from-literal=nl=x\ny","--append-hash","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  html: <a&b>\n  nl: |-\n    x\n    y\nkind: ConfigMap\nmetadata:\n  name: c-79dh7bb5m7\n",
    stderr: "",
  },
  {
    args: ["create","configmap","c","--from-file=test/scenarios/fixtures/secrets/logo.bin","--from-file=test/scenarios/fixtures/secrets/config-dir","--append-hash","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\nbinaryData:\n  logo.bin: iVBORw0KGgoA//4=\ndata:\n  app.yaml: |\n    debug: true\n  nginx.conf: |\n    server {\n      listen 80;\n    }\nkind: ConfigMap\nmetadata:\n  name: c-c9dg46fdkc\n",
    stderr: "",
  },
  {
    args: ["create","configmap","c","--append-hash","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c-94b26g54cg\n",
    stderr: "",
  },
  {
    args: ["create","configmap","c","--from-file=test/scenarios/fixtures/secrets/logo.bin","-n","dev","--dry-run=client","-o","json"],
    code: 0,
    stdout: "{\n    \"kind\": \"ConfigMap\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"c\",\n        \"namespace\": \"dev\"\n    },\n    \"binaryData\": {\n        \"logo.bin\": \"iVBORw0KGgoA//4=\"\n    }\n}\n",
    stderr: "",
  },
  {
    args: ["create","configmap","c","--from-literal=a=1","--dry-run=client"],
    code: 0,
    stdout: "configmap/c created (dry run)\n",
    stderr: "",
  },
];

describe('create configmap matches kubectl v1.36', () => {
  const home = tempHome();
  for (const c of cases) {
    it(c.args.slice(1).join(' '), async () => {
      const r = await runWith(home, { env: { FROM_ENV: 'from-the-environment' } }, ...c.args);
      expect(r).toEqual({ code: c.code, stdout: c.stdout, stderr: c.stderr });
    });
  }
});
