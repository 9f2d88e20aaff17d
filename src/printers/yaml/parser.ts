// go-yaml v2's LL(1) parser (parserc.go): tokens → events, with libyaml's
// error messages and marks ("did not find expected key" etc.).

import { Scanner, YamlSyntaxError, type InputScalarStyle, type Mark, type Token } from './scanner.js';

export type EventType =
  | 'STREAM-START'
  | 'STREAM-END'
  | 'DOCUMENT-START'
  | 'DOCUMENT-END'
  | 'ALIAS'
  | 'SCALAR'
  | 'SEQUENCE-START'
  | 'SEQUENCE-END'
  | 'MAPPING-START'
  | 'MAPPING-END';

export interface YamlEvent {
  type: EventType;
  start: Mark;
  end: Mark;
  anchor?: string;
  tag?: string;
  value?: string;
  /** Plain-implicit for scalars, implicit for collections and documents. */
  implicit?: boolean;
  quotedImplicit?: boolean;
  style?: InputScalarStyle;
}

type State =
  | 'STREAM-START'
  | 'IMPLICIT-DOCUMENT-START'
  | 'DOCUMENT-START'
  | 'DOCUMENT-CONTENT'
  | 'DOCUMENT-END'
  | 'BLOCK-NODE'
  | 'BLOCK-NODE-OR-INDENTLESS-SEQUENCE'
  | 'FLOW-NODE'
  | 'BLOCK-SEQUENCE-FIRST-ENTRY'
  | 'BLOCK-SEQUENCE-ENTRY'
  | 'INDENTLESS-SEQUENCE-ENTRY'
  | 'BLOCK-MAPPING-FIRST-KEY'
  | 'BLOCK-MAPPING-KEY'
  | 'BLOCK-MAPPING-VALUE'
  | 'FLOW-SEQUENCE-FIRST-ENTRY'
  | 'FLOW-SEQUENCE-ENTRY'
  | 'FLOW-SEQUENCE-ENTRY-MAPPING-KEY'
  | 'FLOW-SEQUENCE-ENTRY-MAPPING-VALUE'
  | 'FLOW-SEQUENCE-ENTRY-MAPPING-END'
  | 'FLOW-MAPPING-FIRST-KEY'
  | 'FLOW-MAPPING-KEY'
  | 'FLOW-MAPPING-VALUE'
  | 'FLOW-MAPPING-EMPTY-VALUE'
  | 'END';

interface TagDirective {
  handle: string;
  prefix: string;
}

const DEFAULT_TAG_DIRECTIVES: TagDirective[] = [
  { handle: '!', prefix: '!' },
  { handle: '!!', prefix: 'tag:yaml.org,2002:' },
];

export class Parser {
  private readonly scanner: Scanner;
  private state: State = 'STREAM-START';
  private readonly states: State[] = [];
  private readonly marks: Mark[] = [];
  private tagDirectives: TagDirective[] = [];

  constructor(input: string) {
    this.scanner = new Scanner(input);
  }

  /** The next event, or undefined once the stream has ended. */
  next(): YamlEvent | undefined {
    if (this.scanner.streamEnded || this.state === 'END') return undefined;
    return this.dispatch();
  }

  /** Parser errors: only the problem text and marks reach the message; the context names the production. */
  private error(problem: string, problemMark: Mark, _context?: string, contextMark?: Mark): never {
    throw new YamlSyntaxError('parser', problem, problemMark, contextMark);
  }

  private peek(): Token {
    return this.scanner.peek();
  }

  private skip(): void {
    this.scanner.skipToken();
  }

  private pop(): State {
    return this.states.pop()!;
  }

