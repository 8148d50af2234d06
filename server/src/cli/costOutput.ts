// `vpce-lens cost` output: a text table for a terminal, JSON per docs/cli.md, Markdown for a
// pull-request comment.
import { relative } from 'node:path';
import type { PriceOverrides } from '../core/pricing/catalogue';
import { DATA_VOLUME_SETTING, type CostReport } from '../core/pricing/moduleCosts';
import { formatMoney } from '../core/pricing/format';
import { costReportMarkdown } from '../core/pricing/report';

const rel = (file: string) => relative(process.cwd(), file) || file;

export function costJson(report: CostReport, version: string): object {
  return {
    tool: 'vpce-lens',
    version,
    currency: report.currency,
    pricesAsOf: report.pricesAsOf,
    hoursPerMonth: report.hoursPerMonth,
    resources: report.resources.map((r) => ({
      address: r.address,
      file: rel(r.file),
      line: r.range.start.line,
      kind: r.kind,
      endpointType: r.endpointType,
      service: r.service,
      region: r.region,
      regionSource: r.regionSource,
      azCount: r.azCount,
      azCountSource: r.azCountSource,
      hourly: r.hourly,
      monthlyFixed: r.monthlyFixed,
      perGb: r.perGb,
      monthlyDataGb: r.monthlyDataGb,
      monthlyData: r.monthlyData,
      monthly: r.monthly,
      assumptions: r.assumptions,
      ...(r.error ? { error: r.error } : {}),
    })),
    totals: report.totals,
  };
}

const money = (n: number | null) => (n === null ? 'n/a' : formatMoney(n));

export function costText(report: CostReport): string {
  if (report.resources.length === 0) return 'vpce-lens: no VPC endpoints or NAT gateways found';
  const rows = report.resources.map((r) => [
    r.address,
    r.kind === 'nat_gateway' ? 'NAT gateway' : r.endpointType ?? '?',
    r.service ?? '',
    r.region,
    r.azCount === null ? '' : String(r.azCount),
    money(r.hourly),
    money(r.monthly),
  ]);
  const header = ['resource', 'type', 'service', 'region', 'AZs', '$/hour', '$/month'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const notes = report.resources.filter((r) => r.error).map((r) => `  ${r.address}: ${r.error}`);
  // The data volume setting is in every entry without a usage file; the rest are worth a line each.
  const assumed = [...new Set(report.resources.flatMap((r) => r.assumptions))].filter((a) => !a.includes(DATA_VOLUME_SETTING)).map((a) => `  ${a}`);
  const t = report.totals;
  return [
    line(header),
    ...rows.map(line),
    '',
    `Total ${money(t.monthly)}/month (endpoints ${money(t.endpoints)}, NAT gateways ${money(t.natGateways)}); ${report.hoursPerMonth} h/month, prices as of ${report.pricesAsOf}.`,
    ...(notes.length > 0 ? ['Not priced:', ...notes] : []),
    ...(assumed.length > 0 ? ['Assumed:', ...assumed] : []),
  ].join('\n');
}

export function costMarkdown(report: CostReport, title: string, overrides: PriceOverrides): string {
  return costReportMarkdown(report, { title, overrides, fileLabel: rel });
}
