// A TypeScript rendition of go-yaml v2's scanner (scannerc.go + readerc.go).
// It reproduces libyaml's token stream *and* its failure points: which problem
// is reported, and at which mark, is what kubectl's error messages are made of.
// The input is a string of code points; marks count characters like libyaml.

import {
  codePoints,
  fromCodePoints,
  hexValue,
  isAllowedInput,
  isAlpha,
  isBlank,
  isBlankZ,
  isBreak,
  isBreakZ,
  isDigit,
  isHex,
  isSpace,
  isTab,
  isZ,
  utf8Width,
} from './chars.js';

export interface Mark {
  index: number;
  line: number;
  column: number;
}

export type TokenType =
  | 'STREAM-START'
  | 'STREAM-END'
  | 'VERSION-DIRECTIVE'
  | 'TAG-DIRECTIVE'
  | 'DOCUMENT-START'
  | 'DOCUMENT-END'
  | 'BLOCK-SEQUENCE-START'
  | 'BLOCK-MAPPING-START'
  | 'BLOCK-END'
  | 'FLOW-SEQUENCE-START'
  | 'FLOW-SEQUENCE-END'
  | 'FLOW-MAPPING-START'
  | 'FLOW-MAPPING-END'
  | 'BLOCK-ENTRY'
  | 'FLOW-ENTRY'
  | 'KEY'
  | 'VALUE'
  | 'ALIAS'
  | 'ANCHOR'
  | 'TAG'
  | 'SCALAR';

export type InputScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** Scalar text, anchor/alias name, tag handle, %TAG handle. */
  value?: string;
  /** Tag suffix. */
  suffix?: string;
  /** %TAG prefix. */
  prefix?: string;
  style?: InputScalarStyle;
  major?: number;
  minor?: number;
}

/** A libyaml error; `fail()` in decode.go turns it into "yaml: line N: problem". */
export class YamlSyntaxError extends Error {
  constructor(
    readonly kind: 'reader' | 'scanner' | 'parser',
    readonly problem: string,
    readonly problemMark?: Mark,
    readonly contextMark?: Mark,
  ) {
    super(problem);
  }

  /** The go-yaml error text, without the "yaml: " prefix. */
  goMessage(): string {
    let line = 0;
    if (this.problemMark && this.problemMark.line !== 0) {
      // Scanner marks are 0-based and get +1; parser marks are reported as is.
      line = this.problemMark.line + (this.kind === 'scanner' ? 1 : 0);
    } else if (this.contextMark && this.contextMark.line !== 0) {
      line = this.contextMark.line;
    }
    return (line !== 0 ? `line ${line}: ` : '') + this.problem;
  }
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const RAW_CHUNK = 512; // readerc.go fills its raw buffer 512 bytes at a time
const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;

const copyMark = (m: Mark): Mark => ({ index: m.index, line: m.line, column: m.column });

/** Characters the reader rejects (after lone surrogates became U+FFFD, which is allowed). */
const DISALLOWED = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

export class Scanner {
  /** The input; indexed directly when it has no astral characters, else through `cps`. */
  private readonly src: string;
  private readonly cps: Uint32Array | undefined;
  private readonly len: number;
  private pos = 0;
  private readonly mark: Mark = { index: 0, line: 0, column: 0 };

  /**
   * Reader emulation: readerc.go decodes 512 bytes at a time and rejects a
   * control character when the chunk holding it is decoded, i.e. as soon as the
   * scanner needs a character past `readLimit` (the characters decoded before).
   */
  private readonly readLimit: number;

  private readonly tokens: Token[] = [];
  private head = 0;
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  private streamEndProduced = false;

  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly simpleKeysByTok = new Map<number, number>();

