// The parse layer's entry point: text -> HclFile, with trees and results cached per file.
// A file whose text has not changed is not parsed again, whatever its version.
import type { Parser } from 'web-tree-sitter';
import type { Block, EagerBodyPredicate, HclFile } from './ast';
import { convertTree } from './convert';
import { type KeptTree, ParseBudgetExceeded, TreeCache, type TextChange } from './trees';
import { createTerraformParser } from './grammar';

export class HclParser {
  private readonly trees: TreeCache;
  private readonly files = new Map<string, { text: string; file: HclFile; blocks: Map<string, Block> }>();

  private constructor(parser: Parser, private readonly eagerBody?: EagerBodyPredicate, budgetMs?: number) {
    this.trees = new TreeCache(parser, budgetMs);
  }

  /**
   * `eagerBody` picks the blocks converted whole; the others are converted when first read.
   * `budgetMs` bounds the parse of one file: a file over budget is reported, not analysed.
   */
  static async create(eagerBody?: EagerBodyPredicate, budgetMs?: number): Promise<HclParser> {
    return new HclParser(await createTerraformParser(), eagerBody, budgetMs);
  }

  /**
   * The syntax of `path` with `text`. `version` and `changes` (edits since the cached text)
   * let an open editor buffer re-parse incrementally; only then is its tree kept (trees are
   * large: a file read from disk keeps only its converted syntax).
   */
  parse(path: string, text: string, version?: number, changes?: readonly TextChange[] | ((since: number) => readonly TextChange[] | undefined)): HclFile {
    const cached = this.files.get(path);
    if (cached && cached.text === text) return cached.file;
    let tree;
    try {
      const previous = this.trees.versionOf(path);
      const edits = typeof changes === 'function' ? (previous === undefined ? undefined : changes(previous)) : changes;
      tree = this.trees.get(path, version ?? -1, text, edits);
    } catch (error) {
      if (!(error instanceof ParseBudgetExceeded)) throw error;
      return this.notAnalysed(path, text, error);
    }
    // Only a buffer being edited re-converts often enough to keep its blocks for reuse.
    const editing = version !== undefined;
    const blocks = new Map<string, Block>();
    const file = convertTree(path, tree, {
      lineEnding: text.includes('\r\n') ? '\r\n' : '\n',
      source: text,
      ...(editing ? { produced: blocks } : {}),
      ...(this.eagerBody ? { eager: this.eagerBody } : {}),
      ...(editing && cached ? { reuse: cached.blocks } : {}),
    });
    if (version === undefined) this.trees.delete(path);
    this.files.set(path, { text, file, blocks });
    return file;
  }

  private notAnalysed(path: string, text: string, error: ParseBudgetExceeded): HclFile {
    const kb = Math.round(text.length / 1024);
    const file: HclFile = {
      path,
      body: { attributes: [], blocks: [], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      syntaxErrors: [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `Not analysed: ${error.message} (${kb} KB). The rest of the module is still checked; splitting this file makes it analysable.`,
      }],
      comments: new Map(),
      lineEnding: '\n',
    };
    this.files.set(path, { text, file, blocks: new Map() });
    return file;
  }

  /** The tree kept for an open buffer (as of its last parse) and the text it parses. */
  keptTree(path: string): KeptTree | undefined {
    return this.trees.kept(path);
  }

  /** Whether `path` with exactly `text` is already converted. */
  has(path: string, text: string): boolean {
    return this.files.get(path)?.text === text;
  }

  /** Keeps a conversion of `path` made elsewhere (another thread) as if parsed here. */
  adopt(path: string, text: string, file: HclFile): void {
    if (this.trees.versionOf(path) !== undefined) return; // an open buffer's own tree wins
    this.files.set(path, { text, file, blocks: new Map() });
  }

  /** Forget a file (closed or deleted) and free its tree. */
  forget(path: string): void {
    this.trees.delete(path);
    this.files.delete(path);
  }

  /** Forget every file and free every tree (the next parse of anything is cold). */
  clear(): void {
    this.trees.clear();
    this.files.clear();
  }

  dispose(): void {
    this.clear();
  }
}
