// What the cost features share for `vpceLens.compareTo`: the module's costs compared with its
// base (server/src/baseline.ts), computed once per pair of reports.
import { compareCosts, type CostDiff } from '../core/diff/compare';
import type { CostReport } from '../core/pricing/moduleCosts';
import type { FeatureContext } from './context';
import type { ModuleCosts } from './costs';

export type Comparison = { kind: 'diff'; /** `main@1a2b3c4` */ base: string; diff: CostDiff } | { kind: 'none'; why?: string };

const diffs = new WeakMap<CostReport, { base: CostReport; diff: CostDiff }>();

/** The module's change since its base; `none` (with why, when there is something to say) when there is no base. */
export async function comparisonFor(ctx: FeatureContext, costs: ModuleCosts): Promise<Comparison> {
  if (!ctx.baselines) return { kind: 'none' };
  const baseline = await ctx.baselines.baseline(costs.analysis.dir, costs.analysis.settings, costs.settings.compareTo);
  if (baseline.kind === 'none') return baseline;
  let cached = diffs.get(costs.report);
  if (!cached || cached.base !== baseline.report) {
    cached = { base: baseline.report, diff: compareCosts(baseline.report, costs.report) };
    diffs.set(costs.report, cached);
  }
  return { kind: 'diff', base: baseline.label, diff: cached.diff };
}
