// The ConfigMap and Secret generators of `kubectl create configmap|secret generic|tls|docker-registry`:
// their sources (--from-literal, --from-file, --from-env-file), key validation, duplicate keys,
// --append-hash and the errors, as kubectl v1.36 words them.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CliError } from '../../api/errors.js';
import type { KObject } from '../../api/types.js';

const KEY_RE = /^[-._a-zA-Z0-9]+$/;
const ENV_RE = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function chDirPrefix(k: string): string[] {
  if (k === '.') return [`must not be '.'`];
  if (k === '..') return [`must not be '..'`];
  if (k.startsWith('..')) return [`must not start with '..'`];
  return [];
}

/** apimachinery validation.IsConfigMapKey. */
function configMapKeyErrors(k: string): string[] {
  const errs: string[] = [];
  if (k.length > 253) errs.push('must be no more than 253 characters');
  if (!KEY_RE.test(k)) {
    errs.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  }
  return [...errs, ...chDirPrefix(k)];
}

/** apimachinery validation.IsEnvVarName. */
function envVarNameErrors(k: string): string[] {
  const errs: string[] = [];
  if (!ENV_RE.test(k)) {
    errs.push(
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    );
  }
  return [...errs, ...chDirPrefix(k)];
}

function parseLiteral(s: string): [string, string] {
  const i = s.indexOf('=');
  if (i <= 0) throw new CliError(`invalid literal source ${s}, expected key=value`);
  return [s.slice(0, i), s.slice(i + 1)];
}

/** kubectl util.ParseFileSource: `path` or `key=path`. */
function parseFileSource(source: string): [string, string] {
  const n = source.split('=').length - 1;
  if (n === 0) return [path.posix.basename(source.replace(/\\/g, '/')), source];
  if (n === 1 && source.startsWith('=')) throw new CliError(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith('=')) throw new CliError(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new CliError("key names or file paths cannot contain '='");
  const [k, p] = source.split('=');
  return [k!, p!];
}

function statOrFail(file: string, cwd: string): fs.Stats {
  try {
    return fs.statSync(path.resolve(cwd, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`error reading ${file}: ${reason}`);
  }
}

/** Each file source as [key, path, contents], directories expanded to their regular files. */
function* fileSources(sources: string[], cwd: string): Generator<[string, Buffer]> {
  for (const src of sources) {
    const [key, file] = parseFileSource(src);
    const st = statOrFail(file, cwd);
    if (st.isDirectory()) {
      if (src.includes('=')) throw new CliError('cannot give a key name for a directory path');
      const abs = path.resolve(cwd, file);
      // os.ReadDir sorts by name, byte-wise.
      const entries = fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
      for (const e of entries) if (e.isFile()) yield [e.name, fs.readFileSync(path.join(abs, e.name))];
    } else {
      yield [key, fs.readFileSync(path.resolve(cwd, file))];
    }
  }
}

/** cmdutil.AddFromEnvFile: one KEY=value a line; comments and blank lines skipped; a bare KEY takes its value from the environment. */
function envFile(file: string, cwd: string, dirError: string, env: Record<string, string | undefined>, add: (k: string, v: string) => void): void {
  if (statOrFail(file, cwd).isDirectory()) throw new CliError(dirError);
  const buf = fs.readFileSync(path.resolve(cwd, file));
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i === buf.length || buf[i] === 0x0a) {
      if (i === buf.length && start === i) break;
      let line = buf.subarray(start, i);
      if (line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, -1);
      lines.push(line);
      start = i + 1;
    }
  }
  lines.forEach((raw, n) => {
    let line = raw;
    if (!isUtf8(line)) throw new CliError(`env file ${file} contains invalid utf8 bytes at line ${n + 1}: [${[...line].join(' ')}]`);
    if (n === 0 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
    const text = line.toString('utf8').replace(/^\s+/, '');
    if (text === '' || text.startsWith('#')) return;
    const eq = text.indexOf('=');
    const key = eq < 0 ? text : text.slice(0, eq);
    const errs = envVarNameErrors(key);
    if (errs.length > 0) throw new CliError(`"${key}" is not a valid key name: ${errs.join(';')}`);
    add(key, eq < 0 ? (env[key] ?? '') : text.slice(eq + 1));
  });
}

function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Go's encoding/json string encoding (HTML-safe). */
function goString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** json.Marshal of a map[string]string (keys sorted). */
function goMap(m: Record<string, string>): string {
  return `{${Object.keys(m)
    .sort()
    .map((k) => `${goString(k)}:${goString(m[k]!)}`)
    .join(',')}}`;
}

/** kustomize hash.encodeHash: the first 10 hex digits of the SHA-256, with vowels and look-alikes swapped. */
function hashSuffix(encoded: string): string {
  const hex = crypto.createHash('sha256').update(encoded, 'utf8').digest('hex').slice(0, 10);
  const sub: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex].map((c) => sub[c] ?? c).join('');
}

