// Short words for a cost diff, shared by its renderers: the totals as a sentence, counts of
// changes, and the assumptions of both sides told once each.
import { formatDelta, formatMoney, type CurrencyFormat } from '../pricing/format';
import type { CostChange, CostDiff, DiffTotals, UnpricedChange } from './compare';
import { hasChanges, type TargetDiff } from './targets';

/** A side's total: `$183.96`, or `≥ $183.96` when it left something out. */
export function sideTotal(amount: number, complete: boolean, format?: CurrencyFormat): string {
  return `${complete ? '' : '≥ '}${formatMoney(amount, format)}`;
}

/** `$183.96 → $204.40`, with `≥` on a side that left something out. */
export function sidesText(totals: DiffTotals, format?: CurrencyFormat): string {
  return `${sideTotal(totals.before, totals.beforeComplete, format)} → ${sideTotal(totals.after, totals.afterComplete, format)}`;
}

/** `+$20.44/month`, or `+$20.44/month from the priced changes` when something was not priced. */
export function deltaText(totals: DiffTotals, format?: CurrencyFormat): string {
  return `${formatDelta(totals.delta, format)}/month${totals.complete ? '' : ' from the priced changes'}`;
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

/** The branch or ref of a base label, for short texts: `main@1a2b3c4` → `main`. */
export function baseName(label: string): string {
  return label.replace(/@[0-9a-f]{7,}$/, '');
}

/**
 * A block's change since the base, for its hover: `+$7.30/month vs main@1a2b3c4 (AZ count 2 → 3)`,
 * `new vs main@1a2b3c4: +$14.60/month`, `unchanged vs main@1a2b3c4`. A side without a price is
 * said, never counted as $0.
 */
export function targetDeltaText(share: TargetDiff, base: string, format?: CurrencyFormat): string {
  if (!hasChanges(share)) return share.unpriced.length > 0 ? `not priced, here as at ${base}` : `unchanged vs ${base}`;
  const what = share.isNew ? 'new' : 'changed';
  if (share.changes.length === 0) return `${what} vs ${base}, not priced: ${share.unpriced.map((u) => u.reason).join('; ')}`;
  const amount = `${formatDelta(share.delta, format)}/month`;
  const partial = share.unpriced.length > 0 ? ` from the priced changes${unpricedNote(share.unpriced.length)}` : '';
  if (share.isNew) return `new vs ${base}: ${amount}${partial}`;
  return `${amount} vs ${base} (${whyOf(share.changes)})${partial}`;
}

/** The same, short, for a lens or an inlay hint; undefined when nothing changed. `base` is a short name (`main`). */
export function targetDeltaLabel(share: TargetDiff, base: string, format?: CurrencyFormat): string | undefined {
  if (!hasChanges(share)) return undefined;
  const notPriced = share.unpriced.length > 0 ? ` (${share.unpriced.length} not priced)` : '';
  if (share.changes.length === 0) return `${share.isNew ? 'new' : 'changed'} vs ${base} · not priced`;
  const amount = `${formatDelta(share.delta, format)}/mo vs ${base}${notPriced}`;
  return share.isNew ? `new · ${amount}` : `${amount} · ${whyOf(share.changes)}`;
}

/**
 * The module's change since the base, for the lens on its first file:
 * `vs main: +$7.30/month ($29.20 → $36.50) · 1 added, 1 removed, 1 changed`; undefined when nothing changed.
 */
export function moduleDeltaLabel(diff: CostDiff, base: string, format?: CurrencyFormat): string | undefined {
  if (!hasChanges({ changes: diff.changes, unpriced: diff.unpricedChanges })) return undefined;
  const changed = diff.unpricedChanges.filter((u) => u.change !== 'unchanged').length;
  const counts = [...(diff.changes.length > 0 ? [changeCounts(diff.changes)] : []), ...(changed > 0 ? [`${changed} not priced`] : [])];
  return `vs ${base}: ${deltaText(diff.totals, format)} (${sidesText(diff.totals, format)}) · ${counts.join(', ')}`;
}

/** The reasons of some changes, each once: `new instance; AZ count 2 → 3`. */
function whyOf(changes: readonly CostChange[]): string {
  return [...new Set(changes.flatMap((c) => c.why))].join('; ');
}
