// `vpce-lens diff --format json` (docs/cli.md): every change with the cost entries of both sides
// (in the shape of `cost --format json`), the changes that cannot be priced, the totals per
// module and overall, and both sides' assumptions.
import type { ResourceCost } from '../core/pricing/moduleCosts';
import { resourceJson, unpricedJson } from './costOutput';
import type { DiffRun, ModuleDiff } from './diffRun';

export function diffJson(run: DiffRun, version: string): object {
  const entry = (r: ResourceCost | null, module: ModuleDiff) => (r ? resourceJson(r, module) : null);
  return {
    tool: 'vpce-lens',
    version,
    currency: run.now.currency,
    base: run.base,
    pricesAsOf: run.now.pricesAsOf,
    hoursPerMonth: run.now.hoursPerMonth,
    changes: run.modules.flatMap((m) => m.diff.changes.map((c) => ({
      address: c.address, change: c.change, before: entry(c.before, m), after: entry(c.after, m), monthlyDelta: c.monthlyDelta, why: c.why, root: m.label,
    }))),
    unpricedChanges: run.modules.flatMap((m) => m.diff.unpricedChanges.map((u) => ({
      ...unpricedJson(u, m), change: u.change, ...(u.pricedSide ? { [`${u.pricedSide.side}Monthly`]: u.pricedSide.monthly } : {}),
    }))),
    unchanged: run.modules.flatMap((m) => m.diff.unchanged.map((r) => ({ address: r.address, monthly: r.monthly, root: m.label }))),
    assumptions: {
      before: [...new Set(run.modules.flatMap((m) => m.diff.assumptions.before))],
      after: [...new Set(run.modules.flatMap((m) => m.diff.assumptions.after))],
    },
    modules: run.modules.map((m) => ({ root: m.label, totals: m.diff.totals })),
    problems: run.problems,
    notes: run.notes,
    totals: run.totals,
  };
}