  private dispatch(): YamlEvent {
    switch (this.state) {
      case 'STREAM-START':
        return this.streamStart();
      case 'IMPLICIT-DOCUMENT-START':
        return this.documentStart(true);
      case 'DOCUMENT-START':
        return this.documentStart(false);
      case 'DOCUMENT-CONTENT':
        return this.documentContent();
      case 'DOCUMENT-END':
        return this.documentEnd();
      case 'BLOCK-NODE':
        return this.node(true, false);
      case 'BLOCK-NODE-OR-INDENTLESS-SEQUENCE':
        return this.node(true, true);
      case 'FLOW-NODE':
        return this.node(false, false);
      case 'BLOCK-SEQUENCE-FIRST-ENTRY':
        return this.blockSequenceEntry(true);
      case 'BLOCK-SEQUENCE-ENTRY':
        return this.blockSequenceEntry(false);
      case 'INDENTLESS-SEQUENCE-ENTRY':
        return this.indentlessSequenceEntry();
      case 'BLOCK-MAPPING-FIRST-KEY':
        return this.blockMappingKey(true);
      case 'BLOCK-MAPPING-KEY':
        return this.blockMappingKey(false);
      case 'BLOCK-MAPPING-VALUE':
        return this.blockMappingValue();
      case 'FLOW-SEQUENCE-FIRST-ENTRY':
        return this.flowSequenceEntry(true);
      case 'FLOW-SEQUENCE-ENTRY':
        return this.flowSequenceEntry(false);
      case 'FLOW-SEQUENCE-ENTRY-MAPPING-KEY':
        return this.flowSequenceEntryMappingKey();
      case 'FLOW-SEQUENCE-ENTRY-MAPPING-VALUE':
        return this.flowSequenceEntryMappingValue();
      case 'FLOW-SEQUENCE-ENTRY-MAPPING-END':
        return this.flowSequenceEntryMappingEnd();
      case 'FLOW-MAPPING-FIRST-KEY':
        return this.flowMappingKey(true);
      case 'FLOW-MAPPING-KEY':
        return this.flowMappingKey(false);
      case 'FLOW-MAPPING-VALUE':
        return this.flowMappingValue(false);
      case 'FLOW-MAPPING-EMPTY-VALUE':
        return this.flowMappingValue(true);
      case 'END':
        throw new Error('yaml parser: no events after the end');
    }
  }

  private streamStart(): YamlEvent {
    const t = this.peek();
    if (t.type !== 'STREAM-START') this.error('did not find expected <stream-start>', t.start);
    this.state = 'IMPLICIT-DOCUMENT-START';
    this.skip();
    return { type: 'STREAM-START', start: t.start, end: t.end };
  }

  private documentStart(implicit: boolean): YamlEvent {
    let t = this.peek();
    if (!implicit) {
      while (t.type === 'DOCUMENT-END') {
        this.skip();
        t = this.peek();
      }
    }
    if (
      implicit &&
      t.type !== 'VERSION-DIRECTIVE' &&
      t.type !== 'TAG-DIRECTIVE' &&
      t.type !== 'DOCUMENT-START' &&
      t.type !== 'STREAM-END'
    ) {
      this.processDirectives();
      this.states.push('DOCUMENT-END');
      this.state = 'BLOCK-NODE';
      return { type: 'DOCUMENT-START', start: t.start, end: t.end, implicit: true };
    }
    if (t.type !== 'STREAM-END') {
      const start = t.start;
      this.processDirectives();
      t = this.peek();
      if (t.type !== 'DOCUMENT-START') this.error('did not find expected <document start>', t.start);
      this.states.push('DOCUMENT-END');
      this.state = 'DOCUMENT-CONTENT';
      this.skip();
      return { type: 'DOCUMENT-START', start, end: t.end, implicit: false };
    }
    this.state = 'END';
    this.skip();
    return { type: 'STREAM-END', start: t.start, end: t.end };
  }

  private documentContent(): YamlEvent {
    const t = this.peek();
    if (
      t.type === 'VERSION-DIRECTIVE' ||
      t.type === 'TAG-DIRECTIVE' ||
      t.type === 'DOCUMENT-START' ||
      t.type === 'DOCUMENT-END' ||
      t.type === 'STREAM-END'
    ) {
      this.state = this.pop();
      return emptyScalar(t.start);
    }
    return this.node(true, false);
  }

