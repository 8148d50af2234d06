// A priced block's share of its module's diff (an endpoint or NAT gateway block, a module call, a
// for_each element: what a hover or lens stands for), including its instances removed since the
// base, which have no place of their own in the file any more.
import { costTargetsIn, type CostTarget, type LocatableModule } from '../model/locate';
import type { CostChange, CostDiff, UnpricedChange } from './compare';

export interface TargetDiff {
  /** The priced changes of its instances. */
  changes: CostChange[];
  /** Its instances without a price on a side they exist on (not priced on both sides included). */
  unpriced: UnpricedChange[];
  /** Nothing of it existed at the base. */
  isNew: boolean;
  /** The sum of the priced changes (leaves out `unpriced`). */
  delta: number;
}

export function targetDiff(target: CostTarget, diff: CostDiff): TargetDiff {
  const belongs = belongsTo(target);
  const changes = diff.changes.filter((c) => belongs(c.address));
  const unpriced = diff.unpricedChanges.filter((u) => belongs(u.address));
  const all = [...changes, ...unpriced];
  const isNew = all.length > 0 && all.every((c) => c.change === 'added') && !diff.unchanged.some((r) => belongs(r.address));
  return { changes, unpriced, isNew, delta: changes.reduce((sum, c) => sum + c.monthlyDelta, 0) };
}

/** Every cost target of `file` with its share of the diff. */
export function targetDiffsIn(modules: readonly LocatableModule[], file: string, diff: CostDiff): { target: CostTarget; share: TargetDiff }[] {
  return costTargetsIn(modules, file).map((target) => ({ target, share: targetDiff(target, diff) }));
}

/** Whether something changed that a reader should see (a priced change, or a not-priced one that changed). */
export function hasChanges(share: Pick<TargetDiff, 'changes' | 'unpriced'>): boolean {
  return share.changes.length > 0 || share.unpriced.some((u) => u.change !== 'unchanged');
}

function belongsTo(target: CostTarget): (address: string) => boolean {
  if (target.kind === 'element') {
    const wanted = new Set(target.addresses);
    return (address) => wanted.has(address);
  }
  const prefixes = target.prefixes ?? [];
  // The instances' blocks: an instance removed since the base (a for_each key dropped) belongs too.
  const blocks = new Set([...target.addresses.map(blockAddress), ...(target.title.includes('[*]') ? [] : [target.title])]);
  return (address) => blocks.has(blockAddress(address)) || blocks.has(address) || prefixes.some((p) => address.startsWith(p));
}

/** The block of an instance: `aws_x.y["k"]` → `aws_x.y`, `module.m["a"].aws_x.y[0]` → `module.m["a"].aws_x.y`. */
function blockAddress(address: string): string {
  return address.replace(/\[(?:\d+|"(?:[^"\\]|\\.)*")\]$/, '');
}
