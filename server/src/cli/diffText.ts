// `vpce-lens diff` as text for a terminal: the totals first, then per module one line per
// change (`+` added, `-` removed, `~` changed) with before, after, delta and why, what could
// not be priced, and the assumptions of both sides.
import type { CostChange } from '../core/diff/compare';
import { assumptionsOfBoth, changeCounts, totalsSentence, unpricedLabel, unpricedOrder } from '../core/diff/summary';
import { formatDelta, formatMoney } from '../core/pricing/format';
import type { DiffRun, ModuleDiff } from './diffRun';

const SIGN = { added: '+', removed: '-', changed: '~' } as const;

export function diffText(run: DiffRun): string {
  const unpriced = run.modules.reduce((n, m) => n + m.diff.unpricedChanges.length, 0);
  const changes = run.modules.flatMap((m) => m.diff.changes);
  const lines = [`vpce-lens diff against ${run.base}: ${totalsSentence(run.totals, unpriced)}; ${changeCounts(changes)}.`];
  const many = run.modules.length > 1;
  for (const module of run.modules) {
    lines.push('');
    if (many) lines.push(`== ${module.label}: ${totalsSentence(module.diff.totals, module.diff.unpricedChanges.length)}`);
    lines.push(...moduleLines(module));
  }
  const { now, baseOnly } = assumptionsOfBoth(run.modules.map((m) => m.diff));
  if (now.length > 0) lines.push('', 'Assumptions (now):', ...now.map((a) => `  - ${a}`));
  if (baseOnly.length > 0) lines.push('', 'Assumptions at the base only:', ...baseOnly.map((a) => `  - ${a}`));
  if (run.notes.length > 0) lines.push('', 'Notes:', ...run.notes.map((n) => `  - ${n}`));
  if (run.problems.length > 0) lines.push('', 'Problems:', ...run.problems.map((p) => `  - ${p.file}: ${p.message}`));
  lines.push('', `Prices as of ${run.now.pricesAsOf}, ${run.now.hoursPerMonth} h/month.`);
  return lines.join('\n');
}

function moduleLines(module: ModuleDiff): string[] {
  const { changes, unpricedChanges, unchanged } = module.diff;
  const lines: string[] = [];
  if (changes.length === 0) lines.push('No priced changes.');
  else lines.push(...columns(changes.map(changeCells)));
  if (unpricedChanges.length > 0) {
    lines.push('Not priced:');
    for (const u of unpricedOrder(unpricedChanges)) lines.push(`  ${u.address} (${module.file(u.file)}:${u.range.start.line + 1}, ${unpricedLabel(u)}): ${u.reason}`);
  }
  if (unchanged.length > 0) {
    const monthly = unchanged.reduce((sum, r) => sum + (r.monthly ?? 0), 0);
    lines.push(`Unchanged: ${unchanged.length} resource instance${unchanged.length === 1 ? '' : 's'}, ${formatMoney(monthly)}/month.`);
  }
  return lines;
}

function changeCells(c: CostChange): string[] {
  const money = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatMoney(n));
  return [SIGN[c.change], c.address, money(c.before?.monthly), '→', money(c.after?.monthly), `${formatDelta(c.monthlyDelta)}/month`, c.why.join('; ')];
}

/** Cells padded to their column's widest; money right-aligned. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const right = new Set([2, 4, 5]);
  return rows.map((r) => r.map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}
