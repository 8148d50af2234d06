// What pricing a module gives: its resources with their costs, what could not be priced, and the
// totals. Types only, shared by the pricing (moduleCosts.ts, unpriced.ts, usage.ts) and every
// renderer, so that none of them imports another to name what it reads.
import type { SettingLabels } from '../settings';
import type { Range } from '../types';
import type { ByTypeKey, KindTotalsKey, PricedKindName } from './pricedKinds';
import type { ResourceFigures } from './resourceFigures';

/** A priced instance: its figures and its kind. */
export interface ResourceCost extends ResourceFigures {
  kind: PricedKindName;
}

interface TotalsBase {
  /** A lower bound when `complete` is false. */
  monthly: number;
  /** False when anything that exists or may exist could not be priced (see `unpriced`). */
  complete: boolean;
}

/** The monthly total, then one per kind (`endpoints`, `natGateways`) and `byType`, from the table of kinds. */
export type CostTotals = TotalsBase & Record<KindTotalsKey, number> & { byType: Record<ByTypeKey, number> };

export interface CostReport {
  currency: string;
  pricesAsOf: string;
  hoursPerMonth: number;
  resources: ResourceCost[];
  /** What exists or may exist but has no price, with the reason. */
  unpriced: UnpricedItem[];
  totals: CostTotals;
  /** How the settings that fill gaps are named (editor settings or CLI flags). */
  labels: SettingLabels;
}

export type { UsageLookup } from './resourceFigures';

export interface UnpricedItem {
  address: string;
  kind: PricedKindName | 'module';
  reason: string;
  file: string;
  range: Range;
}
