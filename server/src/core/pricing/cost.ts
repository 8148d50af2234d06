// What one VPC endpoint or NAT gateway costs, from the catalogue prices. Pure: no I/O, no LSP.
// Numbers keep full precision; rounding is for display only (format.ts).
import { DataTier, PriceFigure, PriceOverrides, RegionPrices, closeRegions, regionPrices } from './catalogue';

import type { EndpointType } from '../services/endpointTypes';

export interface EndpointCostInput {
  /** The `vpc_endpoint_type` value; anything outside EndpointType is an error, not a guess. */
  endpointType: EndpointType | string;
  region: string;
  /** Distinct AZs of the endpoint's subnets (Interface); ignored for other types. */
  azCount: number;
  monthlyDataGb: number;
  hoursPerMonth: number;
  overrides?: PriceOverrides;
}

export interface NatGatewayCostInput {
  region: string;
  monthlyDataGb: number;
  hoursPerMonth: number;
  overrides?: PriceOverrides;
}

export interface PricedEstimate {
  priced: true;
  hourly: number;
  monthlyFixed: number;
  /** The first-tier per-GB rate, for display; `monthlyData` applies every tier. */
  perGb: number;
  monthlyDataGb: number;
  monthlyData: number;
  monthly: number;
  /** Price figures used here that came from overrides. */
  overridden: PriceFigure[];
  /** Things the figure rests on that the user should know, one sentence each. */
  assumptions: string[];
}

/** Resource and ServiceNetwork endpoints: no catalogue price exists, so no number is made up. */
interface UnpricedEstimate {
  priced: false;
  hourly: null;
  monthlyFixed: null;
  perGb: null;
  monthlyDataGb: number;
  monthlyData: null;
  monthly: null;
  overridden: PriceFigure[];
  assumptions: string[];
  notPriced: string;
}

export type CostEstimate = PricedEstimate | UnpricedEstimate;

export interface PricingError {
  kind: 'unknown-region' | 'unknown-endpoint-type' | 'invalid-input';
  region: string;
  message: string;
}

export function isPricingError<T extends object>(result: T | PricingError): result is PricingError {
  return 'kind' in result;
}

export function endpointCost(input: EndpointCostInput): CostEstimate | PricingError {
  const invalid = inputProblem(input.region, input.monthlyDataGb, input.hoursPerMonth);
  if (invalid) return invalid;
  const { endpointType, region, monthlyDataGb, hoursPerMonth } = input;
  switch (endpointType) {
    case 'Gateway':
      // Free (S3, DynamoDB, S3 Express); still checked for a known region so typos surface.
      return withPrices(region, input.overrides, () => priced(0, hoursPerMonth, 0, monthlyDataGb, 0, [], []));
    case 'Resource':
    case 'ServiceNetwork':
      return notPriced(endpointType, monthlyDataGb);
    case 'Interface':
      if (!Number.isInteger(input.azCount) || input.azCount < 0) {
        return { kind: 'invalid-input', region, message: `AZ count must be a whole number of zones, got ${input.azCount}.` };
      }
      return withPrices(region, input.overrides, (prices) => interfaceCost(prices, input));
    case 'GatewayLoadBalancer':
      return withPrices(region, input.overrides, (prices) => {
        const assumptions =
          input.azCount > 1
            ? [`A Gateway Load Balancer endpoint sits in exactly one subnet; priced for one AZ, not ${input.azCount}.`]
            : [];
        const used = usedOverrides(prices, ['gwlbEndpointHourly', 'gwlbEndpointPerGb']);
        const data = monthlyDataGb * prices.gwlbEndpointPerGb;
        return priced(prices.gwlbEndpointHourly, hoursPerMonth, prices.gwlbEndpointPerGb, monthlyDataGb, data, used, assumptions);
      });
    default:
      return {
        kind: 'unknown-endpoint-type',
        region,
        message: `Unknown endpoint type "${endpointType}": expected Interface, Gateway, GatewayLoadBalancer, Resource or ServiceNetwork.`,
      };
  }
}

export function natGatewayCost(input: NatGatewayCostInput): PricedEstimate | PricingError {
  const invalid = inputProblem(input.region, input.monthlyDataGb, input.hoursPerMonth);
  if (invalid) return invalid;
  return withPrices(input.region, input.overrides, (prices) =>
    priced(
      prices.natHourly,
      input.hoursPerMonth,
      prices.natPerGb,
      input.monthlyDataGb,
      input.monthlyDataGb * prices.natPerGb,
      usedOverrides(prices, ['natHourly', 'natPerGb']),
      [],
    ),
  );
}

