// What pricing a module gives: its resources with their costs, what could not be priced, and the
// totals. Types only, shared by the pricing (moduleCosts.ts, unpriced.ts, usage.ts) and every
// renderer, so that none of them imports another to name what it reads.
import type { Assumption } from '../model/assumptions';
import type { RegionResolution } from '../model/region';
import type { SettingLabels } from '../settings';
import type { Range } from '../types';

export interface ResourceCost {
  address: string;
  file: string;
  /** The block's header, where hovers and lenses anchor. */
  range: Range;
  kind: 'vpc_endpoint' | 'nat_gateway';
  endpointType: string | null;
  service: string | null;
  region: string;
  regionSource: RegionResolution['source'];
  regionDetail: string;
  azCount: number | null;
  azCountSource: string;
  hourly: number | null;
  monthlyFixed: number | null;
  perGb: number | null;
  monthlyDataGb: number;
  monthlyDataSource: string;
  monthlyData: number | null;
  monthly: number | null;
  assumptions: string[];
  /** What the Terraform's values rested on without saying it (data sources read with an AZ table, a region setting). */
  assumedFacts: Assumption['about'][];
  overridden: string[];
  /** Why no price could be given (unknown region, unknown type), when none could. */
  error?: string;
}

export interface CostTotals {
  /** A lower bound when `complete` is false. */
  monthly: number;
  /** False when anything that exists or may exist could not be priced (see `unpriced`). */
  complete: boolean;
  endpoints: number;
  natGateways: number;
  byType: { Gateway: number; Interface: number; GatewayLoadBalancer: number; NAT: number };
}

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

/** Monthly GB for an address, from a usage file; undefined when it says nothing. */
export type UsageLookup = (address: string) => { gb: number; source: string } | undefined;

export interface UnpricedItem {
  address: string;
  kind: 'vpc_endpoint' | 'nat_gateway' | 'module';
  reason: string;
  file: string;
  range: Range;
}
