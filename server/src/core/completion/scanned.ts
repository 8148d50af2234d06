// What completion reads from the current text (scan.ts): the blocks around the cursor and in
// the file, and where the cursor is. Ranges are in the user's text.
import type { Range } from '../types';

export interface ScannedAttribute {
  name: string;
  /** The value's source text, trimmed. */
  valueText: string;
  /** When the value is exactly one quoted string without interpolation: its content as written. */
  stringValue?: string;
}

export interface ScannedBlock {
  type: string;
  labels: string[];
  attributes: ScannedAttribute[];
  /** The types of the blocks written in its body (a block the cursor is in is read on its own). */
  blockTypes: string[];
}

/** A bracket open in an attribute's value at the cursor, outermost first. */
export interface OpenContainer {
  open: '[' | '(' | '{';
  /** The function a `(` calls: `toset`. */
  call?: string;
  /** Its quoted strings without interpolation, on both sides of the cursor. */
  strings: string[];
  /** An object (`{`): its items on both sides of the cursor, key and string value as written. */
  fields: ObjectField[];
  /** An object: the key of the item whose value the cursor is in; undefined where a key is typed. */
  key?: string;
}

export interface ObjectField {
  key: string;
  /** The value when it is one quoted string without interpolation. */
  string?: string;
}

/** The quoted string the cursor is in. */
export interface StringAtCursor {
  /** Range of the content (without quotes), as far as it goes on its line. */
  content: Range;
  /** Content from its start to the cursor, interpolations as written. */
  before: string;
  /** Content from the cursor to its end. */
  after: string;
  /** False when the closing quote is missing. */
  closed: boolean;
}

export type CursorPlace =
  /** At the start of a line in a block body: typing an argument name (maybe nothing yet). */
  | { kind: 'argument'; blocks: ScannedBlock[]; word: Range; restOfLine: string; /** The line's leading whitespace. */ indent: string }
  /** In the value of `attribute` of the innermost block. */
  | {
      kind: 'value';
      blocks: ScannedBlock[];
      attribute: string;
      containers: OpenContainer[];
      string?: StringAtCursor;
      /** The identifier characters around the cursor. */
      word: Range;
      /** Only the word stands between the cursor and the last `=`, `[`, `(`, `{` or `,`: a new element starts here. */
      startsElement: boolean;
    }
  | { kind: 'none' };

export interface ScanResult {
  /** The file's top-level blocks. */
  blocks: ScannedBlock[];
  cursor: CursorPlace;
}
