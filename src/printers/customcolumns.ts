// kubectl's `-o custom-columns=` / `-o custom-columns-file=` printer (kubectl pkg/cmd/get/customcolumn.go).
// Rows are returned with cells joined by '\t'; callers align them with tabwrite(…, GET_TABWRITER).

import { CliError } from '../api/errors.js';
import { executeJsonPath, goFormatV, JsonPathParseError, parseJsonPath, type ParsedJsonPath } from './jsonpath.js';

export interface CustomColumn {
  /** Printed as given (not upper-cased). */
  header: string;
  /** A full jsonpath template, e.g. `{.metadata.name}` (or '' for an empty spec). */
  fieldSpec: string;
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`; '' stays ''. */
export function relaxedJsonPath(expr: string): string {
  if (expr.length === 0) return expr;
  const m = RELAXED.exec(expr);
  if (!m) {
    throw new CliError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] || m[2]}}`;
}

/** NewCustomColumnsPrinterFromSpec: `HEADER:path,HEADER2:path2`. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new CliError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon === -1) {
      throw new CliError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    }
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPath(part.slice(colon + 1)) };
  });
}

// unicode.IsSpace, which bufio.ScanWords splits on.
const WORDS = /[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * NewCustomColumnsPrinterFromTemplate: a header line and a spec line, each split on whitespace.
 * Upstream ignores --no-headers for this form.
 */
export function parseCustomColumnsFile(text: string): CustomColumn[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const line = (i: number) => lines[i]!.replace(/\r$/, '');
  const hint = 'Expected format is one line of space separated headers, one line of space separated column specs.';
  if (lines.length < 1) throw new CliError(`invalid template, missing header line. ${hint}`);
  const headers = line(0).match(WORDS) ?? [];
  if (lines.length < 2) throw new CliError(`invalid template, missing spec line. ${hint}`);
  const specs = line(1).match(WORDS) ?? [];
  if (headers.length !== specs.length) {
    throw new CliError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPath(specs[i]!) }));
}

/**
 * A failure while printing. kubectl has already written `partialOutput` (the header and any rows
 * before the failing one, not yet tab-aligned) to stdout when it reports the error.
 */
export class CustomColumnsError extends CliError {
  override name = 'CustomColumnsError';
  constructor(
    message: string,
    readonly partialOutput: string,
  ) {
    super(message);
  }
}

// printers.EscapeTerminal
const escapeTerminal = (s: string) => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

/** CustomColumnsPrinter.PrintObj over a list: '\t'-separated cells, one '\n'-terminated line each. */
export function renderCustomColumns(columns: CustomColumn[], objects: unknown[], opts: { noHeaders: boolean }): string {
  const lines: string[] = [];
  const fail = (message: string): never => {
    throw new CustomColumnsError(message, lines.map((l) => l + '\n').join(''));
  };
  if (!opts.noHeaders) lines.push(columns.map((c) => c.header).join('\t'));
  // Specs are parsed after the header is written, as upstream does.
  const parsers: ParsedJsonPath[] = [];
  for (const [i, c] of columns.entries()) {
    try {
      parsers.push(parseJsonPath(c.fieldSpec, `column${i}`));
    } catch (e) {
      if (e instanceof JsonPathParseError) fail(e.message);
      throw e;
    }
  }
  for (const obj of objects) {
    const cells = parsers.map((p) => {
      let groups: unknown[][] = [];
      try {
        groups = executeJsonPath(p, obj, { allowMissingKeys: true });
      } catch (e) {
        if (e instanceof CliError) fail(e.message);
        throw e;
      }
      const values = groups.flat().map((v) => escapeTerminal(goFormatV(v)));
      if (groups.length === 0 || groups[0]!.length === 0) values.unshift('<none>');
      return values.join(',');
    });
    lines.push(cells.join('\t'));
  }
  return lines.map((l) => l + '\n').join('');
}
