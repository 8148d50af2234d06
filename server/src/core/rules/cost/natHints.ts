// What the NAT hints (VPCE301, VPCE302) share: a VPC's AWS interface endpoints, whether nothing
// about its endpoints is unknown, and what its NAT gateways cost by the hour.
import type { ModuleAnalysis } from '../../analysis';
import { isPricingError, natGatewayCost } from '../../pricing/cost';
import { formatMoney } from '../../pricing/format';
import type { VpcGroup } from '../missing/vpcGroups';

export const awsInterfaces = (vpc: VpcGroup) => vpc.endpoints.filter((e) => e.view.type === 'Interface' && e.view.service.kind === 'aws');

/** Nothing about the VPC's endpoints is unknown: a hint that something is not needed must be sure. */
export function fullyKnown(vpc: VpcGroup): boolean {
  return vpc.unknownEndpoints.length === 0 && vpc.maybeEndpoints.length === 0
    && vpc.endpoints.every((e) => e.view.type !== undefined && e.view.service.kind !== 'unresolved');
}

/** `$32.85/month ($0.045/h × 730 h each)`, the NAT gateways' hourly charges. */
export function savings(analysis: ModuleAnalysis, vpc: VpcGroup): string {
  const { hoursPerMonth, pricingOverrides } = analysis.settings;
  let total = 0;
  const rates = new Set<string>();
  for (const nat of vpc.natGateways) {
    const estimate = natGatewayCost({ region: nat.view.region.region, monthlyDataGb: 0, hoursPerMonth, overrides: pricingOverrides });
    if (isPricingError(estimate)) return 'their hourly charges';
    total += estimate.monthlyFixed;
    rates.add(formatMoney(estimate.hourly));
  }
  const each = vpc.natGateways.length > 1 ? ' each' : '';
  return `${formatMoney(total)}/month in hourly charges (${[...rates].join(', ')}/h × ${hoursPerMonth} h${each})`;
}
