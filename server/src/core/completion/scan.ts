// What completion reads from the current text: where the cursor is (readPlace.ts) and the
// file's blocks (readBlocks.ts), both from the tree-sitter tree of the text as repaired around
// the cursor (syntax.ts, repairs.ts: on half-typed text error recovery would let an unterminated
// string or an argument being typed swallow the lines after it).
import { readFileBlocks } from './readBlocks';
import { readPlace } from './readPlace';
import type { CursorPlace, ScanResult, ScannedBlock } from './scanned';
import { type CompletionSyntax, withSyntax } from './syntax';

/** What is read from one tree; `fileBlocks` only while the tree is alive (during the read). */
export interface SyntaxReading {
  cursor: CursorPlace;
  /** The file's top-level blocks; `wanted` picks those whose arguments are read (by type and labels). */
  fileBlocks(wanted?: (type: string, labels: readonly string[]) => boolean): ScannedBlock[];
}

export function readingOf(syntax: CompletionSyntax): SyntaxReading {
  return { cursor: readPlace(syntax), fileBlocks: (wanted) => readFileBlocks(syntax.tree.rootNode, syntax.text, wanted) };
}

/**
 * Reads `text` at `offset` (a UTF-16 index), parsing it whole. Never throws on any input;
 * needs the grammar loaded (parse/grammar.ts).
 */
export function scanAt(text: string, offset: number): ScanResult {
  const at = Math.max(0, Math.min(offset, text.length));
  return withSyntax(text, at, (syntax) => {
    const reading = readingOf(syntax);
    return { blocks: reading.fileBlocks(), cursor: reading.cursor };
  }) ?? { blocks: [], cursor: { kind: 'none' } };
}
