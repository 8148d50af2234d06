// parseOnlyMs vs analysisMs (and hcl2json) on the same ~2 MB module, medians of cold runs.
import { parse as hcl2json } from '@cdktf/hcl2json';
import { Analyzer } from '../server/src/core/analyzer';
import { createTerraformParser } from '../server/src/core/parse/grammar';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { moduleCosts } from '../server/src/core/pricing/moduleCosts';
import { memoryFiles } from '../test/helpers/memoryModule';
import { median } from './stats';
import { moduleOfSize } from './workload';

export interface ParseVsAnalysis {
  workloadBytes: number;
  workloadFiles: number;
  endpoints: number;
  parseOnlyMs: number;
  analysisMs: number;
  analysisOverParse: number;
  /** The same analysis with the parse thread off: what one core does. */
  singleThreadAnalysisMs: number;
  singleThreadAnalysisOverParse: number;
  hcl2jsonMs: number;
  hcl2jsonOverAnalysis: number;
}

export async function parseVsAnalysis(runs: number): Promise<ParseVsAnalysis> {
  const files = moduleOfSize(2_000_000);
  const absolute: Record<string, string> = {};
  for (const [name, text] of files) absolute[`/bench/module/${name}`] = text;
  const bytes = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
  const parser = await createTerraformParser();
  const parse: number[] = [];
  const analysis: number[] = [];
  const single: number[] = [];
  const hcl: number[] = [];
  let endpoints = 0;
  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    for (const text of files.values()) parser.parse(text)?.delete();
    parse.push(performance.now() - t);

    // Cold: a new analyzer has nothing cached. Creating it (loading the grammar, starting the
    // parse thread) is the server's and the CLI's start-up, not part of an analysis.
    const analyzer = await Analyzer.create({ parseThread: true });
    t = performance.now();
    const result = await analyzer.analyzeAsync('/bench/module', memoryFiles(absolute), DEFAULT_SETTINGS);
    moduleCosts(result);
    analysis.push(performance.now() - t);
    endpoints = result.endpoints.length;
    analyzer.dispose();

    const oneThread = await Analyzer.create();
    t = performance.now();
    moduleCosts(oneThread.analyze('/bench/module', memoryFiles(absolute), DEFAULT_SETTINGS));
    single.push(performance.now() - t);
    oneThread.dispose();
  }
  // hcl2json runs after the loop above: its large results would otherwise be garbage that the
  // next analysis pays to collect.
  for (let run = 0; run < runs; run++) {
    const t = performance.now();
    for (const [name, text] of files) await hcl2json(name, text);
    hcl.push(performance.now() - t);
  }
  // Parse and analysis were timed back to back in each run, so a slow moment of the machine
  // affects both: their ratio is taken per run, and the median reported.
  const analysisOverParse = median(analysis.map((a, i) => a / parse[i]!));
  const singleThreadAnalysisOverParse = median(single.map((a, i) => a / parse[i]!));
  return {
    workloadBytes: bytes, workloadFiles: files.size, endpoints,
    parseOnlyMs: median(parse), analysisMs: median(analysis), analysisOverParse,
    singleThreadAnalysisMs: median(single), singleThreadAnalysisOverParse,
    hcl2jsonMs: median(hcl), hcl2jsonOverAnalysis: median(hcl) / median(analysis),
  };
}
