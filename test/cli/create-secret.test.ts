// `create secret` --dry-run=client output and errors, byte for byte against real kubectl v1.36.3 (goldens
// recorded from it, run from the repository root with FROM_ENV=from-the-environment).

import { describe, expect, it } from 'vitest';
import { runWith, tempHome } from '../helpers/cli.js';

const cases: { args: string[]; code: number; stdout: string; stderr: string }[] = [
  {
    args: ["create","secret","generic","s","--from-literal=user=admin","--from-literal=password=s3cr=t","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  password: czNjcj10\n  user: YWRtaW4=\nkind: Secret\nmetadata:\n  name: s\n",
    stderr: "",
  },
  {
    args: ["create","secret","generic","s","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n",
    stderr: "",
  },
  {
    args: ["create","secret","generic","s","--from-literal=a=1","--type=Opaque","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  a: MQ==\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\n",
    stderr: "",
  },
  {
    args: ["create","secret","generic","s","--from-literal=a=1","--type=example.com/custom","--append-hash","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  a: MQ==\nkind: Secret\nmetadata:\n  name: s-8d8tc6hcm7\ntype: example.com/custom\n",
    stderr: "",
  },
  {
    args: ["create","secret","generic","s","--from-literal=a=1","--append-hash","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  a: MQ==\nkind: Secret\nmetadata:\n  name: s-gtkfk5m49d\n",
    stderr: "",
  },
  {
    args: ["create","secret","generic","s","--from-env-file=test/scenarios/fixtures/secrets/app.env","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  DB_HOST: ZGIuaW50ZXJuYWw=\n  DB_PORT: NTQzMg==\n  EMPTY: \"\"\n  FROM_ENV: ZnJvbS10aGUtZW52aXJvbm1lbnQ=\n  GREETING: aGVsbG8gd29ybGQg\n  QUOTED: ImtlcHQgYXMgaXMi\nkind: Secret\nmetadata:\n  name: s\n",
    stderr: "",
  },
  {
    args: ["create","secret","generic","s","--from-env-file=test/scenarios/fixtures/secrets/dup.env","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: cannot add key A, another key by that name already exists\n",
  },
  {
    args: ["create","secret","generic","s","--from-env-file=test/scenarios/fixtures/secrets/bad.env","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: \"bad key\" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n",
  },
  {
    args: ["create","secret","generic","s","--from-env-file=test/scenarios/fixtures/secrets/config-dir","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: env secret file cannot be a directory\n",
  },
  {
    args: ["create","secret","generic","s","--from-env-file=test/scenarios/fixtures/secrets/app.env","--from-file=test/scenarios/fixtures/secrets/logo.bin","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: from-env-file cannot be combined with from-file or from-literal\n",
  },
  {
    args: ["create","secret","generic","s","--from-file=test/scenarios/fixtures/secrets/config-dir","--from-file=img=test/scenarios/fixtures/secrets/logo.bin","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  app.yaml: ZGVidWc6IHRydWUK\n  img: iVBORw0KGgoA//4=\n  nginx.conf: c2VydmVyIHsKICBsaXN0ZW4gODA7Cn0K\nkind: Secret\nmetadata:\n  name: s\n",
    stderr: "",
  },
  {
    args: ["create","secret","generic","s","--from-file=k=test/scenarios/fixtures/secrets/config-dir","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: cannot give a key name for a directory path\n",
  },
  {
    args: ["create","secret","generic","s","--from-file=test/scenarios/fixtures/secrets/nope","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: error reading test/scenarios/fixtures/secrets/nope: no such file or directory\n",
  },
  {
    args: ["create","secret","generic","s","--from-literal=a=1","--from-literal=a=2","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: cannot add key a, another key by that name already exists\n",
  },
  {
    args: ["create","secret","generic","s","--from-literal=bad key=1","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: \"bad key\" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n",
  },
  {
    args: ["create","secret","generic","s","--from-literal=..x=1","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: \"..x\" is not valid key name for a Secret must not start with '..'\n",
  },
  {
    args: ["create","secret","generic","s","--from-literal=x","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: invalid literal source x, expected key=value\n",
  },
  {
    args: ["create","secret","generic","s","--from-literal=a=1","-n","dev","--dry-run=client","-o","json"],
    code: 0,
    stdout: "{\n    \"kind\": \"Secret\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"s\",\n        \"namespace\": \"dev\"\n    },\n    \"data\": {\n        \"a\": \"MQ==\"\n    }\n}\n",
    stderr: "",
  },
  {
    args: ["create","secret","tls","t","--cert=test/scenarios/fixtures/secrets/tls.crt","--key=test/scenarios/fixtures/secrets/tls.key","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURHekNDQWdPZ0F3SUJBZ0lVTllCdVM4QlhEeDdmcHVwdnBhc3p6TTU5K20wd0RRWUpLb1pJaHZjTkFRRUwKQlFBd0hERWFNQmdHQTFVRUF3d1JhM1ZpWlMxc2FYUmxMbVY0WVcxd2JHVXdJQmNOTWpZeE1USXlNak14TkRJNQpXaGdQTWpFeU5qRXdNamt5TXpFME1qbGFNQnd4R2pBWUJnTlZCQU1NRVd0MVltVXRiR2wwWlM1bGVHRnRjR3hsCk1JSUJJakFOQmdrcWhraUc5dzBCQVFFRkFBT0NBUThBTUlJQkNnS0NBUUVBM3R4K0hjanlrMGNWN0JvZUF1LzkKVlZCM1JlS1Y0ajFheGJhLy9Db3ZmZW5iWEVLNG1kVGlIdVYvS3RhRHFpdkZpVHJaN0xncHFOY1RqWERFUlJBKwprenJUa2JxK0l1VGV6cnYybGxOb0Z4LzYyQnVSQzY1dE9BeS9sYjNaOGxlb0xvTUtEUUM5ZUNZUGszUnVTdnZSCndnWUZNMWFjaURaVndMWUs5a0JjR0V6eFFUcFVibU5tZU54VXZ3SWxEMkxoYktxOCtTNVVjK29ldWIzUE1rMWgKT0NsK0V1QU9SaktlcTUzZCtiTWx2Y09CaTNUM2tEK1BoT1lYK0VDcmFNY1NVRlhZS3ZtMDZFZ0p0a1Q1eUxHcwpCUHB6NG5OdlVqcEsrWFdaMmFWK3Ztc2NSdlVhTEJhMjZPQ29SOUdjQ1J2U1JRUjR0bVFMYTJvNzh1OUdybGJVCmVRSURBUUFCbzFNd1VUQWRCZ05WSFE0RUZnUVVwSE4rRTNTYmlZTklFSXlCOFh2WEd4dVlOVTh3SHdZRFZSMGoKQkJnd0ZvQVVwSE4rRTNTYmlZTklFSXlCOFh2WEd4dVlOVTh3RHdZRFZSMFRBUUgvQkFVd0F3RUIvekFOQmdrcQpoa2lHOXcwQkFRc0ZBQU9DQVFFQUl5UEd5VDYzaTkrUUxmVkhXN3FFczRLenJhN3U3dDZmZWhoNS9ldFZPMzdFCmpzQ3YvTVNaT0xYM210TjBsN1JBdE9NL2N5Rys5S0ZFZGlVTEptalF3ckR3alFEa3dtMGZRZ1ZKMnFpcGowTUYKcC9GZXRjdmwyQWd0azJVbjBEaTNrOUtUa29zcTVJUTRZWkhZMUxOS05EMVVoL1JZOEVRNkFaaGxQcGxxYVprYQpKL2gwNmF3RVBOUkcrTFA1cEVjLzdncTJ2VW5hYlowOWhkUFhVU0FiYllJUGlFS1lLSDExRmJlSlRZaFh2YS9GCjBUdlZsS3VqYkRrSFpzK3FxYjFkMnI2M0dEN2dNQ2RESk5EM1N1REw0QWxNZzZ5SkhnOEtyQmc0RkFPR3hQT1gKTE94L3JZWjlHSTdDNXlQM1B0UjJwSzJISXMybnRnQXdqNnhnN21SaUlBPT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2d0lCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQktrd2dnU2xBZ0VBQW9JQkFRRGUzSDRkeVBLVFJ4WHMKR2g0QzcvMVZVSGRGNHBYaVBWckZ0ci84S2k5OTZkdGNRcmlaMU9JZTVYOHExb09xSzhXSk90bnN1Q21vMXhPTgpjTVJGRUQ2VE90T1J1cjRpNU43T3UvYVdVMmdYSC9yWUc1RUxybTA0REwrVnZkbnlWNmd1Z3dvTkFMMTRKZytUCmRHNUsrOUhDQmdVelZweUlObFhBdGdyMlFGd1lUUEZCT2xSdVkyWjQzRlMvQWlVUFl1RnNxcno1TGxSejZoNjUKdmM4eVRXRTRLWDRTNEE1R01wNnJuZDM1c3lXOXc0R0xkUGVRUDQrRTVoZjRRS3RveHhKUVZkZ3ErYlRvU0FtMgpSUG5Jc2F3RStuUGljMjlTT2tyNWRablpwWDYrYXh4RzlSb3NGcmJvNEtoSDBad0pHOUpGQkhpMlpBdHJhanZ5CjcwYXVWdFI1QWdNQkFBRUNnZ0VBQWVXZGtJZXIxNU5xSjlyUnVPa0RDUzFkL29oMFh5WEhpOW1jM21WdzNHRUMKWHRHQWtiLzM5c0d4cUpNdjNBeHkvMzB5bFZXOG9RcHlTUDRWNVpmdG94ZUQ3U3NmbFlZZU1XTkoyNGkxTmthQwo2T3VwMEpBanI0VHk3VEF6QVRibXl4S096TmZkNzZrSjhUd3pUaUhBN05FR29xTzdsd1hqWC9oaUNvRGlFbll5CmR6WjRrcHRac1hQbHNIKzZhNTZkMUZ2M2Qvd0txOHNXNnhweFhEWndyc1hGN0tMYXc2ckN3SXZKSFd0REhhanoKTndIUlRGVkt1WXloZVJzenF1YUdFWTViMjNZaWtYakw3ejRJVklPOGovcUF0UHROMEV1QlA2Z3kxaXJTd3pONQpkL0ZkRS9Pclk4VkZwSEVaSm9SZWF6U2d4SzBoaU9pNVpxYTB3clpmMndLQmdRRHZtMWJTNGc4cWxUdHdzZVdOCno4dy9LcExxdUQ5QmwyZHdiMnJ1ODBwTXFDUnIxb3c2Q1VQeThNSzBEQ1BWNmMxOWxvTi9zQ1V1YnNJeW9ZdWcKQWZsZXNGYm5XTW1RS05LcStQdm85OHVMWHZ3OVUyTmRibUkvRG1OLzRqSWpkeHZmckl5MGxoNTJaM3A0djFGQwprTnFHQS9Samw1S3ZUWkhxTkJ1NTlYYmJad0tCZ1FEdUc5d2IzS3pTQzc0TEcyQTk1OWR3NzRFNDJDU0s4YnNICjJBcE9ud1NCVGh2WnJXWTdRVnRsSlNlbkhtb2ZtYzBUZ05KdGV3WHVSdG9UZ1JPdmZwUlozcXZxamg1aWs0cHkKWU9lcVRYYjFHdnpBVVdqalYwVEtTNHRWMXkwc25GU0RVSVhDRU93OVphTUlSaWRhZk5YZEtXZzA4N25JR05TOApNZmM3bTRURkh3S0JnUUN5a0xqVzlvUEkvMmhKNXpvbFFteDcwcldrMldUQzlCdXhqa2RLQnVRalZ0ZTF5akc4CityUzU4N1dXeXNsV0hTVDRhRmhkcTU4NkNHOFBucGJZeXovVjBtTWhqR2pDMTdtUWszZmhPZkptVG9aN0NZOHUKelJuSTFtZE9vZnN0dFJGLzB5OFZVaDhuckp4NEtsUmI0R29Lb0IzY3J0UXhjd1RBWHM4ZStoRDNGd0tCZ1FDUwpWWkxubUs2cGhFZnVvWXQ3WUVHNmlhYzhIVElRSmxIUWwwaDJXeW8wb2FGaUhUd29ESm16eHFyZy9VTXhXcDk3CmJmOWxBMmQ0c2hpU1JoQ29HVDNwSVgwOGNNMWh2ZFVuU0VENEhCV1F1MTQ4ZjR2YnRDVjF3Z25HM3JCSHEyZ1IKTCtxVWd6djgyN3JmZWVYenFhYngvZUdxTVdPckF2K3pEVzRwTndIWTl3S0JnUUN2SGVkaEZ3bjMrdlhXcnkyWgpTRjlZeHg1YzBJSFBkaUdNTzFzbEVWVDVoR29hWjRHOWo3cFRNUmVTWnBZdGtyb3NiaE9Cb1R1NCs4WktSRDFaCmw2bXJ1cE1JcloyMzZlcm9CVUdGVndMU054SnlNTVFadUR4N0l2SndFUFhsWmllRUw3NWRvSWFaR2prR2RQM0YKWkhPLzBZaDM4Q294SjBod1hMWCtWczdqNHc9PQotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==\nkind: Secret\nmetadata:\n  name: t\ntype: kubernetes.io/tls\n",
    stderr: "",
  },
  {
    args: ["create","secret","tls","t","--cert=test/scenarios/fixtures/secrets/tls.crt","--key=test/scenarios/fixtures/secrets/tls.key","--append-hash","--dry-run=client","-o","name"],
    code: 0,
    stdout: "secret/t-dg4922tf76\n",
    stderr: "",
  },
  {
    args: ["create","secret","tls","t","--cert=test/scenarios/fixtures/secrets/tls.crt","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: key and cert must be specified\n",
  },
  {
    args: ["create","secret","tls","t","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: key and cert must be specified\n",
  },
  {
    args: ["create","secret","tls","t","--cert=test/scenarios/fixtures/secrets/nope.crt","--key=test/scenarios/fixtures/secrets/tls.key","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: Cannot read file test/scenarios/fixtures/secrets/nope.crt, open test/scenarios/fixtures/secrets/nope.crt: no such file or directory\n",
  },
  {
    args: ["create","secret","tls","t","--cert=test/scenarios/fixtures/secrets/tls.crt","--key=test/scenarios/fixtures/secrets/other.key","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: tls: private key type does not match public key type\n",
  },
  {
    args: ["create","secret","tls","t","--cert=test/scenarios/fixtures/secrets/tls.crt","--key=test/scenarios/fixtures/secrets/tls.crt","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: tls: found a certificate rather than a key in the PEM for the private key\n",
  },
  {
    args: ["create","secret","tls","t","--cert=test/scenarios/fixtures/secrets/tls.key","--key=test/scenarios/fixtures/secrets/tls.key","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched\n",
  },
  {
    args: ["create","secret","tls","t","--cert=test/scenarios/fixtures/secrets/app.env","--key=test/scenarios/fixtures/secrets/tls.key","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: tls: failed to find any PEM data in certificate input\n",
  },
  {
    args: ["create","secret","tls","t","--cert=test/scenarios/fixtures/secrets/tls.crt","--key=test/scenarios/fixtures/secrets/app.env","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: tls: failed to find any PEM data in key input\n",
  },
  {
    args: ["create","secret","docker-registry","d","--docker-server=registry.example","--docker-username=user","--docker-password=p<&>ss","--docker-email=user@example.com","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlIjp7InVzZXJuYW1lIjoidXNlciIsInBhc3N3b3JkIjoicFx1MDAzY1x1MDAyNlx1MDAzZXNzIiwiZW1haWwiOiJ1c2VyQGV4YW1wbGUuY29tIiwiYXV0aCI6ImRYTmxjanB3UENZK2MzTT0ifX19\nkind: Secret\nmetadata:\n  name: d\ntype: kubernetes.io/dockerconfigjson\n",
    stderr: "",
  },
  {
    args: ["create","secret","docker-registry","d","--docker-username=user","--docker-password=pass","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJ1c2VyIiwicGFzc3dvcmQiOiJwYXNzIiwiYXV0aCI6ImRYTmxjanB3WVhOeiJ9fX0=\nkind: Secret\nmetadata:\n  name: d\ntype: kubernetes.io/dockerconfigjson\n",
    stderr: "",
  },
  {
    args: ["create","secret","docker-registry","d","--docker-username=user","--docker-password=pass","--append-hash","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJ1c2VyIiwicGFzc3dvcmQiOiJwYXNzIiwiYXV0aCI6ImRYTmxjanB3WVhOeiJ9fX0=\nkind: Secret\nmetadata:\n  name: d-8bk44kb6d2\ntype: kubernetes.io/dockerconfigjson\n",
    stderr: "",
  },
  {
    args: ["create","secret","docker-registry","d","--docker-username=user","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n",
  },
  {
    args: ["create","secret","docker-registry","d","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n",
  },
  {
    args: ["create","secret","docker-registry","d","--from-file=test/scenarios/fixtures/secrets/dockerconfig.json","--dry-run=client","-o","yaml"],
    code: 0,
    stdout: "apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlIjp7ImF1dGgiOiJkWE5sY2pwd1lYTnoifX19Cg==\nkind: Secret\nmetadata:\n  name: d\ntype: kubernetes.io/dockerconfigjson\n",
    stderr: "",
  },
  {
    args: ["create","secret","docker-registry","d","--from-file=.dockerconfigjson=test/scenarios/fixtures/secrets/dockerconfig.json","--dry-run=client","-o","json"],
    code: 0,
    stdout: "{\n    \"kind\": \"Secret\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"d\"\n    },\n    \"data\": {\n        \".dockerconfigjson\": \"eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlIjp7ImF1dGgiOiJkWE5sY2pwd1lYTnoifX19Cg==\"\n    },\n    \"type\": \"kubernetes.io/dockerconfigjson\"\n}\n",
    stderr: "",
  },
  {
    args: ["create","secret","docker-registry","d","--from-file=test/scenarios/fixtures/secrets/dockerconfig.json","--from-file=test/scenarios/fixtures/secrets/app.env","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: cannot add key .dockerconfigjson, another key by that name already exists\n",
  },
  {
    args: ["create","secret","docker-registry","d","--from-file=test/scenarios/fixtures/secrets/config-dir","--dry-run=client","-o","yaml"],
    code: 1,
    stdout: "",
    stderr: "error: cannot give a key name for a directory path\n",
  },
];

describe('create secret matches kubectl v1.36', () => {
  const home = tempHome();
  for (const c of cases) {
    it(c.args.slice(1).join(' '), async () => {
      const r = await runWith(home, { env: { FROM_ENV: 'from-the-environment' } }, ...c.args);
      expect(r).toEqual({ code: c.code, stdout: c.stdout, stderr: c.stderr });
    });
  }
});
