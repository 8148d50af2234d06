// The catalogue rates behind a figure, in words (each kind says its own: "$0.014 per AZ-hour",
// the data tiers, the NAT gateway's hourly and per-GB rates), and how a monthly figure was
// multiplied out. Hovers and the report use these so that every number can be traced to the
// catalogue.
import { type PriceOverrides, regionPrices } from './catalogue';
import { formatMoney, type CurrencyFormat } from './format';
import type { ResourceCost } from './moduleCosts';
import { kindEntry } from './pricedKinds';

/** The rates that apply to a kind of resource in a region, one phrase; undefined for an unknown region. */
export function ratesText(resource: ResourceCost, overrides: PriceOverrides, format?: CurrencyFormat): string | undefined {
  const prices = regionPrices(resource.region, overrides);
  if (!prices) return undefined;
  return kindEntry(resource.kind).ratesText(resource, prices, format);
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
