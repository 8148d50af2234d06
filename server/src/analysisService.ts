// Analyses modules for the server: one cached analysis per module directory, recomputed when a
// buffer of the module changes, a watched file changes, or settings change. Features read the
// cached analysis; only diagnostics trigger new work. A module folder that root modules of the
// workspace call is also analysed through them (`callers`): Terraform evaluates it with their
// inputs, so its findings and costs are theirs.
import { dirname } from 'node:path';
import { Analyzer } from './core/analyzer';
import type { ModuleAnalysis } from './core/analysis';
import type { AnalysisSettings } from './core/settings';
import type { Finding } from './core/types';
import { DiskModuleFiles, unreadableFinding } from './diskFiles';
import type { OpenDocuments } from './documents';
import type { CallerIndex } from './callerIndex';
import { findingPlaceKey } from './core/findings';

export interface AnalysisResult {
  analysis: ModuleAnalysis;
  /** Problems reading files (binary, permission), as VPCE000 findings. */
  readProblems: Finding[];
  /** The analyses of the root modules that call this folder, when some do (sorted by folder). */
  callers?: AnalysisResult[];
}

/** A module's findings: its own, or, when root modules call it, theirs (each once). */
export function findingsOf(result: AnalysisResult): Finding[] {
  if (!result.callers) return [...result.readProblems, ...result.analysis.findings];
  const seen = new Set<string>();
  const all: Finding[] = [...result.readProblems];
  for (const caller of result.callers) {
    for (const f of [...caller.readProblems, ...caller.analysis.findings]) {
      const key = findingPlaceKey(f);
      if (!seen.has(key)) all.push(f);
      seen.add(key);
    }
  }
  return all;
}

/** The analysis a module's costs come from: its own, or, when root modules call it, the first root's. */
export function pricedAnalysis(result: AnalysisResult): ModuleAnalysis {
  return (result.callers?.[0] ?? result).analysis;
}

export class AnalysisService {
  private readonly results = new Map<string, AnalysisResult>();
  private readonly stale = new Set<string>();

  constructor(
    private readonly analyzer: Analyzer,
    private readonly documents: OpenDocuments,
    private readonly settingsFor: (dir: string) => Promise<AnalysisSettings>,
    private readonly callerIndex?: CallerIndex,
  ) {}

  /** The module's analysis (and its callers' when root modules call it), recomputed if anything it read has changed. */
  async analyze(dir: string): Promise<AnalysisResult> {
    const changed = this.stale.has(dir) || !this.results.has(dir);
    const own = await this.analyzeOwn(dir);
    const roots = this.callerIndex?.rootsCalling(dir) ?? [];
    if (roots.length === 0) return own;
    // The roots read this folder's files: what changed here changed their analyses too.
    if (changed) for (const root of roots) this.stale.add(root);
    const callers: AnalysisResult[] = [];
    for (const root of roots) callers.push(await this.analyzeOwn(root));
    return { ...own, callers };
  }

  private async analyzeOwn(dir: string): Promise<AnalysisResult> {
    const settings = await this.settingsFor(dir);
    const cached = this.results.get(dir);
    if (cached && !this.stale.has(dir) && cached.analysis.settings === settings) return cached;
    const files = new DiskModuleFiles(this.documents);
    const analysis = await this.analyzer.analyzeAsync(dir, files, settings);
    const readProblems = [...files.unreadable].map(([file, reason]) => unreadableFinding(file, reason));
    const result = { analysis, readProblems };
    this.results.set(dir, result);
    this.stale.delete(dir);
    return result;
  }

  /** The last analysis of the module holding `path`, without recomputing. */
  cachedFor(path: string): AnalysisResult | undefined {
    return this.results.get(dirname(path));
  }

  /** Something the module in `dir` reads has changed. */
  invalidate(dir: string): void {
    this.stale.add(dir);
  }

  invalidateAll(): void {
    for (const dir of this.results.keys()) this.stale.add(dir);
    this.callerIndex?.invalidate();
  }

  /** A file left the editor and the disk may differ: forget its parse. */
  forgetFile(path: string): void {
    this.analyzer.parser.forget(path);
    this.invalidate(dirname(path));
  }

  drop(dir: string): void {
    this.results.delete(dir);
    this.stale.delete(dir);
  }
}
