// What a priced kind of resource is (a VPC endpoint, a NAT gateway): where its instances are
// found in an analysis, what one instance costs, and how renderers name it and its rates. One
// file per kind beside this one; the table of them is pricing/pricedKinds.ts, which costReport.ts
// derives its kind union from, so a kind reads resourceFigures.ts, never costReport.ts.
import type { ModuleAnalysis } from '../../analysis';
import type { RegionPrices } from '../catalogue';
import type { CurrencyFormat } from '../format';
import type { ResourceFigures, UsageLookup } from '../resourceFigures';

/** How renderers name a kind. */
interface KindLabels {
  /** `NAT gateway`: "creates no VPC endpoint or NAT gateway". */
  singular: string;
  /** `VPC endpoints`: "No VPC endpoints or NAT gateways found", the report's total line. */
  plural: string;
  /** `endpoints`: the short total of the CLI's text and the module lens ("endpoints $20.44"). */
  short: string;
}

export interface PricedKind<K extends string = string, T extends string = string, B extends string = string, V = unknown> {
  /** `ResourceCost.kind`, `UnpricedItem.kind` and `kind` in the JSON output. */
  kind: K;
  /** The Terraform resource types whose blocks are this kind (`aws_nat_gateway`). */
  resourceTypes: readonly string[];
  /** Its total in `CostTotals` (`natGateways`). */
  totalsKey: T;
  /** Its buckets in `CostTotals.byType`, in output order (`Gateway`, `Interface`, ...). */
  byTypeKeys: readonly B[];
  labels: KindLabels;
  /** Its type labels in the report's "By type" order (`Interface`, ..., `NAT gateway`). */
  typeOrder: readonly string[];
  /** Its instances in an analysis, as the model views them. */
  instances(analysis: ModuleAnalysis): readonly V[];
  /** What one instance costs, with where each input came from. */
  cost(view: V, analysis: ModuleAnalysis, usage: UsageLookup | undefined): ResourceFigures;
  /** `Interface`, `NAT gateway`; undefined when it cannot be told. */
  typeLabel(r: ResourceFigures): string | undefined;
  /** The `byType` bucket an instance's monthly figure goes to, if any. */
  byTypeKey(r: ResourceFigures): B | undefined;
  /** The rates that apply in words (`$0.045 per hour + $0.045/GB processed`); undefined when none apply. */
  ratesText(r: ResourceFigures, prices: RegionPrices, format?: CurrencyFormat): string | undefined;
  /**
   * Hover lines about what the instances are (type, service), before the count and region, when
   * the first of `resources` is this kind; `types` are their type labels.
   */
  hoverFacts?(resources: readonly ResourceFigures[], types: readonly string[], typeNote: string): string[];
}

/** A kind with its names kept literal, so that the kind union and the totals' keys derive from the table. */
export function pricedKind<const K extends string, const T extends string, const B extends string, V>(kind: PricedKind<K, T, B, V>): PricedKind<K, T, B, V> {
  return kind;
}
