// Short descriptions of a set of priced instances, shared by hovers, lenses and the report:
// "9 × Interface × 2 AZ", "$183.96/mo", and the grouping of instances by the block they
// come from.
import { formatMoney, type CurrencyFormat } from './format';
import type { ResourceCost } from './moduleCosts';
import { groupBy } from '../collections';
import { kindEntry } from './pricedKinds';

/** `Interface`, `NAT gateway` (the kind's label), `unknown type`. */
export function typeLabel(r: ResourceCost): string {
  return kindEntry(r.kind).typeLabel(r) ?? 'unknown type';
}

/** `9 × Interface × 2 AZ`, `Gateway (free)`, `2 × NAT gateway`, `3 × Interface × 2–3 AZ, 1 × Gateway`. */
export function instanceSummary(resources: readonly ResourceCost[]): string {
  const byType = groupBy(resources, typeLabel);
  const parts = [...byType].map(([type, list]) => {
    const count = list.length === 1 && byType.size === 1 ? '' : `${list.length} × `;
    const azs = list.map((r) => r.azCount).filter((n): n is number => n !== null);
    const azText = type === 'Interface' && azs.length > 0 ? ` × ${range(azs)} AZ` : '';
    const free = type === 'Gateway' ? ' (free)' : '';
    return `${count}${type}${azText}${free}`;
  });
  return parts.join(', ');
}

function range(values: number[]): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? String(min) : `${min}–${max}`;
}

export interface MonthlySum {
  monthly: number;
  hourly: number;
  /** Instances without a price (unknown region, unknown type). */
  unpriced: number;
}

export function sumOf(resources: readonly ResourceCost[]): MonthlySum {
  let monthly = 0;
  let hourly = 0;
  let unpriced = 0;
  for (const r of resources) {
    if (r.monthly === null) unpriced++;
    else {
      monthly += r.monthly;
      hourly += r.hourly ?? 0;
    }
  }
  return { monthly, hourly, unpriced };
}

/** `$183.96/mo`, `$20.44/mo + 1 not priced`, `not priced`. */
export function monthlyLabel(sum: MonthlySum, count: number, format?: CurrencyFormat): string {
  if (count > 0 && sum.unpriced === count) return 'not priced';
  const base = `${formatMoney(sum.monthly, format)}/mo`;
  return sum.unpriced > 0 ? `${base} + ${sum.unpriced} not priced` : base;
}

/** Hourly amounts keep four decimals ($0.2520), so that a sum of $0.028 rates stays exact. */
export function hourlyMoney(amount: number, format?: CurrencyFormat): string {
  return formatMoney(amount, { ...format, decimals: format?.decimals ?? (amount !== 0 && Math.abs(amount) < 10 ? 4 : 2) });
}
