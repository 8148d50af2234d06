// What exists or may exist but has no price: blocks of a priced kind whose instances
// cannot be enumerated, instances that could not be priced (unknown type, a region without
// prices), module calls whose code cannot be read, and what the built-in registry models could
// not list. Totals are lower bounds whenever this list is not empty.
import type { ModuleAnalysis } from '../analysis';
import type { ResourceCost, UnpricedItem } from './costReport';
import { kindOfResourceType } from './pricedKinds';

export type { UnpricedItem } from './costReport';

export function unpricedItems(analysis: ModuleAnalysis, resources: readonly ResourceCost[]): UnpricedItem[] {
  const items: UnpricedItem[] = [];
  for (const module of analysis.modules) {
    const evaluator = module.evaluator;
    for (const resource of evaluator.module.resources.values()) {
      const kind = resource.mode === 'managed' ? kindOfResourceType(resource.type) : undefined;
      if (!kind) continue;
      const instances = evaluator.refs.instances(resource);
      if (instances.known) continue;
      const meta = resource.forEach ? 'for_each' : 'count';
      items.push({
        address: `${module.prefix}${resource.address}`, kind, reason: `its ${meta} cannot be evaluated (${instances.reason})`,
        file: resource.file, range: resource.block.headerRange,
      });
    }
    for (const unread of module.unreadModules) {
      items.push({ address: unread.address, kind: 'module', reason: unread.reason, file: unread.call.file, range: unread.call.block.headerRange });
    }
    for (const call of module.registry.calls) {
      for (const u of call.unpriced) items.push({ ...u, file: call.call.file, range: call.call.block.headerRange });
    }
  }
  for (const r of resources) {
    if (r.monthly === null) items.push({ address: r.address, kind: r.kind, reason: r.error ?? 'it cannot be priced', file: r.file, range: r.range });
  }
  return items;
}
