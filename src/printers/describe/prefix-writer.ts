// kubectl's describe PrefixWriter: every write() is prefixed with two spaces per level (the prefix
// applies to the start of *each call*, not each line), text goes into one tab-separated buffer,
// and the buffer is laid out by a Go text/tabwriter (minwidth 0, padding 2) at flush/finish.

import { DESCRIBE_TABWRITER, tabwrite } from '../tabwriter.js';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export interface Writer {
  /** Writes already-formatted text after `level` indentation. */
  write(level: number, text: string): void;
  /** Writes text plus a newline with no indentation (Go's Sprintln of one argument). */
  writeLine(text?: string): void;
  /** Ends the current tabwriter run: later lines are aligned independently. */
  flush(): void;
}

// cli-runtime printers.WriteEscaped: neutralise terminal escape characters.
const escape = (s: string): string => s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');

export class PrefixWriter implements Writer {
  private buf = '';
  private out = '';

  write(level: number, text: string): void {
    this.buf += escape('  '.repeat(level) + text);
  }

  writeLine(text = ''): void {
    this.buf += escape(text + '\n');
  }

  flush(): void {
    this.out += tabwrite(this.buf, DESCRIBE_TABWRITER);
    this.buf = '';
  }

  /** Flushes and returns everything written (kubectl's tabbedString result). */
  finish(): string {
    this.flush();
    return this.out;
  }
}

/** NewNestedPrefixWriter: adds `indent` levels to every write, including writeLine. */
export class NestedPrefixWriter implements Writer {
  constructor(
    private readonly inner: Writer,
    private readonly indent: number,
  ) {}

  write(level: number, text: string): void {
    this.inner.write(level + this.indent, text);
  }

  writeLine(text = ''): void {
    this.inner.write(this.indent, text + '\n');
  }

  flush(): void {
    this.inner.flush();
  }
}

/** Runs `fn` against a fresh writer and returns the tab-aligned text. */
export function tabbedString(fn: (w: Writer) => void): string {
  const w = new PrefixWriter();
  fn(w);
  return w.finish();
}
