// The VPC endpoint kind: `aws_vpc_endpoint` instances and those of vpc-endpoints module calls,
// priced by endpoint type (Interface per AZ-hour and tiered per GB, Gateway Load Balancer per
// hour and per GB, Gateway free).
import type { ModuleAnalysis } from '../../analysis';
import type { EndpointView } from '../../model/endpoints';
import { type DataTier } from '../catalogue';
import { endpointCost } from '../cost';
import { formatMoney, type CurrencyFormat } from '../format';
import { code } from '../markdown';
import type { ResourceFigures, UsageLookup } from '../resourceFigures';
import { dataVolume, factsOf, regionAssumption, regionFields, unpriced, withEstimate } from './figures';
import { pricedKind } from './pricedKind';

const BY_TYPE = ['Gateway', 'Interface', 'GatewayLoadBalancer'] as const;

export const vpcEndpointKind = pricedKind({
  kind: 'vpc_endpoint',
  resourceTypes: ['aws_vpc_endpoint'],
  totalsKey: 'endpoints',
  byTypeKeys: BY_TYPE,
  labels: { singular: 'VPC endpoint', plural: 'VPC endpoints', short: 'endpoints' },
  typeOrder: ['Interface', 'Gateway', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork'],
  instances: (analysis: ModuleAnalysis): EndpointView[] => [...analysis.endpoints, ...analysis.modules.flatMap((m) => m.registry.endpoints)],
  cost: endpointResourceCost,
  typeLabel: (r) => r.endpointType ?? undefined,
  byTypeKey: (r) => BY_TYPE.find((t) => t === r.endpointType),
  ratesText: (r, prices, format) => {
    const money = (n: number) => formatMoney(n, format);
    switch (r.endpointType) {
      case 'Interface':
        return `${money(prices.interfaceHourlyPerAz)} per AZ-hour + ${tiersText(prices.interfaceDataTiers, format)}`;
      case 'GatewayLoadBalancer':
        return `${money(prices.gwlbEndpointHourly)} per hour + ${money(prices.gwlbEndpointPerGb)}/GB`;
      case 'Gateway':
        return 'no hourly or data charge';
      default:
        return undefined;
    }
  },
  hoverFacts: (resources, types, typeNote) => {
    const services = unique(resources.map((r) => r.service ?? '(none)'));
    return [`**Type** ${types.join(', ')}${typeNote}`, `**Service${services.length > 1 ? 's' : ''}** ${services.map(code).join(', ')}`];
  },
});

function endpointResourceCost(endpoint: EndpointView, analysis: ModuleAnalysis, usage: UsageLookup | undefined): ResourceFigures {
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
    address: endpoint.address, file: endpoint.file, range: endpoint.resource.block.headerRange,
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

function serviceLabel(endpoint: EndpointView): string | null {
  if (endpoint.service.kind === 'aws') return endpoint.service.shortName;
  return endpoint.serviceName ?? null;
}

const GB_PER_PB = 1024 * 1024;

function volume(gb: number): string {
  return gb >= GB_PER_PB && gb % GB_PER_PB === 0 ? `${gb / GB_PER_PB} PB` : `${gb.toLocaleString('en-US')} GB`;
}

/** `$0.01/GB for the first 1 PB, $0.006/GB for the next 4 PB, $0.004/GB above 5 PB`. */
function tiersText(tiers: readonly DataTier[], format?: CurrencyFormat): string {
  return tiers
    .map((t, i) => {
      const rate = `${formatMoney(t.perGb, format)}/GB`;
      if (t.toGb === null) return i === 0 ? rate : `${rate} above ${volume(t.fromGb)}`;
      return `${rate} for the ${i === 0 ? 'first' : 'next'} ${volume(t.toGb - t.fromGb)}`;
    })
    .join(', ');
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
