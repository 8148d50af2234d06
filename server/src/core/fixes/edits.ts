// Text-edit builders for quick fixes. Each edit is minimal, keeps the file's style (see
// style.ts) and line endings, and touches whole lines where it adds or removes lines.
import type { Attribute, Block, Expr, HclFile } from '../parse/ast';
import type { Position, Range, TextEdit } from '../types';
import { attributeLine, blockStyle } from './style';
import { directiveFor } from '../suppression';

const at = (line: number, character: number): Position => ({ line, character });

/** Sets `name = value` in a block: replaces the value if the attribute exists, else adds a line. */
export function setAttribute(file: HclFile, block: Block, name: string, value: string): TextEdit {
  const existing = block.body.attributes.find((a) => a.name === name);
  if (existing) return { file: file.path, range: existing.expr.range, newText: value };
  return insertAttribute(file, block, name, value);
}

/** Adds `name = value` as a new line after the block's last attribute (or after its `{`). */
export function insertAttribute(file: HclFile, block: Block, name: string, value: string): TextEdit {
  const style = blockStyle(block);
  const line = attributeLine(style, name, value.split('\n').join(file.lineEnding));
  const anchor = lastAttributeEnd(block);
  if (anchor) return { file: file.path, range: { start: anchor, end: anchor }, newText: `${file.lineEnding}${line}` };
  // An empty or one-line block (`{}`): open it up.
  if (block.range.start.line === block.range.end.line) {
    const close = at(block.range.end.line, block.range.end.character - 1);
    const open = block.headerRange.end;
    return { file: file.path, range: { start: open, end: close }, newText: `${file.lineEnding}${line}${file.lineEnding}${style.blockIndent}` };
  }
  const open = block.headerRange.end;
  return { file: file.path, range: { start: open, end: open }, newText: `${file.lineEnding}${line}` };
}

function lastAttributeEnd(block: Block): Position | undefined {
  const items = [...block.body.attributes.map((a) => a.range), ...block.body.blocks.map((b) => b.range)];
  if (items.length === 0 || block.range.start.line === block.range.end.line) return undefined;
  const last = items.reduce((a, b) => (b.end.line > a.end.line || (b.end.line === a.end.line && b.end.character > a.end.character) ? b : a));
  return last.end;
}

/** Removes an attribute with its whole line(s). */
export function removeAttribute(file: HclFile, attribute: Attribute): TextEdit {
  return { file: file.path, range: { start: at(attribute.range.start.line, 0), end: at(attribute.range.end.line + 1, 0) }, newText: '' };
}

/** Inserts Terraform text (blocks) after a top-level block, separated by a blank line. */
export function insertAfterBlock(file: HclFile, block: Block, text: string): TextEdit {
  const end = block.range.end;
  return { file: file.path, range: { start: end, end }, newText: `${file.lineEnding}${file.lineEnding}${text.split('\n').join(file.lineEnding)}` };
}

/** Appends text at the end of a file (after its last block), separated by a blank line. */
export function appendToFile(file: HclFile, text: string): TextEdit {
  const last = file.body.blocks.at(-1) ?? file.body.attributes.at(-1);
  const end = last ? last.range.end : at(0, 0);
  const lead = last ? `${file.lineEnding}${file.lineEnding}` : '';
  return { file: file.path, range: { start: end, end }, newText: `${lead}${text.split('\n').join(file.lineEnding)}${last ? '' : file.lineEnding}` };
}

/** Appends an element to a list literal, on its own line when the list is multi-line. */
export function appendListElement(file: HclFile, list: Extract<Expr, { kind: 'tuple' }>, element: string): TextEdit {
  const last = list.items.at(-1);
  const multiLine = list.range.start.line !== list.range.end.line;
  if (!last) {
    const inside = at(list.range.start.line, list.range.start.character + 1);
    return { file: file.path, range: { start: inside, end: at(list.range.end.line, list.range.end.character - 1) }, newText: element };
  }
  if (multiLine) {
    const indent = ' '.repeat(last.range.start.character);
    return { file: file.path, range: { start: last.range.end, end: last.range.end }, newText: `,${file.lineEnding}${indent}${element}` };
  }
  return { file: file.path, range: { start: last.range.end, end: last.range.end }, newText: `, ${element}` };
}

/** Removes one element of a list literal (or one entry of an object literal) with its separating comma. */
export function removeListElement(file: HclFile, list: { items: readonly { range: Range }[] }, index: number): TextEdit {
  const item = list.items[index]!;
  const previous = list.items[index - 1];
  const next = list.items[index + 1];
  if (next) return { file: file.path, range: { start: item.range.start, end: next.range.start }, newText: '' };
  if (previous) return { file: file.path, range: { start: previous.range.end, end: item.range.end }, newText: '' };
  return { file: file.path, range: item.range, newText: '' };
}

/** Adds a `# vpce-lens:ignore ID` comment on its own line above `line`, indented like `column`. */
export function suppressionComment(file: HclFile, line: number, column: number, rule: string): TextEdit {
  return { file: file.path, range: { start: at(line, 0), end: at(line, 0) }, newText: `${' '.repeat(column)}${directiveFor(rule)}${file.lineEnding}` };
}
