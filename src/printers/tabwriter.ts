// A port of Go's text/tabwriter formatting (the parts kubectl uses): cells are terminated by '\t',
// the text after a line's last tab is not part of any column, and a column's width is computed over
// each run of consecutive lines that have a cell in that column ("column block").
//
// kubectl get:      minwidth 6, padding 3 (cli-runtime printers.GetNewTabWriter)
// kubectl describe: minwidth 0, padding 2 (kubectl describe.tabbedString)

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

export const GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

/** Go's utf8.RuneCountInString: code points, not UTF-16 units. Most cells have no surrogate pair. */
export function runeCount(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}
const SURROGATE = /[\ud800-\udfff]/;

/**
 * Formats `text` (lines separated by '\n', cells by '\t') as Go's tabwriter would. `remembered`: the
 * per-column maximum widths of liggitt/tabwriter's RememberWidths flag (kubectl's get tabwriter),
 * kept across calls - one call is one Flush(); the caller keeps the array between flushes.
 */
export function tabwrite(text: string, opts: TabwriterOptions, remembered?: number[]): string {
  const rawLines = text.split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i]!;
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j]!;
        s += cell;
        if (j < widths.length && j < cells.length - 1) {
          s += ' '.repeat(Math.max(0, widths[j]! - runeCount(cell)));
        }
      }
      // The last line is the text after the final '\n' (usually empty): it gets no newline.
      out.push(i + 1 === lines.length ? s : s + '\n');
    }
  };

  const format = (line0: number, line1: number): number => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur]!.length - 1) continue;
      // A cell exists in this column: this line starts a column block.
      writeLines(line0, cur);
      line0 = cur;
      let width = opts.minwidth;
      for (; cur < line1; cur++) {
        const cells = lines[cur]!;
        if (column >= cells.length - 1) break;
        width = Math.max(width, runeCount(cells[column]!) + opts.padding);
      }
      if (remembered) {
        // RememberWidths: a column is at least as wide as it ever was; a wider one is remembered.
        if (remembered.length < widths.length) remembered.push(...widths.slice(remembered.length));
        const max = remembered[widths.length];
        if (max === undefined) remembered.push(width);
        else if (max > width) width = max;
        else if (max < width) remembered[widths.length] = width;
      }
      widths.push(width);
      line0 = format(line0, cur);
      widths.pop();
      cur = line0 - 1;
    }
    writeLines(line0, line1);
    return line1;
  };

  format(0, lines.length);
  return out.join('');
}
