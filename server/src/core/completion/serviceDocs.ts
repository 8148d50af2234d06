// What a service completion item says: its description, what an endpoint for it costs per
// month in the module's region, and whether it completes a dependency group the module (or
// the list being written) has started.
import type { RegionResolution } from '../model/region';
import { pricesAsOf, regionPrices } from '../pricing/catalogue';
import { endpointCost, isPricingError } from '../pricing/cost';
import { formatMoney, type CurrencyFormat } from '../pricing/format';
import type { AnalysisSettings } from '../settings';
import { type EndpointGroup, type EndpointService, groups } from '../services/catalogue';
import type { AzBasis } from './moduleFacts';

export interface PriceBasis {
  /** The region prices are for (a literal region typed in the name wins over the module's). */
  region: string;
  /** How that region was decided. */
  regionSource: string;
  az: AzBasis;
  settings: AnalysisSettings;
  format?: CurrencyFormat;
}

export interface InterfacePrice {
  /** `$14.60/mo`, shown inline. */
  short: string;
  /** One sentence with the arithmetic. */
  sentence: string;
}

export function priceBasis(region: RegionResolution, az: AzBasis, settings: AnalysisSettings, format: CurrencyFormat | undefined, typedRegion?: string): PriceBasis {
  const own = typedRegion !== undefined && typedRegion !== region.region;
  return {
    region: own ? typedRegion : region.region,
    regionSource: own ? 'the region written in the service name' : region.detail,
    az,
    settings,
    ...(format ? { format } : {}),
  };
}

/** The monthly cost of one Interface endpoint at the basis' AZ count; undefined when the region has no prices. */
export function interfacePrice(basis: PriceBasis): InterfacePrice | undefined {
  const { settings } = basis;
  const cost = endpointCost({
    endpointType: 'Interface', region: basis.region, azCount: basis.az.count, monthlyDataGb: 0,
    hoursPerMonth: settings.hoursPerMonth, overrides: settings.pricingOverrides,
  });
  const prices = regionPrices(basis.region, settings.pricingOverrides);
  if (isPricingError(cost) || !cost.priced || !prices) return undefined;
  const money = (n: number) => formatMoney(n, basis.format);
  const perGb = prices.interfaceDataTiers[0]?.perGb ?? 0;
  return {
    short: `${money(cost.monthlyFixed)}/mo`,
    sentence:
      `Interface endpoint: **${money(cost.monthlyFixed)}/month** in ${basis.region} ` +
      `(${basis.az.count} AZ × ${money(prices.interfaceHourlyPerAz)} × ${settings.hoursPerMonth} h), plus ${money(perGb)}/GB processed.`,
  };
}

/** The groups `shortName` would complete: a group the present services have started, missing it. */
export function groupsCompletedBy(shortName: string, present: ReadonlySet<string>): EndpointGroup[] {
  const all = groups();
  return all.filter((g) => g.required.includes(shortName) && !present.has(shortName) && started(g, all, present));
}

/**
 * A group is started when its present members are not all members of a smaller group (ecr.api
 * alone starts ECR, not EKS), and make up at least a third of it (one of ssm / ssmmessages /
 * ec2messages; two of the five EKS services, so that `logs` alone does not suggest EKS).
 */
function started(group: EndpointGroup, all: readonly EndpointGroup[], present: ReadonlySet<string>): boolean {
  const members = group.required.filter((m) => present.has(m));
  if (members.length < Math.ceil(group.required.length / 3)) return false;
  return !all.some((other) => other.required.length < group.required.length && members.every((m) => other.required.includes(m)));
}

export interface ServiceDocsInput {
  service: EndpointService;
  /** The full service name the item inserts, or the short name for a list element. */
  inserted: string;
  price: InterfacePrice | undefined;
  basis: PriceBasis;
  completes: readonly EndpointGroup[];
}

export function serviceDocumentation(input: ServiceDocsInput): string {
  const { service, price, basis, completes } = input;
  const lines = [`**${service.shortName}**: ${service.description}`, `\`${input.inserted}\``];
  const costs: string[] = [];
  if (service.gateway) costs.push('Gateway endpoint: **free** (no hourly or per-GB charge).');
  if (service.interface === true) {
    costs.push(price ? price.sentence : `Interface endpoint: no prices for region ${basis.region}.`);
  }
  lines.push(costs.map((c) => `- ${c}`).join('\n'));
  for (const group of completes) {
    lines.push(`Completes **${group.title}** (${group.required.join(', ')}): ${group.why}`);
  }
  if (service.interface === true) {
    lines.push(`_Region: ${basis.regionSource}. AZs: ${basis.az.source}. Prices as of ${pricesAsOf}._`);
  }
  return lines.join('\n\n');
}
