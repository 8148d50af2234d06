// The base side of `vpce-lens diff`: the targets priced at a git commit (read from the object
// store, nothing checked out), in a folder (--base-dir), or read from an earlier cost JSON
// (--base-json). Failing to get a base is a message for exit code 2.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Analyzer } from '../core/analyzer';
import { pricesAsOf } from '../core/pricing/catalogue';
import type { AnalysisSettings } from '../core/settings';
import { BaseScope } from '../baseScope';
import { DiskModuleFiles } from '../diskFiles';
import { baseCommit } from '../git/baseCommit';
import { findRepository } from '../git/repository';
import { GitReadError, GitTreeFiles } from '../git/treeFiles';
import type { BaseOption } from './args';
import { readBaseJson } from './baseJson';
import { BaseDirFiles } from './baseDirFiles';
import type { CostSection, Problem } from './costRun';
import type { Target } from './modules';
import { analyseTargets } from './targetAnalyses';

export interface BaseSide {
  label: string;
  sections: CostSection[];
  problems: Problem[];
  notes: string[];
}

/** A pass per level of nested local modules; Terraform's own limit is far below this. */
const MAX_PASSES = 12;

export async function baseSide(option: BaseOption | undefined, analyzer: Analyzer, targets: readonly Target[], settings: AnalysisSettings): Promise<BaseSide | { error: string }> {
  if (option?.kind === 'json') {
    const base = readBaseJson(option.value, settings.labels);
    if (typeof base === 'string') return { error: base };
    const notes = [
      ...(base.pricesAsOf !== pricesAsOf ? [`The base was priced with the prices of ${base.pricesAsOf}, now with those of ${pricesAsOf}.`] : []),
      ...(base.hoursPerMonth !== settings.hoursPerMonth ? [`The base was priced at ${base.hoursPerMonth} hours a month, now at ${settings.hoursPerMonth}.`] : []),
    ];
    return { label: `--base-json ${option.value}`, sections: base.sections, problems: [], notes };
  }
  const fromNow = new Set([...settings.varFiles, ...(settings.usageFile ? [settings.usageFile] : [])]);
  if (option?.kind === 'dir') {
    const dir = resolve(option.value);
    if (!isFolder(dir)) return { error: `--base-dir ${option.value}: not a folder` };
    const files = new BaseDirFiles(new BaseScope(process.cwd(), fromNow), dir, new DiskModuleFiles());
    const { sections, problems } = await analyseTargets(analyzer, targets, files, settings);
    return { label: `--base-dir ${option.value}`, sections, problems: atBase(problems), notes: [] };
  }
  const repo = findRepository(targets[0]?.dir ?? process.cwd());
  if (!repo) return { error: `${targets[0]?.given ?? '.'} is not in a git repository: give the base with --base-dir DIR or --base-json FILE` };
  const outside = targets.find((t) => new BaseScope(repo.workTree, new Set()).relative(t.dir) === undefined);
  if (outside) return { error: `${outside.given} is not in the git repository at ${repo.workTree}` };
  const commit = await baseCommit(repo, option?.value);
  if ('error' in commit) return commit;
  const files = new GitTreeFiles(repo, commit.commit, new BaseScope(repo.workTree, fromNow), new DiskModuleFiles());
  try {
    await files.preload(targets.map((t) => t.dir));
    for (let pass = 1; ; pass++) {
      const { sections, problems } = await analyseTargets(analyzer, targets, files, settings);
      if (pass >= MAX_PASSES || !(await files.load())) return { label: commit.label, sections, problems: atBase(problems), notes: [] };
    }
  } catch (error) {
    if (error instanceof GitReadError) return { error: `the base (${commit.label}) cannot be read: ${error.message}` };
    throw error;
  }
}

/** Problems of the base say so. */
function atBase(problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, message: `at the base: ${p.message}` }));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
