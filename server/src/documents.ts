// Open editor buffers, updated incrementally. Keeps the edits made since the last parse so the
// parser can re-parse incrementally, and serves as the overlay that wins over the disk.
import { dirname } from 'node:path';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { URI } from './uri';
import type { SourceText } from './core/workspace';
import type { TextChange } from './core/parse/trees';
import type { Overlay } from './diskFiles';

interface OpenDocument {
  document: TextDocument;
  path: string;
  /** Edits since the text last handed to the parser. */
  pending: TextChange[] | undefined;
}

export class OpenDocuments implements Overlay {
  private readonly byPath = new Map<string, OpenDocument>();

  open(uri: string, version: number, text: string): string | undefined {
    const path = URI.toPath(uri);
    if (!path) return undefined;
    this.byPath.set(path, { document: TextDocument.create(uri, 'terraform', version, stripBom(text)), path, pending: undefined });
    return path;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): string | undefined {
    const path = URI.toPath(uri);
    const open = path ? this.byPath.get(path) : undefined;
    if (!open) return undefined;
    const ranged = changes.every((c) => 'range' in c);
    open.pending = ranged && open.pending !== undefined ? [...open.pending, ...changes.map(toTextChange)] : ranged ? changes.map(toTextChange) : undefined;
    open.document = TextDocument.update(open.document, changes, version);
    return path;
  }

  close(uri: string): string | undefined {
    const path = URI.toPath(uri);
    if (path) this.byPath.delete(path);
    return path;
  }

  get(path: string): SourceText | undefined {
    const open = this.byPath.get(path);
    if (!open) return undefined;
    const source: SourceText = { path, text: open.document.getText(), version: open.document.version, ...(open.pending ? { changes: open.pending } : {}) };
    open.pending = []; // the parser now holds this text: later edits are relative to it
    return source;
  }

  document(path: string): TextDocument | undefined {
    return this.byPath.get(path)?.document;
  }

  inDirectory(dir: string): string[] {
    return [...this.byPath.keys()].filter((p) => dirname(p) === dir);
  }

  directories(): string[] {
    return [...new Set([...this.byPath.keys()].map((p) => dirname(p)))];
  }

  isOpen(path: string): boolean {
    return this.byPath.has(path);
  }
}

function toTextChange(change: TextDocumentContentChangeEvent): TextChange {
  if (!('range' in change)) throw new Error('full-text change has no range');
  return { range: change.range, text: change.text };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
