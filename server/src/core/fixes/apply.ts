// Applies text edits to a text (tests, fix-all, the fuzz test). Edits must not overlap; they
// are applied from the end so earlier positions stay valid.
import type { Position, TextEdit } from '../types';

function offsetAt(lineStarts: number[], text: string, p: Position): number {
  const start = lineStarts[p.line];
  if (start === undefined) return text.length;
  return Math.min(start + p.character, text.length);
}

export function applyEdits(text: string, edits: readonly Pick<TextEdit, 'range' | 'newText'>[]): string {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const resolved = edits
    .map((e) => ({ start: offsetAt(lineStarts, text, e.range.start), end: offsetAt(lineStarts, text, e.range.end), newText: e.newText }))
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
