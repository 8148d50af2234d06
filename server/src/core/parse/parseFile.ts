// The parse layer's entry point: text -> HclFile, with results cached per file. A file whose
// text has not changed is not parsed again, whatever its version. A file read from disk is
// parsed whole, and again in parts when it has syntax errors; an open buffer is always parsed
// in parts (parts.ts), reusing the parts of its previous version that did not change.
import type { Parser } from 'web-tree-sitter';
import type { EagerBodyPredicate, HclFile } from './ast';
import { type ConvertedPart, convertInParts } from './parts';
import { convertTree } from './convert';
import { ParseBudgetExceeded, parseWithin } from './trees';
import { createTerraformParser } from './grammar';

export class HclParser {
  private readonly files = new Map<string, { text: string; file: HclFile; parts?: Map<string, ConvertedPart> }>();

  private constructor(private readonly parser: Parser, private readonly eagerBody?: EagerBodyPredicate, private readonly budgetMs?: number) {}

  /**
   * `eagerBody` picks the blocks converted whole; the others are converted when first read.
   * `budgetMs` bounds the parse of one file: a file over budget is reported, not analysed.
   */
  static async create(eagerBody?: EagerBodyPredicate, budgetMs?: number): Promise<HclParser> {
    return new HclParser(await createTerraformParser(), eagerBody, budgetMs);
  }

  /**
   * The syntax of `path` with `text`. `version` says it is an open buffer, whose next versions
   * reuse the parts of this one.
   */
  parse(path: string, text: string, version?: number): HclFile {
    const cached = this.files.get(path);
    if (cached && cached.text === text) return cached.file;
    const parts = version !== undefined ? new Map<string, ConvertedPart>() : undefined;
    let file: HclFile;
    try {
      file = parts ? this.inParts(path, text, cached?.parts, parts) : this.whole(path, text);
    } catch (error) {
      if (!(error instanceof ParseBudgetExceeded)) throw error;
      return this.notAnalysed(path, text, error);
    }
    this.files.set(path, { text, file, ...(parts ? { parts } : {}) });
    return file;
  }

  private whole(path: string, text: string): HclFile {
    const tree = parseWithin(this.parser, text, this.budgetMs !== undefined ? { budgetMs: this.budgetMs } : {});
    try {
      if (tree.rootNode.hasError) return this.inParts(path, text);
      return convertTree(path, tree, {
        lineEnding: text.includes('\r\n') ? '\r\n' : '\n',
        source: text,
        ...(this.eagerBody ? { eager: this.eagerBody } : {}),
      });
    } finally {
      tree.delete();
    }
  }

  /** `reuse`: the parts of the buffer's previous version; `produced` is filled with this one's. */
  private inParts(path: string, text: string, reuse?: ReadonlyMap<string, ConvertedPart>, produced?: Map<string, ConvertedPart>): HclFile {
    return convertInParts(path, text, this.parser, {
      ...(reuse ? { reuse } : {}),
      ...(produced ? { produced } : {}),
      ...(this.eagerBody ? { eager: this.eagerBody } : {}),
      ...(this.budgetMs !== undefined ? { budgetMs: this.budgetMs } : {}),
    });
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
    this.files.set(path, { text, file });
    return file;
  }

  /** Whether `path` with exactly `text` is already converted. */
  has(path: string, text: string): boolean {
    return this.files.get(path)?.text === text;
  }

  /** Keeps a conversion of `path` made elsewhere (another thread) as if parsed here. */
  adopt(path: string, text: string, file: HclFile): void {
    if (this.files.get(path)?.parts) return; // an open buffer's own parse wins
    this.files.set(path, { text, file });
  }

  /** Forget a file (closed or deleted). */
  forget(path: string): void {
    this.files.delete(path);
  }

  /** Forget every file (the next parse of anything is cold). */
  clear(): void {
    this.files.clear();
  }

  dispose(): void {
    this.clear();
  }
}