  constructor(input: string) {
    this.src = input;
    if (/[\ud800-\udfff]/.test(input)) this.cps = Uint32Array.from(codePoints(input));
    this.len = this.cps ? this.cps.length : input.length;
    this.readLimit = Infinity;
    if (DISALLOWED.test(input)) {
      let bytes = 0;
      let bad = -1;
      const ends: number[] = [];
      for (let i = 0; i < this.len && bad < 0; i++) {
        const c = this.cpAt(i);
        bytes += utf8Width(c);
        ends.push(bytes);
        if (!isAllowedInput(c)) bad = i;
      }
      const chunkStart = Math.floor((ends[bad]! - 1) / RAW_CHUNK) * RAW_CHUNK;
      let limit = 0;
      while (limit < ends.length && ends[limit]! <= chunkStart) limit++;
      this.readLimit = limit;
    }
    // A leading UTF-8 BOM is consumed while detecting the encoding.
    if (this.cpAt(0) === 0xfeff) this.pos = 1;
  }

  private cpAt(p: number): number {
    if (p >= this.len) return 0;
    return this.cps ? this.cps[p]! : this.src.charCodeAt(p);
  }

  // ---- reader -------------------------------------------------------------

  /** cache(n): make sure n characters are decoded. */
  private cache(n: number): void {
    if (this.pos + n > this.readLimit) throw new YamlSyntaxError('reader', 'control characters are not allowed');
  }

  private at(k = 0): number {
    return this.cpAt(this.pos + k);
  }

  private skip(): void {
    this.mark.index++;
    this.mark.column++;
    this.pos++;
  }

  private skipLine(): void {
    if (this.at() === 0x0d && this.at(1) === 0x0a) {
      this.mark.index += 2;
      this.mark.column = 0;
      this.mark.line++;
      this.pos += 2;
    } else if (isBreak(this.at())) {
      this.mark.index++;
      this.mark.column = 0;
      this.mark.line++;
      this.pos++;
    }
  }

  private read(s: number[]): void {
    s.push(this.at());
    this.skip();
  }

  /** read_line: CRLF, CR, LF and NEL become '\n'; LS/PS are kept. */
  private readLine(s: number[]): void {
    const c = this.at();
    if (c === 0x0d && this.at(1) === 0x0a) {
      s.push(0x0a);
      this.pos += 2;
      this.mark.index++;
    } else if (c === 0x0d || c === 0x0a || c === 0x85) {
      s.push(0x0a);
      this.pos++;
    } else if (c === 0x2028 || c === 0x2029) {
      s.push(c);
      this.pos++;
    } else return;
    this.mark.index++;
    this.mark.column = 0;
    this.mark.line++;
  }

  private error(context: string, contextMark: Mark, problem: string): never {
    throw new YamlSyntaxError('scanner', problem, copyMark(this.mark), copyMark(contextMark));
  }

  // ---- token queue ----------------------------------------------------------

