// The base side of the editor's cost comparison (`vpceLens.compareTo`): per module folder, its
// repository, the base commit (picked as `vpce-lens diff` picks it) and the module priced at that
// commit, read through GitTreeFiles (nothing checked out, no `git` run). The base does not change
// while the user types, so it is computed once per (folder, setting, HEAD, base tip) and kept
// until one of those or the analysis settings change; the client's events on the git folder
// (`invalidate`) drop what was chosen and refresh the views. The current side is the analysis
// the features already have.
import type { Analyzer } from './core/analyzer';
import { moduleCosts, type CostReport } from './core/pricing/moduleCosts';
import type { AnalysisSettings, CompareTo } from './core/settings';
import { BaseScope } from './baseScope';
import { DiskModuleFiles } from './diskFiles';
import { baseTip, mergeBaseOf, NO_HEAD, type BaseCommit, type BaseWording } from './git/baseCommit';
import { findRepository, headCommit, type GitRepository } from './git/repository';
import { GitReadError, GitTreeFiles } from './git/treeFiles';

export type Baseline =
  | { kind: 'base'; /** `main@1a2b3c4` */ label: string; report: CostReport }
  /** No comparison; `why` when the user should be told (not for `off`, nor outside a repository). */
  | { kind: 'none'; why?: string };

const EDITOR_WORDING: BaseWording = {
  given: (ref) => `vpceLens.compareTo "${ref}"`,
  nameIt: 'the vpceLens.compareTo setting (a branch, tag or commit)',
};

/** A pass per level of nested local modules (as the CLI's diff). */
const MAX_PASSES = 12;
/** Priced bases kept (folders × commits): switching back to a branch finds its base ready. */
const MAX_REPORTS = 32;

/** Adds `entry` as the newest of `map`, dropping the oldest beyond MAX_REPORTS. */
function keep<V>(map: Map<string, V>, key: string, entry: V): void {
  map.delete(key);
  map.set(key, entry);
  for (const old of map.keys()) {
    if (map.size <= MAX_REPORTS) break;
    map.delete(old);
  }
}

/** A path inside a repository's git folder (`.git/HEAD`, `.git/refs/heads/main`, `.git/packed-refs`). */
export function isGitMetadata(path: string): boolean {
  return /(^|[\\/])\.git[\\/]/.test(path);
}

export class BaselineService {
  private readonly repositories = new Map<string, GitRepository | null>();
  /** By folder, setting, HEAD and the base's tip: the base commit and its priced report. */
  private readonly bases = new Map<string, { settings: AnalysisSettings; baseline: Promise<Baseline> }>();
  /** By folder and base commit: the report (kept across HEAD moves). */
  private readonly reports = new Map<string, { settings: AnalysisSettings; baseline: Promise<Baseline> }>();
  private readonly logged = new Set<string>();

  constructor(private readonly analyzer: Analyzer, private readonly log: (message: string) => void) {}

  /** The base of the module analysed in `dir` with `settings`, as `compareTo` says. */
  async baseline(dir: string, settings: AnalysisSettings, compareTo: CompareTo): Promise<Baseline> {
    if (compareTo.kind === 'off') return { kind: 'none' };
    const repo = this.repository(dir);
    if (!repo) return { kind: 'none' };
    // HEAD and the base's tip are read on every request (a few small files): a commit, a
    // checkout, a merge or a fetch is seen even when no event says the git folder changed.
    const { head, tip } = await this.tips(repo, compareTo);
    const baseline = 'error' in tip ? { kind: 'none' as const, why: tip.error } : await this.chosen(repo, dir, settings, compareTo, head, tip);
    if (baseline.kind === 'none' && baseline.why) this.logOnce(dir, baseline.why);
    return baseline;
  }

  /** The base of HEAD and this tip, computed once. */
  private chosen(repo: GitRepository, dir: string, settings: AnalysisSettings, compareTo: CompareTo, head: string, tip: { commit: string; label: string }): Promise<Baseline> {
    const key = [dir, compareTo.kind === 'ref' ? `ref:${compareTo.ref}` : compareTo.kind, head, tip.commit].join('\0');
    let entry = this.bases.get(key);
    if (!entry || entry.settings !== settings) {
      entry = { settings, baseline: this.compute(repo, dir, settings, head, tip) };
      keep(this.bases, key, entry);
    }
    return entry.baseline;
  }

  /** The repository's HEAD or refs changed (or a repository appeared): find and pick again (priced commits are kept). */
  invalidate(): void {
    this.bases.clear();
    this.repositories.clear();
  }

  /**
   * What the base reads as it is now changed (a new `terraform init`: `.terraform` is never
   * committed, so both sides read it from the disk): price the bases again.
   */
  forgetReports(): void {
    this.invalidate();
    this.reports.clear();
  }

  private repository(dir: string): GitRepository | undefined {
    if (!this.repositories.has(dir)) this.repositories.set(dir, findRepository(dir) ?? null);
    return this.repositories.get(dir) ?? undefined;
  }

  private async tips(repo: GitRepository, compareTo: CompareTo): Promise<{ head: string; tip: BaseCommit }> {
    const head = await headCommit(repo);
    if (!head) return { head: '', tip: { error: NO_HEAD } };
    return { head, tip: await baseTip(repo, compareTo.kind === 'ref' ? compareTo.ref : undefined, EDITOR_WORDING) };
  }

  private async compute(repo: GitRepository, dir: string, settings: AnalysisSettings, head: string, tip: { commit: string; label: string }): Promise<Baseline> {
    const commit = await mergeBaseOf(repo, head, tip, EDITOR_WORDING);
    if ('error' in commit) return { kind: 'none', why: commit.error };
    const key = `${dir}\0${commit.commit}`;
    let entry = this.reports.get(key);
    if (!entry || entry.settings !== settings) {
      const baseline = this.price(repo, commit.commit, dir, settings)
        .then((report): Baseline => (typeof report === 'string' ? { kind: 'none', why: report } : { kind: 'base', label: commit.label, report }));
      entry = { settings, baseline };
      keep(this.reports, key, entry);
    }
    return entry.baseline;
  }

  /** The module in `dir` analysed and priced at `commit`; a message when the commit cannot be read. */
  private async price(repo: GitRepository, commit: string, dir: string, settings: AnalysisSettings): Promise<CostReport | string> {
    // Var and usage files named in settings are settings of both sides: read as they are now.
    const fromNow = new Set([...settings.varFiles, ...(settings.usageFile ? [settings.usageFile] : [])]);
    const files = new GitTreeFiles(repo, commit, new BaseScope(repo.workTree, fromNow), new DiskModuleFiles());
    try {
      await files.preload([dir]);
      for (let pass = 1; ; pass++) {
        const analysis = await this.analyzer.analyzeAsync(dir, files, settings);
        if (pass >= MAX_PASSES || !(await files.load())) return moduleCosts(analysis);
      }
    } catch (error) {
      if (error instanceof GitReadError) return `the base (commit ${commit.slice(0, 7)}) cannot be read: ${error.message}`;
      return `the base (commit ${commit.slice(0, 7)}) could not be priced: ${(error as Error).message}`;
    }
  }

  private logOnce(dir: string, why: string): void {
    const line = `vpce-lens: no cost comparison for ${dir}: ${why}`;
    if (this.logged.has(line)) return;
    this.logged.add(line);
    this.log(line);
  }
}
