// Adding entries to a map literal the way its entries are written: one per line with the same
// indentation and `=` column in a multi-line map, `, key = value` in a one-line map; keys bare
// when they can be and the map writes them bare, quoted otherwise.
import type { Expr, HclFile } from '../parse/ast';
import type { TextEdit } from '../types';

type ObjectExpr = Extract<Expr, { kind: 'object' }>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Appends `key = value` entries after the last entry of a non-empty map literal. */
export function appendMapEntries(file: HclFile, map: ObjectExpr, value: string, keys: readonly string[]): TextEdit {
  const last = map.items.at(-1)!;
  const quoted = map.items.some((i) => i.key.kind !== 'variable');
  const keyText = (key: string) => (!quoted && IDENTIFIER.test(key) ? key : JSON.stringify(key));
  if (map.range.start.line === map.range.end.line) {
    return { file: file.path, range: { start: last.range.end, end: last.range.end }, newText: keys.map((k) => `, ${keyText(k)} = ${value}`).join('') };
  }
  const indent = last.range.start.character;
  const equalsColumns = new Set(map.items.map((i) => i.value.range.start.character - 2));
  const equalsColumn = equalsColumns.size === 1 ? [...equalsColumns][0]! : undefined;
  const lines = keys.map((k) => {
    const text = keyText(k);
    const pad = equalsColumn === undefined ? 1 : Math.max(1, equalsColumn - indent - text.length);
    return `${' '.repeat(indent)}${text}${' '.repeat(pad)}= ${value}`;
  });
  return { file: file.path, range: { start: last.range.end, end: last.range.end }, newText: lines.map((l) => `${file.lineEnding}${l}`).join('') };
}