export interface ConfigMapSources {
  literals: string[];
  files: string[];
  envFiles: string[];
  appendHash: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
  namespace?: string;
}

export function configMap(name: string, s: ConfigMapSources): KObject {
  if (s.envFiles.length > 0 && (s.files.length > 0 || s.literals.length > 0)) {
    throw new CliError('from-env-file cannot be combined with from-file or from-literal');
  }
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  const check = (k: string): void => {
    const errs = configMapKeyErrors(k);
    if (errs.length > 0) throw new CliError(`"${k}" is not a valid key name for a ConfigMap: ${errs.join(',')}`);
    if (Object.hasOwn(data, k)) throw new CliError(`cannot add key "${k}", another key by that name already exists in Data for ConfigMap "${name}"`);
    if (Object.hasOwn(binaryData, k)) throw new CliError(`cannot add key "${k}", another key by that name already exists in BinaryData for ConfigMap "${name}"`);
  };
  const addText = (k: string, v: string): void => {
    check(k);
    data[k] = v;
  };
  for (const l of s.literals) addText(...parseLiteral(l));
  for (const [k, buf] of fileSources(s.files, s.cwd)) {
    if (isUtf8(buf)) addText(k, buf.toString('utf8'));
    else {
      check(k);
      binaryData[k] = buf.toString('base64');
    }
  }
  for (const f of s.envFiles) envFile(f, s.cwd, 'env config file cannot be a directory', s.env, addText);
  let finalName = name;
  if (s.appendHash) {
    // hash.ConfigMapHash: json.Marshal of {kind, name, data[, binaryData]} with sorted keys.
    const parts = [`"data":${goMap(data)}`];
    if (Object.keys(binaryData).length > 0) parts.unshift(`"binaryData":${goMap(binaryData)}`);
    parts.push(`"kind":"ConfigMap"`, `"name":${goString(name)}`);
    finalName = `${name}-${hashSuffix(`{${parts.join(',')}}`)}`;
  }
  return {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name: finalName, ...(s.namespace ? { namespace: s.namespace } : {}) },
    ...(Object.keys(data).length ? { data } : {}),
    ...(Object.keys(binaryData).length ? { binaryData } : {}),
  };
}

export interface SecretSources extends ConfigMapSources {
  type?: string;
}

class SecretData {
  readonly data: Record<string, string> = {};
  add(k: string, v: Buffer): void {
    const errs = configMapKeyErrors(k);
    if (errs.length > 0) throw new CliError(`"${k}" is not valid key name for a Secret ${errs.join(';')}`);
    if (Object.hasOwn(this.data, k)) throw new CliError(`cannot add key ${k}, another key by that name already exists`);
    this.data[k] = v.toString('base64');
  }
}

function secretObject(name: string, data: Record<string, string>, type: string, appendHash: boolean, namespace?: string): KObject {
  let finalName = name;
  if (appendHash) {
    // hash.SecretHash: json.Marshal of {kind, type, name, data} ([]byte values as base64), sorted keys.
    finalName = `${name}-${hashSuffix(`{"data":${goMap(data)},"kind":"Secret","name":${goString(name)},"type":${goString(type)}}`)}`;
  }
  return {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: { name: finalName, ...(namespace ? { namespace } : {}) },
    ...(Object.keys(data).length ? { data } : {}),
    ...(type ? { type } : {}),
  };
}

export function secretGeneric(name: string, s: SecretSources): KObject {
  if (s.envFiles.length > 0 && (s.files.length > 0 || s.literals.length > 0)) {
    throw new CliError('from-env-file cannot be combined with from-file or from-literal');
  }
  const d = new SecretData();
  for (const l of s.literals) {
    const [k, v] = parseLiteral(l);
    d.add(k, Buffer.from(v, 'utf8'));
  }
  for (const [k, buf] of fileSources(s.files, s.cwd)) d.add(k, buf);
  for (const f of s.envFiles) envFile(f, s.cwd, 'env secret file cannot be a directory', s.env, (k, v) => d.add(k, Buffer.from(v, 'utf8')));
  return secretObject(name, d.data, s.type ?? '', s.appendHash, s.namespace);
}

export interface DockerRegistryFlags {
  server: string;
  username?: string;
  password?: string;
  email?: string;
  files: string[];
  appendHash: boolean;
  cwd: string;
  namespace?: string;
}

