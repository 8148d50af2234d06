// The cost hover's text: what a located block, module call or for_each element costs, with
// where every input came from. Markdown; the server only wraps it for LSP.
import { targetResources, type CostTarget } from '../model/locate';
import type { PriceOverrides } from './catalogue';
import { isPricingError, natGatewayCost } from './cost';
import { formatMoney, type CurrencyFormat } from './format';
import { bullets, code, escapeMarkdown, table } from './markdown';
import type { CostReport, ResourceCost } from './moduleCosts';
import { arithmeticText, pricesFootnote, ratesText } from './rates';
import { hourlyMoney, instanceSummary, monthlyLabel, sumOf, typeLabel } from './summary';
import { kindEntry, kindList } from './pricedKinds';

export interface ExplainOptions {
  report: CostReport;
  overrides: PriceOverrides;
  format?: CurrencyFormat;
}

export function explainCost(target: CostTarget, options: ExplainOptions): string {
  const resources = targetResources(target, options.report.resources);
  const title = target.kind === 'element' ? `${code(target.title)} → ${target.addresses.map(code).join(', ')}` : `**${code(target.title)}**`;
  if (target.notPriced) return `${title}: not priced: ${escapeMarkdown(target.notPriced)}. What it creates is unknown, so the module's total is a lower bound.`;
  if (!target.instances.known) {
    return [`${title}: the number of instances cannot be known (${escapeMarkdown(target.instances.reason)}), so it is not priced.`, notesOf(target)].filter(Boolean).join('\n\n');
  }
  const unpriced = target.kind === 'module' ? targetResources(target, options.report.unpriced) : [];
  const unpricedList = unpriced.length > 0 ? `**Not priced** (the total is a lower bound):\n\n${bullets(unpriced.map((u) => `${code(u.address)}: ${escapeMarkdown(u.reason)}`))}` : '';
  if (target.kind === 'module' && resources.length === 0) {
    return [`${title} · ${escapeMarkdown(target.instances.source)}: ${unpriced.length > 0 ? 'nothing priced' : `creates no ${kindList('singular')}`}.`, unpricedList].filter(Boolean).join('\n\n');
  }
  if (resources.length === 0) {
    const why = target.kind === 'vpc module' ? target.instances.source : target.instances.source === 'single' ? 'nothing priced' : target.instances.source;
    return [`${title} · ${escapeMarkdown(why)}: no instance is created, so it costs nothing.`, notesOf(target)].filter(Boolean).join('\n\n');
  }
  const money = (n: number) => formatMoney(n, options.format);
  const sum = sumOf(resources);
  const hourly = sum.hourly > 0 ? ` (${hourlyMoney(sum.hourly, options.format)}/hour)` : '';
  const sections = [`${title} · ${instanceSummary(resources)} · **${monthlyLabel(sum, resources.length, options.format).replace('/mo', '/month')}**${hourly}`];
  if (resources.length > 1) sections.push(instanceTable(resources, options.format, money));
  sections.push(bullets(facts(resources, target, options)));
  const gateways = resources.filter((r) => r.endpointType === 'Gateway');
  if (gateways.length > 0) sections.push(gatewayComparison(gateways, options));
  const notes = notesOf(target);
  if (notes) sections.push(notes);
  if (unpricedList) sections.push(unpricedList);
  sections.push(`_${pricesFootnote(unique(resources.map((r) => r.region)), options.report.pricesAsOf, options.report.hoursPerMonth, options.overrides)}_`);
  return sections.join('\n\n');
}

function instanceTable(resources: ResourceCost[], format: CurrencyFormat | undefined, money: (n: number) => string): string {
  const sum = sumOf(resources);
  const label = instanceLabels(resources.map((r) => r.address));
  const rows = resources.map((r) => [
    code(label(r.address)),
    escapeMarkdown(r.service ?? typeLabel(r)),
    r.azCount === null ? '' : String(r.azCount),
    r.hourly === null ? 'n/a' : hourlyMoney(r.hourly, format),
    r.monthly === null ? 'not priced' : money(r.monthly),
  ]);
  rows.push(['**total**', '', '', `**${hourlyMoney(sum.hourly, format)}**`, `**${monthlyLabel(sum, resources.length, format).replace('/mo', '')}**`]);
  return table(['instance', 'service', 'AZs', '$/hour', '$/month'], rows, ['left', 'left', 'right', 'right', 'right']);
}

