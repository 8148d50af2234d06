// `vpce-lens diff --format markdown`: a pull-request comment. A summary line first, then a table
// of the changes, what could not be priced, both sides' assumptions, and the unchanged resource
// instances folded in a <details> block.
import type { CostChange } from '../core/diff/compare';
import { assumptionsOfBoth, changeCounts, deltaText, sidesText, sideTotal, unpricedLabel, unpricedNote, unpricedOrder } from '../core/diff/summary';
import { formatDelta, formatMoney } from '../core/pricing/format';
import { bullets, code, escapeMarkdown, table } from '../core/pricing/markdown';
import { typeLabel } from '../core/pricing/summary';
import type { DiffRun, ModuleDiff } from './diffRun';

export function diffMarkdown(run: DiffRun): string {
  const changes = run.modules.flatMap((m) => m.diff.changes);
  const unpriced = run.modules.flatMap((m) => unpricedOrder(m.diff.unpricedChanges).map((u) => ({ module: m, u })));
  const many = run.modules.length > 1;
  const sections = [
    `**vpce-lens: ${deltaText(run.totals)}** against ${code(run.base)} (${sidesText(run.totals)} a month): ${changeCounts(changes)}${unpricedNote(unpriced.length)}.`,
  ];
  if (many) sections.push(moduleTable(run));
  if (changes.length > 0) sections.push(changeTable(run, many));
  if (unpriced.length > 0) {
    sections.push('#### Not priced', 'These have no price on one side or both, so the change leaves them out:',
      bullets(unpriced.map(({ module, u }) => `${code(u.address)} (${many ? `${escapeMarkdown(module.label)}, ` : ''}${escapeMarkdown(unpricedLabel(u))}): ${escapeMarkdown(u.reason)}`)));
  }
  const { now, baseOnly } = assumptionsOfBoth(run.modules.map((m) => m.diff));
  if (now.length > 0) sections.push('#### Assumptions', bullets(now.map(escapeMarkdown)));
  if (baseOnly.length > 0) sections.push('At the base only:', bullets(baseOnly.map(escapeMarkdown)));
  const extra = [...run.problems.map((p) => `- **Problem** ${escapeMarkdown(p.file)}: ${escapeMarkdown(p.message)}`), ...run.notes.map((n) => `- **Note** ${escapeMarkdown(n)}`)];
  if (extra.length > 0) sections.push(extra.join('\n'));
  const unchanged = run.modules.flatMap((m) => m.diff.unchanged.map((r) => ({ module: m, r })));
  if (unchanged.length > 0) sections.push(unchangedDetails(unchanged, many));
  sections.push(`_Prices as of ${run.now.pricesAsOf}, ${run.now.hoursPerMonth} h/month; monthly figures, in ${run.now.currency}._`);
  return sections.join('\n\n');
}

function moduleTable(run: DiffRun): string {
  const rows = run.modules.map((m) => {
    const t = m.diff.totals;
    return [escapeMarkdown(m.label), sideTotal(t.before, t.beforeComplete), sideTotal(t.after, t.afterComplete), formatDelta(t.delta), String(m.diff.unpricedChanges.length)];
  });
  return table(['module', 'before', 'after', 'change', 'not priced'], rows, ['left', 'right', 'right', 'right', 'right']);
}

function changeTable(run: DiffRun, many: boolean): string {
  const money = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatMoney(n));
  const rows = run.modules.flatMap((m: ModuleDiff) => m.diff.changes.map((c: CostChange) => [
    c.change,
    code(c.address),
    ...(many ? [escapeMarkdown(m.label)] : []),
    typeLabel((c.after ?? c.before)!),
    money(c.before?.monthly),
    money(c.after?.monthly),
    `**${formatDelta(c.monthlyDelta)}**`,
    escapeMarkdown(c.why.join('; ')),
  ]));
  return table(['change', 'resource', ...(many ? ['module'] : []), 'type', 'before', 'after', 'Δ/month', 'why'], rows,
    ['left', 'left', ...(many ? ['left' as const] : []), 'left', 'right', 'right', 'right', 'left']);
}

function unchangedDetails(unchanged: { module: ModuleDiff; r: CostChange['after'] & object }[], many: boolean): string {
  const monthly = unchanged.reduce((sum, { r }) => sum + (r.monthly ?? 0), 0);
  const rows = unchanged.map(({ module, r }) => [
    code(r.address), ...(many ? [escapeMarkdown(module.label)] : []), typeLabel(r), r.region, r.azCount === null ? '' : String(r.azCount), formatMoney(r.monthly ?? 0),
  ]);
  const summary = `${unchanged.length} unchanged resource instance${unchanged.length === 1 ? '' : 's'} (${formatMoney(monthly)}/month)`;
  const body = table(['resource', ...(many ? ['module'] : []), 'type', 'region', 'AZs', '$/month'], rows,
    ['left', ...(many ? ['left' as const] : []), 'left', 'left', 'right', 'right']);
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
