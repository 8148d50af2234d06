// idiomParseOnlyMs vs idiomAnalysisMs: the idiom-heavy workload (idiomWorkload.ts), timed as
// parseVsAnalysis times the main one (cold runs, heap collected between sections, ratio per run,
// medians), with the parse thread on as in the server and the CLI. Also counts what the analysis
// priced, so a run shows how much of the workload the evaluator understood.
import { Analyzer } from '../server/src/core/analyzer';
import { createTerraformParser } from '../server/src/core/parse/grammar';
import { moduleCosts } from '../server/src/core/pricing/moduleCosts';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { memoryFiles } from '../test/helpers/memoryModule';
import { idiomModuleOfSize } from './idiomWorkload';
import { timed } from './parseVsAnalysis';
import { median } from './stats';

const DIR = '/bench/idioms';

export interface IdiomAnalysis {
  workloadBytes: number;
  workloadFiles: number;
  /** Instances in the cost report (endpoints and NAT gateways), and how many got a price. */
  pricedResources: number;
  resources: number;
  idiomParseOnlyMs: number;
  idiomAnalysisMs: number;
  idiomAnalysisOverParse: number;
  perRun: { parse: number[]; analysis: number[] };
}

export async function idiomAnalysis(runs: number): Promise<IdiomAnalysis> {
  const files = idiomModuleOfSize(2_000_000);
  const absolute: Record<string, string> = {};
  for (const [name, text] of files) absolute[`${DIR}/${name}`] = text;
  const bytes = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
  const parser = await createTerraformParser();
  const analyzer = await Analyzer.create({ parseThread: true });
  const parse: number[] = [];
  const analysis: number[] = [];
  let resources = 0;
  let priced = 0;
  for (let run = 0; run < runs; run++) {
    parse.push(await timed(() => { for (const text of files.values()) parser.parse(text)?.delete(); }));
    analysis.push(await timed(async () => {
      const report = moduleCosts(await analyzer.analyzeAsync(DIR, memoryFiles(absolute), DEFAULT_SETTINGS));
      resources = report.resources.length;
      priced = report.resources.filter((r) => r.monthly !== null).length;
    }, () => analyzer.forgetParses()));
  }
  analyzer.dispose();
  parser.delete();
  return {
    workloadBytes: bytes, workloadFiles: files.size, resources, pricedResources: priced,
    idiomParseOnlyMs: median(parse), idiomAnalysisMs: median(analysis),
    idiomAnalysisOverParse: median(analysis.map((a, i) => a / parse[i]!)),
    perRun: { parse, analysis },
  };
}
