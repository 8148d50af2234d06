// Completion's parses: with a parser of its own (completion keeps trees across requests, and a
// deferred block may be re-parsed with the shared one meanwhile), each bounded in time,
// incremental from an edited earlier tree, or over one window of the text.
import type { Parser, Tree } from 'web-tree-sitter';
import { newLoadedParser } from '../parse/grammar';
import { ParseBudgetExceeded, parseWithin } from '../parse/trees';
import { changedSpan, editOf } from './textChange';

/** A parse that takes longer gives no completion: the file is far beyond what is typed by hand. */
const PARSE_BUDGET_MS = 1_000;

let parser: Parser | undefined;

/**
 * Parses `text`, reusing `old` (an earlier tree, already edited to `text`) when given, and only
 * the span `window` of it when given. Undefined when the parse runs over budget.
 */
export function parse(text: string, old?: Tree, window?: { start: number; end: number }): Tree | undefined {
  parser ??= newLoadedParser();
  try {
    return parseWithin(parser, text, { budgetMs: PARSE_BUDGET_MS, ...(old ? { old } : {}), ...(window ? { span: window } : {}) });
  } catch (error) {
    if (error instanceof ParseBudgetExceeded) return undefined;
    throw error;
  }
}

/** Moves the nodes of `tree` (an earlier tree of `before`) to where they are in `after`; no parsing. */
export function editTree(tree: Tree, before: string, after: string): void {
  const change = changedSpan(before, after);
  if (change) tree.edit(editOf(before, after, change));
}
