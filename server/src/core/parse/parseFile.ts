// The parse layer's entry point: text -> HclFile, with trees and results cached per file.
// A file whose text has not changed is not parsed again, whatever its version.
import type { Parser } from 'web-tree-sitter';
import type { Block, EagerBodyPredicate, HclFile } from './ast';
import { convertTree } from './convert';
import { TreeCache, type TextChange } from './trees';
import { createTerraformParser } from './grammar';

export class HclParser {
  private readonly trees: TreeCache;
  private readonly files = new Map<string, { text: string; file: HclFile; blocks: Map<string, Block> }>();

  private constructor(parser: Parser, private readonly eagerBody?: EagerBodyPredicate) {
    this.trees = new TreeCache(parser);
  }

  /** `eagerBody` picks the blocks converted whole; the others are converted when first read. */
  static async create(eagerBody?: EagerBodyPredicate): Promise<HclParser> {
    return new HclParser(await createTerraformParser(), eagerBody);
  }

  /**
   * The syntax of `path` with `text`. `version` and `changes` (edits since the cached text)
   * let an open editor buffer re-parse incrementally; only then is its tree kept (trees are
   * large: a file read from disk keeps only its converted syntax).
   */
  parse(path: string, text: string, version?: number, changes?: readonly TextChange[]): HclFile {
    const cached = this.files.get(path);
    if (cached && cached.text === text) return cached.file;
    const tree = this.trees.get(path, version ?? -1, text, changes);
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

  /** Forget a file (closed or deleted) and free its tree. */
  forget(path: string): void {
    this.trees.delete(path);
    this.files.delete(path);
  }

  dispose(): void {
    this.trees.clear();
    this.files.clear();
  }
}
