// The network tools `kube-lite exec` can run in a simulated container: nslookup (as busybox 1.36 prints
// it), curl (8.x) and wget (busybox), over the cluster's simulated DNS and kube-proxy (src/sim/traffic).
//
// nslookup NAME: busybox's own resolver reads /etc/resolv.conf; it applies the search list only to a
// name without a dot (busybox's add_query_with_search: `web` → web.<ns>.svc.cluster.local, but
// `web.other` is asked as is and is NXDOMAIN — use web.other.svc.cluster.local). Printed is the answer
// of the first name of the search list that has one (a real busybox also prints, in arrival order, the
// NXDOMAIN replies of the other search names and of the AAAA queries; kube-lite leaves them out):
//   Server:\t\t10.96.0.10 / Address:\t10.96.0.10:53 / blank / Name:\tFQDN / Address: IP (per address) / blank
// Not found: `** server can't find NAME: NXDOMAIN` and a blank line on stdout, exit 1 (NAME: the first
// name asked). An address is a PTR query, answered for Service ClusterIPs.
//
// curl [-s] [-S] [-i] [-m SECONDS] URL and wget -q -O- URL: the host is resolved as the pod's libc does
// (search list, ndots:5, so `web.other` works), the request goes from the exec'ed pod (see
// src/sim/traffic/http.ts) and the answering pod records it in its log. curl prints no progress meter.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';
import { DNS_SERVER, lookup, searchPath, type Answer, type DnsWorld } from '../../sim/traffic/dns.js';
import { connect, isIPv4, respond, servedEntry, type Connection } from '../../sim/traffic/http.js';
import { pruneAffinity } from '../../sim/traffic/route.js';
import { appendLog, loadAffinity, pruneLog, saveAffinity } from '../../sim/traffic/state.js';
import type { World } from '../../sim/traffic/types.js';

export interface NetResult {
  stdout: string;
  stderr: string;
  code: number;
}

export const NET_COMMANDS = ['nslookup', 'curl', 'wget'];

/** Whether the command sends a request that the answering pod records (the store is written). */
export const recordsTraffic = (cmd: string): boolean => cmd === 'curl' || cmd === 'wget';

function readWorld(api: ApiServer): { world: World; namespaces: string[] } {
  const list = (r: string) => api.list(findResource(r)!);
  return {
    world: { services: list('services'), endpointSlices: list('endpointslices'), pods: list('pods'), nodes: list('nodes') },
    namespaces: list('namespaces').map((n) => n.metadata.name!),
  };
}

/** Runs nslookup/curl/wget (base name `cmd`) in `pod`. */
export function runNetCommand(api: ApiServer, pod: KObject, cmd: string, args: string[]): NetResult {
  if (cmd === 'nslookup') return nslookup(api, pod, args);
  return cmd === 'curl' ? curl(api, pod, args) : wget(api, pod, args);
}

// ---- nslookup ----

const NSLOOKUP_USAGE = 'Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n';

function nslookup(api: ApiServer, pod: KObject, args: string[]): NetResult {
  if (args.length !== 1 || args[0]!.startsWith('-')) return { stdout: '', stderr: NSLOOKUP_USAGE, code: 1 };
  const name = args[0]!;
  const { world, namespaces } = readWorld(api);
  const dns: DnsWorld = { services: world.services, endpointSlices: world.endpointSlices, pods: world.pods, namespaces };
  let out = `Server:\t\t${DNS_SERVER}\nAddress:\t${DNS_SERVER}:53\n\n`;
  if (isIPv4(name)) {
    const ptr = `${name.split('.').reverse().join('.')}.in-addr.arpa`;
    const svc = world.services.find((s) => s['spec']?.clusterIP === name);
    if (!svc) return { stdout: out + `** server can't find ${ptr}: NXDOMAIN\n\n`, stderr: '', code: 1 };
    return { stdout: out + `${ptr}\tname = ${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local\n\n`, stderr: '', code: 0 };
  }
  const lower = name.toLowerCase().replace(/\.$/, '');
  const names = name.includes('.') ? [lower] : searchPath(pod.metadata.namespace!).map((d) => `${lower}.${d}`);
  const answers = names.map((n) => lookup(dns, n));
  const a: Answer = answers.find((x) => x.kind === 'A' || x.kind === 'CNAME') ?? answers.find((x) => x.kind === 'NODATA') ?? answers[0]!;
  const asked = name.includes('.') ? name : names[0]!;
  if (a.kind === 'A') out += a.addresses.map((ip) => `Name:\t${a.name}\nAddress: ${ip}\n`).join('') + '\n';
  else if (a.kind === 'CNAME') out += `${a.name}\tcanonical name = ${a.target.replace(/\.$/, '')}\n\n`;
  else if (a.kind === 'NODATA') return { stdout: out + `*** Can't find ${a.name}: No answer\n\n`, stderr: '', code: 1 };
  else return { stdout: out + `** server can't find ${asked}: NXDOMAIN\n\n`, stderr: '', code: 1 };
  return { stdout: out, stderr: '', code: 0 };
}

