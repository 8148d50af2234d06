// Short words for a cost diff, shared by its renderers: the totals as a sentence, counts of
// changes, and the assumptions of both sides told once each.
import { formatDelta, formatMoney } from '../pricing/format';
import type { CostChange, CostDiff, DiffTotals, UnpricedChange } from './compare';

/** A side's total: `$183.96`, or `≥ $183.96` when it left something out. */
export function sideTotal(amount: number, complete: boolean): string {
  return `${complete ? '' : '≥ '}${formatMoney(amount)}`;
}

/** `$183.96 → $204.40`, with `≥` on a side that left something out. */
export function sidesText(totals: DiffTotals): string {
  return `${sideTotal(totals.before, totals.beforeComplete)} → ${sideTotal(totals.after, totals.afterComplete)}`;
}

/** `+$20.44/month`, or `+$20.44/month from the priced changes` when something was not priced. */
export function deltaText(totals: DiffTotals): string {
  return `${formatDelta(totals.delta)}/month${totals.complete ? '' : ' from the priced changes'}`;
}

/** `; 1 item not priced, so the real change may be more or less`, or nothing. */
export function unpricedNote(count: number): string {
  return count === 0 ? '' : `; ${count} item${count === 1 ? '' : 's'} not priced, so the real change may be more or less`;
}

/** `+$20.44/month ($183.96 → $204.40)` and the not-priced note. */
export function totalsSentence(totals: DiffTotals, unpriced: number): string {
  return `${deltaText(totals)} (${sidesText(totals)})${unpricedNote(unpriced)}`;
}

/** `1 added, 1 removed, 2 changed`, or `no priced changes`. */
export function changeCounts(changes: readonly CostChange[]): string {
  const parts = (['added', 'removed', 'changed'] as const)
    .map((kind) => [kind, changes.filter((c) => c.change === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`);
  return parts.length > 0 ? parts.join(', ') : 'no priced changes';
}

/** The not-priced changes worth a reader's attention first: those that did change. */
export function unpricedOrder(list: readonly UnpricedChange[]): UnpricedChange[] {
  return [...list.filter((u) => u.change !== 'unchanged'), ...list.filter((u) => u.change === 'unchanged')];
}

/** Now's assumptions, and the base's that no longer hold. */
export function assumptionsOfBoth(diffs: readonly CostDiff[]): { now: string[]; baseOnly: string[] } {
  const now = [...new Set(diffs.flatMap((d) => d.assumptions.after))];
  const seen = new Set(now);
  return { now, baseOnly: [...new Set(diffs.flatMap((d) => d.assumptions.before))].filter((a) => !seen.has(a)) };
}

/** What happened to a not-priced item: `added`, `now not priced; was $20.44/month`, `not priced at the base either`. */
export function unpricedLabel(u: UnpricedChange): string {
  if (u.pricedSide?.side === 'before') return `now not priced; was ${formatMoney(u.pricedSide.monthly)}/month`;
  if (u.pricedSide?.side === 'after') return `now ${formatMoney(u.pricedSide.monthly)}/month`;
  return { added: 'added', removed: 'removed', changed: 'changed', unchanged: 'not priced at the base either' }[u.change];
}
