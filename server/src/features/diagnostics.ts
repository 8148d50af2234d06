// Publishes findings as diagnostics for every .tf file of a module with an open buffer:
// debounced per module, superseded by newer edits, and never for a stale document version.
import { dirname } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { URI } from '../uri';
import type { FeatureContext } from './context';
import { toDiagnostic } from './lspTypes';
import { findingsOf } from '../analysisService';

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Files that have diagnostics published, by module directory. */
  private readonly published = new Map<string, Set<string>>();
  private generation = 0;

  constructor(private readonly ctx: FeatureContext) {}

  /** Re-analyse the module in `dir` after the debounce delay (restarted by each call). */
  async schedule(dir: string): Promise<void> {
    const { debounceMs } = await this.ctx.settings.get(dir);
    clearTimeout(this.timers.get(dir));
    this.timers.set(dir, setTimeout(() => {
      this.timers.delete(dir);
      void this.publish(dir);
    }, debounceMs));
  }

  scheduleAllOpen(): void {
    for (const dir of this.ctx.documents.directories()) void this.schedule(dir);
  }

  async publish(dir: string): Promise<void> {
    const generation = ++this.generation;
    const versions = new Map(this.ctx.documents.inDirectory(dir).map((p) => [p, this.ctx.documents.document(p)?.version]));
    if (versions.size === 0) return this.clear(dir);
    let result;
    try {
      result = await this.ctx.analyses.analyze(dir);
    } catch (error) {
      this.ctx.log(`vpce-lens: analysis of ${dir} failed: ${(error as Error).stack ?? String(error)}`);
      return;
    }
    // A newer edit arrived while this ran (settings are fetched asynchronously): let it publish.
    if (generation !== this.generation && [...versions].some(([p, v]) => this.ctx.documents.document(p)?.version !== v)) return;
    const byFile = new Map<string, Diagnostic[]>();
    for (const file of result.analysis.files) byFile.set(file.path, []);
    for (const finding of findingsOf(result)) {
      if (finding.suppressed || dirname(finding.file) !== dir) continue;
      const list = byFile.get(finding.file) ?? [];
      list.push(toDiagnostic(finding));
      byFile.set(finding.file, list);
    }
    const previous = this.published.get(dir) ?? new Set<string>();
    const now = new Set<string>();
    for (const [file, diagnostics] of byFile) {
      if (diagnostics.length === 0 && !previous.has(file) && !versions.has(file)) continue;
      const version = this.ctx.documents.document(file)?.version;
      void this.ctx.connection.sendDiagnostics({ uri: URI.fromPath(file), diagnostics, ...(version !== undefined ? { version } : {}) });
      if (diagnostics.length > 0) now.add(file);
    }
    for (const file of previous) {
      if (!byFile.has(file)) void this.ctx.connection.sendDiagnostics({ uri: URI.fromPath(file), diagnostics: [] });
    }
    this.published.set(dir, now);
  }

  /** No buffer of the module is open any more: take its diagnostics away. */
  clear(dir: string): void {
    for (const file of this.published.get(dir) ?? []) void this.ctx.connection.sendDiagnostics({ uri: URI.fromPath(file), diagnostics: [] });
    this.published.delete(dir);
  }
}
