// parseOnlyMs vs analysisMs (and hcl2json) on the same ~2 MB module, medians of cold runs.
//
// Each run times, back to back: the raw tree-sitter parse, the analysis as the server and the
// CLI run it (parse thread on), the analysis on one thread, and hcl2json. A slow moment of the
// machine affects a whole run, so every ratio is taken per run and its median reported. The
// heap is collected before each timed section (node --expose-gc), so no section pays for the
// garbage of the one before.
//
// "Cold" means nothing parsed is cached: forgetParses() before every analysis. The
// analyzers themselves live across runs, as the server's does and as the parser of the parse-only
// figure does: creating one (loading the grammar, starting the parse thread) is start-up.
import { parse as hcl2json } from '@cdktf/hcl2json';
import { Analyzer } from '../server/src/core/analyzer';
import { createTerraformParser } from '../server/src/core/parse/grammar';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { moduleCosts } from '../server/src/core/pricing/moduleCosts';
import type { ModuleFiles } from '../server/src/core/workspace';
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
  /** hcl2json against the raw parse: how much room the hcl2json target leaves the analysis. */
  hcl2jsonOverParse: number;
  /** Every run's times (ms), in run order: parse, analysis, single-thread analysis, hcl2json. */
  perRun: { parse: number[]; analysis: number[]; singleThread: number[]; hcl2json: number[] };
  /** Whether the heap was collected between sections (needs node --expose-gc). */
  heapCollectedBetweenSections: boolean;
}

const collect = (globalThis as { gc?: () => void }).gc;

/** Times `section` alone: `before` (untimed) first, then the heap is collected. */
export async function timed(section: () => unknown, before?: () => void): Promise<number> {
  before?.();
  collect?.();
  const t = performance.now();
  await section();
  return performance.now() - t;
}

async function analyse(analyzer: Analyzer, files: ModuleFiles): Promise<number> {
  const result = await analyzer.analyzeAsync('/bench/module', files, DEFAULT_SETTINGS);
  moduleCosts(result);
  return result.endpoints.length;
}

export async function parseVsAnalysis(runs: number): Promise<ParseVsAnalysis> {
  const files = moduleOfSize(2_000_000);
  const absolute: Record<string, string> = {};
  for (const [name, text] of files) absolute[`/bench/module/${name}`] = text;
  const bytes = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
  const parser = await createTerraformParser();
  const threaded = await Analyzer.create({ parseThread: true });
  const oneThread = await Analyzer.create();
  const parse: number[] = [];
  const analysis: number[] = [];
  const single: number[] = [];
  const hcl: number[] = [];
  let endpoints = 0;
  await hcl2json('warm-up.tf', 'locals {}'); // loads the Go runtime once, outside any timing
  for (let run = 0; run < runs; run++) {
    parse.push(await timed(() => { for (const text of files.values()) parser.parse(text)?.delete(); }));
    // The previous run's syntax is forgotten before the heap is collected, so that this run
    // does not pay for collecting it.
    analysis.push(await timed(async () => { endpoints = await analyse(threaded, memoryFiles(absolute)); }, () => threaded.forgetParses()));
    single.push(await timed(() => analyse(oneThread, memoryFiles(absolute)), () => oneThread.forgetParses()));
    hcl.push(await timed(async () => { for (const [name, text] of files) await hcl2json(name, text); }));
  }
  threaded.dispose();
  oneThread.dispose();
  parser.delete();
  const perRun = (numerator: number[], denominator: number[]) => median(numerator.map((n, i) => n / denominator[i]!));
  return {
    workloadBytes: bytes, workloadFiles: files.size, endpoints,
    parseOnlyMs: median(parse), analysisMs: median(analysis), analysisOverParse: perRun(analysis, parse),
    singleThreadAnalysisMs: median(single), singleThreadAnalysisOverParse: perRun(single, parse),
    hcl2jsonMs: median(hcl), hcl2jsonOverAnalysis: perRun(hcl, analysis),
    hcl2jsonOverParse: perRun(hcl, parse),
    heapCollectedBetweenSections: collect !== undefined,
    perRun: { parse, analysis, singleThread: single, hcl2json: hcl },
  };
}
