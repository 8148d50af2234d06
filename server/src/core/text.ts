// Positions in text: LSP positions (0-based line, UTF-16 character) and string offsets, through
// one line index (the fixes, completion's scan and the features all convert with it).
import type { Position } from './types';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The offset of a position; a character past its line's end means the line end (before `\r\n`), a line past the end the text's end. */
  offsetAt(position: Position): number {
    const start = this.starts[position.line];
    if (start === undefined) return this.text.length;
    const next = this.starts[position.line + 1];
    let lineEnd = next === undefined ? this.text.length : next - 1;
    if (next !== undefined && this.text[lineEnd - 1] === '\r') lineEnd--;
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }

  /** The position of an offset (clamped to the text). */
  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: at - this.starts[low]! };
  }
}

/** The UTF-16 offset of a position in `text`; a character past its line's end means the line end. */
export function offsetAt(text: string, position: Position): number {
  return new LineIndex(text).offsetAt(position);
}
