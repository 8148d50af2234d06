// A lexical pass over the current text for completion: the blocks of the file (type, labels,
// attributes with their raw values) and where the cursor is (typing an argument name, inside an
// attribute's value, inside a string of it). Completion runs on half-typed text, where the
// tree-sitter tree does not say what the user is typing: error recovery lets an unterminated
// string swallow the next lines or a whole `locals` block. A quoted string cannot span lines
// in HCL, so here an unterminated one ends at its line, and the rest of the file keeps its shape.
import type { Position, Range } from '../types';
import { LineIndex } from '../text';

interface ScannedAttribute {
  name: string;
  /** The value's source text, trimmed. */
  valueText: string;
  /** When the value is exactly one quoted string without interpolation: its content. */
  stringValue?: string;
}

export interface ScannedBlock {
  type: string;
  labels: string[];
  attributes: ScannedAttribute[];
  blocks: ScannedBlock[];
}

/** A bracket open in an attribute's value at the cursor, outermost first. */
export interface OpenContainer {
  open: '[' | '(' | '{';
  /** The function a `(` calls: `toset`. */
  call?: string;
  /** Its quoted strings without interpolation, on both sides of the cursor. */
  strings: string[];
  /** An object (`{`): its items on both sides of the cursor, key and string value as written. */
  fields: ObjectField[];
  /** An object: the key of the item whose value the cursor is in; undefined where a key is typed. */
  key?: string;
}

export interface ObjectField {
  key: string;
  /** The value when it is one quoted string without interpolation. */
  string?: string;
}

/** The quoted string the cursor is in; offsets into the text. */
export interface StringAtCursor {
  /** Range of the content (without quotes), as far as it goes on its line. */
  content: Range;
  /** Content from its start to the cursor, interpolations as written. */
  before: string;
  /** Content from the cursor to its end. */
  after: string;
  /** False when the closing quote is missing. */
  closed: boolean;
}

export type CursorPlace =
  /** At the start of a line in a block body: typing an argument name (maybe nothing yet). */
  | { kind: 'argument'; blocks: ScannedBlock[]; word: Range; restOfLine: string; /** The line's leading whitespace. */ indent: string }
  /** In the value of `attribute` of the innermost block. */
  | {
      kind: 'value';
      blocks: ScannedBlock[];
      attribute: string;
      containers: OpenContainer[];
      string?: StringAtCursor;
      /** The identifier characters around the cursor. */
      word: Range;
      /** Only the word stands between the cursor and the last `=`, `[`, `(`, `{` or `,`: a new element starts here. */
      startsElement: boolean;
    }
  | { kind: 'none' };

export interface ScanResult {
  blocks: ScannedBlock[];
  cursor: CursorPlace;
}

type Frame =
  | { kind: 'body'; block?: ScannedBlock; tokens: string[]; lastTokenEnd: number }
  | { kind: 'value'; attribute: ScannedAttribute; start: number; tokens: number; firstString?: string }
  /** In an object, `pendingKey` is the key typed so far, `field` the item whose value is being read. */
  | { kind: 'container'; container: OpenContainer; pendingKey?: string; field?: ObjectField; valueTokens?: number }
  | { kind: 'string'; start: number; end: number; closed: boolean; interpolated: boolean }
  | { kind: 'interpolation' };

type StringFrame = Extract<Frame, { kind: 'string' }>;

