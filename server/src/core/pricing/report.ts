// The cost report in Markdown (a pull-request comment, the editor's preview): every priced
// instance, totals by type, and the NAT-vs-endpoints comparison at the configured data volume.
import { basename } from 'node:path';
import type { PriceOverrides } from './catalogue';
import { formatMoney, type CurrencyFormat } from './format';
import { bullets, code, escapeMarkdown, table } from './markdown';
import type { CostReport, ResourceCost } from './moduleCosts';
import { natComparisons, type NatComparison } from './natComparison';
import { pricesFootnote } from './rates';
import { hourlyMoney, sumOf, typeLabel } from './summary';
import { PRICED_KINDS, kindList, kindTotalsText } from './pricedKinds';
import { groupBy } from '../collections';

export interface ReportOptions {
  /** What the report is about, e.g. the module directory's name. */
  title: string;
  overrides: PriceOverrides;
  format?: CurrencyFormat;
  /** How a resource's file is shown; default: its base name. */
  fileLabel?: (file: string) => string;
  /** Sections placed before the prices' footnote (the editor's "Changes vs BASE"). */
  extraSections?: readonly string[];
}


export function costReportMarkdown(report: CostReport, options: ReportOptions): string {
  const money = (n: number) => formatMoney(n, options.format);
  const heading = `## vpce-lens cost report: ${escapeMarkdown(options.title)}`;
  const notPriced = report.unpriced.length > 0
    ? ['### Not priced', `These exist or may exist but have no price, so the total is a lower bound:`, bullets(report.unpriced.map((u) => `${code(u.address)}: ${escapeMarkdown(u.reason)}`))]
    : [];
  if (report.resources.length === 0) {
    const none = report.unpriced.length > 0 ? `**Total ≥ ${money(0)}/month**: nothing could be priced (${report.unpriced.length} not priced).` : `No ${kindList('plural')} found.`;
    return [heading, none, ...notPriced, ...(options.extraSections ?? []), `_${pricesFootnote([], report.pricesAsOf, report.hoursPerMonth, options.overrides)}_`].join('\n\n');
  }
  const t = report.totals;
  const total = t.complete ? `**${money(t.monthly)}/month** in total` : `**≥ ${money(t.monthly)}/month** in total (${report.unpriced.length} not priced)`;
  const sections = [
    heading,
    `${total}: ${kindTotalsText(t, 'plural', money).join(', ')} (${report.resources.length} resource instance${report.resources.length === 1 ? '' : 's'}).`,
    '### By resource',
    resourceTable(report.resources, options, money),
    '### By type',
    typeTable(report.resources, money),
    ...natComparisons(report, options.overrides).flatMap((c) => ['error' in c ? `### NAT gateway or VPC endpoints? (${c.region})\n\n${escapeMarkdown(c.error)}` : comparisonSection(c, money, report.labels.monthlyDataGb)]),
  ];
  const assumptions = [...new Set(report.resources.flatMap((r) => r.assumptions))];
  if (assumptions.length > 0) sections.push('### Assumptions', bullets(assumptions.map(escapeMarkdown)));
  sections.push(...notPriced, ...(options.extraSections ?? []));
  const overridden = [...new Set(report.resources.flatMap((r) => r.overridden))];
  const footnote = pricesFootnote([...new Set(report.resources.map((r) => r.region))].sort(), report.pricesAsOf, report.hoursPerMonth, options.overrides);
  sections.push(`_${footnote}${overridden.length > 0 ? ` Overridden by vpceLens.pricing.overrides: ${overridden.join(', ')}.` : ''}_`);
  return sections.join('\n\n');
}

function resourceTable(resources: readonly ResourceCost[], options: ReportOptions, money: (n: number) => string): string {
  const fileLabel = options.fileLabel ?? basename;
  const rows = resources.map((r) => [
    code(r.address),
    typeLabel(r),
    r.service ? escapeMarkdown(r.service) : '',
    r.region,
    r.azCount === null ? '' : String(r.azCount),
    r.hourly === null ? 'n/a' : hourlyMoney(r.hourly, options.format),
    r.monthlyDataGb.toLocaleString('en-US'),
    r.monthly === null ? 'not priced' : money(r.monthly),
    `${escapeMarkdown(fileLabel(r.file))}:${r.range.start.line + 1}`,
  ]);
  const sum = sumOf(resources);
  rows.push(['**total**', '', '', '', '', hourlyMoney(sum.hourly, options.format), '', `**${money(sum.monthly)}**`, '']);
  return table(['resource', 'type', 'service', 'region', 'AZs', '$/hour', 'GB/month', '$/month', 'where'], rows,
    ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'left']);
}

function typeTable(resources: readonly ResourceCost[], money: (n: number) => string): string {
  const byType = groupBy(resources, typeLabel);
  const order = [...PRICED_KINDS.flatMap((k) => k.typeOrder), 'unknown type'];
  const rows = [...byType]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([type, list]) => [type, String(list.length), money(sumOf(list).monthly)]);
  return table(['type', 'instances', '$/month'], rows, ['left', 'right', 'right']);
}

function comparisonSection(c: NatComparison, money: (n: number) => string, dataLabel: string): string {
  const gb = `${c.dataGb.toLocaleString('en-US')} GB/month`;
  const natLabel = c.nat.assumed ? '1 NAT gateway, assumed: the module has none' : `the module's ${c.nat.count} NAT gateway${c.nat.count === 1 ? '' : 's'}`;
  const endpointParts = [
    c.endpoints.interfaceCount > 0 ? `${c.endpoints.interfaceCount} interface` : '',
    c.endpoints.gatewayCount > 0 ? `${c.endpoints.gatewayCount} gateway` : '',
  ].filter(Boolean).join(', ');
  const endpointRate = c.endpoints.interfacePerGb === null ? 'gateway: free' : `${money(c.endpoints.interfacePerGb)}/GB interface, gateway free`;
  const rows = [
    ['fixed', `${money(c.nat.fixed)} (${natLabel})`, `${money(c.endpoints.fixed)} (${endpointParts})`],
    [`data processing at ${gb}`, `${money(c.nat.data)} (${money(c.nat.perGb)}/GB)`, `${money(c.endpoints.data)} (${endpointRate})`],
    ['**per month**', `**${money(c.nat.monthly)}**`, `**${money(c.endpoints.monthly)}**`],
  ];
  const lines = [
    `### NAT gateway or VPC endpoints? (${c.region})`,
    `The traffic these endpoints carry (${gb}: their usage-file entries, else ${dataLabel} each), priced both ways:`,
    table(['', 'through a NAT gateway', 'through these endpoints'], rows, ['left', 'right', 'right']),
    breakEvenSentence(c.breakEvenGb, `the endpoints cost less than ${c.nat.count === 1 ? 'that NAT gateway' : 'those NAT gateways'}`),
  ];
  if (c.breakEvenKeepingNatGb !== undefined) {
    lines.push(breakEvenSentence(c.breakEvenKeepingNatGb, `if the NAT gateway${c.nat.count === 1 ? ' stays' : 's stay'} for internet access anyway, the endpoints pay for themselves`));
  }
  return lines.join('\n\n');
}

function breakEvenSentence(gb: number | null, what: string): string {
  const text = what.charAt(0).toUpperCase() + what.slice(1);
  if (gb === null) return `${text}: never at these rates (the endpoint per-GB rate is not below the NAT gateway's).`;
  if (gb === 0) return `${text} at any volume.`;
  return `${text} above **${Math.ceil(gb).toLocaleString('en-US')} GB/month** of interface traffic.`;
}
