// kubectl's half of `kubectl get`: cli-runtime printers/tableprinter.go decorateTable + printTable,
// then the `get` tabwriter. The server computed every cell; here we only decorate and align.

import type { Table, TableCell, TableColumn } from '../api/types.js';
import { formatLabels } from '../api/labels.js';
import { GET_TABWRITER, tabwrite } from './tabwriter.js';

export interface PrintTableOptions {
  /** -o wide: keep priority≠0 columns. */
  wide: boolean;
  noHeaders: boolean;
  /** -A: prepend NAMESPACE from each row's object. */
  namespaceColumn: boolean;
  /** --show-labels: append LABELS. */
  showLabels: boolean;
  /** -L keys, in order. */
  labelColumns: string[];
  /** --show-kind / several kinds: lower-case GroupKind, e.g. "deployment.apps" or "pod". */
  kindPrefix?: string;
}

type Cell = TableCell | null | undefined;

/** fmt.Sprint of a float64: shortest %g, which switches to %e for exponents < -4 or >= 6. */
function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  const [mant, e] = n.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** fmt.Sprint of a cell: ints as decimals, bools as true/false, nil as "". */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return Number.isInteger(cell) && Math.abs(cell) < 2 ** 63 ? BigInt(cell).toString() : goFloat(cell);
}

/**
 * appendCellValue: a cell is cut at its first \f, \n or \r and "..." appended; then
 * WriteEscaped turns ESC into "^[" and CR into a literal "\r".
 */
export function escapeCell(value: string): string {
  const brk = value.search(/[\f\n\r]/);
  const escape = (s: string): string => s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
  return brk >= 0 ? escape(value.slice(0, brk)) + '...' : escape(value);
}

/** formatLabelHeaders: upper-cased last "/"-segment of each -L key. */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1]!.toUpperCase();
}

function decorate(table: Table, opts: PrintTableOptions): { columns: TableColumn[]; rows: Cell[][] } {
  const columns: TableColumn[] = [];
  const str = (name: string): TableColumn => ({ name, type: 'string', priority: 0 });
  if (opts.namespaceColumn) columns.push(str('Namespace'));
  columns.push(...table.columnDefinitions);
  for (const key of opts.labelColumns) columns.push(str(labelHeader(key)));
  if (opts.showLabels) columns.push(str('Labels'));

  // The kind prefix goes on the first string column with format "name" (events: the wide NAME).
  const nameColumn = opts.kindPrefix
    ? table.columnDefinitions.findIndex((c) => c.format === 'name' && c.type === 'string')
    : -1;

  const rows = table.rows.map((row) => {
    const cells: Cell[] = [...row.cells];
    if (nameColumn >= 0 && nameColumn < cells.length) {
      cells[nameColumn] = `${opts.kindPrefix}/${cellText(cells[nameColumn])}`;
    }
    const meta = row.object?.metadata ?? {};
    if (opts.namespaceColumn) cells.unshift(meta.namespace ?? '');
    if (opts.labelColumns.length > 0 || opts.showLabels) {
      // Label cells follow the server's cells directly, as appendLabelCells does.
      const labels = meta.labels ?? {};
      for (const key of opts.labelColumns) cells.push(labels[key] ?? '');
      if (opts.showLabels) cells.push(formatLabels(labels));
    }
    return cells;
  });
  return { columns, rows };
}

/**
 * The tab-separated lines of a decorated table (printTable before the tabwriter); '' when there are
 * no rows. `eventType`: --output-watch-events' EVENT column, added in front after decorating.
 */
function tableLines(table: Table, opts: PrintTableOptions, eventType?: WatchEventType): string {
  if (table.rows.length === 0) return '';
  const { columns, rows } = decorate(table, opts);
  if (eventType !== undefined) {
    columns.unshift({ name: 'Event', type: 'string', priority: 0 });
    for (const cells of rows) cells.unshift(formatEventType(eventType));
  }
  const shown = (c: TableColumn): boolean => opts.wide || c.priority === 0;
  const lines: string[] = [];
  if (!opts.noHeaders) lines.push(columns.filter(shown).map((c) => c.name.toUpperCase()).join('\t'));
  for (const cells of rows) {
    const out: string[] = [];
    // Extra cells beyond the column definitions are ignored (issue 66379).
    for (let i = 0; i < cells.length && i < columns.length; i++) {
      if (shown(columns[i]!)) out.push(escapeCell(cellText(cells[i])));
    }
    lines.push(out.join('\t'));
  }
  return lines.map((l) => l + '\n').join('');
}

/** Renders a server-side Table as `kubectl get` prints it; '' when there are no rows. */
export function printTable(table: Table, opts: PrintTableOptions): string {
  const text = tableLines(table, opts);
  return text === '' ? '' : tabwrite(text, GET_TABWRITER);
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** tableprinter.go formattedEventType: padded to one width, as each event row is flushed alone. */
function formatEventType(type: WatchEventType): string {
  return type.padEnd(8, ' ');
}

/**
 * `kubectl get -w`'s table printer: one HumanReadablePrinter and one tabwriter for the whole watch.
 * The header goes out with the first table that has rows (printedHeaders; the columns of one kind
 * never change), and the tabwriter remembers every column's widest cell across flushes
 * (RememberWidths), so a later row is padded to the widths of everything printed before it.
 */
export class WatchTablePrinter {
  private printedHeaders = false;
  private readonly widths: number[] = [];

  constructor(private readonly opts: PrintTableOptions) {}

  /**
   * Prints tables and flushes once (kubectl flushes after the initial list and after each event);
   * `eventType` per table with --output-watch-events.
   */
  flush(tables: { table: Table; eventType?: WatchEventType }[]): string {
    let text = '';
    for (const { table, eventType } of tables) {
      text += tableLines(table, { ...this.opts, noHeaders: this.opts.noHeaders || this.printedHeaders }, eventType);
      if (table.rows.length > 0) this.printedHeaders = true;
    }
    return text === '' ? '' : tabwrite(text, GET_TABWRITER, this.widths);
  }
}