// ---- HTTP ----

interface Url {
  host: string;
  port: number;
  /** Path and query, as sent in the request line. */
  path: string;
}

/** http://HOST[:PORT][/PATH] (the scheme may be left out); a string is an error message. */
function parseUrl(raw: string, tool: 'curl' | 'wget'): Url | { error: string; code: number } {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(raw);
  const scheme = m ? m[1]!.toLowerCase() : 'http';
  if (scheme !== 'http') {
    // No TLS in the simulation: https is answered as an unsupported protocol.
    return tool === 'curl'
      ? { error: `curl: (1) Protocol "${m![1]}" not supported (kube-lite simulates plain http only)\n`, code: 1 }
      : { error: `wget: unsupported protocol: ${raw} (kube-lite simulates plain http only)\n`, code: 1 };
  }
  const rest = m ? raw.slice(m[0].length) : raw;
  const cut = rest.search(/[/?#]/);
  const authority = (cut === -1 ? rest : rest.slice(0, cut)).replace(/^.*@/, '');
  let path = cut === -1 ? '/' : rest.slice(cut).replace(/#.*$/, '');
  if (path.startsWith('?')) path = `/${path}`;
  if (path === '') path = '/';
  const [host, port, extra] = authority.split(':');
  if (!host) return tool === 'curl' ? { error: 'curl: (3) URL rejected: No host part in the URL\n', code: 3 } : { error: `wget: bad address ''\n`, code: 1 };
  if (extra !== undefined || (port !== undefined && (!/^\d+$/.test(port) || Number(port) > 65535))) {
    return tool === 'curl'
      ? { error: 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535\n', code: 3 }
      : { error: `wget: bad port spec '${authority}'\n`, code: 1 };
  }
  return { host: host.toLowerCase(), port: port ? Number(port) : 80, path };
}

/** Connects from the pod and, when answered, records the request in the answering pod's log. */
function request(api: ApiServer, pod: KObject, url: Url, agent?: string): { conn: Connection; now: number } {
  const { world, namespaces } = readWorld(api);
  const env = { int: (n: number) => api.random.int(n), now: api.now(), affinity: loadAffinity(api.store) };
  const conn = connect(world, namespaces, pod, url.host, url.port, env);
  pruneAffinity(env);
  saveAffinity(api.store, env.affinity);
  if (conn.kind === 'answered') appendLog(api.store, [servedEntry(conn, rfc3339(env.now), url.path, agent)]);
  pruneLog(api.store, new Set(world.pods.map((p) => p.metadata.uid!)));
  return { conn, now: env.now };
}

const CURL_TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
/** Linux gives up a connection whose SYNs go unanswered after 127 s (tcp_syn_retries 6). */
const SYN_TIMEOUT_MS = 127000;

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  include: boolean;
  maxTime?: number;
  url: string;
}

function parseCurl(args: string[]): CurlOptions | NetResult {
  const o: Partial<CurlOptions> & { silent: boolean; showError: boolean; include: boolean } = { silent: false, showError: false, include: false };
  const usage = (msg: string): NetResult => ({ stdout: '', stderr: `curl: ${msg}\n${CURL_TRY}`, code: 2 });
  const setMaxTime = (v: string | undefined, flag: string): NetResult | undefined => {
    if (v === undefined) return usage(`option ${flag}: requires parameter`);
    if (!/^\d+(\.\d+)?$/.test(v)) return usage(`option ${flag}: expected a proper numerical parameter`);
    o.maxTime = Number(v);
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--silent') o.silent = true;
    else if (a === '--show-error') o.showError = true;
    else if (a === '--include') o.include = true;
    else if (a === '--max-time' || a === '--connect-timeout') {
      const bad = setMaxTime(args[++i], a);
      if (bad) return bad;
    } else if (a.startsWith('--')) return usage(`option ${a}: is unknown`);
    else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 's') o.silent = true;
        else if (c === 'S') o.showError = true;
        else if (c === 'i') o.include = true;
        else if (c === 'm') {
          const bad = setMaxTime(j + 1 < a.length ? a.slice(j + 1) : args[++i], '-m');
          if (bad) return bad;
          break;
        } else return usage(`option -${c}: is unknown`);
      }
    } else if (o.url === undefined) o.url = a;
    else return { stdout: '', stderr: 'kube-lite: curl: only one URL per command is simulated\n', code: 2 };
  }
  if (o.url === undefined) return { stdout: '', stderr: CURL_TRY, code: 2 };
  return o as CurlOptions;
}