const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_CHAR = /[A-Za-z0-9_-]/;
const HEREDOC_START = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
const IDENTIFIER_RUN = /[A-Za-z0-9_-]*/y;
const BLANK_RUN = /[ \t]*/y;
// Characters of a string that change nothing: all but quote, escape, interpolation starts, line ends.
const PLAIN_STRING_RUN = /[^"\\$%\r\n]*/y;

/** The index after the run of `pattern` (a sticky regex) that starts at `from`. */
function skipRun(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.exec(text) ? pattern.lastIndex : from;
}

/** Scans `text` and reports where `offset` (a UTF-16 index) is. Never throws on any input. */
export function scanAt(text: string, offset: number): ScanResult {
  return new Scanner(text, Math.max(0, Math.min(offset, text.length))).run();
}

class Scanner {
  private readonly top: ScannedBlock = { type: '', labels: [], attributes: [], blocks: [] };
  private readonly stack: Frame[] = [{ kind: 'body', tokens: [], lastTokenEnd: -1 }];
  private captured: { place: CursorPlace; string?: StringFrame } | undefined;
  private i = 0;
  private lastIdentifier: { name: string; end: number } | undefined;

  constructor(private readonly text: string, private readonly offset: number) {}

  run(): ScanResult {
    const { text } = this;
    while (this.i < text.length) {
      if (!this.captured && this.i >= this.offset) this.capture();
      const frame = this.frame();
      if (frame.kind === 'string') this.stringStep(frame);
      else this.expressionStep(frame);
    }
    if (!this.captured) this.capture();
    while (this.stack.length > 1) this.newlineOrEnd(true);
    return { blocks: this.top.blocks, cursor: this.finishPlace() };
  }

  private frame(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private stringStep(frame: StringFrame): void {
    const { text } = this;
    const c = text[this.i]!;
    if (c === '\n' || (c === '\r' && text[this.i + 1] === '\n')) return this.newline();
    if (c === '\\') {
      this.i += text[this.i + 1] === '\n' ? 1 : 2;
    } else if (c === '"') {
      frame.end = this.i;
      frame.closed = true;
      this.stack.pop();
      this.i++;
      this.stringClosed(frame);
    } else if (text.startsWith('$${', this.i) || text.startsWith('%%{', this.i)) {
      this.i += 3;
    } else if (text.startsWith('${', this.i) || text.startsWith('%{', this.i)) {
      frame.interpolated = true;
      this.stack.push({ kind: 'interpolation' });
      this.i += 2;
    } else {
      this.i = skipRun(PLAIN_STRING_RUN, text, this.i + 1);
    }
  }

  private stringClosed(frame: StringFrame): void {
    const content = this.text.slice(frame.start, frame.end);
    const parent = this.frame();
    if (parent.kind === 'body') {
      parent.tokens.push(content);
      parent.lastTokenEnd = this.i;
    } else if (parent.kind === 'value') {
      if (parent.tokens === 0 && !frame.interpolated) parent.firstString = content;
      parent.tokens++;
    } else if (parent.kind === 'container' && !frame.interpolated) {
      parent.container.strings.push(content);
      if (parent.container.open === '{') this.objectToken(parent, content, true);
    }
  }

  private expressionStep(frame: Frame): void {
    const { text } = this;
    const c = text[this.i]!;
    if (c === '\n') return this.newline();
    if (c === ' ' || c === '\t' || c === '\r') {
      this.i = skipRun(BLANK_RUN, text, this.i + 1);
    } else if (c === '#' || text.startsWith('//', this.i)) {
      const end = text.indexOf('\n', this.i);
      this.skip(end < 0 ? text.length : end, true);
    } else if (text.startsWith('/*', this.i)) {
      const end = text.indexOf('*/', this.i + 2);
      this.skip(end < 0 ? text.length : end + 2, false);
    } else if (c === '"') {
      // counted when it closes (stringClosed), so that a lone string is known as the value
      this.stack.push({ kind: 'string', start: this.i + 1, end: -1, closed: false, interpolated: false });
      this.i++;
    } else if (c === '<' && this.heredoc()) {
      this.countToken(frame);
    } else if (c === '{') {
      this.openBrace(frame);
    } else if (c === '}') {
      this.closeBrace(frame);
    } else if (c === '[' || c === '(') {
      this.countToken(frame);
      const called = c === '(' && this.lastIdentifier && text.slice(this.lastIdentifier.end, this.i).trim() === '' ? this.lastIdentifier.name : undefined;
      this.stack.push({ kind: 'container', container: { open: c, ...(called ? { call: called } : {}), strings: [], fields: [] } });
      this.i++;
    } else if (c === ']' || c === ')') {
      this.closeContainer(c === ']' ? '[' : '(');
      this.i++;
    } else if (c === '=' && frame.kind === 'body' && text[this.i + 1] !== '=' && text[this.i + 1] !== '>') {
      this.startValue(frame);
    } else if (frame.kind === 'container' && frame.container.open === '{' && this.objectSeparator(frame, c)) {
      this.i++;
    } else if (IDENTIFIER_START.test(c) || /[0-9]/.test(c)) {
      this.identifier(frame);
    } else {
      this.countToken(frame);
      this.i++;
    }
  }

  /** Skips a comment; a cursor inside it (or at the end of a line comment) completes nothing. */
  private skip(end: number, lineComment: boolean): void {
    if (!this.captured && this.offset > this.i && (this.offset < end || (lineComment && this.offset === end))) {
      this.captured = { place: { kind: 'none' } };
    }
    this.i = end;
  }

  private heredoc(): boolean {
    HEREDOC_START.lastIndex = this.i;
    const match = HEREDOC_START.exec(this.text);
    if (!match) return false;
    const marker = match[1]!;
    let lineStart = this.i + match[0].length;
    let end = this.text.length;
    while (lineStart < this.text.length) {
      const newline = this.text.indexOf('\n', lineStart);
      const lineEnd = newline < 0 ? this.text.length : newline;
      if (this.text.slice(lineStart, lineEnd).trim() === marker) {
        end = lineEnd;
        break;
      }
      lineStart = lineEnd + 1;
    }
    this.skip(end, false);
    return true;
  }

  private identifier(frame: Frame): void {
    const start = this.i;
    this.i = skipRun(IDENTIFIER_RUN, this.text, this.i);
    const name = this.text.slice(start, this.i);
    this.lastIdentifier = { name, end: this.i };
    if (frame.kind === 'body') {
      frame.tokens.push(name);
      frame.lastTokenEnd = this.i;
    } else if (frame.kind === 'container' && frame.container.open === '{') {
      this.objectToken(frame, name, false);
    } else {
      this.countToken(frame);
    }
  }

  /** In an object: a key being typed, or a token of an item's value (a lone string is its value). */
  private objectToken(frame: Extract<Frame, { kind: 'container' }>, text: string, quoted: boolean): void {
    if (!frame.field) {
      frame.pendingKey = text;
      return;
    }
    frame.valueTokens = (frame.valueTokens ?? 0) + 1;
    if (quoted && frame.valueTokens === 1) frame.field.string = text;
    else delete frame.field.string;
  }

  /** `=` or `:` after a key starts the item's value; `,` ends the item. False for any other character. */
  private objectSeparator(frame: Extract<Frame, { kind: 'container' }>, c: string): boolean {
    const next = this.text[this.i + 1];
    if ((c === '=' || c === ':') && !frame.field && frame.pendingKey !== undefined && next !== '=' && next !== '>') {
      frame.field = { key: frame.pendingKey };
      frame.valueTokens = 0;
      frame.container.fields.push(frame.field);
      frame.container.key = frame.pendingKey;
      return true;
    }
    if (c === ',') {
      this.endObjectItem(frame);
      return true;
    }
    return false;
  }

  private endObjectItem(frame: Extract<Frame, { kind: 'container' }>): void {
    delete frame.pendingKey;
    delete frame.field;
    delete frame.container.key;
  }

  private countToken(frame: Frame): void {
    if (frame.kind === 'value') frame.tokens++;
  }

  private startValue(frame: Extract<Frame, { kind: 'body' }>): void {
    const name = frame.tokens.length === 1 ? frame.tokens[0]! : '';
    frame.tokens = [];
    this.i++;
    this.stack.push({ kind: 'value', attribute: { name, valueText: '' }, start: this.i, tokens: 0 });
  }

  private openBrace(frame: Frame): void {
    this.i++;
    if (frame.kind === 'body') {
      const [type = '', ...labels] = frame.tokens;
      frame.tokens = [];
      const block: ScannedBlock = { type, labels, attributes: [], blocks: [] };
      (frame.block ?? this.top).blocks.push(block);
      this.stack.push({ kind: 'body', block, tokens: [], lastTokenEnd: -1 });
    } else {
      this.countToken(frame);
      if (frame.kind === 'container' && frame.container.open === '{' && frame.field) frame.valueTokens = (frame.valueTokens ?? 0) + 1;
      this.stack.push({ kind: 'container', container: { open: '{', strings: [], fields: [] } });
    }
  }

  private closeBrace(frame: Frame): void {
    if (frame.kind === 'body') {
      if (this.stack.length > 1) this.stack.pop();
      this.i++;
    } else if (frame.kind === 'interpolation' || (frame.kind === 'container' && frame.container.open === '{')) {
      this.stack.pop();
      this.i++;
    } else if (frame.kind === 'value') {
      // `locals { a = 1 }`: the brace ends the value, then the block.
      this.endValue(frame, this.i);
    } else {
      this.stack.pop(); // an unclosed ( or [ before the brace
    }
  }

  private closeContainer(open: '[' | '('): void {
    for (let k = this.stack.length - 1; k >= 0; k--) {
      const frame = this.stack[k]!;
      if (frame.kind === 'container' && frame.container.open === open) {
        this.stack.length = k;
        return;
      }
      if (frame.kind !== 'container') return; // nothing to close: a stray bracket
    }
  }

  private newline(): void {
    this.newlineOrEnd(false);
    this.i++;
  }

  /** A line ends: unterminated strings end with it, and so does a value not inside brackets. */
  private newlineOrEnd(atEnd: boolean): void {
    const stringIndex = this.stack.findIndex((f) => f.kind === 'string');
    if (stringIndex > 0) {
      const frame = this.stack[stringIndex] as StringFrame;
      frame.end = this.text[this.i - 1] === '\r' && !atEnd ? this.i - 1 : this.i;
      this.stack.length = stringIndex;
      this.stringClosed(frame);
    }
    const frame = this.frame();
    if (frame.kind === 'value') this.endValue(frame, this.i);
    else if (atEnd) this.stack.pop();
    else if (frame.kind === 'body') frame.tokens = [];
    else if (frame.kind === 'container' && frame.container.open === '{') this.endObjectItem(frame);
  }

  private endValue(frame: Extract<Frame, { kind: 'value' }>, end: number): void {
    this.stack.pop();
    const attribute = frame.attribute;
    attribute.valueText = this.text.slice(frame.start, end).trim();
    if (frame.tokens === 1 && frame.firstString !== undefined) attribute.stringValue = frame.firstString;
    const body = this.frame();
    if (body.kind === 'body' && attribute.name !== '') (body.block ?? this.top).attributes.push(attribute);
  }

  private capture(): void {
    const frame = this.frame();
    const blocks = this.openBlocks();
    if (frame.kind === 'body') {
      this.captured = { place: frame.block ? this.argumentPlace(frame, blocks) : { kind: 'none' } };
      return;
    }
    const string = frame.kind === 'string' ? frame : undefined;
    const containers: OpenContainer[] = [];
    for (let k = this.stack.length - (string ? 2 : 1); k >= 0; k--) {
      const below = this.stack[k]!;
      if (below.kind === 'container') {
        // A copy: the key at the cursor stays as it is there; strings and fields go on filling.
        containers.unshift({ ...below.container });
      } else if (below.kind === 'value' && below.attribute.name !== '' && blocks.length > 0) {
        const place: CursorPlace = {
          kind: 'value', blocks, attribute: below.attribute.name, containers, word: this.wordAround(), startsElement: this.startsElement(),
        };
        this.captured = string ? { place, string } : { place };
        return;
      } else {
        break;
      }
    }
    this.captured = { place: { kind: 'none' } };
  }

  private argumentPlace(frame: Extract<Frame, { kind: 'body' }>, blocks: ScannedBlock[]): CursorPlace {
    const word = this.wordAround();
    const typed = frame.tokens.length === 0 || (frame.tokens.length === 1 && frame.lastTokenEnd === this.offsetOf(word.end));
    if (!typed) return { kind: 'none' };
    const lineEnd = this.text.indexOf('\n', this.offsetOf(word.end));
    const restOfLine = this.text.slice(this.offsetOf(word.end), lineEnd < 0 ? this.text.length : lineEnd).replace(/\r$/, '');
    const indent = this.text.slice(this.offsetOf({ line: word.start.line, character: 0 }), this.offsetOf(word.start));
    // Only a line of its own: not after the `{` of a block header, not before another statement.
    if (!/^[ \t]*$/.test(indent) || !/^\s*([={].*)?$/.test(restOfLine)) return { kind: 'none' };
    return { kind: 'argument', blocks, word, restOfLine, indent };
  }

  private startsElement(): boolean {
    let k = this.offset - 1;
    while (k >= 0 && IDENTIFIER_CHAR.test(this.text[k]!)) k--;
    while (k >= 0 && /\s/.test(this.text[k]!)) k--;
    return k >= 0 && '=[({,'.includes(this.text[k]!);
  }

  private openBlocks(): ScannedBlock[] {
    return this.stack.flatMap((f) => (f.kind === 'body' && f.block ? [f.block] : []));
  }

  /** The identifier characters around the cursor (the word being typed). */
  private wordAround(): Range {
    let start = this.offset;
    while (start > 0 && IDENTIFIER_CHAR.test(this.text[start - 1]!)) start--;
    let end = this.offset;
    while (end < this.text.length && IDENTIFIER_CHAR.test(this.text[end]!)) end++;
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  private finishPlace(): CursorPlace {
    const captured = this.captured ?? { place: { kind: 'none' } };
    const { place, string } = captured;
    if (place.kind !== 'value' || !string) return place;
    const end = string.end < 0 ? this.text.length : string.end;
    return {
      ...place,
      string: {
        content: { start: this.positionAt(string.start), end: this.positionAt(end) },
        before: this.text.slice(string.start, this.offset),
        after: this.text.slice(this.offset, end),
        closed: string.closed,
      },
    };
  }

  private lines: LineIndex | undefined;

  positionAt(offset: number): Position {
    this.lines ??= new LineIndex(this.text);
    return this.lines.positionAt(offset);
  }

  offsetOf(position: Position): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.offsetAt(position);
  }
}

export { offsetAt } from '../text';
