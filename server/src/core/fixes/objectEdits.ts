// Editing object literals the way their entries are written: one per line with the same
// indentation and `=` column in a multi-line object, `, key = value` in a one-line object; keys
// bare when they can be and the object writes them bare, quoted otherwise.
import type { Expr, HclFile, ObjectItem } from '../parse/ast';
import { staticKey } from '../parse/ast';
import type { TextEdit } from '../types';
import { removeListElement } from './edits';

export type ObjectExpr = Extract<Expr, { kind: 'object' }>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const DEFAULT_UNIT = 2;

/** Appends `key = value` entries after the last entry of a non-empty map literal. */
export function appendMapEntries(file: HclFile, map: ObjectExpr, value: string, keys: readonly string[]): TextEdit {
  return appendItems(file, map, keys.map((key) => [key, value]));
}

/**
 * Appends `[key, value]` items to an object literal, in its style. An empty `{}` opens up over
 * lines, its items one level deeper than `lineIndent`, the indentation of the line it is on.
 */
function appendItems(file: HclFile, object: ObjectExpr, items: readonly (readonly [string, string])[], lineIndent = 0): TextEdit {
  const last = object.items.at(-1);
  const quoted = object.items.some((i) => i.key.kind !== 'variable');
  const keyText = (key: string) => (!quoted && IDENTIFIER.test(key) ? key : JSON.stringify(key));
  const { start, end } = object.range;
  if (!last) {
    const indent = ' '.repeat(lineIndent);
    const inner = `${indent}${' '.repeat(DEFAULT_UNIT)}`;
    const lines = items.map(([key, value]) => `${inner}${keyText(key)} = ${value}`);
    const inside = { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } };
    return { file: file.path, range: inside, newText: `${file.lineEnding}${lines.join(file.lineEnding)}${file.lineEnding}${indent}` };
  }
  if (start.line === end.line) {
    return { file: file.path, range: { start: last.range.end, end: last.range.end }, newText: items.map(([k, v]) => `, ${keyText(k)} = ${v}`).join('') };
  }
  const indent = last.range.start.character;
  const equalsColumns = new Set(object.items.filter((i) => i.range.start.line === i.range.end.line).map((i) => i.value.range.start.character - 2));
  const equalsColumn = equalsColumns.size === 1 ? [...equalsColumns][0]! : undefined;
  const lines = items.map(([key, value]) => {
    const text = keyText(key);
    const pad = equalsColumn === undefined ? 1 : Math.max(1, equalsColumn - indent - text.length);
    return `${' '.repeat(indent)}${text}${' '.repeat(pad)}= ${value}`;
  });
  return { file: file.path, range: { start: last.range.end, end: last.range.end }, newText: lines.map((l) => `${file.lineEnding}${l}`).join('') };
}

/** The item of an object literal whose key is `name`. */
export function objectItem(object: ObjectExpr, name: string): ObjectItem | undefined {
  return object.items.find((i) => staticKey(i.key) === name);
}

/** Sets `name = value`: replaces the value when the key is written, else appends it. */
export function setObjectItem(file: HclFile, object: ObjectExpr, name: string, value: string, lineIndent = 0): TextEdit {
  const existing = objectItem(object, name);
  return existing ? { file: file.path, range: existing.value.range, newText: value } : appendItems(file, object, [[name, value]], lineIndent);
}

/** Removes an item: its whole line when it has the line to itself, else the item with its separating comma. */
export function removeObjectItem(file: HclFile, object: ObjectExpr, item: ObjectItem): TextEdit {
  const index = object.items.indexOf(item);
  const alone = object.items.every((other) => other === item || (other.range.end.line < item.range.start.line || other.range.start.line > item.range.end.line))
    && object.range.start.line < item.range.start.line && object.range.end.line > item.range.end.line;
  if (alone) return { file: file.path, range: { start: { line: item.range.start.line, character: 0 }, end: { line: item.range.end.line + 1, character: 0 } }, newText: '' };
  return removeListElement(file, object, index);
}
