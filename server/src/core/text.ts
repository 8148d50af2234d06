// Positions in text: LSP positions (0-based line, UTF-16 character) to string offsets.
import type { Position } from './types';

/** The UTF-16 offset of a position in `text`; a character past its line's end means the line end. */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  else if (text[lineEnd - 1] === '\r') lineEnd--;
  return Math.min(offset + Math.max(0, position.character), lineEnd);
}
