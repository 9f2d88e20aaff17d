// The apiserver's OpenAPI v3 documents (/openapi/v3 and /openapi/v3/<api|apis/group>/<version>),
// generated at build time by scripts/gen-openapi.mjs into <build>/openapi/. Each group-version is
// its own file, read only when asked for, so `explain pods` parses the core document alone.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';

/** A JSON schema node of an OpenAPI v3 document (only what explain reads). */
export interface OpenAPISchema {
  $ref?: string;
  type?: string;
  description?: string;
  properties?: Record<string, OpenAPISchema>;
  required?: string[];
  items?: OpenAPISchema;
  additionalProperties?: OpenAPISchema | boolean;
  allOf?: OpenAPISchema[];
  enum?: unknown[];
  externalDocs?: { description?: string; url?: string };
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  [key: string]: unknown;
}

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface OpenAPIDocument {
  paths?: Record<string, Record<string, { 'x-kubernetes-group-version-kind'?: GroupVersionKind } | undefined>>;
  components?: { schemas?: Record<string, OpenAPISchema> };
}

let openapiDir: string | undefined;

/** Directory holding index.json, api/v1.json, apis/<g>/<v>.json (default: <repo>/build/openapi). */
export function setOpenAPIDir(dir: string | undefined): void {
  openapiDir = dir;
}

function defaultDir(): string {
  return join(packageRoot(), 'build', 'openapi');
}

/** "api/v1", "apis/apps/v1": the key of a group-version in /openapi/v3's `paths`. */
export function openAPIPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function readDoc(rel: string): string | undefined {
  const file = join(openapiDir ?? defaultDir(), rel);
  if (!existsSync(file)) {
    if (!existsSync(join(openapiDir ?? defaultDir(), 'index.json'))) {
      throw new Error(`kube-lite: OpenAPI documents missing (${file}); run "npm run build"`);
    }
    return undefined;
  }
  return readFileSync(file, 'utf8');
}

/** GET /openapi/v3: {"paths": {"apis/apps/v1": {"serverRelativeURL": "/openapi/v3/apis/apps/v1?hash=…"}}}. */
export function openAPIIndex(): { paths: Record<string, { serverRelativeURL: string }> } {
  return JSON.parse(readDoc('index.json') ?? '{"paths":{}}') as { paths: Record<string, { serverRelativeURL: string }> };
}

/** The raw JSON text of one group-version document, or undefined when that group-version is not served. */
export function openAPIDocumentText(group: string, version: string): string | undefined {
  return readDoc(`${openAPIPath(group, version)}.json`);
}

/** One group-version document, parsed; undefined when not served. */
export function openAPIDocument(group: string, version: string): OpenAPIDocument | undefined {
  const text = openAPIDocumentText(group, version);
  return text === undefined ? undefined : (JSON.parse(text) as OpenAPIDocument);
}
