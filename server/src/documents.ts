// Open editor buffers, updated incrementally; the overlay that wins over the disk. Reading a
// buffer changes nothing. (The parser reuses the unchanged parts of a buffer's previous
// version by their text: core/parse/parts.ts.)
import { dirname } from 'node:path';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { URI } from './uri';
import type { SourceText } from './core/workspace';
import type { Overlay } from './diskFiles';

interface OpenDocument {
  document: TextDocument;
  path: string;
}

export class OpenDocuments implements Overlay {
  private readonly byPath = new Map<string, OpenDocument>();

  open(uri: string, version: number, text: string): string | undefined {
    const path = URI.toPath(uri);
    if (!path) return undefined;
    this.byPath.set(path, { document: TextDocument.create(uri, 'terraform', version, stripBom(text)), path });
    return path;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): string | undefined {
    const path = URI.toPath(uri);
    const open = path ? this.byPath.get(path) : undefined;
    if (!open) return undefined;
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
    return { path, text: open.document.getText(), version: open.document.version };
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

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
