// `kube-lite serve`: the simulated cluster behind the Kubernetes HTTP API, so real kubectl, helm and
// client libraries work against it. Routing, authentication, content negotiation and body decoding
// live here; the REST semantics in rest.ts, group commit in batch.ts, watches in watch.ts.

import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { parse as parseYaml } from 'yaml';
import { badRequest, StatusError } from '../api/errors.js';
import { openAPIDocumentText, openAPIIndex } from '../api/openapi.js';
import { groupVersion, RESOURCES, type ResourceInfo } from '../api/registry.js';
import { versionInfo } from '../cluster/version.js';
import type { SessionEnv } from '../cluster/session.js';
import { fieldSelectorForKind } from '../api/fields.js';
import type { Clock } from '../sim/clock.js';
import { listOptions } from '../resource/select.js';
import { Batcher } from './batch.js';
import { aggregatedDiscovery, AGGREGATED_CONTENT_TYPE, apiGroupDoc, apiGroupList, apiResourceList, apiVersions } from './discovery.js';
import { handle, PATCH_TYPES, type ApiRequest, type ApiResponse, type Verb } from './rest.js';
import { failureBody, notFoundPath, toStatusError, unauthorized, unsupportedMediaType } from './status.js';
import { includeObjectParam, wantsTable } from './table.js';
import { WatchHub, type WatchSpec } from './watch.js';
import { decodeProtobufObject, isProtobufContentType } from './protobuf/decode.js';
import { crdRequest, deprecationWarnings, OPENAPI_V2_PROTOBUF, withWarnings } from './extras.js';

export interface ServeOptions {
  se: SessionEnv;
  clusterName: string;
  clock: Clock;
  port: number;
  address: string;
  token?: string;
  /** Serve HTTPS with this certificate and key (PEM) instead of plain HTTP. */
  tls?: { cert: string; key: string };
  /** How often state.json is checked for CLI writes (ms); 0 disables. */
  pollMs?: number;
}

export interface RunningServer {
  port: number;
  address: string;
  /** 'https' when started with tls. */
  scheme: 'http' | 'https';
  batcher: Batcher;
  close(): Promise<void>;
}

/** Paths system:unauthenticated may read in a default cluster (the system:public-info-viewer role). */
const PUBLIC_PATHS = new Set(['/healthz', '/livez', '/readyz', '/version', '/version/']);

