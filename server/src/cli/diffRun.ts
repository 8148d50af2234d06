// One `vpce-lens diff` run: each module's cost at the base and now, compared (core/diff), with
// the totals per module and overall, the base's name, and what could not be used on either side.
import { compareCosts, sumDiffTotals, type CostDiff, type DiffTotals } from '../core/diff/compare';
import type { CostReport } from '../core/pricing/moduleCosts';
import { totalsOf } from '../core/pricing/moduleCosts';
import type { CostSection, Problem } from './costRun';

export interface ModuleDiff {
  /** The module path as the user gave it (as in `cost`). */
  label: string;
  /** How a file of this module is printed. */
  file: (path: string) => string;
  diff: CostDiff;
}

export interface DiffRun {
  /** What the base is: `origin/main@1a2b3c4`, `--base-dir ../main`, `--base-json base.json`. */
  base: string;
  modules: ModuleDiff[];
  totals: DiffTotals;
  /** Now's report settings (currency, prices, hours per month). */
  now: Pick<CostReport, 'currency' | 'pricesAsOf' | 'hoursPerMonth'>;
  problems: Problem[];
  notes: string[];
}

/**
 * Pairs the base's sections with now's by module label; a module only on one side is compared
 * with nothing (all added, or all removed).
 */
export function diffRun(base: { label: string; sections: readonly CostSection[] }, now: readonly CostSection[], extra: Pick<DiffRun, 'now' | 'problems' | 'notes'>): DiffRun {
  const baseByLabel = new Map(base.sections.map((s) => [s.label, s]));
  const nowLabels = new Set(now.map((s) => s.label));
  const modules: ModuleDiff[] = [
    ...now.map((s) => ({ label: s.label, file: s.file, diff: compareCosts(baseByLabel.get(s.label)?.report ?? nothing(s.report), s.report) })),
    ...base.sections.filter((s) => !nowLabels.has(s.label)).map((s) => ({ label: s.label, file: s.file, diff: compareCosts(s.report, nothing(s.report)) })),
  ];
  return { base: base.label, modules, totals: sumDiffTotals(modules.map((m) => m.diff.totals)), ...extra };
}

/** A report of a module that does not exist on that side. */
function nothing(like: CostReport): CostReport {
  return { ...like, resources: [], unpriced: [], totals: totalsOf([], []) };
}
