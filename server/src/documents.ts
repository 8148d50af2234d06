// Open editor buffers, updated incrementally. Keeps a short log of the edits between versions
// so the parser can re-parse incrementally from whichever version its tree is at, and serves
// as the overlay that wins over the disk. Reading a buffer changes nothing.
import { dirname } from 'node:path';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { URI } from './uri';
import type { SourceText } from './core/workspace';
import type { TextChange } from './core/parse/trees';
import type { Overlay } from './diskFiles';

interface EditStep {
  from: number;
  to: number;
  changes: TextChange[];
}

interface OpenDocument {
  document: TextDocument;
  path: string;
  /** The ranged edits of the latest versions, oldest first; a full-text change clears it. */
  log: EditStep[];
}

/** Enough versions for a burst of typing between two analyses. */
const MAX_LOGGED_VERSIONS = 500;

export class OpenDocuments implements Overlay {
  private readonly byPath = new Map<string, OpenDocument>();

  open(uri: string, version: number, text: string): string | undefined {
    const path = URI.toPath(uri);
    if (!path) return undefined;
    this.byPath.set(path, { document: TextDocument.create(uri, 'terraform', version, stripBom(text)), path, log: [] });
    return path;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): string | undefined {
    const path = URI.toPath(uri);
    const open = path ? this.byPath.get(path) : undefined;
    if (!open) return undefined;
    if (changes.every((c) => 'range' in c)) {
      open.log.push({ from: open.document.version, to: version, changes: changes.map(toTextChange) });
      if (open.log.length > MAX_LOGGED_VERSIONS) open.log.shift();
    } else {
      open.log = [];
    }
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
    const log = [...open.log];
    const version = open.document.version;
    return {
      path,
      text: open.document.getText(),
      version,
      changesSince: (since) => {
        const first = log.findIndex((step) => step.from === since);
        if (first < 0) return undefined;
        const steps = log.slice(first);
        const chained = steps.length > 0 && steps.at(-1)!.to === version && steps.every((step, i) => i === 0 || steps[i - 1]!.to === step.from);
        return chained ? steps.flatMap((step) => step.changes) : undefined;
      },
    };
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
