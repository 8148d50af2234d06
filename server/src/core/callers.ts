// Which root modules call a module folder as a local module, directly or through other local
// modules. A module that other folders of the workspace call is analysed through them (with the
// inputs they give), as Terraform evaluates it, not alone with its default inputs.
import { resolve } from 'node:path';
import { isLocalSource } from './model/moduleSources';

export interface ModuleCallGraph {
  /** The local module folders each folder calls. */
  calls: ReadonlyMap<string, readonly string[]>;
}

/** Local call sources of a folder's module calls, resolved to absolute folders. */
export function localCallTargets(dir: string, sources: readonly (string | undefined)[]): string[] {
  return [...new Set(sources.filter((s): s is string => s !== undefined && isLocalSource(s)).map((s) => resolve(dir, s)))];
}

/** The folders that call `target` (directly or not) and are themselves called by none: its roots. */
export function callingRoots(graph: ModuleCallGraph, target: string): string[] {
  const callersOf = new Map<string, string[]>();
  for (const [dir, children] of graph.calls) {
    for (const child of children) callersOf.set(child, [...(callersOf.get(child) ?? []), dir]);
  }
  const roots = new Set<string>();
  const seen = new Set<string>([target]);
  const queue = [...(callersOf.get(target) ?? [])];
  while (queue.length > 0) {
    const dir = queue.shift()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    const up = callersOf.get(dir) ?? [];
    if (up.length === 0) roots.add(dir);
    queue.push(...up);
  }
  return [...roots].sort();
}
