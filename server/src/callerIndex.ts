// The local module calls of every Terraform folder of the workspace, so that a module folder
// opened in the editor is analysed through the root modules that call it (core/callers.ts).
// Rebuilt lazily after a file of the workspace changed on disk or a buffer opened or closed; a
// folder whose buffer was edited has its own calls read again at the next question. Parses
// come from the analyzer's cache, so a rebuild reads little.
import type { Analyzer } from './core/analyzer';
import { callingRoots, localCallTargets } from './core/callers';
import { moduleSource } from './core/model/module';
import type { SourceText } from './core/workspace';
import { DiskModuleFiles, type Overlay } from './diskFiles';
import { terraformFoldersUnder } from './terraformFolders';

interface CallGraph {
  /** The local module folders each folder calls (folders that call none are left out). */
  calls: Map<string, readonly string[]>;
  /** Every Terraform folder the graph was built from. */
  folders: ReadonlySet<string>;
}

export class CallerIndex {
  private graph: CallGraph | undefined;
  /** Folders whose buffers changed since their calls were read. */
  private readonly edited = new Set<string>();

  constructor(private readonly analyzer: Analyzer, private readonly overlay: Overlay, private readonly folders: () => readonly string[]) {}

  /** Something in the workspace changed: the next question rebuilds the index. */
  invalidate(): void {
    this.graph = undefined;
    this.edited.clear();
  }

  /** A buffer of `dir` changed: its calls are read again at the next question; the rest stands. */
  changed(dir: string): void {
    if (this.graph?.folders.has(dir)) this.edited.add(dir);
  }

  /** The root modules of the workspace that call `dir`, directly or not (none: it is a root itself). */
  rootsCalling(dir: string): string[] {
    this.graph ??= this.build();
    if (this.edited.size > 0) {
      const files = new DiskModuleFiles(this.overlay);
      for (const folder of this.edited) this.readCalls(this.graph, folder, files);
      this.edited.clear();
    }
    return callingRoots(this.graph, dir);
  }

  private build(): CallGraph {
    const files = new DiskModuleFiles(this.overlay);
    const graph: CallGraph = { calls: new Map(), folders: new Set(this.folders().flatMap((folder) => terraformFoldersUnder(folder) ?? [])) };
    for (const dir of graph.folders) this.readCalls(graph, dir, files);
    return graph;
  }

  private readCalls(graph: CallGraph, dir: string, files: DiskModuleFiles): void {
    const parsed = files.list(dir).tf.map((p) => files.read(p)).filter((s): s is SourceText => s !== undefined).map((s) => this.analyzer.parse(s));
    // Only the `module` blocks' sources: building the whole module here would repeat, on every
    // keystroke, what the analysis of the folder builds anyway.
    const sources = parsed.flatMap((file) => file.body.blocks.filter((b) => b.type === 'module' && b.labels.length > 0).map(moduleSource));
    const targets = localCallTargets(dir, sources);
    if (targets.length > 0) graph.calls.set(dir, targets);
    else graph.calls.delete(dir);
  }
}
