// A byte-level port of Go's encoding/json stream scanner (scanner.go +
// stream.go readValue) so that JSON manifests fail with Go's messages and
// offsets: "invalid character 'x' looking for beginning of value", "unexpected EOF".

export class JsonSyntaxError extends Error {
  /** Bytes read when the error was found, counted from the start of the stream. */
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** io.ErrUnexpectedEOF: the stream ended inside a value. */
export class JsonUnexpectedEOF extends Error {
  constructor() {
    super('unexpected EOF');
  }
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** Go's quoteChar: the offending byte as shown in scanner errors. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  // strconv.Quote(string(rune(c))): a byte above 0x7f is shown as that Latin-1 code point.
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 0x5c: '\\\\' };
  if (named[c] !== undefined) return `'${named[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  if ((c >= 0x80 && c < 0xa1) || c === 0xad) return `'\\u${c.toString(16).padStart(4, '0')}'`;
  return `'${String.fromCharCode(c)}'`;
}

type Step = (c: number) => Result;
type Result = 'continue' | 'skip' | 'end' | 'endComposite' | 'error';
const enum Ctx {
  ObjectKey,
  ObjectValue,
  ArrayValue,
}

/** Go's scanner: one byte at a time, remembering the first error. */
class Scanner {
  step: Step = (c) => this.beginValue(c);
  stack: Ctx[] = [];
  err: JsonSyntaxError | undefined;
  bytes = 0;

  reset(): void {
    this.step = (c) => this.beginValue(c);
    this.stack = [];
    this.err = undefined;
  }

  private error(c: number, context: string): Result {
    this.step = () => 'error';
    this.err = new JsonSyntaxError(`invalid character ${quoteChar(c)} ${context}`, this.bytes);
    return 'error';
  }

  private literal(rest: string, name: string): Step {
    const expect = (i: number): Step => (c) => {
      if (c !== rest.charCodeAt(i)) return this.error(c, `in literal ${name} (expecting '${rest[i]}')`);
      this.step = i + 1 < rest.length ? expect(i + 1) : (d) => this.endValue(d);
      return 'continue';
    };
    return expect(0);
  }

  beginValue(c: number): Result {
    if (isSpace(c)) return 'skip';
    switch (c) {
      case 0x7b: // {
        this.step = (d) => this.beginStringOrEmpty(d);
        this.stack.push(Ctx.ObjectKey);
        return 'continue';
      case 0x5b: // [
        this.step = (d) => this.beginValueOrEmpty(d);
        this.stack.push(Ctx.ArrayValue);
        return 'continue';
      case 0x22:
        this.step = (d) => this.inString(d);
        return 'continue';
      case 0x2d:
        this.step = (d) => this.neg(d);
        return 'continue';
      case 0x30:
        this.step = (d) => this.zero(d);
        return 'continue';
      case 0x74:
        this.step = this.literal('rue', 'true');
        return 'continue';
      case 0x66:
        this.step = this.literal('alse', 'false');
        return 'continue';
      case 0x6e:
        this.step = this.literal('ull', 'null');
        return 'continue';
    }
    if (c >= 0x31 && c <= 0x39) {
      this.step = (d) => this.one(d);
      return 'continue';
    }
    return this.error(c, 'looking for beginning of value');
  }

  private beginValueOrEmpty(c: number): Result {
    if (isSpace(c)) return 'skip';
    if (c === 0x5d) return this.endValue(c);
    return this.beginValue(c);
  }

  private beginStringOrEmpty(c: number): Result {
    if (isSpace(c)) return 'skip';
    if (c === 0x7d) {
      this.stack[this.stack.length - 1] = Ctx.ObjectValue;
      return this.endValue(c);
    }
    return this.beginString(c);
  }

  private beginString(c: number): Result {
    if (isSpace(c)) return 'skip';
    if (c === 0x22) {
      this.step = (d) => this.inString(d);
      return 'continue';
    }
    return this.error(c, 'looking for beginning of object key string');
  }

  endValue(c: number): Result {
    const n = this.stack.length;
    if (n === 0) {
      // The top-level value ended before this byte.
      this.step = (d) => this.endTop(d);
      return this.endTop(c);
    }
    if (isSpace(c)) {
      this.step = (d) => this.endValue(d);
      return 'skip';
    }
    switch (this.stack[n - 1]) {
      case Ctx.ObjectKey:
        if (c === 0x3a) {
          this.stack[n - 1] = Ctx.ObjectValue;
          this.step = (d) => this.beginValue(d);
          return 'continue';
        }
        return this.error(c, 'after object key');
      case Ctx.ObjectValue:
        if (c === 0x2c) {
          this.stack[n - 1] = Ctx.ObjectKey;
          this.step = (d) => this.beginString(d);
          return 'continue';
        }
        if (c === 0x7d) return this.pop();
        return this.error(c, 'after object key:value pair');
      default:
        if (c === 0x2c) {
          this.step = (d) => this.beginValue(d);
          return 'continue';
        }
        if (c === 0x5d) return this.pop();
        return this.error(c, 'after array element');
    }
  }

  private pop(): Result {
    this.stack.pop();
    this.step = (d) => this.endValue(d);
    return 'endComposite';
  }

  private endTop(c: number): Result {
    if (!isSpace(c)) this.error(c, 'after top-level value');
    return 'end';
  }

  private inString(c: number): Result {
    if (c === 0x22) {
      this.step = (d) => this.endValue(d);
      return 'continue';
    }
    if (c === 0x5c) {
      this.step = (d) => this.inStringEsc(d);
      return 'continue';
    }
    if (c < 0x20) return this.error(c, 'in string literal');
    return 'continue';
  }

  private inStringEsc(c: number): Result {
    if ('bfnrt\\/"'.includes(String.fromCharCode(c))) {
      this.step = (d) => this.inString(d);
      return 'continue';
    }
    if (c === 0x75) {
      this.step = this.hex(4);
      return 'continue';
    }
    return this.error(c, 'in string escape code');
  }

  private hex(left: number): Step {
    return (c) => {
      if (!isHex(c)) return this.error(c, 'in \\u hexadecimal character escape');
      this.step = left > 1 ? this.hex(left - 1) : (d) => this.inString(d);
      return 'continue';
    };
  }

  private neg(c: number): Result {
    if (c === 0x30) {
      this.step = (d) => this.zero(d);
      return 'continue';
    }
    if (c >= 0x31 && c <= 0x39) {
      this.step = (d) => this.one(d);
      return 'continue';
    }
    return this.error(c, 'in numeric literal');
  }

  private one(c: number): Result {
    if (isDigit(c)) return 'continue';
    return this.zero(c);
  }

  private zero(c: number): Result {
    if (c === 0x2e) {
      this.step = (d) => this.dot(d);
      return 'continue';
    }
    if (c === 0x65 || c === 0x45) {
      this.step = (d) => this.exp(d);
      return 'continue';
    }
    return this.endValue(c);
  }

  private dot(c: number): Result {
    if (isDigit(c)) {
      this.step = (d) => this.dot0(d);
      return 'continue';
    }
    return this.error(c, 'after decimal point in numeric literal');
  }

  private dot0(c: number): Result {
    if (isDigit(c)) return 'continue';
    if (c === 0x65 || c === 0x45) {
      this.step = (d) => this.exp(d);
      return 'continue';
    }
    return this.endValue(c);
  }

  private exp(c: number): Result {
    if (c === 0x2b || c === 0x2d) {
      this.step = (d) => this.expSign(d);
      return 'continue';
    }
    return this.expSign(c);
  }

  private expSign(c: number): Result {
    if (isDigit(c)) {
      this.step = (d) => this.exp0(d);
      return 'continue';
    }
    return this.error(c, 'in exponent of numeric literal');
  }

  private exp0(c: number): Result {
    if (isDigit(c)) return 'continue';
    return this.endValue(c);
  }
}

/** json.Decoder over a complete byte stream. */
export class JsonStreamDecoder {
  private pos = 0;
  private readonly scan = new Scanner();

  constructor(private readonly buf: Uint8Array) {}

  /** InputOffset(): bytes consumed by the values decoded so far. */
  get offset(): number {
    return this.pos;
  }

  /**
   * The raw bytes of the next value, or undefined at a clean end of stream.
   * Throws JsonSyntaxError or JsonUnexpectedEOF.
   */
  next(): Uint8Array | undefined {
    this.scan.reset();
    const start = this.pos;
    let p = this.pos;
    let done = false;
    for (; p < this.buf.length; p++) {
      this.scan.bytes++;
      const r = this.scan.step(this.buf[p]!);
      if (r === 'end') {
        this.scan.bytes--; // the terminating byte is scanned again by the next value
        done = true;
        break;
      }
      if (r === 'endComposite' && this.scan.stack.length === 0) {
        p++;
        done = true;
        break;
      }
      if (r === 'error') throw this.scan.err!;
    }
    // At EOF a value is complete if a space would end it (e.g. a bare number).
    if (!done && this.scan.step(0x20) !== 'end') {
      if (this.buf.subarray(start).some((c) => !isSpace(c))) throw new JsonUnexpectedEOF();
      this.pos = this.buf.length;
      return undefined;
    }
    this.pos = p;
    return this.buf.subarray(start, p);
  }
}