  private documentEnd(): YamlEvent {
    const t = this.peek();
    const start = t.start;
    let end = t.start;
    let implicit = true;
    if (t.type === 'DOCUMENT-END') {
      end = t.end;
      this.skip();
      implicit = false;
    }
    this.tagDirectives = [];
    this.state = 'DOCUMENT-START';
    return { type: 'DOCUMENT-END', start, end, implicit };
  }

  private node(block: boolean, indentlessSequence: boolean): YamlEvent {
    let t = this.peek();
    if (t.type === 'ALIAS') {
      this.state = this.pop();
      this.skip();
      return { type: 'ALIAS', start: t.start, end: t.end, anchor: t.value };
    }
    let start = t.start;
    let end = t.start;
    let tagToken = false;
    let tagHandle = '';
    let tagSuffix = '';
    let anchor: string | undefined;
    let tagMark = t.start;
    if (t.type === 'ANCHOR') {
      anchor = t.value;
      start = t.start;
      end = t.end;
      this.skip();
      t = this.peek();
      if (t.type === 'TAG') {
        tagToken = true;
        tagHandle = t.value ?? '';
        tagSuffix = t.suffix ?? '';
        tagMark = t.start;
        end = t.end;
        this.skip();
        t = this.peek();
      }
    } else if (t.type === 'TAG') {
      tagToken = true;
      tagHandle = t.value ?? '';
      tagSuffix = t.suffix ?? '';
      start = t.start;
      tagMark = t.start;
      end = t.end;
      this.skip();
      t = this.peek();
      if (t.type === 'ANCHOR') {
        anchor = t.value;
        end = t.end;
        this.skip();
        t = this.peek();
      }
    }
    let tag = '';
    if (tagToken) {
      if (tagHandle === '') tag = tagSuffix;
      else {
        const d = this.tagDirectives.find((x) => x.handle === tagHandle);
        if (d) tag = d.prefix + tagSuffix;
        if (tag === '') this.error('found undefined tag handle', tagMark, 'while parsing a node', start);
      }
    }
    const implicit = tag === '';
    const props = { anchor, tag: tag === '' ? undefined : tag };
    if (indentlessSequence && t.type === 'BLOCK-ENTRY') {
      this.state = 'INDENTLESS-SEQUENCE-ENTRY';
      return { type: 'SEQUENCE-START', start, end: t.end, ...props, implicit };
    }
    if (t.type === 'SCALAR') {
      const plainImplicit = (tag === '' && t.style === 'plain') || tag === '!';
      const quotedImplicit = !plainImplicit && tag === '';
      this.state = this.pop();
      this.skip();
      return {
        type: 'SCALAR',
        start,
        end: t.end,
        ...props,
        value: t.value ?? '',
        implicit: plainImplicit,
        quotedImplicit,
        style: t.style ?? 'plain',
      };
    }
    if (t.type === 'FLOW-SEQUENCE-START') {
      this.state = 'FLOW-SEQUENCE-FIRST-ENTRY';
      return { type: 'SEQUENCE-START', start, end: t.end, ...props, implicit };
    }
    if (t.type === 'FLOW-MAPPING-START') {
      this.state = 'FLOW-MAPPING-FIRST-KEY';
      return { type: 'MAPPING-START', start, end: t.end, ...props, implicit };
    }
    if (block && t.type === 'BLOCK-SEQUENCE-START') {
      this.state = 'BLOCK-SEQUENCE-FIRST-ENTRY';
      return { type: 'SEQUENCE-START', start, end: t.end, ...props, implicit };
    }
    if (block && t.type === 'BLOCK-MAPPING-START') {
      this.state = 'BLOCK-MAPPING-FIRST-KEY';
      return { type: 'MAPPING-START', start, end: t.end, ...props, implicit };
    }
    if (anchor !== undefined || tag !== '') {
      // Properties without content: an empty plain scalar.
      this.state = this.pop();
      return { type: 'SCALAR', start, end, ...props, value: '', implicit, quotedImplicit: false, style: 'plain' };
    }
    this.error(
      'did not find expected node content',
      t.start,
      block ? 'while parsing a block node' : 'while parsing a flow node',
      start,
    );
  }

