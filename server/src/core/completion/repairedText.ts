// The copy of the user's text that completion parses: the user's text with a few repairs
// (repairs.ts) so that tree-sitter reads a half-typed line the way HCL does. Repairs only
// insert characters (at a line's end, at the cursor, before a closing bracket) or blank a lone
// word, so every offset of the copy maps back to the user's text: completion reads text and
// makes ranges from the user's text only, never from what was inserted.
import { changedSpan } from './textChange';

export interface Repair {
  /** Offset in the user's text. */
  at: number;
  /** Text inserted at `at`, after earlier insertions there and after a cursor at `at`. */
  insert?: string;
  /** The user's characters from `at` on replaced by as many spaces (a word the parser must skip). */
  blank?: number;
  /** Kept for the document's next text while the line it is on is unchanged (a string's closing quote). */
  lasting: boolean;
}

interface Insertion {
  repair: Repair;
  /** Where the inserted text starts in the copy. */
  copyAt: number;
  length: number;
}

export class RepairedText {
  /** The text that is parsed. */
  readonly text: string;
  private readonly insertions: Insertion[] = [];

  /** `repairs` in the order they were found; equal offsets keep that order. */
  constructor(readonly user: string, readonly repairs: readonly Repair[] = []) {
    const ordered = [...repairs].sort((a, b) => a.at - b.at);
    let text = '';
    let from = 0;
    for (const repair of ordered) {
      text += user.slice(from, repair.at);
      from = Math.max(from, repair.at);
      if (repair.insert) {
        this.insertions.push({ repair, copyAt: text.length, length: repair.insert.length });
        text += repair.insert;
      }
      if (repair.blank) {
        text += ' '.repeat(repair.blank);
        from = repair.at + repair.blank;
      }
    }
    this.text = text + user.slice(from);
  }

  with(repair: Repair): RepairedText {
    return new RepairedText(this.user, [...this.repairs, repair]);
  }

  without(repairs: readonly Repair[]): RepairedText {
    return new RepairedText(this.user, this.repairs.filter((r) => !repairs.includes(r)));
  }

  /** The copy's offset of a user offset; insertions at that very offset come after it. */
  toCopy(offset: number): number {
    let shift = 0;
    for (const insertion of this.insertions) {
      if (insertion.repair.at >= offset) break;
      shift += insertion.length;
    }
    return offset + shift;
  }

  /** The copy's offset of a user offset, after the insertions at that very offset (a line's end). */
  toCopyAfter(offset: number): number {
    let shift = 0;
    for (const insertion of this.insertions) {
      if (insertion.repair.at > offset) break;
      shift += insertion.length;
    }
    return offset + shift;
  }

  /** The user offset of an offset of the copy; inside inserted text, where it was inserted. */
  toUser(offset: number): number {
    let shift = 0;
    for (const insertion of this.insertions) {
      if (offset < insertion.copyAt) break;
      if (offset < insertion.copyAt + insertion.length) return insertion.repair.at;
      shift += insertion.length;
    }
    return offset - shift;
  }

  /** Where the text a repair inserted starts in the copy. */
  insertedAt(repair: Repair): number | undefined {
    return this.insertions.find((i) => i.repair === repair)?.copyAt;
  }

  /** Whether the character at this offset of the copy was inserted by a repair. */
  isInserted(offset: number): boolean {
    return this.insertions.some((i) => offset >= i.copyAt && offset < i.copyAt + i.length);
  }

  /** Whether a blanked word lies between two offsets of the copy. */
  blankedBetween(start: number, end: number): boolean {
    return this.repairs.some((r) => r.blank !== undefined && this.toCopy(r.at) < end && this.toCopy(r.at) + r.blank > start);
  }

  /** The user's text between two offsets of the copy. */
  slice(start: number, end: number): string {
    return this.user.slice(this.toUser(start), this.toUser(end));
  }
}

/**
 * The lasting repairs of `base` (closing quotes) that still apply to `text`, the document's next
 * text: those on lines before the change, and those after it, moved. A string left open on an
 * unchanged line is still open; keeping its quote keeps the next parse from reading the rest of
 * the file as that string. Each is checked again on the new tree (syntax.ts).
 */
export function lastingRepairs(base: RepairedText, text: string): Repair[] {
  const lasting = base.repairs.filter((r) => r.lasting);
  const change = changedSpan(base.user, text);
  if (!change) return lasting;
  const lineStart = base.user.lastIndexOf('\n', change.start - 1) + 1;
  return lasting.flatMap((r) => {
    if (r.at < lineStart) return [r];
    return r.at >= change.oldEnd ? [{ ...r, at: r.at + change.newEnd - change.oldEnd }] : [];
  });
}
