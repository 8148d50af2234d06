// A file parsed in parts, one per top-level block, for open buffers and for files with syntax
// errors. Why: error recovery lets a block being typed swallow every block after it (`  a` on a
// line of its own turns the rest of the file into that block's body), so each keystroke into
// and out of such a state re-parsed half the file (30 ms on a 5,000-line buffer), and the
// swallowed blocks were converted again. Parsed in parts, a half-typed block stays in its part,
// its syntax errors are reported where it is typed, and an edit parses only the part it is in:
// the other parts are reused, moved to their new lines (shift.ts).
//
// Where a part starts: a line that begins, at column 0, like a block header (`name "label" {`).
// The parser decides what the text is. When every part parses cleanly the result is what a
// parse of the whole file gives (a body is a sequence of items, and a part ends at a line start
// where an item ended). A part with errors is parsed together with the next part while that one
// fails too: a heredoc or comment cut by a split fails on both sides, and is read whole.
import type { Parser } from 'web-tree-sitter';
import type { EagerBodyPredicate, FileItems, HclFile } from './ast';
import type { Range } from '../types';
import { convertPart, shiftConverted } from './convert';
import { MAX_SYNTAX_ERRORS } from './syntaxErrors';
import { parseWithin } from './trees';

export interface Part {
  /** Line of the part's first character. */
  row: number;
  text: string;
}

/** A converted part, at the line it was converted for. */
export interface ConvertedPart {
  row: number;
  items: FileItems;
}

const BLOCK_HEADER_LINE = /^[A-Za-z_][A-Za-z0-9_-]*(?:[ \t]+(?:"[^"\r\n]*"|[A-Za-z_][A-Za-z0-9_-]*))*[ \t]*\{/gm;

/** After this many failing parts are joined, the rest of the file is parsed as one part. */
const MAX_JOINS = 8;

/** The text cut before each block-header line (the first part starts at 0). */
export function partsOf(text: string): Part[] {
  const parts: Part[] = [];
  let start = 0;
  let row = 0;
  let counted = 0;
  for (const match of text.matchAll(BLOCK_HEADER_LINE)) {
    if (match.index === 0) continue;
    parts.push({ row, text: text.slice(start, match.index) });
    row += newlinesIn(text, counted, match.index);
    counted = match.index;
    start = match.index;
  }
  parts.push({ row, text: text.slice(start) });
  return parts;
}

function newlinesIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export interface PartsOptions {
  eager?: EagerBodyPredicate;
  /** Parts of the previous conversion of this file, by text: reused, moved to their lines. */
  reuse?: ReadonlyMap<string, ConvertedPart>;
  /** Filled with this conversion's parts, by text. */
  produced?: Map<string, ConvertedPart>;
  /** Bounds the parsing of the whole file (ParseBudgetExceeded). */
  budgetMs?: number;
}

/** The file converted part by part. */
export function convertInParts(path: string, text: string, parser: Parser, options: PartsOptions = {}): HclFile {
  const parts = partsOf(text);
  const deadline = performance.now() + (options.budgetMs ?? Infinity);
  const convert = (part: Part): FileItems => convertOne(part, parser, options, deadline);
  const converted: FileItems[] = [];
  for (let i = 0; i < parts.length;) {
    let part = parts[i]!;
    let items = convert(part);
    let next = i + 1;
    for (let joins = 0; items.syntaxErrors.length > 0 && next < parts.length; joins++) {
      if (joins === MAX_JOINS) {
        part = joined(part, parts.slice(next));
        next = parts.length;
      } else {
        if (convert(parts[next]!).syntaxErrors.length === 0) break;
        part = joined(part, [parts[next]!]);
        next++;
      }
      items = convert(part);
    }
    converted.push(items);
    i = next;
  }
  return {
    path,
    body: {
      attributes: converted.flatMap((c) => c.body.attributes),
      blocks: converted.flatMap((c) => c.body.blocks),
      range: bodyRange(converted),
    },
    syntaxErrors: converted.flatMap((c) => c.syntaxErrors).slice(0, MAX_SYNTAX_ERRORS),
    comments: new Map(converted.flatMap((c) => [...c.comments])),
    lineEnding: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** From the first item to the last, as a whole parse's body node; the whole text when there is none. */
function bodyRange(converted: readonly FileItems[]): Range {
  const items = converted.filter((c) => c.body.attributes.length > 0 || c.body.blocks.length > 0);
  const [first, last] = items.length > 0 ? [items[0]!, items.at(-1)!] : [converted[0]!, converted.at(-1)!];
  return { start: first.body.range.start, end: last.body.range.end };
}

const joined = (part: Part, after: readonly Part[]): Part => ({ row: part.row, text: part.text + after.map((p) => p.text).join('') });

function convertOne(part: Part, parser: Parser, options: PartsOptions, deadline: number): FileItems {
  const known = options.produced?.get(part.text) ?? options.reuse?.get(part.text);
  const items = known ? shiftConverted(known.items, part.row - known.row) : parseOne(part, parser, options, deadline);
  options.produced?.set(part.text, { row: part.row, items });
  return items;
}

function parseOne(part: Part, parser: Parser, options: PartsOptions, deadline: number): FileItems {
  const tree = parseWithin(parser, part.text, { ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}), deadline });
  try {
    return convertPart(tree, part.text, part.row, options.eager);
  } finally {
    tree.delete();
  }
}
