// The formatting a file already uses, so inserted Terraform looks like the user's own:
// indentation of a block's attributes and whether their `=` signs are aligned.
import type { Block } from '../parse/ast';

export interface BlockStyle {
  /** Indentation of the block's own line. */
  blockIndent: string;
  /** Indentation of attributes inside the block. */
  innerIndent: string;
  /** One level of indentation. */
  unit: string;
  /** Column of `=` when the block's attributes align them; undefined when they do not. */
  equalsColumn?: number;
}

const DEFAULT_UNIT = '  ';

export function blockStyle(block: Block): BlockStyle {
  const blockIndent = ' '.repeat(block.range.start.character);
  const firstAttribute = block.body.attributes[0];
  const firstBlock = block.body.blocks[0];
  const innerColumn = firstAttribute?.nameRange.start.character ?? firstBlock?.range.start.character ?? block.range.start.character + DEFAULT_UNIT.length;
  const unit = innerColumn > block.range.start.character ? ' '.repeat(innerColumn - block.range.start.character) : DEFAULT_UNIT;
  return { blockIndent, innerIndent: blockIndent + unit, unit, ...alignment(block) };
}

/** Aligned when two or more one-line attributes put their values in the same column after padding. */
function alignment(block: Block): { equalsColumn?: number } {
  const oneLine = block.body.attributes.filter((a) => a.range.start.line === a.range.end.line);
  if (oneLine.length < 2) return {};
  const valueColumns = new Set(oneLine.map((a) => a.expr.range.start.character));
  const padded = oneLine.some((a) => a.expr.range.start.character - a.nameRange.end.character > 3);
  if (valueColumns.size !== 1 || !padded) return {};
  const valueColumn = [...valueColumns][0]!;
  return { equalsColumn: valueColumn - 2 };
}

/** `name = value` laid out in the block's style (aligned `=` when the block aligns them). */
export function attributeLine(style: BlockStyle, name: string, value: string): string {
  const pad = style.equalsColumn !== undefined ? Math.max(1, style.equalsColumn - style.innerIndent.length - name.length) : 1;
  return `${style.innerIndent}${name}${' '.repeat(pad)}= ${value}`;
}
