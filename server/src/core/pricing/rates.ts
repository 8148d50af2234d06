// The catalogue rates behind a figure, in words: "$0.014 per AZ-hour", the data tiers, the NAT
// gateway's hourly and per-GB rates, and how a monthly figure was multiplied out. Hovers and
// the report use these so that every number can be traced to the catalogue.
import { type DataTier, type PriceOverrides, regionPrices } from './catalogue';
import { formatMoney, type CurrencyFormat } from './format';
import type { ResourceCost } from './moduleCosts';

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

/** The rates that apply to a kind of resource in a region, one phrase; undefined for an unknown region. */
export function ratesText(resource: ResourceCost, overrides: PriceOverrides, format?: CurrencyFormat): string | undefined {
  const prices = regionPrices(resource.region, overrides);
  if (!prices) return undefined;
  const money = (n: number) => formatMoney(n, format);
  if (resource.kind === 'nat_gateway') return `${money(prices.natHourly)} per hour + ${money(prices.natPerGb)}/GB processed`;
  switch (resource.endpointType) {
    case 'Interface':
      return `${money(prices.interfaceHourlyPerAz)} per AZ-hour + ${tiersText(prices.interfaceDataTiers, format)}`;
    case 'GatewayLoadBalancer':
      return `${money(prices.gwlbEndpointHourly)} per hour + ${money(prices.gwlbEndpointPerGb)}/GB`;
    case 'Gateway':
      return 'no hourly or data charge';
    default:
      return undefined;
  }
}

/** `2 AZ × $0.014 × 730 h = $20.44`, the fixed part of one instance's month. */
export function arithmeticText(resource: ResourceCost, hoursPerMonth: number, format?: CurrencyFormat): string | undefined {
  if (resource.hourly === null || resource.monthlyFixed === null || resource.hourly === 0) return undefined;
  const money = (n: number) => formatMoney(n, format);
  const perAz = resource.endpointType === 'Interface' && resource.azCount !== null && resource.azCount > 1;
  const hourly = perAz ? `${resource.azCount} AZ × ${money(resource.hourly / resource.azCount!)}` : money(resource.hourly);
  const data = resource.monthlyData ? ` + ${money(resource.monthlyData)} data (${resource.monthlyDataGb.toLocaleString('en-US')} GB)` : '';
  return `${hourly} × ${hoursPerMonth} h = ${money(resource.monthlyFixed)}${data}`;
}

/** Where the prices come from: the catalogue date and the region's name. */
export function pricesFootnote(regions: readonly string[], asOf: string, hoursPerMonth: number, overrides: PriceOverrides): string {
  const names = regions.map((r) => {
    const prices = regionPrices(r, overrides);
    return prices && prices.name !== r ? `${r} (${prices.name})` : r;
  });
  return `Prices from the AWS price list as of ${asOf}${names.length > 0 ? ` for ${names.join(', ')}` : ''}; ${hoursPerMonth} hours per month.`;
}