export function secretDockerRegistry(name: string, f: DockerRegistryFlags): KObject {
  const d = new SecretData();
  if (f.files.length === 0) {
    if (!f.username || !f.password || !f.server) {
      throw new CliError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    }
    // DockerConfigJSON{auths: {server: {username, password, email, auth}}}, empty fields omitted.
    const entry: string[] = [];
    entry.push(`"username":${goString(f.username)}`, `"password":${goString(f.password)}`);
    if (f.email) entry.push(`"email":${goString(f.email)}`);
    entry.push(`"auth":${goString(Buffer.from(`${f.username}:${f.password}`, 'utf8').toString('base64'))}`);
    d.add('.dockerconfigjson', Buffer.from(`{"auths":{${goString(f.server)}:{${entry.join(',')}}}}`, 'utf8'));
  } else {
    // A bare path is stored under .dockerconfigjson.
    const sources = f.files.map((s) => (s.includes('=') ? s : `.dockerconfigjson=${s}`));
    for (const [k, buf] of fileSources(sources, f.cwd)) d.add(k, buf);
  }
  return secretObject(name, d.data, 'kubernetes.io/dockerconfigjson', f.appendHash, f.namespace);
}

export interface TlsFlags {
  cert?: string;
  key?: string;
  appendHash: boolean;
  cwd: string;
  namespace?: string;
}

function readTlsFile(file: string, cwd: string): Buffer {
  try {
    return fs.readFileSync(path.resolve(cwd, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`Cannot read file ${file}, open ${file}: ${reason}`);
  }
}

interface PemBlock {
  type: string;
  der: Buffer;
}

function pemBlocks(buf: Buffer): PemBlock[] {
  const out: PemBlock[] = [];
  const re = /-----BEGIN ([^\r\n]*?)-----\r?\n([\s\S]*?)-----END \1-----/g;
  for (const m of buf.toString('latin1').matchAll(re)) {
    const body = m[2]!.split(/\r?\n/).filter((l) => !l.includes(':')).join('');
    out.push({ type: m[1]!, der: Buffer.from(body, 'base64') });
  }
  return out;
}

/** crypto/tls.X509KeyPair's checks and errors. */
function validateKeyPair(certPem: Buffer, keyPem: Buffer): void {
  const certBlocks = pemBlocks(certPem);
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE');
  if (certs.length === 0) {
    const skipped = certBlocks.map((b) => b.type);
    if (skipped.length === 0) throw new CliError('tls: failed to find any PEM data in certificate input');
    if (skipped.length === 1 && skipped[0]!.endsWith('PRIVATE KEY')) {
      throw new CliError('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    }
    throw new CliError(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`);
  }
  const keyBlocks = pemBlocks(keyPem);
  const keyBlock = keyBlocks.find((b) => b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY'));
  if (!keyBlock) {
    const skipped = keyBlocks.map((b) => b.type);
    if (skipped.length === 0) throw new CliError('tls: failed to find any PEM data in key input');
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') throw new CliError('tls: found a certificate rather than a key in the PEM for the private key');
    throw new CliError(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`);
  }
  let certKey: crypto.KeyObject;
  try {
    certKey = new crypto.X509Certificate(certs[0]!.der).publicKey;
  } catch {
    throw new CliError('x509: malformed certificate');
  }
  let priv: crypto.KeyObject | undefined;
  for (const type of ['pkcs1', 'pkcs8', 'sec1'] as const) {
    try {
      priv = crypto.createPrivateKey({ key: keyBlock.der, format: 'der', type });
      break;
    } catch {
      /* try the next encoding, as parsePrivateKey does */
    }
  }
  if (!priv) throw new CliError('tls: failed to parse private key');
  if (priv.asymmetricKeyType !== certKey.asymmetricKeyType) throw new CliError('tls: private key type does not match public key type');
  const spki = (k: crypto.KeyObject): Buffer => k.export({ type: 'spki', format: 'der' });
  if (!spki(crypto.createPublicKey(priv)).equals(spki(certKey))) throw new CliError('tls: private key does not match public key');
}

export function secretTls(name: string, f: TlsFlags): KObject {
  if (!f.cert || !f.key) throw new CliError('key and cert must be specified');
  const cert = readTlsFile(f.cert, f.cwd);
  const key = readTlsFile(f.key, f.cwd);
  validateKeyPair(cert, key);
  const d = new SecretData();
  d.add('tls.crt', cert);
  d.add('tls.key', key);
  return secretObject(name, d.data, 'kubernetes.io/tls', f.appendHash, f.namespace);
}
