// The managed resources of a module by type, indexed once per analysis: several endpoint rules
// ask "does the module have an X" for every endpoint instance.
import type { EvaluatedModule } from '../../analysis';
import type { Resource } from '../../model/module';
import { groupBy } from '../../collections';

const indexes = new WeakMap<EvaluatedModule, Map<string, Resource[]>>();

export function resourcesOfType(module: EvaluatedModule, type: string): readonly Resource[] {
  let index = indexes.get(module);
  if (!index) {
    const managed = [...module.evaluator.module.resources.values()].filter((r) => r.mode === 'managed');
    index = groupBy(managed, (resource) => resource.type);
    indexes.set(module, index);
  }
  return index.get(type) ?? [];
}
