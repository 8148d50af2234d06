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

/**
 * Aligned when the last run of one-line attributes on consecutive lines (where an inserted
 * attribute goes; `terraform fmt` aligns each run separately, so `for_each` above a blank line
 * does not count) has two or more members with their values in one padded column.
 */
function alignment(block: Block): { equalsColumn?: number } {
  const oneLine = block.body.attributes.filter((a) => a.range.start.line === a.range.end.line).sort((a, b) => a.range.start.line - b.range.start.line);
  const run = oneLine.slice(-1);
  for (let i = oneLine.length - 2; i >= 0 && oneLine[i]!.range.start.line === run[0]!.range.start.line - 1; i--) run.unshift(oneLine[i]!);
  if (run.length < 2) return {};
  const valueColumns = new Set(run.map((a) => a.expr.range.start.character));
  const padded = run.some((a) => a.expr.range.start.character - a.nameRange.end.character > 3);
  if (valueColumns.size !== 1 || !padded) return {};
  const valueColumn = [...valueColumns][0]!;
  return { equalsColumn: valueColumn - 2 };
}

/** `name = value` laid out in the block's style (aligned `=` when the block aligns them). */
export function attributeLine(style: BlockStyle, name: string, value: string): string {
  const pad = style.equalsColumn !== undefined ? Math.max(1, style.equalsColumn - style.innerIndent.length - name.length) : 1;
  return `${style.innerIndent}${name}${' '.repeat(pad)}= ${value}`;
}
