// Lenses for what a change costs: one above each priced block whose price changed since the base
// (`+$7.30/mo vs main · AZ count 2 → 3`, `new · +$14.60/mo vs main`), and the module's delta at
// the top of its first file. Unchanged blocks get none (their cost lens says enough).
import type { LocatableModule } from '../model/locate';
import type { CurrencyFormat } from '../pricing/format';
import type { CostLens } from '../pricing/lenses';
import type { CostDiff } from './compare';
import { baseName, moduleDeltaLabel, targetDeltaLabel } from './summary';
import { targetDiffsIn } from './targets';

export interface DeltaLensOptions {
  /** The base's label (`main@1a2b3c4`). */
  base: string;
  /** The module's first file gets the module's delta. */
  firstFile: string | undefined;
  format?: CurrencyFormat;
}

export function deltaLenses(modules: readonly LocatableModule[], diff: CostDiff, file: string, options: DeltaLensOptions): CostLens[] {
  const base = baseName(options.base);
  const lenses: CostLens[] = [];
  for (const { target, share } of targetDiffsIn(modules, file, diff)) {
    const title = targetDeltaLabel(share, base, options.format);
    if (title) lenses.push({ range: { start: target.range.start, end: target.range.start }, title, summary: false });
  }
  const moduleTitle = file === options.firstFile ? moduleDeltaLabel(diff, base, options.format) : undefined;
  if (moduleTitle) lenses.unshift({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, title: moduleTitle, summary: true });
  return lenses;
}
