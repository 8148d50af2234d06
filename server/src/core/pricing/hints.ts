// Inlay hints: what the code lens of each endpoint / NAT gateway block and priced module call
// says, as text at the end of the block's first line (for editors and users who prefer hints to
// lenses). The module summary lens has no hint: it belongs to no line.
import type { LocatableModule } from '../model/locate';
import { LineIndex } from '../text';
import type { Position } from '../types';
import type { CurrencyFormat } from './format';
import { costLenses, type CostLens } from './lenses';
import type { CostReport } from './moduleCosts';

export interface CostHint {
  /** The end of the block's first line. */
  position: Position;
  label: string;
}

/** The hints of `file`, whose current text is `text`. */
export function costHints(modules: readonly LocatableModule[], report: CostReport, file: string, text: string, format?: CurrencyFormat): CostHint[] {
  return lensesAsHints(costLenses(modules, report, file, { firstFile: undefined, ...(format ? { format } : {}) }), text);
}

/** Block lenses as hints at the end of their block's first line (summary lenses belong to no line). */
export function lensesAsHints(lenses: readonly CostLens[], text: string): CostHint[] {
  const lines = new LineIndex(text);
  return lenses.filter((lens) => !lens.summary).map((lens) => ({ position: lineEnd(lines, lens.range.start.line), label: lens.title }));
}

function lineEnd(lines: LineIndex, line: number): Position {
  const start = lines.offsetAt({ line, character: 0 });
  return { line, character: lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }) - start };
}
