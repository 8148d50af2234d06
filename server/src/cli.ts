// `vpce-lens check|cost|diff`: the CI face of the core. Reads modules from disk, prints findings or
// costs, exits 0/1/2 per docs/cli.md. Never prints a stack trace for bad input.
import { version } from '../../package.json';
import { Analyzer } from './core/analyzer';
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
import { analyseTargets } from './cli/targetAnalyses';
import { diffCommand } from './cli/diffCommand';
import { checkSarif } from './cli/sarif';
import { costJson, costMarkdown } from './cli/costOutput';
import { costText } from './cli/costText';
import { flagNotes, mergedReport, type CostRun } from './cli/costRun';
import { resolveTargets } from './cli/modules';
import { readJsonFile } from './cli/jsonFile';
import { DiskModuleFiles } from './diskFiles';
import { resolve } from 'node:path';

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
  try {
    if (args.command === 'diff') return await diffCommand({ analyzer, targets, settings, args, out, err });
    // One reader for all targets, so a path that several of them read is reported once.
    const { findings, sections, problems } = await analyseTargets(analyzer, targets, new DiskModuleFiles(), settings);
    for (const section of sections) if (section.empty) err(`vpce-lens: ${section.label} has no .tf files`);
    if (args.command === 'check') {
      if (args.format === 'json') out(JSON.stringify(checkJson(findings, version), null, 2));
      else if (args.format === 'text') out(checkText(findings));
      else out(JSON.stringify(checkSarif(findings, { version, root: process.cwd(), ruleSettings: args.rules }), null, 2));
      return findings.some((f) => f.severity === 'error' && !f.suppressed) ? 1 : 0;
    }
    const total = mergedReport(sections, settings, { currency, pricesAsOf });
    const run: CostRun = { sections, total, problems, notes: flagNotes(total, args) };
    if (args.format === 'json') out(JSON.stringify(costJson(run, version), null, 2));
    else if (args.format === 'text') out(costText(run));
    else out(costMarkdown(run, settings.pricingOverrides));
    for (const problem of problems) err(`vpce-lens: ${problem.message}`);
    return problems.length > 0 ? 2 : 0;
  } finally {
    analyzer.dispose();
  }
}

/** `--price-overrides FILE`: the JSON shape of the vpceLens.pricing.overrides setting; a message when it is not. */
function readPriceOverrides(path: string | undefined): PriceOverrides | string | undefined {
  if (path === undefined) return undefined;
  const read = readJsonFile('--price-overrides', path);
  if (typeof read === 'string') return read;
  const problems = overridesProblems(read.json);
  return problems.length > 0 ? `--price-overrides ${path}: ${problems.join('; ')}` : (read.json as PriceOverrides);
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

