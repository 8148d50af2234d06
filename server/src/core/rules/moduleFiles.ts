// A module's parsed file by path, indexed once per analysis (rules ask for every endpoint).
import type { EvaluatedModule } from '../analysis';
import type { HclFile } from '../parse/ast';

const filesByPath = new WeakMap<EvaluatedModule, Map<string, HclFile>>();

export function fileOf(module: EvaluatedModule, path: string): HclFile | undefined {
  let files = filesByPath.get(module);
  if (!files) filesByPath.set(module, (files = new Map(module.evaluator.module.files.map((f) => [f.path, f]))));
  return files.get(path);
}
