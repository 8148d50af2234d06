// `vpce-lens cost` as text for a terminal: a table per module (rows fit 120 columns), what was
// not priced, the total as a lower bound when anything was not, and every assumption, with a
// marker on the cells that rest on one.
import type { CostReport, ResourceCost } from '../core/pricing/moduleCosts';
import { formatMoney } from '../core/pricing/format';
import { kindEntry, kindList, kindTotalsText } from '../core/pricing/pricedKinds';
import type { CostRun, CostSection } from './costRun';

const WIDTH = 120;
const MARK = '*';
const money = (n: number | null) => (n === null ? 'n/a' : formatMoney(n));

export function costText(run: CostRun): string {
  const lines: string[] = [];
  const many = run.sections.length > 1;
  const showGb = run.total.resources.some((r) => r.monthlyDataGb !== 0);
  let marked = false;
  for (const section of run.sections) {
    if (many) lines.push(`== ${section.label}`);
    const table = sectionTable(section, showGb);
    marked ||= table.marked;
    lines.push(...table.lines);
    if (many && section.report.resources.length + section.report.unpriced.length > 0) lines.push(`   subtotal ${totalText(section.report)}`);
    if (many) lines.push('');
  }
  if (!many && lines.length > 0) lines.push('');
  lines.push(`Total ${totalText(run.total)}; ${run.total.hoursPerMonth} h/month, prices as of ${run.total.pricesAsOf}.`);
  if (marked) lines.push(`${MARK} assumed: see Assumptions.`);
  const assumptions = [...new Set(run.total.resources.flatMap((r) => r.assumptions))];
  if (assumptions.length > 0) lines.push('Assumptions:', ...assumptions.map((a) => `  - ${a}`));
  if (run.notes.length > 0) lines.push('Notes:', ...run.notes.map((n) => `  - ${n}`));
  if (run.problems.length > 0) lines.push('Problems:', ...run.problems.map((p) => `  - ${p.file}: ${p.message}`));
  return lines.join('\n');
}

/** `$204.40/month (endpoints …, NAT gateways …)`, or `≥ $20.44/month (2 not priced; …)`. */
function totalText(report: CostReport): string {
  const t = report.totals;
  const parts = kindTotalsText(t, 'short', money).join(', ');
  return t.complete ? `${money(t.monthly)}/month (${parts})` : `≥ ${money(t.monthly)}/month (${report.unpriced.length} not priced; ${parts})`;
}

function sectionTable(section: CostSection, showGb: boolean): { lines: string[]; marked: boolean } {
  const report = section.report;
  if (section.empty) return { lines: [`${section.label}: no .tf files here.`], marked: false };
  const lines: string[] = [];
  let marked = false;
  if (report.resources.length === 0 && report.unpriced.length === 0) lines.push(`${section.label}: no ${kindList('plural')} found.`);
  if (report.resources.length > 0) {
    const header = ['resource', 'type', 'service', 'region', 'AZs', ...(showGb ? ['GB/month'] : []), '$/hour', '$/month'];
    const rows = report.resources.map((r) => {
      const cells = rowCells(r, report, showGb);
      marked ||= cells.some((c) => c.endsWith(MARK));
      return cells;
    });
    lines.push(...fit(header, rows));
  }
  const unpriced = report.unpriced;
  if (unpriced.length > 0) {
    lines.push('Not priced:');
    for (const u of unpriced) lines.push(`  ${u.address} (${section.file(u.file)}:${u.range.start.line + 1}): ${u.reason}`);
  }
  return { lines, marked };
}

function rowCells(r: ResourceCost, report: CostReport, showGb: boolean): string[] {
  const regionAssumed = r.regionSource === 'setting' || r.regionSource === 'default';
  const azAssumed = r.azCountSource === report.labels.defaultAzCount;
  return [
    r.address,
    kindEntry(r.kind).typeLabel(r) ?? '?',
    shortService(r.service ?? ''),
    `${r.region}${regionAssumed ? MARK : ''}`,
    r.azCount === null ? '' : `${r.azCount}${azAssumed ? MARK : ''}`,
    ...(showGb ? [`${r.monthlyDataGb.toLocaleString('en-US')}${r.monthlyDataSource === 'setting' ? MARK : ''}`] : []),
    money(r.hourly),
    money(r.monthly),
  ];
}

/** PrivateLink names are long and differ at the end: `vpce-svc-…0718` (the JSON keeps them whole). */
function shortService(service: string): string {
  const match = /(vpce-svc-)([0-9a-f]+)$/.exec(service);
  if (service.length <= 24 || !match) return service;
  return `${match[1]}…${match[2]!.slice(-4)}`;
}

/** Columns padded to their widest cell; the address column is shortened in its middle when a row would pass 120 columns. */
function fit(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (total > WIDTH) widths[0] = Math.max(header[0]!.length, widths[0]! - (total - WIDTH));
  const numeric = (i: number) => i >= 4;
  const line = (cells: string[]) => cells
    .map((c, i) => {
      const text = i === 0 ? middleEllipsis(c, widths[0]!) : c;
      return numeric(i) ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
    })
    .join('  ')
    .trimEnd();
  return [line(header), ...rows.map(line)];
}

function middleEllipsis(text: string, width: number): string {
  if (text.length <= width) return text;
  const keep = width - 1;
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
}
