// A parse within a time budget, and tree-sitter points of offsets.
import type { Parser, Tree } from 'web-tree-sitter';

/** Parsing took longer than the time budget: the input is too large to analyse interactively. */
export class ParseBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`parsing took longer than ${budgetMs / 1000} s`);
  }
}

export interface ParseOptions {
  /** Longer than this, the parse is cancelled (ParseBudgetExceeded). */
  budgetMs?: number;
  /** When a budget is shared by several parses: the time it runs out. */
  deadline?: number;
  /** An earlier tree, already edited to `text`, to parse incrementally from. */
  old?: Tree;
  /** Parse only this span of the text (UTF-16 offsets). */
  span?: { start: number; end: number };
}

/** The tree of `text` within a time budget; throws ParseBudgetExceeded past it. The caller deletes the tree. */
export function parseWithin(parser: Parser, text: string, options: ParseOptions = {}): Tree {
  const budgetMs = options.budgetMs ?? Infinity;
  const deadline = options.deadline ?? performance.now() + budgetMs;
  const { span } = options;
  const tree = parser.parse(text, options.old ?? null, {
    ...(Number.isFinite(deadline)
      ? // The callback's declared type is void, but returning true cancels the parse.
        { progressCallback: (() => performance.now() > deadline) as unknown as () => void }
      : {}),
    ...(span ? { includedRanges: [{ startIndex: span.start, endIndex: span.end, startPosition: pointAt(text, span.start), endPosition: pointAt(text, span.end) }] } : {}),
  });
  if (!tree) {
    parser.reset(); // otherwise the next parse resumes this one
    throw new ParseBudgetExceeded(budgetMs);
  }
  return tree;
}

/** The tree-sitter point of an offset: web-tree-sitter parses JS strings as UTF-16, so columns are code units. */
export function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}
