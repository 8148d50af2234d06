import type { Node } from 'web-tree-sitter';
import type { Position, Range } from '../types';
import { currentSource } from './source';

/** Where the text being converted starts in its file (non-zero when a block is re-parsed alone). */
let origin = { row: 0, column: 0 };

export function rangeOf(node: Node): Range {
  return { start: rangeStart(node), end: inFile(node.endPosition) };
}

/** Where `node` starts. */
export function rangeStart(node: Node): Position {
  return inFile(node.startPosition);
}

function inFile(p: { row: number; column: number }): Position {
  return { line: p.row + origin.row, character: p.column + (p.row === 0 ? origin.column : 0) };
}

/**
 * The range of a node without errors, measured from its start when its text is on one line (a
 * label): one call into wasm instead of three. Undefined when the text spans lines.
 */
export function oneLineRange(node: Node): Range | undefined {
  const source = currentSource();
  const end = node.endIndex;
  if (source === undefined || source.lastIndexOf('\n', end - 1) >= node.startIndex) return undefined;
  const start = rangeStart(node);
  return { start, end: { line: start.line, character: start.character + end - node.startIndex } };
}

/** Runs `convert` with positions shifted to `at` (synchronous, so the shift cannot leak). */
export function withOrigin<T>(at: { row: number; column: number }, convert: () => T): T {
  const saved = origin;
  origin = at;
  try {
    return convert();
  } finally {
    origin = saved;
  }
}
