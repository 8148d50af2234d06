// The formatting a file already uses, so inserted Terraform looks like the user's own:
// indentation of a block's attributes and whether their `=` signs are aligned.
import type { Attribute, Block } from '../parse/ast';

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
 * A block's one-line attributes in runs of consecutive lines: `terraform fmt` aligns the `=` of
 * each run separately, so a blank line or a multi-line value starts a new run.
 */
export function attributeRuns(block: Block): Attribute[][] {
  const oneLine = block.body.attributes.filter((a) => a.range.start.line === a.range.end.line).sort((a, b) => a.range.start.line - b.range.start.line);
  const runs: Attribute[][] = [];
  for (const attribute of oneLine) {
    const run = runs.at(-1);
    if (run && run.at(-1)!.range.start.line === attribute.range.start.line - 1) run.push(attribute);
    else runs.push([attribute]);
  }
  return runs;
}

/** true: the run aligns `=` (two or more values in one padded column); false: its values start in different columns; undefined: it does not tell. */
export function runAligns(run: readonly Attribute[]): boolean | undefined {
  if (run.length < 2) return undefined;
  if (new Set(run.map((a) => a.expr.range.start.character)).size > 1) return false;
  return run.some((a) => a.expr.range.start.character - a.nameRange.end.character > 3) ? true : undefined;
}

/** Aligned when the last run (where an inserted attribute goes) aligns its `=`. */
function alignment(block: Block): { equalsColumn?: number } {
  const last = attributeRuns(block).at(-1);
  return last && runAligns(last) === true ? { equalsColumn: last[0]!.expr.range.start.character - 2 } : {};
}

/** `name = value` laid out in the block's style (aligned `=` when the block aligns them). */
export function attributeLine(style: BlockStyle, name: string, value: string): string {
  const pad = style.equalsColumn !== undefined ? Math.max(1, style.equalsColumn - style.innerIndent.length - name.length) : 1;
  return `${style.innerIndent}${name}${' '.repeat(pad)}= ${value}`;
}
