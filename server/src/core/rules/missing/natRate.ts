// The money in missing-endpoint messages: what a GB costs through the VPC's NAT gateway.
import { regionPrices } from '../../pricing/catalogue';
import { formatMoney } from '../../pricing/format';
import type { AnalysisSettings } from '../../settings';
import type { VpcGroup } from './vpcGroups';

/** `$0.062/GB (ap-northeast-1)`, or undefined without a NAT gateway or a price for its region. */
function natPerGbText(group: VpcGroup, settings: AnalysisSettings): string | undefined {
  const region = group.natGateways[0]?.view.region.region;
  const prices = region === undefined ? undefined : regionPrices(region, settings.pricingOverrides);
  return prices ? `${formatMoney(prices.natPerGb)}/GB (${region})` : undefined;
}

/** `through the NAT gateway at $0.062/GB (ap-northeast-1) of data processing` or a priceless form. */
export function throughNat(group: VpcGroup, settings: AnalysisSettings): string {
  const rate = natPerGbText(group, settings);
  const nat = group.natGateways.length === 1 ? 'the NAT gateway' : 'the NAT gateways';
  return rate ? `through ${nat} at ${rate} of data processing` : `through ${nat}, billed per GB`;
}
