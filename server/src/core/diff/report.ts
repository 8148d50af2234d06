// The cost report's section "Changes vs BASE": the module's change since the base, each priced
// change (removed instances included: they have no place in the files any more), what is not
// priced on a side, and the unchanged instances counted.
import { formatDelta, formatMoney, type CurrencyFormat } from '../pricing/format';
import { bullets, code, escapeMarkdown, table } from '../pricing/markdown';
import { typeLabel } from '../pricing/summary';
import type { CostDiff } from './compare';
import { changeCounts, deltaText, sidesText, unpricedLabel, unpricedNote, unpricedOrder } from './summary';

export function changesSection(diff: CostDiff, base: string, format?: CurrencyFormat): string {
  const money = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatMoney(n, format));
  const sections = [
    `### Changes vs ${code(base)}`,
    `**${deltaText(diff.totals, format)}** (${sidesText(diff.totals, format)}): ${changeCounts(diff.changes)}${unpricedNote(diff.unpricedChanges.length)}.`,
  ];
  if (diff.changes.length > 0) {
    const rows = diff.changes.map((c) => [
      c.change, code(c.address), typeLabel((c.after ?? c.before)!), money(c.before?.monthly), money(c.after?.monthly),
      `**${formatDelta(c.monthlyDelta, format)}**`, escapeMarkdown(c.why.join('; ')),
    ]);
    sections.push(table(['change', 'resource', 'type', 'before', 'after', 'Δ/month', 'why'], rows, ['left', 'left', 'left', 'right', 'right', 'right', 'left']));
  }
  if (diff.unpricedChanges.length > 0) {
    sections.push('Not priced on one side or both, so the change leaves them out:',
      bullets(unpricedOrder(diff.unpricedChanges).map((u) => `${code(u.address)} (${escapeMarkdown(unpricedLabel(u))}): ${escapeMarkdown(u.reason)}`)));
  }
  if (diff.unchanged.length > 0) {
    const monthly = diff.unchanged.reduce((sum, r) => sum + (r.monthly ?? 0), 0);
    sections.push(`${diff.unchanged.length} resource instance${diff.unchanged.length === 1 ? '' : 's'} unchanged (${formatMoney(monthly, format)}/month).`);
  }
  return sections.join('\n\n');
}

/** Why the report has no comparison (a base that cannot be had). */
export function noChangesSection(why: string): string {
  return `### Changes\n\nNo comparison with a base: ${escapeMarkdown(why)}.`;
}
