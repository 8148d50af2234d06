// `vpce-lens cost` as JSON (docs/cli.md) and Markdown (a pull-request comment). Every entry
// names the root module it came from; what could not be priced and what was assumed are listed.
import type { PriceOverrides } from '../core/pricing/catalogue';
import { costReportMarkdown } from '../core/pricing/report';
import type { ResourceCost } from '../core/pricing/moduleCosts';
import type { UnpricedItem } from '../core/pricing/unpriced';
import type { CostRun, CostSection } from './costRun';

export function costJson(run: CostRun, version: string): object {
  const total = run.total;
  return {
    tool: 'vpce-lens',
    version,
    currency: total.currency,
    pricesAsOf: total.pricesAsOf,
    hoursPerMonth: total.hoursPerMonth,
    resources: run.sections.flatMap((section) => section.report.resources.map((r) => resourceJson(r, section))),
    unpriced: run.sections.flatMap((section) => section.report.unpriced.map((u) => unpricedJson(u, section))),
    problems: run.problems,
    notes: run.notes,
    totals: total.totals,
  };
}

/** A resource instance as `cost --format json` lists it (docs/cli.md). */
export function resourceJson(r: ResourceCost, module: Pick<CostSection, 'file' | 'label'>): object {
  return {
    address: r.address,
    file: module.file(r.file),
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
    monthlyDataSource: r.monthlyDataSource,
    monthlyData: r.monthlyData,
    monthly: r.monthly,
    assumptions: r.assumptions,
    ...(r.error ? { error: r.error } : {}),
    root: module.label,
  };
}

/** Something not priced, as `cost --format json` lists it. */
export function unpricedJson(u: Pick<UnpricedItem, 'address' | 'kind' | 'reason' | 'file' | 'range'>, module: Pick<CostSection, 'file' | 'label'>): object {
  return { address: u.address, kind: u.kind, reason: u.reason, file: module.file(u.file), line: u.range.start.line, root: module.label };
}

export function costMarkdown(run: CostRun, overrides: PriceOverrides): string {
  const title = run.sections.map((s) => s.label).join(', ');
  const files = new Map(run.sections.flatMap((s) => [...s.report.resources, ...s.report.unpriced].map((r) => [r.file, s.file(r.file)] as const)));
  const report = costReportMarkdown(run.total, { title, overrides, fileLabel: (file) => files.get(file) ?? file });
  const extra = [
    ...run.problems.map((p) => `- **Problem** ${p.file}: ${p.message}`),
    ...run.notes.map((n) => `- **Note** ${n}`),
  ];
  return extra.length > 0 ? `${report}\n\n${extra.join('\n')}` : report;
}
