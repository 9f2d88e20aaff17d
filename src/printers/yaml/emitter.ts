// The parts of go-yaml v2's emitter (emitterc.go) that yaml.Marshal reaches for
// JSON-shaped data: block mappings/sequences, "{}"/"[]" for empty ones, and the
// plain / single / double-quoted / literal scalar writers with their folding at
// best_width 80. Column bookkeeping mirrors the C original so line breaks land
// exactly where kubectl puts them.

import { codePoints, fromCodePoints, isBlank, isBlankZ, isBreak, isPrintable, isSpace, utf8Length } from './chars.js';

export type ScalarStyle = 'plain' | 'double' | 'literal';
export type ENode =
  | { kind: 'scalar'; value: string; style: ScalarStyle }
  | { kind: 'seq'; items: ENode[] }
  | { kind: 'map'; pairs: Array<[ENode, ENode]> };

/** Text whose analysis is trivial: starts alphanumeric, no spaces, breaks, indicators that matter or escapes. */
const SIMPLE = /^[A-Za-z0-9_][A-Za-z0-9_.\/+=-]*$/;

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

interface Analysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

/** yaml_emitter_analyze_scalar: which styles can represent the value. */
function analyze(v: number[]): Analysis {
  if (v.length === 0) {
    return { multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true, block: false };
  }
  let blockInd = false;
  let flowInd = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  const starts = (ch: number) => v[0] === ch && v[1] === ch && v[2] === ch;
  if (v.length >= 3 && (starts(0x2d) || starts(0x2e))) blockInd = flowInd = true;
  let precededByWs = true;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    const followedByWs = i + 1 >= v.length || isBlank(v[i + 1]!);
    if (i === 0) {
      switch (String.fromCodePoint(c)) {
        case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*':
        case '!': case '|': case '>': case "'": case '"': case '%': case '@': case '`':
          flowInd = blockInd = true;
          break;
        case '?': case ':':
          flowInd = true;
          if (followedByWs) blockInd = true;
          break;
        case '-':
          if (followedByWs) flowInd = blockInd = true;
          break;
      }
    } else {
      switch (String.fromCodePoint(c)) {
        case ',': case '?': case '[': case ']': case '{': case '}':
          flowInd = true;
          break;
        case ':':
          flowInd = true;
          if (followedByWs) blockInd = true;
          break;
        case '#':
          if (precededByWs) flowInd = blockInd = true;
          break;
      }
    }
    if (!isPrintable(c)) special = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === v.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === v.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = prevBreak = false;
    }
    precededByWs = isBlankZ(c);
  }
  const a: Analysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || special) a.flowPlain = a.blockPlain = a.singleQuoted = a.block = false;
  if (lineBreaks) a.flowPlain = a.blockPlain = false;
  if (flowInd) a.flowPlain = false;
  if (blockInd) a.blockPlain = false;
  return a;
}

const HEX = '0123456789ABCDEF';
const ESCAPES = new Map<number, string>([
  [0x00, '0'], [0x07, 'a'], [0x08, 'b'], [0x09, 't'], [0x0a, 'n'], [0x0b, 'v'], [0x0c, 'f'],
  [0x0d, 'r'], [0x1b, 'e'], [0x22, '"'], [0x5c, '\\'], [0x85, 'N'], [0xa0, '_'], [0x2028, 'L'], [0x2029, 'P'],
]);

class Emitter {
  /** Output as code points: far cheaper than growing a string one character at a time. */
  private readonly out: number[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  // Contexts of the node being emitted (yaml_emitter_emit_node arguments).
  private mappingContext = false;
  private simpleKeyContext = false;

  document(root: ENode): string {
    this.node(root, false);
    this.writeIndent(); // implicit document end
    return fromCodePoints(this.out);
  }

  private put(s: string): void {
    for (let i = 0; i < s.length; i++) this.out.push(s.charCodeAt(i));
    this.column += s.length; // callers only put ASCII
  }

  /** write(): one character, one column, whatever its byte width. */
  private write(c: number): void {
    this.out.push(c);
    this.column++;
  }

  private putBreak(): void {
    this.out.push(0x0a);
    this.column = 0;
  }

  /** write_break(): '\n' becomes the output line break; NEL/LS/PS are copied but still reset the column. */
  private writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.write(c);
      this.column = 0;
    }
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(ind: string, needWs: boolean, isWs: boolean, isIndention: boolean): void {
    if (needWs && !this.whitespace) this.put(' ');
    this.put(ind);
    this.whitespace = isWs;
    this.indention = this.indention && isIndention;
  }

