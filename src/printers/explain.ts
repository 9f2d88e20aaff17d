// `kubectl explain` output (the "plaintext" format kubectl renders from an OpenAPI v3 group-version
// document; kubectl pkg/explain/v2/templates/plaintext.tmpl). Pure: document in, text out.
//
// Layout, as kubectl 1.36 prints it (checked byte for byte against the real binary):
//
//   GROUP:      apps                   (no GROUP line for the core group)
//   KIND:       Deployment
//   VERSION:    v1
//   <blank>
//   FIELD: strategy <DeploymentStrategy>      only when a field path was given; then
//   ENUM: ...                                  the enum values one per line (if any) and two
//   <blank> <blank>                            blank lines
//   DESCRIPTION:
//       <descriptions of the schema and of what it refers to, wrapped at 76, indented 4>
//       <an indented empty line: each description ends in a newline>
//   [EXTERNAL DOCS: ...]
//   FIELDS:
//     name<TAB><type> -required-
//     enum: A, B, C, D, ....             (first four values)
//       <description wrapped at 78-2*level, indented 2*level+2>
//   <blank>
//
// With --recursive each field is one line, nested fields indented two more spaces per level, a
// $ref already being expanded on the current path is not expanded again (cycles).
// Fields are sorted by name (Go templates range over maps in key order).

import type { GroupVersionKind, OpenAPIDocument, OpenAPISchema } from '../api/openapi.js';
import { indent, wrapString } from './wordwrap.js';

export interface ExplainRequest {
  group: string;
  version: string;
  /** Plural resource name, as in the REST paths. */
  resource: string;
  fieldPath: string[];
  recursive: boolean;
}

/** What kubectl writes to stdout, and the error it then fails with (stdout keeps the header). */
export interface ExplainResult {
  out: string;
  error?: string;
}

type History = Record<string, true>;

// Go template truthiness for the JSON values explain looks at.
const truthy = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== false && v !== '' && v !== 0 &&
  !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

const mapValue = (v: OpenAPISchema['additionalProperties']): OpenAPISchema | undefined =>
  typeof v === 'object' && v !== null && truthy(v) ? v : undefined;

const sortedKeys = (o: Record<string, unknown>): string[] => Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function renderExplain(doc: OpenAPIDocument, req: ExplainRequest): ExplainResult {
  return new Renderer(doc, req.recursive).render(req);
}

/** The Go %v of the GVR kubectl names in its "not found" error: "apps/v1, Resource=pods". */
function gvrString(req: ExplainRequest): string {
  return `${req.group}/${req.version}, Resource=${req.resource}`;
}

class Renderer {
  constructor(
    private readonly doc: OpenAPIDocument,
    private readonly recursive: boolean,
  ) {}

  render(req: ExplainRequest): ExplainResult {
    const gvk = this.findGVK(req);
    if (!gvk) return { out: '', error: `error: GVR (${gvrString(req)}) not found in OpenAPI schema` };
    let out = '';
    if (gvk.group) out += `GROUP:      ${gvk.group}\n`;
    out += `KIND:       ${gvk.kind}\n`;
    out += `VERSION:    ${gvk.version}\n\n`;

    const schemas = this.doc.components?.schemas ?? {};
    const id = sortedKeys(schemas).find((k) => (schemas[k]!['x-kubernetes-group-version-kind'] ?? []).some((g) => sameGVK(g, gvk)));
    if (id === undefined) {
      return { out, error: `error: GVK map[group:${gvk.group} kind:${gvk.kind} version:${gvk.version}] not found in OpenAPI schema` };
    }
    const body = this.output(schemas[id]!, {}, req.fieldPath);
    if (!body) return { out, error: `error: field "${req.fieldPath[req.fieldPath.length - 1]}" does not exist` };
    return { out: out + body + '\n' };
  }

