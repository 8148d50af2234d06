// Prices every instance of every priced kind (pricedKinds.ts) of an analysed module, one by one,
// with where each input came from and the assumptions made. The CLI's `cost` output and the
// hovers and lenses all read this.
import type { ModuleAnalysis } from '../analysis';
import { currency, pricesAsOf } from './catalogue';
import { usageLookup } from './usage';
import { unpricedItems } from './unpriced';
import type { CostReport, CostTotals, ResourceCost, UnpricedItem, UsageLookup } from './costReport';
import { PRICED_KINDS, kindEntry, type PricedKindName } from './pricedKinds';

export type { CostReport, CostTotals, ResourceCost, UsageLookup } from './costReport';

export function moduleCosts(analysis: ModuleAnalysis, usage: UsageLookup | undefined = analysis.usage && usageLookup(analysis.usage)): CostReport {
  const resources = PRICED_KINDS.flatMap((k) => k.instances(analysis).map((view): ResourceCost => ({
    ...k.cost(view, analysis, usage), kind: k.kind as PricedKindName,
  })));
  const unpriced = unpricedItems(analysis, resources);
  return {
    currency, pricesAsOf, hoursPerMonth: analysis.settings.hoursPerMonth, resources, unpriced, totals: totalsOf(resources, unpriced),
    labels: analysis.settings.labels,
  };
}

/** The monthly total, one total per kind and the `byType` buckets, in the table's order (the JSON output's). */
export function totalsOf(resources: readonly ResourceCost[], unpriced: readonly UnpricedItem[]): CostTotals {
  const totals: Record<string, number> = {};
  const byType: Record<string, number> = {};
  for (const k of PRICED_KINDS) {
    totals[k.totalsKey] = 0;
    for (const key of k.byTypeKeys) byType[key] = 0;
  }
  let monthly = 0;
  for (const r of resources) {
    const k = kindEntry(r.kind);
    const amount = r.monthly ?? 0;
    monthly += amount;
    totals[k.totalsKey]! += amount;
    const key = k.byTypeKey(r);
    if (key !== undefined) byType[key]! += amount;
  }
  return { monthly, complete: unpriced.length === 0, ...totals, byType } as CostTotals;
}