/** The cost of `gb` through the tiers, each GB charged at the rate of the tier it falls in. */
function tieredDataCost(gb: number, tiers: readonly DataTier[]): number {
  let cost = 0;
  for (const tier of tiers) {
    if (gb <= tier.fromGb) break;
    const top = tier.toGb === null ? gb : Math.min(gb, tier.toGb);
    cost += (top - tier.fromGb) * tier.perGb;
  }
  return cost;
}

function interfaceCost(prices: RegionPrices, input: EndpointCostInput): PricedEstimate {
  const assumptions: string[] = [];
  let azCount = input.azCount;
  if (azCount < 1) {
    // With no subnet the endpoint cannot work; price the smallest real deployment.
    azCount = 1;
    assumptions.push('No subnets: priced as one AZ (an Interface endpoint needs at least one subnet).');
  }
  const tiers = prices.interfaceDataTiers;
  const firstTierTop = tiers[0].toGb;
  if (firstTierTop !== null && input.monthlyDataGb > firstTierTop) {
    assumptions.push(
      'Data tiers are applied to this endpoint alone; AWS tiers the total of all interface endpoints in the region, so the real per-GB cost may be lower.',
    );
  }
  return priced(
    prices.interfaceHourlyPerAz * azCount,
    input.hoursPerMonth,
    tiers[0].perGb,
    input.monthlyDataGb,
    tieredDataCost(input.monthlyDataGb, tiers),
    usedOverrides(prices, ['interfaceHourlyPerAz', 'interfaceDataTiers']),
    assumptions,
  );
}

function priced(
  hourly: number,
  hoursPerMonth: number,
  perGb: number,
  monthlyDataGb: number,
  monthlyData: number,
  overridden: PriceFigure[],
  assumptions: string[],
): PricedEstimate {
  const monthlyFixed = hourly * hoursPerMonth;
  return {
    priced: true,
    hourly,
    monthlyFixed,
    perGb,
    monthlyDataGb,
    monthlyData,
    monthly: monthlyFixed + monthlyData,
    overridden,
    assumptions,
  };
}

function notPriced(endpointType: 'Resource' | 'ServiceNetwork', monthlyDataGb: number): UnpricedEstimate {
  return {
    priced: false,
    hourly: null,
    monthlyFixed: null,
    perGb: null,
    monthlyDataGb,
    monthlyData: null,
    monthly: null,
    overridden: [],
    assumptions: [],
    notPriced: `${endpointType} endpoints are not priced: the price catalogue has no official figure for them (VPC Lattice / PrivateLink resource charges).`,
  };
}

function withPrices(
  region: string,
  overrides: PriceOverrides | undefined,
  compute: (prices: RegionPrices) => PricedEstimate,
): PricedEstimate | PricingError {
  const prices = pricesOf(region, overrides);
  return prices ? compute(prices) : unknownRegion(region);
}

// A report prices thousands of instances in a few regions: the prices of a region (with the same
// overrides object) are built once. Callers here only read them.
const NO_OVERRIDES: PriceOverrides = {};
const pricesCache = new WeakMap<PriceOverrides, Map<string, RegionPrices | undefined>>();

function pricesOf(region: string, overrides: PriceOverrides = NO_OVERRIDES): RegionPrices | undefined {
  let byRegion = pricesCache.get(overrides);
  if (!byRegion) pricesCache.set(overrides, (byRegion = new Map()));
  if (!byRegion.has(region)) byRegion.set(region, regionPrices(region, overrides));
  return byRegion.get(region);
}

function unknownRegion(region: string): PricingError {
  const close = closeRegions(region);
  const hint = close.length > 0 ? ` Did you mean ${close.join(', ')}?` : '';
  return {
    kind: 'unknown-region',
    region,
    message: `No prices for region "${region}".${hint} Use a known region, or give every figure for it in the price overrides.`,
  };
}

function usedOverrides(prices: RegionPrices, figures: PriceFigure[]): PriceFigure[] {
  return prices.overridden.filter((name) => figures.includes(name));
}

function inputProblem(region: string, monthlyDataGb: number, hoursPerMonth: number): PricingError | undefined {
  if (!Number.isFinite(monthlyDataGb) || monthlyDataGb < 0) {
    return { kind: 'invalid-input', region, message: `Monthly data must be a non-negative number of GB, got ${monthlyDataGb}.` };
  }
  if (!Number.isFinite(hoursPerMonth) || hoursPerMonth <= 0 || hoursPerMonth > 744) {
    return { kind: 'invalid-input', region, message: `Hours per month must be above 0 and at most 744, got ${hoursPerMonth}.` };
  }
  return undefined;
}
