// One pass of the CLI over its targets: each root module analysed (a folder another target calls
// is analysed through its caller), its findings, its cost section and the input it could not
// use. `check`, `cost` and both sides of `diff` read this.
import { relative } from 'node:path';
import type { Analyzer } from '../core/analyzer';
import type { ModuleAnalysis } from '../core/analysis';
import { findingPlaceKey } from '../core/findings';
import { moduleCosts } from '../core/pricing/moduleCosts';
import type { AnalysisSettings } from '../core/settings';
import type { ModuleFiles } from '../core/workspace';
import { unreadableFinding } from '../diskFiles';
import type { RootedFinding } from './checkOutput';
import { filePrinter, type CostSection, type Problem } from './costRun';
import type { Target } from './modules';

/** Files that say which paths they could not read (DiskModuleFiles, a git tree). */
export type ReportingFiles = ModuleFiles & { readonly unreadable: ReadonlyMap<string, string> };

export interface TargetResults {
  findings: RootedFinding[];
  sections: CostSection[];
  /** Input that could not be used: a var or usage file, and (for costs) unreadable files and folders. */
  problems: Problem[];
}

/** Whether `file` is reported on when `target` is checked (a single named file: only it). */
function inScope(target: Target, file: string): boolean {
  return !target.onlyFile || file === target.onlyFile;
}

export async function analyseTargets(analyzer: Analyzer, targets: readonly Target[], files: ReportingFiles, settings: AnalysisSettings): Promise<TargetResults> {
  // Every target's files are parsed up front, on both threads; each analysis then finds them.
  await analyzer.prepare(targets.map((t) => t.dir), files);
  const findings: RootedFinding[] = [];
  const sections: CostSection[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const { target, analysis } of rootAnalyses(targets.map((target) => ({ target, analysis: analyzer.analyze(target.dir, files, settings) })))) {
    for (const f of analysis.findings.filter((f) => inScope(target, f.file))) {
      // A child module shared by several roots: its findings are printed once, for the first root.
      const key = findingPlaceKey(f);
      if (!seen.has(key)) findings.push({ ...f, root: target.label });
      seen.add(key);
    }
    const report = moduleCosts(analysis);
    const file = filePrinter(target.given);
    problems.push(...analysis.inputProblems.map((p) => ({ file: file(p.file), message: p.message })));
    sections.push({
      label: target.label, file, empty: analysis.files.length === 0,
      report: { ...report, resources: report.resources.filter((r) => inScope(target, r.file)), unpriced: report.unpriced.filter((u) => inScope(target, u.file)) },
    });
  }
  const unreadable = [...files.unreadable].filter(([file]) => targets.some((target) => inScope(target, file)));
  findings.unshift(...unreadable.map(([file, reason]) => ({ ...unreadableFinding(file, reason), root: targets.find((t) => file.startsWith(t.dir))?.label ?? '.' })));
  // Unreadable input: the costs leave it out, so it is a problem (docs/cli.md).
  problems.push(...unreadable.map(([file, reason]) => ({ file: relative(process.cwd(), file) || file, message: `${relative(process.cwd(), file) || file} ${reason}.` })));
  return { findings, sections, problems };
}

/**
 * The analyses that are roots: a folder that another analysed folder calls as a local module is
 * analysed through its callers (with their inputs), not a second time alone with default inputs.
 * A single named file is always its own root.
 */
function rootAnalyses(all: { target: Target; analysis: ModuleAnalysis }[]): { target: Target; analysis: ModuleAnalysis }[] {
  const called = new Set(all.flatMap(({ analysis }) => analysis.modules.slice(1).map((m) => m.evaluator.module.dir)));
  return all.filter(({ target }) => target.onlyFile !== undefined || !called.has(target.dir));
}
