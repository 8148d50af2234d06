// The seed article's question for the user's own module: what would the traffic the endpoints
// carry cost through a NAT gateway instead, and above which volume do the endpoints pay off.
// Per region, from the priced instances (interface and gateway endpoints only: a Gateway Load
// Balancer endpoint replaces no NAT gateway).
import type { PriceOverrides } from './catalogue';
import { isPricingError, natGatewayCost } from './cost';
import type { CostReport, ResourceCost } from './moduleCosts';

export interface NatComparison {
  region: string;
  /** Monthly GB through the compared endpoints (their usage entries, else the setting). */
  dataGb: number;
  nat: {
    count: number;
    /** True when the module has no NAT gateway in the region and one is assumed. */
    assumed: boolean;
    hourlyEach: number;
    fixed: number;
    perGb: number;
    data: number;
    monthly: number;
  };
  endpoints: {
    interfaceCount: number;
    gatewayCount: number;
    fixed: number;
    /** First-tier interface rate; null when there is no interface endpoint. */
    interfacePerGb: number | null;
    data: number;
    monthly: number;
  };
  /** Monthly interface GB above which the endpoints cost less than the NAT gateway(s); 0: always; null: never. */
  breakEvenGb: number | null;
  /** When the module keeps its NAT gateways anyway: GB above which the endpoints pay for themselves. */
  breakEvenKeepingNatGb?: number | null;
}

export type NatComparisonResult = NatComparison | { region: string; error: string };

export function natComparisons(report: CostReport, overrides: PriceOverrides): NatComparisonResult[] {
  const compared = report.resources.filter((r) => r.kind === 'vpc_endpoint' && r.monthly !== null && (r.endpointType === 'Interface' || r.endpointType === 'Gateway'));
  const regions = [...new Set(compared.map((r) => r.region))].sort();
  return regions.map((region) => compareRegion(region, compared.filter((r) => r.region === region), report, overrides));
}

function compareRegion(region: string, endpoints: ResourceCost[], report: CostReport, overrides: PriceOverrides): NatComparisonResult {
  const dataGb = endpoints.reduce((sum, r) => sum + r.monthlyDataGb, 0);
  const estimate = natGatewayCost({ region, monthlyDataGb: dataGb, hoursPerMonth: report.hoursPerMonth, overrides });
  if (isPricingError(estimate)) return { region, error: estimate.message };
  const existing = report.resources.filter((r) => r.kind === 'nat_gateway' && r.region === region).length;
  const count = Math.max(1, existing);
  const interfaces = endpoints.filter((r) => r.endpointType === 'Interface');
  const fixed = sum(endpoints.map((r) => r.monthlyFixed ?? 0));
  const data = sum(endpoints.map((r) => r.monthlyData ?? 0));
  const interfacePerGb = interfaces[0]?.perGb ?? null;
  const natFixed = estimate.monthlyFixed * count;
  const margin = interfacePerGb === null ? estimate.perGb : estimate.perGb - interfacePerGb;
  const comparison: NatComparison = {
    region,
    dataGb,
    nat: { count, assumed: existing === 0, hourlyEach: estimate.hourly, fixed: natFixed, perGb: estimate.perGb, data: estimate.monthlyData, monthly: natFixed + estimate.monthlyData },
    endpoints: { interfaceCount: interfaces.length, gatewayCount: endpoints.length - interfaces.length, fixed, interfacePerGb, data, monthly: fixed + data },
    breakEvenGb: fixed <= natFixed ? 0 : margin > 0 ? (fixed - natFixed) / margin : null,
  };
  if (existing > 0) comparison.breakEvenKeepingNatGb = fixed === 0 ? 0 : margin > 0 ? fixed / margin : null;
  return comparison;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
