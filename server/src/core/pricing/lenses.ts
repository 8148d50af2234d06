// Code lens titles: one above each endpoint / NAT gateway block and priced module call
// (`$183.96/mo · 9 × Interface × 2 AZ`), and a module summary at the top of its first file.
import { costTargetsIn, type CostTarget, type LocatableModule } from '../model/locate';
import type { Range } from '../types';
import { formatMoney, type CurrencyFormat } from './format';
import type { CostReport, ResourceCost } from './moduleCosts';
import { instanceSummary, monthlyLabel, sumOf } from './summary';

export interface CostLens {
  range: Range;
  title: string;
  /** The lens sums up the whole module (rather than one block). */
  summary: boolean;
}

export interface LensOptions {
  /** The module's first file gets the summary lens. */
  firstFile: string | undefined;
  format?: CurrencyFormat;
}

export function costLenses(modules: readonly LocatableModule[], report: CostReport, file: string, options: LensOptions): CostLens[] {
  const lenses = costTargetsIn(modules, file).map((target) => blockLens(target, report, options.format));
  if (file === options.firstFile && report.resources.length > 0) {
    const money = (n: number) => formatMoney(n, options.format);
    const t = report.totals;
    const title = `Module: ${money(t.monthly)}/mo · endpoints ${money(t.endpoints)} · NAT gateways ${money(t.natGateways)} · cost report`;
    lenses.unshift({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, title, summary: true });
  }
  return lenses;
}

function blockLens(target: CostTarget, report: CostReport, format: CurrencyFormat | undefined): CostLens {
  const range = { start: target.range.start, end: target.range.start };
  if (!target.instances.known) return { range, title: 'cost unknown · the number of instances cannot be evaluated', summary: false };
  const wanted = new Set(target.addresses);
  const resources = report.resources.filter((r) => wanted.has(r.address));
  if (resources.length === 0) return { range, title: `${formatMoney(0, format)}/mo · no instance: ${target.instances.source}`, summary: false };
  return { range, title: `${monthlyLabel(sumOf(resources), resources.length, format)} · ${instanceSummary(resources)}${assumedText(resources)}`, summary: false };
}

/** ` · AZ count assumed` when the figure rests on what the Terraform does not say (the hover says what). */
function assumedText(resources: readonly ResourceCost[]): string {
  const facts = new Set(resources.flatMap((r) => r.assumedFacts));
  if (facts.size === 0) return '';
  const names = [...(facts.has('zones') ? ['AZ count'] : []), ...(facts.has('region') ? ['region'] : [])];
  return ` · ${names.join(' and ')} assumed`;
}
