// `vpce-lens diff`: the targets priced at the base and now, compared, printed; exit 1 when the
// monthly increase is above --fail-above, 2 for a base that cannot be had or input that
// cannot be used (docs/cli.md).
import { version } from '../../../package.json';
import type { Analyzer } from '../core/analyzer';
import { currency, pricesAsOf } from '../core/pricing/catalogue';
import { formatDelta, formatMoney } from '../core/pricing/format';
import type { AnalysisSettings } from '../core/settings';
import { DiskModuleFiles } from '../diskFiles';
import type { CliArgs } from './args';
import { flagNotes, mergedReport } from './costRun';
import { baseSide } from './diffBase';
import { diffJson } from './diffJson';
import { diffMarkdown } from './diffMarkdown';
import { diffRun } from './diffRun';
import { diffText } from './diffText';
import type { Target } from './modules';
import { analyseTargets } from './targetAnalyses';

export interface DiffCommand {
  analyzer: Analyzer;
  targets: readonly Target[];
  settings: AnalysisSettings;
  args: CliArgs;
  out: (s: string) => void;
  err: (s: string) => void;
}

export async function diffCommand({ analyzer, targets, settings, args, out, err }: DiffCommand): Promise<number> {
  const base = await baseSide(args.base, analyzer, targets, settings);
  if ('error' in base) return err(`vpce-lens: ${base.error}`), 2;
  const now = await analyseTargets(analyzer, targets, new DiskModuleFiles(), settings);
  for (const section of now.sections) if (section.empty) err(`vpce-lens: ${section.label} has no .tf files`);
  const problems = [...base.problems, ...now.problems];
  const notes = [...base.notes, ...flagNotes(mergedReport(now.sections, settings, { currency, pricesAsOf }), args)];
  const run = diffRun(base, now.sections, { now: { currency, pricesAsOf, hoursPerMonth: settings.hoursPerMonth }, problems, notes });
  if (args.format === 'json') out(JSON.stringify(diffJson(run, version), null, 2));
  else if (args.format === 'markdown') out(diffMarkdown(run));
  else out(diffText(run));
  for (const problem of problems) err(`vpce-lens: ${problem.message}`);
  if (problems.length > 0) return 2;
  if (args.failAbove !== undefined && run.totals.delta > args.failAbove) {
    err(`vpce-lens: the monthly cost rises by ${formatDelta(run.totals.delta)}, above --fail-above ${formatMoney(args.failAbove)}`);
    return 1;
  }
  if (args.failAbove !== undefined && !run.totals.complete) {
    err(`vpce-lens: --fail-above saw only the priced changes: ${run.modules.reduce((n, m) => n + m.diff.unpricedChanges.length, 0)} not priced`);
  }
  return 0;
}