  private blockSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let t = this.peek();
    if (t.type === 'BLOCK-ENTRY') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (t.type !== 'BLOCK-ENTRY' && t.type !== 'BLOCK-END') {
        this.states.push('BLOCK-SEQUENCE-ENTRY');
        return this.node(true, false);
      }
      this.state = 'BLOCK-SEQUENCE-ENTRY';
      return emptyScalar(mark);
    }
    if (t.type === 'BLOCK-END') {
      this.state = this.pop();
      this.marks.pop();
      this.skip();
      return { type: 'SEQUENCE-END', start: t.start, end: t.end };
    }
    const ctx = this.marks.pop()!;
    this.error("did not find expected '-' indicator", t.start, 'while parsing a block collection', ctx);
  }

  private indentlessSequenceEntry(): YamlEvent {
    let t = this.peek();
    if (t.type === 'BLOCK-ENTRY') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (t.type !== 'BLOCK-ENTRY' && t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK-END') {
        this.states.push('INDENTLESS-SEQUENCE-ENTRY');
        return this.node(true, false);
      }
      this.state = 'INDENTLESS-SEQUENCE-ENTRY';
      return emptyScalar(mark);
    }
    this.state = this.pop();
    return { type: 'SEQUENCE-END', start: t.start, end: t.start };
  }

  private blockMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let t = this.peek();
    if (t.type === 'KEY') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK-END') {
        this.states.push('BLOCK-MAPPING-VALUE');
        return this.node(true, true);
      }
      this.state = 'BLOCK-MAPPING-VALUE';
      return emptyScalar(mark);
    }
    if (t.type === 'BLOCK-END') {
      this.state = this.pop();
      this.marks.pop();
      this.skip();
      return { type: 'MAPPING-END', start: t.start, end: t.end };
    }
    const ctx = this.marks.pop()!;
    this.error('did not find expected key', t.start, 'while parsing a block mapping', ctx);
  }

  private blockMappingValue(): YamlEvent {
    let t = this.peek();
    if (t.type === 'VALUE') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK-END') {
        this.states.push('BLOCK-MAPPING-KEY');
        return this.node(true, true);
      }
      this.state = 'BLOCK-MAPPING-KEY';
      return emptyScalar(mark);
    }
    this.state = 'BLOCK-MAPPING-KEY';
    return emptyScalar(t.start);
  }

  private flowSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let t = this.peek();
    if (t.type !== 'FLOW-SEQUENCE-END') {
      if (!first) {
        if (t.type === 'FLOW-ENTRY') {
          this.skip();
          t = this.peek();
        } else {
          const ctx = this.marks.pop()!;
          this.error("did not find expected ',' or ']'", t.start, 'while parsing a flow sequence', ctx);
        }
      }
      if (t.type === 'KEY') {
        this.state = 'FLOW-SEQUENCE-ENTRY-MAPPING-KEY';
        this.skip();
        return { type: 'MAPPING-START', start: t.start, end: t.end, implicit: true };
      }
      if (t.type !== 'FLOW-SEQUENCE-END') {
        this.states.push('FLOW-SEQUENCE-ENTRY');
        return this.node(false, false);
      }
    }
    this.state = this.pop();
    this.marks.pop();
    this.skip();
    return { type: 'SEQUENCE-END', start: t.start, end: t.end };
  }

  private flowSequenceEntryMappingKey(): YamlEvent {
    const t = this.peek();
    if (t.type !== 'VALUE' && t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-SEQUENCE-END') {
      this.states.push('FLOW-SEQUENCE-ENTRY-MAPPING-VALUE');
      return this.node(false, false);
    }
    const mark = t.end;
    this.skip();
    this.state = 'FLOW-SEQUENCE-ENTRY-MAPPING-VALUE';
    return emptyScalar(mark);
  }

  private flowSequenceEntryMappingValue(): YamlEvent {
    const t = this.peek();
    if (t.type === 'VALUE') {
      this.skip();
      const n = this.peek();
      if (n.type !== 'FLOW-ENTRY' && n.type !== 'FLOW-SEQUENCE-END') {
        this.states.push('FLOW-SEQUENCE-ENTRY-MAPPING-END');
        return this.node(false, false);
      }
    }
    // libyaml marks the empty value at the VALUE token, not at the token after it.
    this.state = 'FLOW-SEQUENCE-ENTRY-MAPPING-END';
    return emptyScalar(t.start);
  }

  private flowSequenceEntryMappingEnd(): YamlEvent {
    const t = this.peek();
    this.state = 'FLOW-SEQUENCE-ENTRY';
    return { type: 'MAPPING-END', start: t.start, end: t.start };
  }

  private flowMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let t = this.peek();
    if (t.type !== 'FLOW-MAPPING-END') {
      if (!first) {
        if (t.type === 'FLOW-ENTRY') {
          this.skip();
          t = this.peek();
        } else {
          const ctx = this.marks.pop()!;
          this.error("did not find expected ',' or '}'", t.start, 'while parsing a flow mapping', ctx);
        }
      }
      if (t.type === 'KEY') {
        this.skip();
        t = this.peek();
        if (t.type !== 'VALUE' && t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-MAPPING-END') {
          this.states.push('FLOW-MAPPING-VALUE');
          return this.node(false, false);
        }
        this.state = 'FLOW-MAPPING-VALUE';
        return emptyScalar(t.start);
      }
      if (t.type !== 'FLOW-MAPPING-END') {
        this.states.push('FLOW-MAPPING-EMPTY-VALUE');
        return this.node(false, false);
      }
    }
    this.state = this.pop();
    this.marks.pop();
    this.skip();
    return { type: 'MAPPING-END', start: t.start, end: t.end };
  }

  private flowMappingValue(empty: boolean): YamlEvent {
    let t = this.peek();
    if (empty) {
      this.state = 'FLOW-MAPPING-KEY';
      return emptyScalar(t.start);
    }
    if (t.type === 'VALUE') {
      this.skip();
      t = this.peek();
      if (t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-MAPPING-END') {
        this.states.push('FLOW-MAPPING-KEY');
        return this.node(false, false);
      }
    }
    this.state = 'FLOW-MAPPING-KEY';
    return emptyScalar(t.start);
  }

  private processDirectives(): void {
    let t = this.peek();
    let version = false;
    while (t.type === 'VERSION-DIRECTIVE' || t.type === 'TAG-DIRECTIVE') {
      if (t.type === 'VERSION-DIRECTIVE') {
        if (version) this.error('found duplicate %YAML directive', t.start);
        if (t.major !== 1 || t.minor !== 1) this.error('found incompatible YAML document', t.start);
        version = true;
      } else {
        this.appendTagDirective({ handle: t.value ?? '', prefix: t.prefix ?? '' }, false, t.start);
      }
      this.skip();
      t = this.peek();
    }
    for (const d of DEFAULT_TAG_DIRECTIVES) this.appendTagDirective(d, true, t.start);
  }

  private appendTagDirective(d: TagDirective, allowDuplicates: boolean, mark: Mark): void {
    if (this.tagDirectives.some((x) => x.handle === d.handle)) {
      if (allowDuplicates) return;
      this.error('found duplicate %TAG directive', mark);
    }
    this.tagDirectives.push({ ...d });
  }
}

function emptyScalar(mark: Mark): YamlEvent {
  return { type: 'SCALAR', start: mark, end: mark, value: '', implicit: true, quotedImplicit: false, style: 'plain' };
}