function curl(api: ApiServer, pod: KObject, args: string[]): NetResult {
  const o = parseCurl(args);
  if ('code' in o) return o;
  const fail = (message: string, code: number): NetResult => ({ stdout: '', stderr: !o.silent || o.showError ? message : '', code });
  const url = parseUrl(o.url, 'curl');
  if ('error' in url) return fail(url.error, url.code);
  const { conn, now } = request(api, pod, url);
  switch (conn.kind) {
    case 'unresolved':
      return fail(`curl: (6) Could not resolve host: ${url.host}\n`, 6);
    case 'refused':
      return fail(`curl: (7) Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server\n`, 7);
    case 'timeout':
      return o.maxTime !== undefined
        ? fail(`curl: (28) Connection timed out after ${Math.round(o.maxTime * 1000)} milliseconds\n`, 28)
        : fail(`curl: (28) Failed to connect to ${url.host} port ${url.port} after ${SYN_TIMEOUT_MS} ms: Couldn't connect to server\n`, 28);
    case 'answered': {
      const r = respond(conn.pod, conn.container, now);
      const head = o.include ? `HTTP/1.1 ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n` : '';
      return { stdout: head + r.body, stderr: '', code: 0 };
    }
  }
}

// ---- wget (busybox) ----

function wget(api: ApiServer, pod: KObject, args: string[]): NetResult {
  let quiet = false;
  let output: string | undefined;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-O' || a === '--output-document') output = args[++i];
    else if (a.startsWith('--output-document=')) output = a.slice('--output-document='.length);
    else if (a === '-T' || a === '--timeout') i++;
    else if (/^-[^-]/.test(a)) {
      // Bundled short options: -qO- , -q -O -, -O- -q.
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'q') quiet = true;
        else if (c === 'O' || c === 'T') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (c === 'O') output = v;
          break;
        } else return wgetUsage(a);
      }
    } else if (a.startsWith('-')) return wgetUsage(a);
    else if (target === undefined) target = a;
    else return { stdout: '', stderr: 'kube-lite: wget: only one URL per command is simulated\n', code: 1 };
  }
  if (target === undefined) return { stdout: '', stderr: 'Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n', code: 1 };
  if (output !== '-' || !quiet) {
    return { stdout: '', stderr: `kube-lite: wget: only output to stdout, quietly, is simulated: wget -qO- URL\n`, code: 127 };
  }
  const url = parseUrl(target, 'wget');
  if ('error' in url) return { stdout: '', stderr: url.error, code: url.code };
  const { conn, now } = request(api, pod, url, 'Wget');
  switch (conn.kind) {
    case 'unresolved':
      return { stdout: '', stderr: `wget: bad address '${url.host}'\n`, code: 1 };
    case 'refused':
      return { stdout: '', stderr: `wget: can't connect to remote host (${conn.ip}): Connection refused\n`, code: 1 };
    case 'timeout':
      return { stdout: '', stderr: 'wget: download timed out\n', code: 1 };
    case 'answered':
      return { stdout: respond(conn.pod, conn.container, now).body, stderr: '', code: 0 };
  }
}

function wgetUsage(opt: string): NetResult {
  return { stdout: '', stderr: `kube-lite: wget: option ${opt} is not simulated (it can run: wget -qO- URL)\n`, code: 127 };
}
