// The local module calls of every Terraform folder of the workspace, so that a module folder
// opened in the editor is analysed through the root modules that call it (core/callers.ts).
// Rebuilt lazily after a file of the workspace changed on disk or a buffer opened or closed;
// parses come from the analyzer's cache, so a rebuild reads little.
import type { Analyzer } from './core/analyzer';
import { callingRoots, localCallTargets, type ModuleCallGraph } from './core/callers';
import { buildModule } from './core/model/module';
import type { SourceText } from './core/workspace';
import { DiskModuleFiles, type Overlay } from './diskFiles';
import { terraformFoldersUnder } from './terraformFolders';

export class CallerIndex {
  private graph: ModuleCallGraph | undefined;

  constructor(private readonly analyzer: Analyzer, private readonly overlay: Overlay, private readonly folders: () => readonly string[]) {}

  /** Something in the workspace changed: the next question rebuilds the index. */
  invalidate(): void {
    this.graph = undefined;
  }

  /** The root modules of the workspace that call `dir`, directly or not (none: it is a root itself). */
  rootsCalling(dir: string): string[] {
    this.graph ??= this.build();
    return callingRoots(this.graph, dir);
  }

  private build(): ModuleCallGraph {
    const files = new DiskModuleFiles(this.overlay);
    const calls = new Map<string, string[]>();
    for (const dir of this.folders().flatMap((folder) => terraformFoldersUnder(folder) ?? [])) {
      const parsed = files.list(dir).tf.map((p) => files.read(p)).filter((s): s is SourceText => s !== undefined).map((s) => this.analyzer.parse(s));
      const sources = [...buildModule(dir, parsed).moduleCalls.values()].map((c) => c.source);
      const targets = localCallTargets(dir, sources);
      if (targets.length > 0) calls.set(dir, targets);
    }
    return { calls };
  }
}
