// Syntax trees cached per document and version. A change with edit ranges re-parses
// incrementally from the previous tree; replaced trees are deleted (they live in wasm memory).
import type { Parser, Tree, Edit } from 'web-tree-sitter';
import type { Position } from '../types';
import { offsetAt } from '../text';

export interface TextChange {
  /** Range in the previous text that was replaced. */
  range: { start: Position; end: Position };
  text: string;
}

/** A tree and the text it parses. */
export interface KeptTree {
  text: string;
  tree: Tree;
}

interface Entry {
  version: number;
  text: string;
  tree: Tree;
}

/** Parsing took longer than the time budget: the input is too large to analyse interactively. */
export class ParseBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`parsing took longer than ${budgetMs / 1000} s`);
  }
}

export class TreeCache {
  private readonly entries = new Map<string, Entry>();

  /** `budgetMs` bounds one parse; a parse over budget throws ParseBudgetExceeded. */
  constructor(private readonly parser: Parser, private readonly budgetMs = Infinity) {}

  /** The tree for `key` at `version`, parsed (incrementally when `changes` are given) if needed. */
  get(key: string, version: number, text: string, changes?: readonly TextChange[]): Tree {
    const previous = this.entries.get(key);
    if (previous && previous.version === version && previous.text === text) return previous.tree;
    let oldTree: Tree | null = null;
    if (previous && changes && changes.length > 0) {
      oldTree = previous.tree;
      let oldText = previous.text;
      for (const change of changes) {
        const edit = toEdit(oldText, change);
        oldTree.edit(edit);
        oldText = oldText.slice(0, edit.startIndex) + change.text + oldText.slice(edit.oldEndIndex);
      }
      if (oldText !== text) oldTree = null; // the changes do not explain the new text: parse afresh
    }
    const deadline = performance.now() + this.budgetMs;
    const options = Number.isFinite(this.budgetMs)
      ? // The callback's declared type is void, but returning true cancels the parse.
        { progressCallback: (() => performance.now() > deadline) as unknown as () => void }
      : {};
    const tree = this.parser.parse(text, oldTree, options);
    if (!tree) {
      this.parser.reset(); // otherwise the next parse resumes this one
      throw new ParseBudgetExceeded(this.budgetMs);
    }
    previous?.tree.delete();
    this.entries.set(key, { version, text, tree });
    return tree;
  }

  /** The tree kept for `key` and the text it parses, if one is (valid until the next `get` for `key`). */
  kept(key: string): KeptTree | undefined {
    const entry = this.entries.get(key);
    return entry && { text: entry.text, tree: entry.tree };
  }

  /** The version of the tree kept for `key`, if one is. */
  versionOf(key: string): number | undefined {
    return this.entries.get(key)?.version;
  }

  delete(key: string): void {
    this.entries.get(key)?.tree.delete();
    this.entries.delete(key);
  }

  clear(): void {
    for (const entry of this.entries.values()) entry.tree.delete();
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
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

/** Web-tree-sitter parses JS strings as UTF-16: indices and columns are code units. */
function toEdit(oldText: string, change: TextChange): Edit {
  const startIndex = offsetAt(oldText, change.range.start);
  const oldEndIndex = offsetAt(oldText, change.range.end);
  const newEndIndex = startIndex + change.text.length;
  const newText = oldText.slice(0, startIndex) + change.text;
  return {
    startIndex,
    oldEndIndex,
    newEndIndex,
    startPosition: pointAt(oldText, startIndex),
    oldEndPosition: pointAt(oldText, oldEndIndex),
    newEndPosition: pointAt(newText, newEndIndex),
  };
}
