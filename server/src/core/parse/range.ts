import type { Node } from 'web-tree-sitter';
import type { Range } from '../types';

export function rangeOf(node: Node): Range {
  const s = node.startPosition;
  const e = node.endPosition;
  return { start: { line: s.row, character: s.column }, end: { line: e.row, character: e.column } };
}