const BODY_TYPES = ['application/json', 'application/yaml'];

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const hub = new WatchHub();
  const batcher = new Batcher(o.se, o.clusterName, o.clock, {
    beforeCommit: (api, changed) => hub.diff(api, changed),
    afterCommit: () => hub.flush(),
  }, o.pollMs ?? 100);
  // One empty batch first: a missing or locked-for-good cluster fails here, before we listen.
  await new Promise<void>((resolve, reject) => {
    batcher.submit(() => undefined).then(() => resolve(), reject);
  });
  let port = o.port;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    serveRequest(req, res).catch((e) => {
      if (!res.headersSent) send(res, errorResponse(e));
      else res.end();
    });
  };
  const server = o.tls ? https.createServer({ cert: o.tls.cert, key: o.tls.key }, onRequest) : http.createServer(onRequest);
  server.keepAliveTimeout = 65_000;

  async function serveRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    // Authentication: with --token, a request must carry it; one without credentials may still read
    // the public info paths, as anonymous users can on a default cluster.
    if (o.token !== undefined) {
      const auth = req.headers['authorization'];
      if (auth !== undefined ? auth !== `Bearer ${o.token}` : !PUBLIC_PATHS.has(path)) {
        await drain(req);
        return send(res, errorResponse(unauthorized()));
      }
    }
    const accept = String(req.headers['accept'] ?? '');
    if (req.method === 'GET' || req.method === 'HEAD') {
      const simple = nonResource(path, url, accept, req, `${o.address}:${port}`);
      if (simple) return send(res, simple);
    }
    const target = parseResourcePath(path);
    if (!target) {
      await drain(req);
      // apiextensions.k8s.io/v1 customresourcedefinitions: kube-lite has none (served, not discovered).
      const crd = crdRequest(path, req.method ?? 'GET', new URL(req.url ?? '/', 'http://localhost').searchParams);
      return send(res, crd ?? errorResponse(notFoundPath()));
    }
    const warn = deprecationWarnings(target.info);
    const reply = (r: ServerResponse, a: ApiResponse): void => sendResponse(r, withWarnings(a, warn));
    const q = url.searchParams;
    const method = req.method ?? 'GET';
    const hasName = target.name !== undefined;
    const isWatch = method === 'GET' && (target.watch || q.get('watch') === 'true' || q.get('watch') === '1');
    if (isWatch) return startWatch(req, res, target, q, accept, warn);
    let verb: Verb;
    if (method === 'GET') verb = hasName ? 'get' : 'list';
    else if (method === 'POST' && (!hasName || target.subresource === 'eviction')) verb = 'create';
    else if (method === 'PUT' && hasName) verb = 'update';
    else if (method === 'PATCH' && hasName) verb = 'patch';
    else if (method === 'DELETE') verb = hasName ? 'delete' : 'deletecollection';
    else {
      await drain(req);
      return reply(res, errorResponse(new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')));
    }
    if (!target.info.namespaced && target.namespace !== undefined) return reply(res, errorResponse(notFoundPath()));
    if (target.info.namespaced && target.namespace === undefined && verb !== 'list') return reply(res, errorResponse(notFoundPath()));
    const raw = await readBody(req);
    const contentType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    let body: unknown;
    try {
      body = decodeBody(verb, contentType, raw);
      if (verb === 'create' || verb === 'update') body = withTypeFromURL(body, target);
    } catch (e) {
      return reply(res, errorResponse(e, target.info));
    }
    const apiReq: ApiRequest = {
      verb,
      info: target.info,
      namespace: target.namespace,
      name: target.name,
      subresource: target.subresource,
      query: q,
      body,
      contentType,
      table: wantsTable(accept) ? includeObjectParam(q) : undefined,
    };
    const result = await batcher.submit((s) => handle(s.api, apiReq));
    reply(res, result);
  }

  function startWatch(req: IncomingMessage, res: ServerResponse, target: ResourceTarget, q: URLSearchParams, accept: string, warn?: string[]): void {
    const reply = (r: ServerResponse, a: ApiResponse): void => sendResponse(r, withWarnings(a, warn));
    let spec: WatchSpec;
    try {
      if (target.info.namespaced && target.namespace === undefined && target.name !== undefined) throw notFoundPath();
      const fs = [q.get('fieldSelector') || '', target.name !== undefined ? `metadata.name=${target.name}` : ''].filter(Boolean).join(',');
      if (fs) fieldSelectorForKind(target.info.kind, fs);
      spec = {
        info: target.info,
        namespace: target.namespace,
        opts: listOptions(q.get('labelSelector') || undefined, fs || undefined, target.info.kind),
        resourceVersion: q.get('resourceVersion') ?? undefined,
        sendInitialEvents: q.get('sendInitialEvents') === 'true',
        allowBookmarks: q.get('allowWatchBookmarks') === 'true',
        table: wantsTable(accept) ? includeObjectParam(q) : undefined,
      };
    } catch (e) {
      return reply(res, errorResponse(e, target.info));
    }
    res.writeHead(200, {
      'Content-Type': spec.table ? 'application/json;as=Table;v=v1;g=meta.k8s.io' : 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
      ...(warn ? { Warning: warn } : {}),
    });
    res.flushHeaders();
    const timeout = Number(q.get('timeoutSeconds') ?? 0);
    batcher.submit((s) => hub.start(s.api, spec, res)).then(
      (w) => {
        const end = () => {
          hub.stop(w);
          if (!res.writableEnded) res.end();
        };
        if (res.destroyed || req.destroyed) return end();
        res.on('close', end);
        if (timeout > 0) setTimeout(end, timeout * 1000).unref();
      },
      () => res.end(),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    address: o.address,
    scheme: o.tls ? 'https' : 'http',
    batcher,
    async close() {
      server.close();
      await batcher.close();
      hub.closeAll();
      server.closeAllConnections();
    },
  };
}

interface ResourceTarget {
  info: ResourceInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The deprecated /watch/ path prefix. */
  watch: boolean;
}

/** /api/v1/..., /apis/<group>/<version>/...: the resource, namespace, name and subresource. */
function parseResourcePath(path: string): ResourceTarget | undefined {
  const segs = path.split('/').filter((s) => s !== '').map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 3) [group, version, rest] = ['', segs[1]!, segs.slice(2)];
  else if (segs[0] === 'apis' && segs.length >= 4) [group, version, rest] = [segs[1]!, segs[2]!, segs.slice(3)];
  else return undefined;
  let watch = false;
  if (rest[0] === 'watch') {
    watch = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize'))) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length === 0 || rest.length > 3) return undefined;
  const info = RESOURCES.find((r) => r.group === group && r.version === version && r.resource === rest[0]);
  if (!info) return undefined;
  return { info, namespace, name: rest[1], subresource: rest[2], watch };
}

/** Discovery, version, health and OpenAPI; undefined for anything else. */
function nonResource(path: string, url: URL, accept: string, req: IncomingMessage, serverAddress: string): ApiResponse | undefined {
  const p = path.length > 1 ? path.replace(/\/$/, '') : path;
  if (p === '/version') return { code: 200, body: versionInfo() };
  if (p === '/healthz' || p === '/livez' || p === '/readyz') return { code: 200, body: 'ok', contentType: 'text/plain; charset=utf-8' };
  if (p === '/api' || p === '/apis') {
    if (accept.includes('as=APIGroupDiscoveryList') && accept.includes('v=v2') && accept.includes('g=apidiscovery.k8s.io')) {
      return { code: 200, body: aggregatedDiscovery(p === '/api'), contentType: AGGREGATED_CONTENT_TYPE };
    }
    return { code: 200, body: p === '/api' ? apiVersions(serverAddress) : apiGroupList() };
  }
  let m = /^\/apis\/([^/]+)$/.exec(p);
  if (m) {
    const doc = apiGroupDoc(m[1]!);
    return doc ? { code: 200, body: doc } : undefined;
  }
  m = /^\/api\/(v1)$/.exec(p) ?? /^\/apis\/([^/]+\/[^/]+)$/.exec(p);
  if (m) {
    const [g, v] = m[1]!.includes('/') ? m[1]!.split('/') : ['', m[1]!];
    const doc = apiResourceList(g!, v!);
    return doc ? { code: 200, body: doc } : undefined;
  }
  if (p === '/openapi/v3') return { code: 200, body: openAPIIndex() };
  m = /^\/openapi\/v3\/(.+)$/.exec(p);
  if (m) return openAPIv3(m[1]!, url, req);
  // A real apiserver always serves /openapi/v2 (protobuf). kubectl's client-side validation falls back
  // to it for kinds the server does not validate (unknown kinds, v1 List): an empty document makes
  // that validation pass, so such a kind fails at resource mapping ("ensure CRDs are installed first").
  if (p === '/openapi/v2') return { code: 200, body: OPENAPI_V2_PROTOBUF, contentType: 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf' };
  return undefined;
}

/** GET /openapi/v3/<api/v1|apis/g/v>?hash=H: the document; an old hash redirects to the current one. */
function openAPIv3(rel: string, url: URL, req: IncomingMessage): ApiResponse | undefined {
  const entry = openAPIIndex().paths[rel];
  if (!entry) return undefined;
  const current = new URL(entry.serverRelativeURL, 'http://localhost').searchParams.get('hash') ?? '';
  const hash = url.searchParams.get('hash');
  if (hash && hash !== current) return { code: 301, body: '', headers: { Location: entry.serverRelativeURL } };
  const etag = `"${current}"`;
  const headers: Record<string, string> = { ETag: etag, Vary: 'Accept' };
  if (hash) {
    headers['Cache-Control'] = 'public, immutable';
    headers['Expires'] = new Date(Date.now() + 365 * 86_400_000).toUTCString();
  } else headers['Cache-Control'] = 'no-cache, private';
  if (req.headers['if-none-match'] === etag) return { code: 304, body: '', headers };
  const [group, version] = rel.startsWith('apis/') ? rel.slice(5).split('/') : ['', rel.slice(4)];
  const text = openAPIDocumentText(group!, version!);
  if (text === undefined) return undefined;
  return { code: 200, body: text, headers, contentType: 'application/json' };
}

function decodeBody(verb: Verb, contentType: string, raw: Buffer): unknown {
  if (verb === 'get' || verb === 'list') return undefined;
  if ((verb === 'delete' || verb === 'deletecollection') && raw.length === 0) return undefined;
  // kubectl >= 1.32 sends typed-client bodies (`kubectl create deployment|configmap|…`) as protobuf.
  if (isProtobufContentType(contentType)) {
    if (verb === 'patch') throw unsupportedMediaType(PATCH_TYPES);
    return decodeProtobufObject(raw);
  }
  if (verb === 'patch') {
    if (!PATCH_TYPES.includes(contentType)) throw unsupportedMediaType(PATCH_TYPES);
  } else if (contentType && !BODY_TYPES.includes(contentType) && contentType !== 'text/plain') {
    throw unsupportedMediaType(BODY_TYPES);
  }
  const text = raw.toString('utf8');
  if (contentType === 'application/yaml' || contentType === 'application/apply-patch+yaml') {
    try {
      return parseYaml(text);
    } catch (e) {
      throw badRequest(`error converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    if (verb === 'patch') throw badRequest(`error decoding patch: ${(e as Error).message}`);
    throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
  }
}

/**
 * A create/update body without apiVersion or kind takes them from the URL, as the apiserver's decoder
 * defaults them (pods/eviction: policy/v1 Eviction).
 */
function withTypeFromURL(body: unknown, target: ResourceTarget): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const o = body as Record<string, unknown>;
  const [apiVersion, kind] = target.subresource === 'eviction' ? ['policy/v1', 'Eviction'] : target.subresource ? [undefined, undefined] : [groupVersion(target.info), target.info.kind];
  if (!apiVersion || (o['apiVersion'] && o['kind'])) return body;
  return { apiVersion: o['apiVersion'] || apiVersion, kind: o['kind'] || kind, ...Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'apiVersion' && k !== 'kind')) };
}

function errorResponse(e: unknown, info?: ResourceInfo): ApiResponse {
  const err = toStatusError(e);
  return { code: err.code, body: failureBody(err, info) };
}

function send(res: ServerResponse, r: ApiResponse): void {
  sendResponse(res, r);
}

function sendResponse(res: ServerResponse, r: ApiResponse): void {
  const text = Buffer.isBuffer(r.body) ? r.body : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  const headers: Record<string, string | string[] | number> = {
    'Content-Type': r.contentType ?? 'application/json',
    'Cache-Control': 'no-cache, private',
    ...(r.headers ?? {}),
  };
  if (r.code === 304 || r.code === 301) {
    res.writeHead(r.code, headers);
    res.end();
    return;
  }
  headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(r.code, headers);
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return;
  await readBody(req).catch(() => undefined);
}
