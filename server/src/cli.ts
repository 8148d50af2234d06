// `vpce-lens check|cost`: the CI face of the core. Reads modules from disk, prints findings or
// costs, exits 0/1/2 per docs/cli.md. Never prints a stack trace for bad input.
import { version } from '../../package.json';
import { Analyzer, type ModuleAnalysis } from './core/analyzer';
import { moduleCosts, totalsOf, type CostReport } from './core/pricing/moduleCosts';
import { currency, pricesAsOf } from './core/pricing/catalogue';
import { DEFAULT_SETTINGS, type AnalysisSettings } from './core/settings';
import type { Finding } from './core/types';
import { parseArgs, USAGE, type CliArgs } from './cli/args';
import { checkJson, checkText } from './cli/checkOutput';
import { checkSarif } from './cli/sarif';
import { costJson, costMarkdown, costText } from './cli/costOutput';
import { resolveTargets, type Target } from './cli/modules';
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
  const settings = settingsFor(args);
  const analyzer = await Analyzer.create({ parseThread: true, log: (m) => err(`vpce-lens: ${m}`) });
  // One reader for all targets, so a path that several of them read is reported once.
  const files = new DiskModuleFiles();
  // Every target's files are parsed up front, on both threads; each analysis then finds them.
  await analyzer.prepare(targets.map((t) => t.dir), files);
  const findings: Finding[] = [];
  const reports: CostReport[] = [];
  for (const target of targets) {
    const analysis: ModuleAnalysis = analyzer.analyze(target.dir, files, settings);
    findings.push(...analysis.findings.filter((f) => inScope(target, f.file)));
    const report = moduleCosts(analysis);
    reports.push({ ...report, resources: report.resources.filter((r) => inScope(target, r.file)) });
  }
  analyzer.dispose();
  const unreadable = [...files.unreadable].filter(([file]) => targets.some((target) => inScope(target, file)));
  findings.unshift(...unreadable.map(([file, reason]) => unreadableFinding(file, reason)));
  if (args.command === 'check') {
    if (args.format === 'json') out(JSON.stringify(checkJson(findings, version), null, 2));
    else if (args.format === 'text') out(checkText(findings));
    else out(JSON.stringify(checkSarif(findings, { version, root: process.cwd(), ruleSettings: args.rules }), null, 2));
    return findings.some((f) => f.severity === 'error' && !f.suppressed) ? 1 : 0;
  }
  const merged = mergeReports(reports, settings);
  if (args.format === 'json') out(JSON.stringify(costJson(merged, version), null, 2));
  else if (args.format === 'text') out(costText(merged));
  else if (args.format === 'markdown') out(costMarkdown(merged, targets.map((t) => relative(process.cwd(), t.onlyFile ?? t.dir) || '.').join(', '), settings.pricingOverrides));
  else return err(`vpce-lens: --format ${args.format} is not available yet`), 2;
  // Unreadable input: the costs above leave it out, so say what and exit 2 (docs/cli.md).
  for (const [file, reason] of unreadable) err(`vpce-lens: ${relative(process.cwd(), file) || file} ${reason}.`);
  return unreadable.length > 0 ? 2 : 0;
}

function mergeReports(reports: CostReport[], settings: AnalysisSettings): CostReport {
  const resources = reports.flatMap((r) => r.resources);
  return { currency, pricesAsOf, hoursPerMonth: settings.hoursPerMonth, resources, totals: totalsOf(resources) };
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

