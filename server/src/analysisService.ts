// Analyses modules for the server, scheduled: one analysis per module folder and version, shared
// by every request that asks while it runs, and kept while nothing it read has changed (a
// buffer of any folder it read, a watched file, settings: changeClock.ts). A request never gets
// an analysis older than the text it was sent for: when something changed while its analysis
// ran, it waits for the newer one, unless its client cancels it. Each analysis reads the disk
// through its own reader. A module folder that root modules of the workspace call is also
// analysed through them (`callers`): Terraform evaluates it with their inputs, so its findings
// and costs are theirs.
import { dirname } from 'node:path';
import { Analyzer } from './core/analyzer';
import type { ModuleAnalysis } from './core/analysis';
import type { AnalysisSettings } from './core/settings';
import type { Finding } from './core/types';
import { DiskModuleFiles, unreadableFinding } from './diskFiles';
import type { OpenDocuments } from './documents';
import type { CallerIndex } from './callerIndex';
import { findingPlaceKey } from './core/findings';
import { type Cancellation, throwIfCancelled } from './cancellation';
import { ChangeClock } from './changeClock';

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

/** An analysis with the clock when it started reading and the folders it read. */
interface Stamped {
  result: AnalysisResult;
  stamp: number;
  reads: ReadonlySet<string>;
}

/** What the service has done, for the `vpceLens/stats` debug request. */
export interface AnalysisStats {
  /** Analyses run, by module folder. */
  analyses: Record<string, number>;
}

export class AnalysisService {
  private readonly results = new Map<string, Stamped>();
  /** Analyses under way, by module folder. */
  private readonly running = new Map<string, Promise<Stamped>>();
  private readonly clock = new ChangeClock();
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly analyzer: Analyzer,
    private readonly documents: OpenDocuments,
    private readonly settingsFor: (dir: string) => Promise<AnalysisSettings>,
    private readonly callerIndex?: CallerIndex,
  ) {}

  /**
   * The module's analysis (and its callers' when root modules call it), as of now. `token`:
   * the request's cancellation; a cancelled request gets `Cancelled` instead of an answer.
   */
  async analyze(dir: string, token?: Cancellation): Promise<AnalysisResult> {
    const own = await this.current(dir, token);
    const roots = this.callerIndex?.rootsCalling(dir) ?? [];
    if (roots.length === 0) return own;
    const callers: AnalysisResult[] = [];
    for (const root of roots) callers.push(await this.current(root, token));
    return { ...own, callers };
  }

  /** The kept analysis while nothing it read changed; else the one running, shared; else a new one. */
  private async current(dir: string, token: Cancellation | undefined): Promise<AnalysisResult> {
    for (;;) {
      throwIfCancelled(token);
      const kept = this.results.get(dir);
      if (kept && this.isCurrent(kept)) return kept.result;
      const finished = await (this.running.get(dir) ?? this.start(dir));
      throwIfCancelled(token);
      // Else something it read changed while it ran: the answer comes from a newer analysis.
      if (this.isCurrent(finished)) return finished.result;
    }
  }

  private isCurrent(stamped: Stamped): boolean {
    return !this.clock.changedSince(stamped.stamp, stamped.reads);
  }

  private start(dir: string): Promise<Stamped> {
    const run = this.run(dir);
    this.running.set(dir, run);
    const finish = () => {
      if (this.running.get(dir) === run) this.running.delete(dir);
    };
    run.then(finish, finish);
    return run;
  }

  private async run(dir: string): Promise<Stamped> {
    // Settings and the shared parse are awaited; what changes meanwhile is read by starting again.
    const likelyReads = (): Iterable<string> => this.results.get(dir)?.reads ?? [dir];
    for (let stamp = this.clock.stamp(); ; stamp = this.clock.stamp()) {
      const settings = await this.settingsFor(dir);
      const files = new DiskModuleFiles(this.documents);
      await this.analyzer.prepare([dir], files);
      if (this.clock.changedSince(stamp, likelyReads())) continue;
      const analysis = this.analyzer.analyze(dir, files, settings);
      this.counts.set(dir, (this.counts.get(dir) ?? 0) + 1);
      const readProblems = [...files.unreadable].map(([file, reason]) => unreadableFinding(file, reason));
      const stamped: Stamped = { result: { analysis, readProblems }, stamp, reads: foldersRead(analysis) };
      const kept = this.results.get(dir);
      if (!kept || kept.stamp <= stamped.stamp) this.results.set(dir, stamped);
      return stamped;
    }
  }

  /** The last analysis of the module holding `path`, without recomputing. */
  cachedFor(path: string): AnalysisResult | undefined {
    return this.results.get(dirname(path))?.result;
  }

  /** Something in `dir` has changed (a buffer opened, edited or closed). */
  invalidate(dir: string): void {
    this.clock.changed(dir);
    this.callerIndex?.changed(dir);
  }

  /** Something every module may read has changed (settings, a file on disk, workspace folders). */
  invalidateAll(): void {
    this.clock.changedEverything();
    this.callerIndex?.invalidate();
  }

  /** A file left the editor and the disk may differ: forget its parse. */
  forgetFile(path: string): void {
    this.analyzer.parser.forget(path);
    this.invalidate(dirname(path));
  }

  stats(): AnalysisStats {
    return { analyses: Object.fromEntries(this.counts) };
  }
}

/** Every folder an analysis read: the module's, its child modules', those of var and usage files. */
function foldersRead(analysis: ModuleAnalysis): Set<string> {
  return new Set([
    analysis.dir,
    ...analysis.modules.map((m) => m.evaluator.module.dir),
    ...analysis.settings.varFiles.map((f) => dirname(f)),
    ...(analysis.usage ? [dirname(analysis.usage.path)] : []),
  ]);
}
