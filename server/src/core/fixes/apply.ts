// Applies text edits to a text (tests, fix-all, the fuzz test). Edits must not overlap; they
// are applied from the end so earlier positions stay valid.
import type { TextEdit } from '../types';
import { LineIndex } from '../text';

export function applyEdits(text: string, edits: readonly Pick<TextEdit, 'range' | 'newText'>[]): string {
  const lines = new LineIndex(text);
  const resolved = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let lastStart = Infinity;
  for (const edit of resolved) {
    if (edit.end > lastStart) throw new Error('overlapping edits');
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
    lastStart = edit.start;
  }
  return out;
}
