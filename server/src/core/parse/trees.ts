// One parse of a whole text within a time budget.
import type { Parser, Tree } from 'web-tree-sitter';

/** Parsing took longer than the time budget: the input is too large to analyse interactively. */
export class ParseBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`parsing took longer than ${budgetMs / 1000} s`);
  }
}

/**
 * The tree of `text`; throws ParseBudgetExceeded when parsing takes longer than `budgetMs`, or
 * goes past `deadline` (a budget shared by several parses). The caller deletes the tree.
 */
export function parseWithin(parser: Parser, text: string, budgetMs = Infinity, deadline = performance.now() + budgetMs): Tree {
  const options = Number.isFinite(budgetMs)
    ? // The callback's declared type is void, but returning true cancels the parse.
      { progressCallback: (() => performance.now() > deadline) as unknown as () => void }
    : {};
  const tree = parser.parse(text, null, options);
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
