// The NAT gateway kind: `aws_nat_gateway` instances and those of vpc module calls, priced per
// hour and per GB processed.
import type { ModuleAnalysis } from '../../analysis';
import type { NatGatewayView } from '../../model/network';
import { natGatewayCost } from '../cost';
import { formatMoney } from '../format';
import type { ResourceFigures, UsageLookup } from '../resourceFigures';
import { dataVolume, factsOf, regionAssumption, regionFields, withEstimate } from './figures';
import { pricedKind } from './pricedKind';

export const natGatewayKind = pricedKind({
  kind: 'nat_gateway',
  resourceTypes: ['aws_nat_gateway'],
  totalsKey: 'natGateways',
  byTypeKeys: ['NAT'],
  labels: { singular: 'NAT gateway', plural: 'NAT gateways', short: 'NAT gateways' },
  typeOrder: ['NAT gateway'],
  instances: (analysis: ModuleAnalysis): NatGatewayView[] => analysis.modules.flatMap((m) => [...m.network.natGateways, ...m.registry.natGateways]),
  cost: natResourceCost,
  typeLabel: () => 'NAT gateway',
  byTypeKey: () => 'NAT',
  ratesText: (_r, prices, format) => `${formatMoney(prices.natHourly, format)} per hour + ${formatMoney(prices.natPerGb, format)}/GB processed`,
});

function natResourceCost(nat: NatGatewayView, analysis: ModuleAnalysis, usage: UsageLookup | undefined): ResourceFigures {
  const assumptions: string[] = nat.assumptions.map((a) => a.text);
  const data = dataVolume(analysis, nat.address, usage);
  if (data.assumption) assumptions.push(data.assumption);
  const region = regionAssumption(nat.region);
  if (region) assumptions.push(region);
  const base = {
    address: nat.address, file: nat.instance.resource.file, range: nat.instance.resource.block.headerRange,
    endpointType: null, service: null, ...regionFields(nat.region), azCount: null, azCountSource: 'one NAT gateway per resource instance',
    monthlyDataGb: data.gb, monthlyDataSource: data.source, assumedFacts: factsOf(nat.assumptions),
  };
  const estimate = natGatewayCost({ region: nat.region.region, monthlyDataGb: data.gb, hoursPerMonth: analysis.settings.hoursPerMonth, overrides: analysis.settings.pricingOverrides });
  return withEstimate(base, assumptions, estimate);
}
