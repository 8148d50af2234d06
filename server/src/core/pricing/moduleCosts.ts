// Prices every endpoint and NAT gateway instance of an analysed module, one by one, with where
// each input came from and the assumptions made. The CLI's `cost` output and the hovers and
// lenses all read this.
import type { ModuleAnalysis } from '../analysis';
import type { EndpointView } from '../model/endpoints';
import type { NatGatewayView } from '../model/network';
import { currency, pricesAsOf } from './catalogue';
import { usageLookup } from './usage';
import { endpointCost, isPricingError, natGatewayCost, type CostEstimate, type PricingError } from './cost';
import { unpricedItems } from './unpriced';
import type { CostReport, CostTotals, ResourceCost, UnpricedItem, UsageLookup } from './costReport';
import type { Assumption } from '../model/assumptions';
import type { RegionResolution } from '../model/region';

export type { CostReport, CostTotals, ResourceCost, UsageLookup } from './costReport';

export function moduleCosts(analysis: ModuleAnalysis, usage: UsageLookup | undefined = analysis.usage && usageLookup(analysis.usage)): CostReport {
  const resources = [
    ...[...analysis.endpoints, ...analysis.modules.flatMap((m) => m.registry.endpoints)].map((e) => endpointResourceCost(analysis, e, usage)),
    ...analysis.modules.flatMap((m) => [...m.network.natGateways, ...m.registry.natGateways]).map((n) => natResourceCost(analysis, n, usage)),
  ];
  const unpriced = unpricedItems(analysis, resources);
  return {
    currency, pricesAsOf, hoursPerMonth: analysis.settings.hoursPerMonth, resources, unpriced, totals: totalsOf(resources, unpriced),
    labels: analysis.settings.labels,
  };
}

function dataVolume(analysis: ModuleAnalysis, address: string, usage?: UsageLookup): { gb: number; source: string; assumption?: string } {
  const fromUsage = usage?.(address);
  if (fromUsage) return fromUsage;
  const gb = analysis.settings.monthlyDataGb;
  return {
    gb,
    source: 'setting',
    assumption: `${gb} GB/month of data assumed (${analysis.settings.labels.monthlyDataGb}; an infracost-usage.yml entry sets it per resource).`,
  };
}

function endpointResourceCost(analysis: ModuleAnalysis, endpoint: EndpointView, usage?: UsageLookup): ResourceCost {
  const settings = analysis.settings;
  // What the Terraform's values rest on (an AZ table, a region setting) first, then the pricing's own.
  const assumptions: string[] = endpoint.assumptions.map((a) => a.text);
  const data = dataVolume(analysis, endpoint.address, usage);
  if (data.assumption) assumptions.push(data.assumption);
  let azCount: number | null = null;
  let azCountSource = 'not billed per AZ';
  if (endpoint.type === 'Interface') {
    if (endpoint.subnets.count !== undefined) {
      azCount = endpoint.subnets.count;
      azCountSource = endpoint.subnets.source;
    } else {
      azCount = settings.defaultAzCount;
      azCountSource = settings.labels.defaultAzCount;
      assumptions.push(`The subnets cannot be counted (${endpoint.subnets.source}); ${azCount} AZs assumed (${settings.labels.defaultAzCount}).`);
    }
  } else if (endpoint.type === 'GatewayLoadBalancer') {
    azCount = 1;
    azCountSource = 'one subnet (Gateway Load Balancer endpoint)';
  }
  if (endpoint.typeSource === 'provider default') assumptions.push('No vpc_endpoint_type: the provider creates a Gateway endpoint.');
  const region = regionAssumption(endpoint.region);
  if (region) assumptions.push(region);
  const base = {
    address: endpoint.address, file: endpoint.file, range: endpoint.resource.block.headerRange, kind: 'vpc_endpoint' as const,
    endpointType: endpoint.type ?? null, service: serviceLabel(endpoint), ...regionFields(endpoint.region),
    azCount, azCountSource, monthlyDataGb: data.gb, monthlyDataSource: data.source, assumedFacts: factsOf(endpoint.assumptions),
  };
  if (endpoint.type === undefined) {
    return unpriced(base, assumptions, 'vpc_endpoint_type cannot be evaluated, so the endpoint cannot be priced.');
  }
  const estimate = endpointCost({
    endpointType: endpoint.type, region: endpoint.region.region, azCount: azCount ?? 0, monthlyDataGb: data.gb,
    hoursPerMonth: settings.hoursPerMonth, overrides: settings.pricingOverrides,
  });
  return withEstimate(base, assumptions, estimate);
}