  /** The kind behind a resource: from the x-kubernetes-group-version-kind of its REST operations. */
  private findGVK(req: ExplainRequest): GroupVersionKind | undefined {
    const prefix = req.group ? `/apis/${req.group}/${req.version}` : `/api/${req.version}`;
    const candidates = [
      `${prefix}/${req.resource}`,
      `${prefix}/${req.resource}/{name}`,
      `${prefix}/namespaces/{namespace}/${req.resource}`,
      `${prefix}/namespaces/{namespace}/${req.resource}/{name}`,
    ];
    let found: GroupVersionKind | undefined;
    for (const p of candidates) {
      const item = this.doc.paths?.[p];
      if (!item) continue;
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const gvk = item[method]?.['x-kubernetes-group-version-kind'];
        if (gvk && truthy(gvk)) {
          found = gvk;
          break;
        }
      }
    }
    return found;
  }

  /** "#/components/schemas/X" → that schema; anything else (or an empty schema) → undefined. */
  private resolve(ref: string | undefined): OpenAPISchema | undefined {
    if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
    let cur: unknown = this.doc;
    for (const part of ref.slice(1).split('/')) {
      if (!part) continue;
      if (typeof cur !== 'object' || cur === null) return undefined;
      cur = (cur as Record<string, unknown>)[part];
    }
    return typeof cur === 'object' && cur !== null && !Array.isArray(cur) && truthy(cur) ? (cur as OpenAPISchema) : undefined;
  }

  /** Follows the field path, then prints the FIELD header (for a path), DESCRIPTION and FIELDS. */
  private output(schema: OpenAPISchema, history: History, path: string[]): string {
    const ref = schema.$ref ?? '';
    const next: History = { ...history, [ref]: true };
    const resolved = this.resolve(ref) ?? schema;
    if (path.length === 0) {
      let out = 'DESCRIPTION:\n';
      out += indent(4, wrapString(this.description(resolved) || '<empty>', 76)) + '\n';
      const docs = this.externalDocs(resolved.externalDocs, 0, 4, 76);
      if (docs) out += '\n' + docs;
      const fields = this.fieldList(resolved, 1, undefined);
      if (fields) out += 'FIELDS:\n' + fields;
      return out;
    }
    if (ref && history[ref]) return '';
    const name = path[0]!;
    const sub = resolved.properties?.[name];
    if (truthy(resolved.properties) && sub && truthy(sub)) {
      let out = '';
      if (path.length === 1) {
        out += `FIELD: ${name} <${this.typeGuess(sub)}>\n` + this.enumText(sub, true, -1, 0) + '\n\n';
      }
      return out + this.output(sub, {}, path.slice(1));
    }
    if (resolved.items && truthy(resolved.items)) return this.output(resolved.items, next, path);
    const values = mapValue(resolved.additionalProperties);
    if (values) return this.output(values, next, path);
    for (const alt of resolved.allOf ?? []) {
      const out = this.output(alt, next, path);
      if (out) return out;
    }
    return '';
  }

  /** The schema's description, then those of the schemas it is made of, each ending in a newline. */
  private description(schema: OpenAPISchema): string {
    const s = this.resolve(schema.$ref) ?? schema;
    let out = s.description ? s.description + '\n' : '';
    for (const alt of s.allOf ?? []) out += this.description(alt);
    if (s.items && truthy(s.items)) out += this.description(s.items);
    const values = mapValue(s.additionalProperties);
    if (values) out += this.description(values);
    return out;
  }

  /** The EXTERNAL DOCS: block: heading, then description and URL lines at `lineIndent`. */
  private externalDocs(docs: OpenAPISchema['externalDocs'], headIndent: number, lineIndent: number, width: number): string {
    if (!docs || !truthy(docs)) return '';
    let out = indent(headIndent, 'EXTERNAL DOCS:') + '\n';
    if (docs.description) out += indent(lineIndent, wrapString(docs.description, width)) + '\n';
    if (docs.url) out += indent(lineIndent, `URL: ${docs.url}`) + '\n';
    return out;
  }

  private fieldList(schema: OpenAPISchema, level: number, history: History | undefined): string {
    const ref = schema.$ref ?? '';
    if (ref && history?.[ref]) return '';
    const next: History = { ...history, [ref]: true };
    const resolved = this.resolve(ref) ?? schema;
    let out = '';
    const props = resolved.properties ?? {};
    for (const name of sortedKeys(props)) {
      out += this.fieldDetail(name, resolved, level);
      if (this.recursive) out += this.fieldList(props[name]!, level + 1, next);
    }
    for (const alt of resolved.allOf ?? []) out += this.fieldList(alt, level, next);
    if (resolved.items && truthy(resolved.items)) out += this.fieldList(resolved.items, level, next);
    const values = mapValue(resolved.additionalProperties);
    if (values) out += this.fieldList(values, level, next);
    return out;
  }

  private fieldDetail(name: string, parent: OpenAPISchema, level: number): string {
    const indentAmount = level * 2;
    const field = parent.properties![name]!;
    let out = indent(indentAmount, name) + `\t<${this.typeGuess(field)}>`;
    if (parent.required?.includes(name)) out += ' -required-';
    out += this.enumText(field, false, 4, indentAmount) + '\n';
    if (this.recursive) return out;
    out += indent(indentAmount + 2, wrapString(field.description || '<no description>', 78 - indentAmount)) + '\n';
    const docs = this.externalDocs(field.externalDocs, indentAmount + 2, indentAmount + 4, 76 - indentAmount);
    if (docs) out += '\n' + docs;
    return out + '\n';
  }

  /**
   * A short type name: `string`, `integer`, `Object`, `[]Container`, `map[string]string`; a $ref to
   * an object (or to a schema without a type, like Quantity) prints the schema's last name segment.
   */
  private typeGuess(schema: OpenAPISchema): string {
    if (schema.items && truthy(schema.items)) return '[]' + this.typeGuess(schema.items);
    const values = mapValue(schema.additionalProperties);
    if (values) return 'map[string]' + this.typeGuess(values);
    if (schema.allOf && truthy(schema.allOf) && !truthy(schema.properties) && schema.allOf.length === 1) {
      return this.typeGuess(schema.allOf[0]!);
    }
    if (schema.$ref) {
      const target = this.resolve(schema.$ref);
      if (!target || !target.type || target.type === 'object') {
        const last = schema.$ref.split('/').pop()!;
        return last.split('.').pop() || 'Object';
      }
      return target.type;
    }
    if (schema.type === 'object') return 'Object';
    return schema.type || 'Object';
  }

  /**
   * Enum values: on the field line's next line as `enum: A, B, C, D, ....` (at most `limit`), or
   * for the FIELD header as `ENUM:` followed by every value on its own indented line. An empty
   * string prints as `""`.
   */
  private enumText(schema: OpenAPISchema, long: boolean, limit: number, indentAmount: number): string {
    const values = schema.enum;
    if (!values || values.length === 0) return '';
    let out = long ? 'ENUM:' : '\n' + ' '.repeat(indentAmount) + 'enum: ';
    for (let i = 0; i < values.length; i++) {
      if (limit > -1 && i >= limit) {
        out += ', ....';
        break;
      }
      if (i > 0 && !long) out += ', ';
      else if (long) out += '\n    ';
      const v = values[i];
      out += v === '' ? '""' : goValue(v);
    }
    return out;
  }
}

function sameGVK(a: GroupVersionKind, b: GroupVersionKind): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind && Object.keys(a).length === Object.keys(b).length;
}

/** Go's %v for a decoded JSON scalar. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}
