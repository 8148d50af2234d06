// Code lens titles: one above each block of a priced kind and each priced module call
// (`$183.96/mo · 9 × Interface × 2 AZ`), and a module summary at the top of its first file.
import { costTargetsIn, targetResources, type CostTarget, type LocatableModule } from '../model/locate';
import type { Range } from '../types';
import { formatMoney, type CurrencyFormat } from './format';
import type { CostReport, ResourceCost } from './moduleCosts';
import { instanceSummary, monthlyLabel, sumOf } from './summary';
import { kindTotalsText } from './pricedKinds';

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
  const lenses = costTargetsIn(modules, file).map((target) => blockLens(target, report, options.format)).filter((l): l is CostLens => l !== undefined);
  if (file === options.firstFile && report.resources.length + report.unpriced.length > 0) {
    const money = (n: number) => formatMoney(n, options.format);
    const t = report.totals;
    const total = t.complete ? `${money(t.monthly)}/mo` : `≥ ${money(t.monthly)}/mo (${report.unpriced.length} not priced)`;
    const title = report.resources.length === 0
      ? `Module: cost unknown · ${report.unpriced.length} not priced · cost report`
      : `Module: ${total} · ${kindTotalsText(t, 'short', money).join(' · ')} · cost report`;
    lenses.unshift({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, title, summary: true });
  }
  return lenses;
}

function blockLens(target: CostTarget, report: CostReport, format: CurrencyFormat | undefined): CostLens | undefined {
  const range = { start: target.range.start, end: target.range.start };
  if (target.notPriced) return { range, title: `not priced · ${target.notPriced}`, summary: false };
  if (!target.instances.known) return { range, title: 'cost unknown · the number of instances cannot be evaluated', summary: false };
  const resources = targetResources(target, report.resources);
  if (target.kind === 'module') {
    const unpriced = targetResources(target, report.unpriced);
    // A module call that creates nothing priced gets no lens (most modules create no endpoint).
    if (resources.length === 0 && unpriced.length === 0) return undefined;
    const sum = sumOf(resources);
    const label = unpriced.length > 0 ? `≥ ${monthlyLabel(sum, resources.length, format)} (${unpriced.length} not priced)` : monthlyLabel(sum, resources.length, format);
    return { range, title: `${label} · ${resources.length > 0 ? instanceSummary(resources) : 'nothing priced'}`, summary: false };
  }
  if (resources.length === 0) return { range, title: `${formatMoney(0, format)}/mo · no instance: ${target.instances.source}`, summary: false };
  if (target.unpriced?.length) {
    return { range, title: `≥ ${monthlyLabel(sumOf(resources), resources.length, format)} (${target.unpriced.length} not priced) · ${instanceSummary(resources)}${assumedText(resources)}`, summary: false };
  }
  return { range, title: `${monthlyLabel(sumOf(resources), resources.length, format)} · ${instanceSummary(resources)}${assumedText(resources)}`, summary: false };
}

/** ` · AZ count assumed` when the figure rests on what the Terraform does not say (the hover says what). */
function assumedText(resources: readonly ResourceCost[]): string {
  const facts = new Set(resources.flatMap((r) => r.assumedFacts));
  if (facts.size === 0) return '';
  const names = [...(facts.has('zones') ? ['AZ count'] : []), ...(facts.has('region') ? ['region'] : [])];
  return ` · ${names.join(' and ')} assumed`;
}
