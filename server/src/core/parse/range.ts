import type { Node } from 'web-tree-sitter';
import type { Range } from '../types';

/** Where the text being converted starts in its file (non-zero when a block is re-parsed alone). */
let origin = { row: 0, column: 0 };

export function rangeOf(node: Node): Range {
  const s = node.startPosition;
  const e = node.endPosition;
  return {
    start: { line: s.row + origin.row, character: s.column + (s.row === 0 ? origin.column : 0) },
    end: { line: e.row + origin.row, character: e.column + (e.row === 0 ? origin.column : 0) },
  };
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
