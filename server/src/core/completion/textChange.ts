// The one span where two versions of a text differ, and the tree-sitter edit that describes it:
// completion re-parses a document's next text, and its repaired copy, from the previous tree.
import type { Edit } from 'web-tree-sitter';
import { pointAt } from '../parse/trees';

export interface ChangedSpan {
  start: number;
  /** End of the replaced span in the old text. */
  oldEnd: number;
  /** End of the replacing span in the new text. */
  newEnd: number;
}

/** The span where `after` differs from `before` (their common start and end left out); undefined when equal. */
export function changedSpan(before: string, after: string): ChangedSpan | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

export function editOf(before: string, after: string, change: ChangedSpan): Edit {
  return {
    startIndex: change.start,
    oldEndIndex: change.oldEnd,
    newEndIndex: change.newEnd,
    startPosition: pointAt(before, change.start),
    oldEndPosition: pointAt(before, change.oldEnd),
    newEndPosition: pointAt(after, change.newEnd),
  };
}