function natResourceCost(analysis: ModuleAnalysis, nat: NatGatewayView, usage?: UsageLookup): ResourceCost {
  const assumptions: string[] = nat.assumptions.map((a) => a.text);
  const data = dataVolume(analysis, nat.address, usage);
  if (data.assumption) assumptions.push(data.assumption);
  const region = regionAssumption(nat.region);
  if (region) assumptions.push(region);
  const base = {
    address: nat.address, file: nat.instance.resource.file, range: nat.instance.resource.block.headerRange, kind: 'nat_gateway' as const,
    endpointType: null, service: null, ...regionFields(nat.region), azCount: null, azCountSource: 'one NAT gateway per resource instance',
    monthlyDataGb: data.gb, monthlyDataSource: data.source, assumedFacts: factsOf(nat.assumptions),
  };
  const estimate = natGatewayCost({ region: nat.region.region, monthlyDataGb: data.gb, hoursPerMonth: analysis.settings.hoursPerMonth, overrides: analysis.settings.pricingOverrides });
  return withEstimate(base, assumptions, estimate);
}

type Base = Omit<ResourceCost, 'hourly' | 'monthlyFixed' | 'perGb' | 'monthlyData' | 'monthly' | 'assumptions' | 'overridden' | 'error'>;

/** A region not read from the Terraform is an assumption, said where the figure is. */
function regionAssumption(region: RegionResolution): string | undefined {
  if (region.source === 'default') return `Region ${region.region} assumed: no region is set in the Terraform or the settings.`;
  return region.source === 'setting' ? `Region ${region.region} assumed: ${region.detail}.` : undefined;
}

function factsOf(assumptions: readonly Assumption[]): Assumption['about'][] {
  return [...new Set(assumptions.map((a) => a.about))];
}

function regionFields(region: RegionResolution): Pick<ResourceCost, 'region' | 'regionSource' | 'regionDetail'> {
  return { region: region.region, regionSource: region.source, regionDetail: region.detail };
}

function serviceLabel(endpoint: EndpointView): string | null {
  if (endpoint.service.kind === 'aws') return endpoint.service.shortName;
  return endpoint.serviceName ?? null;
}

function unpriced(base: Base, assumptions: string[], error: string): ResourceCost {
  return { ...base, hourly: null, monthlyFixed: null, perGb: null, monthlyData: null, monthly: null, assumptions, overridden: [], error };
}

function withEstimate(base: Base, assumptions: string[], estimate: CostEstimate | PricingError): ResourceCost {
  if (isPricingError(estimate)) return unpriced(base, assumptions, estimate.message);
  const all = [...assumptions, ...estimate.assumptions];
  if (!estimate.priced) return { ...unpriced(base, all, estimate.notPriced) };
  return {
    ...base, hourly: estimate.hourly, monthlyFixed: estimate.monthlyFixed, perGb: estimate.perGb, monthlyData: estimate.monthlyData,
    monthly: estimate.monthly, assumptions: all, overridden: estimate.overridden,
  };
}

export function totalsOf(resources: readonly ResourceCost[], unpriced: readonly UnpricedItem[]): CostTotals {
  const totals: CostTotals = {
    monthly: 0, complete: unpriced.length === 0, endpoints: 0, natGateways: 0, byType: { Gateway: 0, Interface: 0, GatewayLoadBalancer: 0, NAT: 0 },
  };
  for (const r of resources) {
    const monthly = r.monthly ?? 0;
    totals.monthly += monthly;
    if (r.kind === 'nat_gateway') {
      totals.natGateways += monthly;
      totals.byType.NAT += monthly;
    } else {
      totals.endpoints += monthly;
      if (r.endpointType === 'Gateway' || r.endpointType === 'Interface' || r.endpointType === 'GatewayLoadBalancer') totals.byType[r.endpointType] += monthly;
    }
  }
  return totals;
}

