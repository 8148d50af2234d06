// Two cost reports of one module (a base and now) compared instance by instance: what was
// added, removed or changed and by how much, what cannot be priced on either side, and the
// totals. No git, no LSP: the CLI's `diff` and the editor compare whatever reports they have.
import type { CostReport, ResourceCost } from '../pricing/moduleCosts';
import type { UnpricedItem } from '../pricing/unpriced';
import { whyChanged } from './why';

type ChangeKind = 'added' | 'removed' | 'changed';

/** A resource instance priced on every side it exists on, whose price or priced inputs changed. */
export interface CostChange {
  address: string;
  change: ChangeKind;
  before: ResourceCost | null;
  after: ResourceCost | null;
  /** After minus before, per month (an added instance: its price; a removed one: minus its price). */
  monthlyDelta: number;
  /** What changed: `new instance`, `instance removed`, `AZ count 2 → 3`, `region … → …`, … */
  why: string[];
}

/**
 * Something that has no price on a side it exists on: an instance that could not be priced, a
 * block whose instances cannot be enumerated, a module call that cannot be read. `unchanged`:
 * not priced before nor after, for the same reason; its cost may still have changed.
 */
export interface UnpricedChange {
  address: string;
  kind: UnpricedItem['kind'];
  change: ChangeKind | 'unchanged';
  /** Why it has no price (the side where it has none; now when both). */
  reason: string;
  /** Where it is: now when it still exists, else at the base. */
  file: string;
  range: UnpricedItem['range'];
  /** Its price on the side where it had one (a priced instance that is now not priced, or the reverse). */
  pricedSide?: { side: 'before' | 'after'; monthly: number };
}

export interface DiffTotals {
  /** The base's total: a lower bound when `complete` is false. */
  before: number;
  /** Now: a lower bound when `complete` is false. */
  after: number;
  /**
   * The sum of the priced changes. Equal to after − before when `complete`; otherwise it leaves
   * out the not-priced changes, which may move it either way.
   */
  delta: number;
  /** False when anything was not priced on either side. */
  complete: boolean;
  /** Whether each side priced everything (else its total is a lower bound). */
  beforeComplete: boolean;
  afterComplete: boolean;
}

export interface CostDiff {
  /** In address order. */
  changes: CostChange[];
  unpricedChanges: UnpricedChange[];
  /** Instances priced the same way on both sides (as they are now). */
  unchanged: ResourceCost[];
  totals: DiffTotals;
  /** Every assumption each side's prices rest on, once each. */
  assumptions: { before: string[]; after: string[] };
}

export function compareCosts(before: CostReport, after: CostReport): CostDiff {
  const changes: CostChange[] = [];
  const unpricedChanges: UnpricedChange[] = [];
  const unchanged: ResourceCost[] = [];
  const beforeByAddress = new Map(before.resources.map((r) => [r.address, r]));
  const afterAddresses = new Set(after.resources.map((r) => r.address));
  for (const now of after.resources) {
    const then = beforeByAddress.get(now.address);
    if (now.monthly === null || then?.monthly === null) {
      unpricedChanges.push(instanceUnpricedChange(then, now));
    } else if (!then) {
      changes.push({ address: now.address, change: 'added', before: null, after: now, monthlyDelta: now.monthly, why: ['new instance'] });
    } else {
      const why = whyChanged(then, now);
      if (why.length === 0) unchanged.push(now);
      else changes.push({ address: now.address, change: 'changed', before: then, after: now, monthlyDelta: now.monthly - then.monthly!, why });
    }
  }
  for (const then of before.resources.filter((r) => !afterAddresses.has(r.address))) {
    if (then.monthly === null) unpricedChanges.push(fromItem(then, 'removed', then.error ?? 'it cannot be priced'));
    else changes.push({ address: then.address, change: 'removed', before: then, after: null, monthlyDelta: -then.monthly, why: ['instance removed'] });
  }
  unpricedChanges.push(...itemChanges(before, after));
  return {
    changes: changes.sort(byAddress), unpricedChanges: unpricedChanges.sort(byAddress), unchanged,
    totals: {
      before: before.totals.monthly, after: after.totals.monthly,
      delta: changes.reduce((sum, c) => sum + c.monthlyDelta, 0),
      complete: before.totals.complete && after.totals.complete,
      beforeComplete: before.totals.complete, afterComplete: after.totals.complete,
    },
    assumptions: { before: assumptionsOf(before), after: assumptionsOf(after) },
  };
}

/** The totals of several modules' diffs together. */
export function sumDiffTotals(all: readonly DiffTotals[]): DiffTotals {
  return all.reduce(
    (sum, t) => ({
      before: sum.before + t.before, after: sum.after + t.after, delta: sum.delta + t.delta, complete: sum.complete && t.complete,
      beforeComplete: sum.beforeComplete && t.beforeComplete, afterComplete: sum.afterComplete && t.afterComplete,
    }),
    { before: 0, after: 0, delta: 0, complete: true, beforeComplete: true, afterComplete: true },
  );
}

/** An instance that exists now and is not priced on one side at least. */
function instanceUnpricedChange(then: ResourceCost | undefined, now: ResourceCost): UnpricedChange {
  if (!then) return fromItem(now, 'added', now.error ?? 'it cannot be priced');
  if (now.monthly === null && then.monthly === null) {
    return fromItem(now, now.error === then.error ? 'unchanged' : 'changed', now.error ?? 'it cannot be priced');
  }
  if (now.monthly === null) return { ...fromItem(now, 'changed', now.error ?? 'it cannot be priced'), pricedSide: { side: 'before', monthly: then.monthly! } };
  return { ...fromItem(now, 'changed', `not priced at the base: ${then.error ?? 'it could not be priced'}`), pricedSide: { side: 'after', monthly: now.monthly } };
}

function fromItem(item: ResourceCost | UnpricedItem, change: UnpricedChange['change'], reason: string): UnpricedChange {
  return { address: item.address, kind: item.kind === 'module' ? 'module' : item.kind, change, reason, file: item.file, range: item.range };
}

/**
 * Blocks whose instances cannot be enumerated and module calls that cannot be read, matched by
 * address (instances that could not be priced are compared as instances, above).
 */
function itemChanges(before: CostReport, after: CostReport): UnpricedChange[] {
  const notInstances = (report: CostReport) => {
    const instances = new Set(report.resources.map((r) => r.address));
    return new Map(report.unpriced.filter((u) => !instances.has(u.address)).map((u) => [`${u.kind} ${u.address}`, u]));
  };
  const then = notInstances(before);
  const now = notInstances(after);
  const changes: UnpricedChange[] = [];
  for (const [key, item] of now) {
    const old = then.get(key);
    changes.push(fromItem(item, !old ? 'added' : old.reason === item.reason ? 'unchanged' : 'changed', item.reason));
  }
  for (const [key, item] of then) if (!now.has(key)) changes.push(fromItem(item, 'removed', item.reason));
  return changes;
}

/** Changes in address order, so that a resource's instances stand together whatever happened to them. */
function byAddress(a: { address: string }, b: { address: string }): number {
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}

function assumptionsOf(report: CostReport): string[] {
  return [...new Set(report.resources.flatMap((r) => r.assumptions))];
}
