// `vpce-lens check|cost`: the CI face of the core. Reads modules from disk, prints findings or
// costs, exits 0/1/2 per docs/cli.md. Never prints a stack trace for bad input.
import { version } from '../../package.json';
import { Analyzer, type ModuleAnalysis } from './core/analyzer';
import { moduleCosts } from './core/pricing/moduleCosts';
import { currency, overridesProblems, pricesAsOf, type PriceOverrides } from './core/pricing/catalogue';
import { DEFAULT_SETTINGS, type AnalysisSettings, type SettingLabels } from './core/settings';

/** Names of the values that fill gaps, as the CLI user set them (or did not). */
function cliLabels(args: CliArgs): SettingLabels {
  return {
    region: '--region',
    defaultAzCount: args.azCount !== undefined ? '--az-count' : 'the default; set --az-count',
    monthlyDataGb: args.monthlyGb !== undefined ? '--monthly-gb' : 'the default; set --monthly-gb',
  };
}
import { parseArgs, USAGE, type CliArgs } from './cli/args';
import { checkJson, checkText } from './cli/checkOutput';
import { checkSarif } from './cli/sarif';
import { costJson, costMarkdown } from './cli/costOutput';
import { costText } from './cli/costText';
import { filePrinter, flagNotes, mergedReport, type CostRun, type CostSection } from './cli/costRun';
import { resolveTargets, type Target } from './cli/modules';
import type { RootedFinding } from './cli/checkOutput';
import { findingPlaceKey } from './core/findings';
import { DiskModuleFiles, unreadableFinding } from './diskFiles';
import { relative, resolve } from 'node:path';

function settingsFor(args: CliArgs): AnalysisSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...(args.region ? { region: args.region } : {}),
    ...(args.azCount !== undefined ? { defaultAzCount: args.azCount } : {}),
    ...(args.monthlyGb !== undefined ? { monthlyDataGb: args.monthlyGb } : {}),
    ...(args.hoursPerMonth !== undefined ? { hoursPerMonth: args.hoursPerMonth } : {}),
    ...(args.usageFile ? { usageFile: resolve(args.usageFile) } : {}),
    varFiles: args.varFiles.map((f) => resolve(f)),
    rules: args.rules,
    labels: cliLabels(args),
  };
}

/** Whether `file` is reported on when `target` is checked (a single named file: only it). */
function inScope(target: Target, file: string): boolean {
  return !target.onlyFile || file === target.onlyFile;
}

export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') return out(USAGE), 0;
  if (parsed.kind === 'version') return out(version), 0;
  if (parsed.kind === 'error') return err(`vpce-lens: ${parsed.message}\n${USAGE}`), 2;
  const args = parsed.args;
  const targets = resolveTargets(args.paths, args.recursive);
  if (typeof targets === 'string') return err(`vpce-lens: ${targets}`), 2;
  for (const file of args.varFiles) {
    if (new DiskModuleFiles().read(resolve(file)) === undefined) return err(`vpce-lens: --var-file ${file} cannot be read`), 2;
  }
  if (args.usageFile && new DiskModuleFiles().read(resolve(args.usageFile)) === undefined) return err(`vpce-lens: --usage-file ${args.usageFile} cannot be read`), 2;
  const overrides = readPriceOverrides(args.priceOverridesFile);
  if (typeof overrides === 'string') return err(`vpce-lens: ${overrides}`), 2;
  const settings = { ...settingsFor(args), ...(overrides ? { pricingOverrides: overrides } : {}) };
  const analyzer = await Analyzer.create({ parseThread: true, log: (m) => err(`vpce-lens: ${m}`) });
  // One reader for all targets, so a path that several of them read is reported once.
  const files = new DiskModuleFiles();
  // Every target's files are parsed up front, on both threads; each analysis then finds them.
  await analyzer.prepare(targets.map((t) => t.dir), files);
  const findings: RootedFinding[] = [];
  const sections: CostSection[] = [];
  const problems: { file: string; message: string }[] = [];
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
  analyzer.dispose();
  const unreadable = [...files.unreadable].filter(([file]) => targets.some((target) => inScope(target, file)));
  findings.unshift(...unreadable.map(([file, reason]) => ({ ...unreadableFinding(file, reason), root: targets.find((t) => file.startsWith(t.dir))?.label ?? '.' })));
  for (const section of sections) if (section.empty) err(`vpce-lens: ${section.label} has no .tf files`);
  if (args.command === 'check') {
    if (args.format === 'json') out(JSON.stringify(checkJson(findings, version), null, 2));
    else if (args.format === 'text') out(checkText(findings));
    else out(JSON.stringify(checkSarif(findings, { version, root: process.cwd(), ruleSettings: args.rules }), null, 2));
    return findings.some((f) => f.severity === 'error' && !f.suppressed) ? 1 : 0;
  }
  // Unreadable input: the costs leave it out, so it is a problem, and the exit code is 2 (docs/cli.md).
  problems.push(...unreadable.map(([file, reason]) => ({ file: relative(process.cwd(), file) || file, message: `${relative(process.cwd(), file) || file} ${reason}.` })));
  const total = mergedReport(sections, settings, { currency, pricesAsOf });
  const run: CostRun = { sections, total, problems, notes: flagNotes(total, args) };
  if (args.format === 'json') out(JSON.stringify(costJson(run, version), null, 2));
  else if (args.format === 'text') out(costText(run));
  else out(costMarkdown(run, settings.pricingOverrides));
  for (const problem of problems) err(`vpce-lens: ${problem.message}`);
  return problems.length > 0 ? 2 : 0;
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

/** `--price-overrides FILE`: the JSON shape of the vpceLens.pricing.overrides setting; a message when it is not. */
function readPriceOverrides(path: string | undefined): PriceOverrides | string | undefined {
  if (path === undefined) return undefined;
  const source = new DiskModuleFiles().read(resolve(path));
  if (!source) return `--price-overrides ${path} cannot be read`;
  let raw: unknown;
  try {
    raw = JSON.parse(source.text);
  } catch (error) {
    return `--price-overrides ${path} is not valid JSON (${(error as Error).message})`;
  }
  const problems = overridesProblems(raw);
  return problems.length > 0 ? `--price-overrides ${path}: ${problems.join('; ')}` : (raw as PriceOverrides);
}

if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`vpce-lens: internal error: ${(error as Error).message}\nPlease report this with the input that caused it.\n`);
      process.exitCode = 2;
    });
}