  private node(n: ENode, mapping: boolean, simpleKey = false): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    if (n.kind === 'scalar') this.scalar(n.value, n.style);
    else if (n.kind === 'seq') {
      if (n.items.length === 0) this.emptyFlow('[', ']');
      else this.blockSequence(n.items);
    } else if (n.pairs.length === 0) this.emptyFlow('{', '}');
    else this.blockMapping(n.pairs);
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private blockSequence(items: ENode[]): void {
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, false);
    }
    this.popIndent();
  }

  private blockMapping(pairs: Array<[ENode, ENode]>): void {
    this.increaseIndent(false, false);
    for (const [k, v] of pairs) {
      this.writeIndent();
      if (isSimpleKey(k)) {
        this.node(k, true, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(k, true, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(v, true);
    }
    this.popIndent();
  }

  private scalar(value: string, requested: ScalarStyle): void {
    if (SIMPLE.test(value) && requested !== 'literal') {
      // Fast path for identifier-like text: plain-safe, nothing to escape, nowhere to fold.
      if (!this.whitespace) this.put(' ');
      this.put(requested === 'plain' ? value : `"${value}"`);
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const v = codePoints(value);
    const a = analyze(v);
    const style = selectStyle(requested, a, v.length, this.simpleKeyContext);
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === 'plain') this.writePlain(v, allowBreaks);
    else if (style === 'single') this.writeSingle(v, allowBreaks);
    else if (style === 'double') this.writeDouble(v, allowBreaks);
    else this.writeLiteral(v);
    this.popIndent();
  }

  private writePlain(v: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(v[i + 1] ?? 0)) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        spaces = breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(v: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1 && !isSpace(v[i + 1]!)) {
          this.writeIndent();
        } else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.write(c);
        this.indention = false;
        spaces = breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(v: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // go-yaml's is_bom() looks at the start of the value, not at position i:
    // a leading BOM makes every character come out escaped.
    const bom = v[0] === 0xfeff;
    let spaces = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (!isPrintable(c) || bom || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        const short = ESCAPES.get(c);
        if (short !== undefined) this.put(short);
        else {
          const [letter, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
          let hex = '';
          for (let k = (width - 1) * 4; k >= 0; k -= 4) hex += HEX[(c >> k) & 0xf];
          this.put(letter + hex);
        }
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1) {
          this.writeIndent();
          if (isSpace(v[i + 1]!)) this.put('\\');
        } else this.write(c);
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(v: number[]): void {
    this.writeIndicator('|', true, false, false);
    // Block scalar hints: explicit indentation when the text starts with a space
    // or break, then the chomping indicator from the trailing breaks.
    if (isSpace(v[0] ?? 0) || isBreak(v[0] ?? 0)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = '';
    const n = v.length;
    if (n === 0 || !isBreak(v[n - 1]!)) chomp = '-';
    else if (n === 1 || isBreak(v[n - 2]!)) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of v) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

type Style = ScalarStyle | 'single';

/** yaml_emitter_select_scalar_style for block context, implicit tags. */
function selectStyle(requested: ScalarStyle, a: Analysis, len: number, simpleKey: boolean): Style {
  let style: Style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlain) style = 'single';
    if (len === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuoted) style = 'double';
  if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
  return style;
}

/** yaml_emitter_check_simple_key: short (≤128 bytes), single-line scalars and empty collections. */
function isSimpleKey(k: ENode): boolean {
  if (k.kind === 'scalar') {
    if (SIMPLE.test(k.value)) return k.value.length <= 128;
    return !analyze(codePoints(k.value)).multiline && utf8Length(k.value) <= 128;
  }
  return k.kind === 'seq' ? k.items.length === 0 : k.pairs.length === 0;
}

/** Renders one YAML document (always newline-terminated). */
export function emitDocument(root: ENode): string {
  return new Emitter().document(root);
}
