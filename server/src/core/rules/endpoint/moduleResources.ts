// The managed resources of a module by type, indexed once per analysis: several endpoint rules
// ask "does the module have an X" for every endpoint instance.
import type { EvaluatedModule } from '../../analyzer';
import type { Resource } from '../../model/module';

const indexes = new WeakMap<EvaluatedModule, Map<string, Resource[]>>();

export function resourcesOfType(module: EvaluatedModule, type: string): readonly Resource[] {
  let index = indexes.get(module);
  if (!index) {
    index = new Map();
    for (const resource of module.evaluator.module.resources.values()) {
      if (resource.mode === 'managed') index.set(resource.type, [...(index.get(resource.type) ?? []), resource]);
    }
    indexes.set(module, index);
  }
  return index.get(type) ?? [];
}