  /** The next token without consuming it (peek_token). */
  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head]!;
  }

  /** Consumes the token returned by peek() (skip_token). */
  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.head]!.type === 'STREAM-END';
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.tokens.length) {
      this.tokens.splice(0, this.head);
      this.head = 0;
    }
  }

  get streamEnded(): boolean {
    return this.streamEndProduced;
  }

  private insertToken(pos: number, token: Token): void {
    if (pos < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + pos, 0, token);
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        // Keep fetching while the head token may still turn out to be a simple key.
        const idx = this.simpleKeysByTok.get(this.tokensParsed);
        if (idx === undefined) break;
        if (!this.simpleKeyIsValid(this.simpleKeys[idx]!)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    this.cache(1);
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    this.unrollIndent(this.mark.column);
    this.cache(4);
    const c = this.at();
    if (isZ(c)) return this.fetchStreamEnd();
    const col0 = this.mark.column === 0;
    if (col0 && c === 0x25 /* % */) return this.fetchDirective();
    const three = (ch: number) => c === ch && this.at(1) === ch && this.at(2) === ch && isBlankZ(this.at(3));
    if (col0 && three(0x2d)) return this.fetchDocumentIndicator('DOCUMENT-START');
    if (col0 && three(0x2e)) return this.fetchDocumentIndicator('DOCUMENT-END');
    if (c === 0x5b) return this.fetchFlowCollectionStart('FLOW-SEQUENCE-START');
    if (c === 0x7b) return this.fetchFlowCollectionStart('FLOW-MAPPING-START');
    if (c === 0x5d) return this.fetchFlowCollectionEnd('FLOW-SEQUENCE-END');
    if (c === 0x7d) return this.fetchFlowCollectionEnd('FLOW-MAPPING-END');
    if (c === 0x2c) return this.fetchFlowEntry();
    const next = this.at(1);
    if (c === 0x2d && isBlankZ(next)) return this.fetchBlockEntry();
    if (c === 0x3f && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchKey();
    if (c === 0x3a && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchValue();
    if (c === 0x2a) return this.fetchAnchor('ALIAS');
    if (c === 0x26) return this.fetchAnchor('ANCHOR');
    if (c === 0x21) return this.fetchTag();
    if (c === 0x7c && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === 0x3e && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === 0x27) return this.fetchFlowScalar(true);
    if (c === 0x22) return this.fetchFlowScalar(false);
    const indicator = isBlankZ(c) || '-?:,[]{}#&*!|>\'"%@`'.includes(String.fromCodePoint(c));
    if (
      !indicator ||
      (c === 0x2d && !isBlank(next)) ||
      (this.flowLevel === 0 && (c === 0x3f || c === 0x3a) && !isBlankZ(next))
    ) {
      return this.fetchPlainScalar();
    }
    this.error('while scanning for the next token', this.mark, 'found character that cannot start any token');
  }

  // ---- simple keys and indentation -----------------------------------------

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    // A simple key is limited to one line and 1024 characters.
    if (key.mark.line < this.mark.line || key.mark.index + 1024 < this.mark.index) {
      if (key.required) this.error('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (this.simpleKeyAllowed) {
      const key: SimpleKey = {
        possible: true,
        required,
        tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
        mark: copyMark(this.mark),
      };
      this.removeSimpleKey();
      this.simpleKeys[this.simpleKeys.length - 1] = key;
      this.simpleKeysByTok.set(key.tokenNumber, this.simpleKeys.length - 1);
    }
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (key.possible) {
      if (key.required) this.error('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
      mark: copyMark(this.mark),
    });
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) {
      this.error('while increasing flow level', this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${MAX_FLOW_LEVEL}`);
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.pop()!;
      this.simpleKeysByTok.delete(last.tokenNumber);
    }
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_INDENTS) {
        this.error('while increasing indent level', this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${MAX_INDENTS}`);
      }
      const token: Token = { type, start: copyMark(mark), end: copyMark(mark) };
      this.insertToken(number > -1 ? number - this.tokensParsed : number, token);
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insertToken(-1, { type: 'BLOCK-END', start: copyMark(this.mark), end: copyMark(this.mark) });
      this.indent = this.indents.pop()!;
    }
  }

  // ---- fetchers -------------------------------------------------------------

  private simpleToken(type: TokenType): void {
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { type, start, end: copyMark(this.mark) });
  }

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: copyMark(this.mark) });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.insertToken(-1, { type: 'STREAM-START', start: copyMark(this.mark), end: copyMark(this.mark) });
  }

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) {
      this.mark.column = 0;
      this.mark.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, { type: 'STREAM-END', start: copyMark(this.mark), end: copyMark(this.mark) });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = copyMark(this.mark);
    this.skip();
    this.skip();
    this.skip();
    this.insertToken(-1, { type, start, end: copyMark(this.mark) });
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.simpleToken(type);
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.simpleToken(type);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.simpleToken('FLOW-ENTRY');
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) {
        this.error('', this.mark, 'block sequence entries are not allowed in this context');
      }
      this.rollIndent(this.mark.column, -1, 'BLOCK-SEQUENCE-START', this.mark);
    }
    // In flow context the parser reports the misplaced '-'.
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.simpleToken('BLOCK-ENTRY');
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.error('', this.mark, 'mapping keys are not allowed in this context');
      this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.mark);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.simpleToken('KEY');
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (this.simpleKeyIsValid(key)) {
      // The saved position was a simple key: insert KEY (and maybe BLOCK-MAPPING-START) before it.
      this.insertToken(key.tokenNumber - this.tokensParsed, { type: 'KEY', start: copyMark(key.mark), end: copyMark(key.mark) });
      this.rollIndent(key.mark.column, key.tokenNumber, 'BLOCK-MAPPING-START', key.mark);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.error('', this.mark, 'mapping values are not allowed in this context');
        this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.mark);
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.simpleToken('VALUE');
  }

  private fetchAnchor(type: 'ALIAS' | 'ANCHOR'): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanAnchor(type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanPlainScalar());
  }

  // ---- scanners -------------------------------------------------------------

  private scanToNextToken(): void {
    for (;;) {
      this.cache(1);
      if (this.mark.column === 0 && this.at() === 0xfeff) this.skip();
      this.cache(1);
      // Tabs separate tokens only in flow context or after a token on the same line.
      while (this.at() === 0x20 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.at() === 0x09)) {
        this.skip();
        this.cache(1);
      }
      if (this.at() === 0x23) {
        while (!isBreakZ(this.at())) {
          this.skip();
          this.cache(1);
        }
      }
      if (!isBreak(this.at())) break;
      this.cache(2);
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  private skipBlanks(): void {
    this.cache(1);
    while (isBlank(this.at())) {
      this.skip();
      this.cache(1);
    }
  }

  private skipComment(): void {
    if (this.at() === 0x23) {
      while (!isBreakZ(this.at())) {
        this.skip();
        this.cache(1);
      }
    }
  }

  private scanDirective(): Token {
    const start = copyMark(this.mark);
    this.skip();
    const name = this.scanDirectiveName(start);
    let token: Token;
    if (name === 'YAML') {
      this.skipBlanks();
      const major = this.scanVersionNumber(start);
      if (this.at() !== 0x2e) {
        this.error('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
      }
      this.skip();
      const minor = this.scanVersionNumber(start);
      token = { type: 'VERSION-DIRECTIVE', start, end: copyMark(this.mark), major, minor };
    } else if (name === 'TAG') {
      this.skipBlanks();
      const handle = this.scanTagHandle(true, start);
      this.cache(1);
      if (!isBlank(this.at())) this.error('while scanning a %TAG directive', start, 'did not find expected whitespace');
      this.skipBlanks();
      const prefix = this.scanTagUri(true, '', start);
      this.cache(1);
      if (!isBlankZ(this.at())) {
        this.error('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
      }
      token = { type: 'TAG-DIRECTIVE', start, end: copyMark(this.mark), value: handle, prefix };
    } else {
      this.error('while scanning a directive', start, 'found unknown directive name');
    }
    this.skipBlanks();
    this.skipComment();
    if (!isBreakZ(this.at())) {
      this.error('while scanning a directive', start, 'did not find expected comment or line break');
    }
    if (isBreak(this.at())) {
      this.cache(2);
      this.skipLine();
    }
    return token;
  }

  private scanDirectiveName(start: Mark): string {
    this.cache(1);
    const s: number[] = [];
    while (isAlpha(this.at())) {
      this.read(s);
      this.cache(1);
    }
    if (s.length === 0) this.error('while scanning a directive', start, 'could not find expected directive name');
    if (!isBlankZ(this.at())) {
      this.error('while scanning a directive', start, 'found unexpected non-alphabetical character');
    }
    return fromCodePoints(s);
  }

  private scanVersionNumber(start: Mark): number {
    this.cache(1);
    let value = 0;
    let length = 0;
    while (isDigit(this.at())) {
      if (++length > 2) this.error('while scanning a %YAML directive', start, 'found extremely long version number');
      value = value * 10 + (this.at() - 0x30);
      this.skip();
      this.cache(1);
    }
    if (length === 0) this.error('while scanning a %YAML directive', start, 'did not find expected version number');
    return value;
  }

  private scanAnchor(type: 'ALIAS' | 'ANCHOR'): Token {
    const start = copyMark(this.mark);
    this.skip();
    this.cache(1);
    const s: number[] = [];
    while (isAlpha(this.at())) {
      this.read(s);
      this.cache(1);
    }
    const end = copyMark(this.mark);
    const c = this.at();
    if (s.length === 0 || !(isBlankZ(c) || '?:,]}%@`'.includes(String.fromCodePoint(c)))) {
      this.error(
        type === 'ANCHOR' ? 'while scanning an anchor' : 'while scanning an alias',
        start,
        'did not find expected alphabetic or numeric character',
      );
    }
    return { type, start, end, value: fromCodePoints(s) };
  }

  private tagError(directive: boolean, start: Mark, problem: string): never {
    this.error(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem);
  }

  private scanTag(): Token {
    const start = copyMark(this.mark);
    this.cache(2);
    let handle: string;
    let suffix: string;
    if (this.at(1) === 0x3c) {
      // Verbatim tag !<uri>.
      handle = '';
      this.skip();
      this.skip();
      suffix = this.scanTagUri(false, '', start);
      if (this.at() !== 0x3e) this.error('while scanning a tag', start, "did not find the expected '>'");
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle[0] === '!' && handle.length > 1 && handle.endsWith('!')) {
        suffix = this.scanTagUri(false, '', start);
      } else {
        // Not a handle after all: "!foo" is handle '!' with suffix "foo"; lone "!" is the non-specific tag.
        suffix = this.scanTagUri(false, handle, start);
        handle = '!';
        if (suffix === '') [handle, suffix] = ['', '!'];
      }
    }
    this.cache(1);
    if (!isBlankZ(this.at())) this.error('while scanning a tag', start, 'did not find expected whitespace or line break');
    return { type: 'TAG', start, end: copyMark(this.mark), value: handle, suffix };
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    this.cache(1);
    if (this.at() !== 0x21) this.tagError(directive, start, "did not find expected '!'");
    const s: number[] = [];
    this.read(s);
    this.cache(1);
    while (isAlpha(this.at())) {
      this.read(s);
      this.cache(1);
    }
    if (this.at() === 0x21) this.read(s);
    else if (directive && !(s.length === 1 && s[0] === 0x21)) this.tagError(directive, start, "did not find expected '!'");
    return fromCodePoints(s);
  }

  private scanTagUri(directive: boolean, head: string, start: Mark): string {
    let hasTag = head.length > 0;
    const bytes: number[] = [];
    // The head's leading '!' is not part of the URI.
    for (const ch of head.slice(1)) bytes.push(...new TextEncoder().encode(ch));
    this.cache(1);
    for (;;) {
      const c = this.at();
      if (!(isAlpha(c) || ";/?:@&=+$,.!~*'()[]%".includes(String.fromCodePoint(c))) || c === 0) break;
      if (c === 0x25) this.scanUriEscapes(directive, start, bytes);
      else {
        bytes.push(...new TextEncoder().encode(String.fromCodePoint(c)));
        this.skip();
      }
      this.cache(1);
      hasTag = true;
    }
    if (!hasTag) this.tagError(directive, start, 'did not find expected tag URI');
    return new TextDecoder().decode(new Uint8Array(bytes));
  }

  private scanUriEscapes(directive: boolean, start: Mark, out: number[]): void {
    let w = 1024;
    while (w > 0) {
      this.cache(3);
      if (!(this.at() === 0x25 && isHex(this.at(1)) && isHex(this.at(2)))) {
        this.tagError(directive, start, 'did not find URI escaped octet');
      }
      const octet = (hexValue(this.at(1)) << 4) + hexValue(this.at(2));
      if (w === 1024) {
        w = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (w === 0) this.tagError(directive, start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) {
        this.tagError(directive, start, 'found an incorrect trailing UTF-8 octet');
      }
      out.push(octet);
      this.skip();
      this.skip();
      this.skip();
      w--;
    }
  }

  private scanBlockScalar(literal: boolean): Token {
    const start = copyMark(this.mark);
    this.skip();
    this.cache(1);
    let chomping = 0;
    let increment = 0;
    const c = this.at();
    if (c === 0x2b || c === 0x2d) {
      chomping = c === 0x2b ? 1 : -1;
      this.skip();
      this.cache(1);
      if (isDigit(this.at())) {
        if (this.at() === 0x30) this.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
        increment = this.at() - 0x30;
        this.skip();
      }
    } else if (isDigit(c)) {
      if (c === 0x30) this.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = c - 0x30;
      this.skip();
      this.cache(1);
      const d = this.at();
      if (d === 0x2b || d === 0x2d) {
        chomping = d === 0x2b ? 1 : -1;
        this.skip();
      }
    }
    this.skipBlanks();
    this.skipComment();
    if (!isBreakZ(this.at())) this.error('while scanning a block scalar', start, 'did not find expected comment or line break');
    if (isBreak(this.at())) {
      this.cache(2);
      this.skipLine();
    }
    let end = copyMark(this.mark);
    let indent = 0;
    if (increment > 0) indent = this.indent >= 0 ? this.indent + increment : increment;

    const s: number[] = [];
    let leadingBreak: number[] = [];
    let trailingBreaks: number[] = [];
    const breaks = (): void => {
      const r = this.scanBlockScalarBreaks(indent, trailingBreaks, start);
      indent = r.indent;
      end = r.end;
    };
    breaks();
    this.cache(1);
    let leadingBlank = false;
    let trailingBlank = false;
    while (this.mark.column === indent && !isZ(this.at())) {
      trailingBlank = isBlank(this.at());
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak[0] === 0x0a) {
        if (trailingBreaks.length === 0) s.push(0x20);
      } else s.push(...leadingBreak);
      leadingBreak = [];
      s.push(...trailingBreaks);
      trailingBreaks = [];
      leadingBlank = isBlank(this.at());
      while (!isBreakZ(this.at())) {
        this.read(s);
        this.cache(1);
      }
      this.cache(2);
      this.readLine(leadingBreak);
      breaks();
    }
    if (chomping !== -1) s.push(...leadingBreak);
    if (chomping === 1) s.push(...trailingBreaks);
    return {
      type: 'SCALAR',
      start,
      end,
      value: fromCodePoints(s),
      style: literal ? 'literal' : 'folded',
    };
  }

  private scanBlockScalarBreaks(indent: number, breaks: number[], start: Mark): { indent: number; end: Mark } {
    let end = copyMark(this.mark);
    let maxIndent = 0;
    for (;;) {
      this.cache(1);
      while ((indent === 0 || this.mark.column < indent) && isSpace(this.at())) {
        this.skip();
        this.cache(1);
      }
      if (this.mark.column > maxIndent) maxIndent = this.mark.column;
      if ((indent === 0 || this.mark.column < indent) && isTab(this.at())) {
        this.error('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
      }
      if (!isBreak(this.at())) break;
      this.cache(2);
      this.readLine(breaks);
      end = copyMark(this.mark);
    }
    if (indent === 0) indent = Math.max(maxIndent, this.indent + 1, 1);
    return { indent, end };
  }

  private scanFlowScalar(single: boolean): Token {
    const start = copyMark(this.mark);
    this.skip();
    const s: number[] = [];
    let leadingBreak: number[] = [];
    let trailingBreaks: number[] = [];
    let whitespaces: number[] = [];
    for (;;) {
      this.cache(4);
      const c0 = this.at();
      if (
        this.mark.column === 0 &&
        ((c0 === 0x2d && this.at(1) === 0x2d && this.at(2) === 0x2d) || (c0 === 0x2e && this.at(1) === 0x2e && this.at(2) === 0x2e)) &&
        isBlankZ(this.at(3))
      ) {
        this.error('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (isZ(c0)) this.error('while scanning a quoted scalar', start, 'found unexpected end of stream');

      let leadingBlanks = false;
      while (!isBlankZ(this.at())) {
        const c = this.at();
        if (single && c === 0x27 && this.at(1) === 0x27) {
          s.push(0x27);
          this.skip();
          this.skip();
        } else if (single && c === 0x27) {
          break;
        } else if (!single && c === 0x22) {
          break;
        } else if (!single && c === 0x5c && isBreak(this.at(1))) {
          // Escaped line break: the break is dropped.
          this.cache(3);
          this.skip();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === 0x5c) {
          this.scanEscape(s, start);
        } else {
          this.read(s);
        }
        this.cache(2);
      }
      this.cache(1);
      if (this.at() === (single ? 0x27 : 0x22)) break;

      while (isBlank(this.at()) || isBreak(this.at())) {
        if (isBlank(this.at())) {
          if (!leadingBlanks) this.read(whitespaces);
          else this.skip();
        } else {
          this.cache(2);
          if (!leadingBlanks) {
            whitespaces = [];
            this.readLine(leadingBreak);
            leadingBlanks = true;
          } else this.readLine(trailingBreaks);
        }
        this.cache(1);
      }
      if (leadingBlanks) {
        // Line folding: a single break becomes a space, further breaks are kept.
        if (leadingBreak[0] === 0x0a) {
          if (trailingBreaks.length === 0) s.push(0x20);
          else s.push(...trailingBreaks);
        } else {
          s.push(...leadingBreak, ...trailingBreaks);
        }
        trailingBreaks = [];
        leadingBreak = [];
      } else {
        s.push(...whitespaces);
        whitespaces = [];
      }
    }
    this.skip();
    return {
      type: 'SCALAR',
      start,
      end: copyMark(this.mark),
      value: fromCodePoints(s),
      style: single ? 'single' : 'double',
    };
  }

  private scanEscape(s: number[], start: Mark): void {
    const simple: Record<string, number> = {
      '0': 0, a: 7, b: 8, t: 9, '\t': 9, n: 10, v: 11, f: 12, r: 13, e: 0x1b, ' ': 0x20,
      '"': 0x22, "'": 0x27, '\\': 0x5c, N: 0x85, _: 0xa0, L: 0x2028, P: 0x2029,
    };
    const e = String.fromCodePoint(this.at(1));
    let codeLength = 0;
    if (e in simple) s.push(simple[e]!);
    else if (e === 'x') codeLength = 2;
    else if (e === 'u') codeLength = 4;
    else if (e === 'U') codeLength = 8;
    else this.error('while parsing a quoted scalar', start, 'found unknown escape character');
    this.skip();
    this.skip();
    if (codeLength > 0) {
      this.cache(codeLength);
      let value = 0;
      for (let k = 0; k < codeLength; k++) {
        if (!isHex(this.at(k))) this.error('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
        value = value * 16 + hexValue(this.at(k));
      }
      if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
        this.error('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
      }
      s.push(value);
      for (let k = 0; k < codeLength; k++) this.skip();
    }
  }

  private scanPlainScalar(): Token {
    const s: number[] = [];
    let leadingBreak: number[] = [];
    let trailingBreaks: number[] = [];
    let whitespaces: number[] = [];
    let leadingBlanks = false;
    const indent = this.indent + 1;
    const start = copyMark(this.mark);
    let end = copyMark(this.mark);
    for (;;) {
      this.cache(4);
      const c0 = this.at();
      if (
        this.mark.column === 0 &&
        ((c0 === 0x2d && this.at(1) === 0x2d && this.at(2) === 0x2d) || (c0 === 0x2e && this.at(1) === 0x2e && this.at(2) === 0x2e)) &&
        isBlankZ(this.at(3))
      ) {
        break;
      }
      if (c0 === 0x23) break;
      while (!isBlankZ(this.at())) {
        const c = this.at();
        if (
          (c === 0x3a && isBlankZ(this.at(1))) ||
          (this.flowLevel > 0 && (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d))
        ) {
          break;
        }
        if (leadingBlanks || whitespaces.length > 0) {
          if (leadingBlanks) {
            if (leadingBreak[0] === 0x0a) {
              if (trailingBreaks.length === 0) s.push(0x20);
              else s.push(...trailingBreaks);
            } else {
              s.push(...leadingBreak, ...trailingBreaks);
            }
            trailingBreaks = [];
            leadingBreak = [];
            leadingBlanks = false;
          } else {
            s.push(...whitespaces);
            whitespaces = [];
          }
        }
        this.read(s);
        end = copyMark(this.mark);
        this.cache(2);
      }
      if (!(isBlank(this.at()) || isBreak(this.at()))) break;
      this.cache(1);
      while (isBlank(this.at()) || isBreak(this.at())) {
        if (isBlank(this.at())) {
          if (leadingBlanks && this.mark.column < indent && isTab(this.at())) {
            this.error('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          if (!leadingBlanks) this.read(whitespaces);
          else this.skip();
        } else {
          this.cache(2);
          if (!leadingBlanks) {
            whitespaces = [];
            this.readLine(leadingBreak);
            leadingBlanks = true;
          } else this.readLine(trailingBreaks);
        }
        this.cache(1);
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break;
    }
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: 'SCALAR', start, end, value: fromCodePoints(s), style: 'plain' };
  }
}
