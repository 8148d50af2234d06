// Short words for a cost diff, shared by its renderers: the totals as a sentence, counts of
// changes, and the assumptions of both sides told once each.
import { formatDelta, formatMoney } from '../pricing/format';
import type { CostChange, CostDiff, DiffTotals, UnpricedChange } from './compare';

/** A side's total: `$183.96`, or `≥ $183.96` when it left something out. */
export function sideTotal(amount: number, complete: boolean): string {
  return `${complete ? '' : '≥ '}${formatMoney(amount)}`;
}

/** `+$20.44/month ($183.96 → $204.40)`, with `≥` on a side that left something out and the count of changes without a price. */
export function totalsSentence(totals: DiffTotals, unpriced: number): string {
  const sides = `${sideTotal(totals.before, totals.beforeComplete)} → ${sideTotal(totals.after, totals.afterComplete)}`;
  const delta = `${formatDelta(totals.delta)}/month`;
  if (totals.complete) return `${delta} (${sides})`;
  return `${delta} from the priced changes (${sides}); ${unpriced} not priced, so the change may be more or less`;
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

/** How a not-priced change reads: `added: …`, `now not priced (was $20.44/month): …`. */
export function unpricedText(u: UnpricedChange): string {
  if (u.pricedSide?.side === 'before') return `now not priced (was ${formatMoney(u.pricedSide.monthly)}/month): ${u.reason}`;
  if (u.pricedSide?.side === 'after') return `now ${formatMoney(u.pricedSide.monthly)}/month, ${u.reason}`;
  const label = { added: 'added', removed: 'removed', changed: 'changed', unchanged: 'not priced before either' }[u.change];
  return `${label}: ${u.reason}`;
}