function facts(resources: ResourceCost[], target: CostTarget, options: ExplainOptions): string[] {
  const lines: string[] = [];
  const first = resources[0]!;
  const types = unique(resources.map(typeLabel));
  const typeNote = target.kind === 'vpc-endpoints module' || (target.kind === 'element' && first.address.includes('module.')) ? ' (the module\'s service_type default is Interface)' : '';
  lines.push(...kindEntry(first.kind).hoverFacts?.(resources, types, typeNote) ?? []);
  const count = countSource(target, resources.length);
  if (count) lines.push(count);
  for (const [value, detail] of uniquePairs(resources.map((r) => [r.region, r.regionDetail]))) lines.push(`**Region** ${value}: ${escapeMarkdown(detail)}`);
  const interfaces = resources.filter((r) => r.endpointType === 'Interface');
  for (const [count, source] of uniquePairs(interfaces.map((r) => [String(r.azCount), r.azCountSource]))) lines.push(`**AZs** ${count}: ${escapeMarkdown(source)}`);
  const manyRegions = unique(resources.map((r) => r.region)).length > 1;
  for (const [label, rates] of uniquePairs(resources.map((r) => [`${types.length > 1 ? ` ${typeLabel(r)}` : ''}${manyRegions ? ` in ${r.region}` : ''}`, ratesText(r, options.overrides, options.format) ?? '']))) {
    if (rates) lines.push(`**Rates**${label}${label ? ':' : ''} ${rates}`);
  }
  const arithmetic = unique(resources.map((r) => arithmeticText(r, options.report.hoursPerMonth, options.format)).filter((t): t is string => t !== undefined));
  if (arithmetic.length === 1) lines.push(`**Per ${resources.length > 1 ? 'instance' : 'month'}** ${arithmetic[0]}`);
  for (const [gb, source] of uniquePairs(resources.map((r) => [r.monthlyDataGb.toLocaleString('en-US'), r.monthlyDataSource]))) {
    const from = source === 'setting' ? `assumed (${options.report.labels.monthlyDataGb}; set it per resource in infracost-usage.yml)` : `from ${escapeMarkdown(source)}`;
    lines.push(`**Data** ${gb} GB/month${resources.length > 1 ? ' each' : ''}, ${from}`);
  }
  const assumptions = unique(resources.flatMap((r) => r.assumptions)).filter((a) => !a.includes(options.report.labels.monthlyDataGb));
  for (const a of assumptions) lines.push(`**Assumption** ${escapeMarkdown(a)}`);
  const overridden = unique(resources.flatMap((r) => r.overridden));
  if (overridden.length > 0) lines.push(`**Overridden** ${overridden.map(code).join(', ')} (vpceLens.pricing.overrides)`);
  for (const error of unique(resources.map((r) => r.error).filter((e): e is string => e !== undefined))) lines.push(`**Not priced** ${escapeMarkdown(error)}`);
  return lines;
}

/** A gateway endpoint is free; say what its traffic would cost through the module's NAT gateway. */
function gatewayComparison(gateways: ResourceCost[], options: ExplainOptions): string {
  const region = gateways[0]!.region;
  const gb = gateways.reduce((n, r) => n + r.monthlyDataGb, 0);
  const nat = natGatewayCost({ region, monthlyDataGb: gb, hoursPerMonth: options.report.hoursPerMonth, overrides: options.overrides });
  const free = '**Free**: gateway endpoints have no hourly or data-processing charge.';
  if (isPricingError(nat)) return free;
  const money = (n: number) => formatMoney(n, options.format);
  const natGateways = options.report.resources.filter((r) => r.kind === 'nat_gateway' && r.region === region);
  const through = natGateways.length > 0 ? `the module's NAT gateway (${natGateways.slice(0, 2).map((r) => code(r.address)).join(', ')}${natGateways.length > 2 ? ', …' : ''})` : 'a NAT gateway (the module has none)';
  const per100 = money(nat.perGb * 100);
  return `${free} The same traffic through ${through} would cost ${money(nat.perGb)}/GB in data processing (${per100} per 100 GB): ${money(nat.monthlyData)}/month at ${gb.toLocaleString('en-US')} GB/month.`;
}

/** How many instances there are and why: `for_each (9 keys)`, `single_nat_gateway = true`. */
function countSource(target: CostTarget, count: number): string | undefined {
  if (!target.instances.known || target.kind === 'element') return undefined;
  if (target.kind === 'vpc module') return `**NAT gateways** ${count}: ${escapeMarkdown(target.instances.source)}`;
  if (target.kind === 'vpc-endpoints module' || target.instances.source === 'single') return undefined;
  return `**Instances** ${count}: ${escapeMarkdown(target.instances.source)}`;
}

function notesOf(target: CostTarget): string {
  return target.notes.length > 0 ? bullets(target.notes.map(escapeMarkdown)) : '';
}

/** `["ssm"]` when every address is the same block with another key; else the full address. */
function instanceLabels(addresses: readonly string[]): (address: string) => string {
  const block = (a: string) => a.replace(/\[[^\]]*\]$/, '');
  const blocks = unique(addresses.map(block));
  return blocks.length === 1 ? (a) => a.slice(blocks[0]!.length) || a : (a) => a;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function uniquePairs(pairs: readonly [string, string][]): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const pair of pairs) seen.set(pair.join('\u0000'), pair);
  return [...seen.values()];
}
