// modules100AnalysisMs: a cold analysis (parse included) of a root with 100 module instances,
// local and from the terraform init cache (moduleWorkload.ts), with its costs, as the CLI runs
// it. The instances priced are counted against what the workload creates, so a run shows the
// figure is for a complete analysis.
import { Analyzer } from '../server/src/core/analyzer';
import { moduleCosts } from '../server/src/core/pricing/moduleCosts';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { memoryFiles } from '../test/helpers/memoryModule';
import { moduleInstancesEndpointCount, moduleInstancesWorkload } from './moduleWorkload';
import { timed } from './parseVsAnalysis';
import { median } from './stats';

const DIR = '/bench/modules';

export interface ModuleInstancesBench {
  modules100AnalysisMs: number;
  pricedEndpoints: number;
  expectedEndpoints: number;
  perRun: number[];
}

export async function moduleInstancesBench(runs: number): Promise<ModuleInstancesBench> {
  const absolute: Record<string, string> = {};
  for (const [name, text] of moduleInstancesWorkload()) absolute[`${DIR}/${name}`] = text;
  const analyzer = await Analyzer.create({ parseThread: true });
  const times: number[] = [];
  let priced = 0;
  for (let run = 0; run < runs; run++) {
    times.push(await timed(async () => {
      const report = moduleCosts(await analyzer.analyzeAsync(DIR, memoryFiles(absolute), DEFAULT_SETTINGS));
      priced = report.resources.filter((r) => r.kind === 'vpc_endpoint' && r.monthly !== null).length;
    }, () => analyzer.forgetParses()));
  }
  analyzer.dispose();
  return { modules100AnalysisMs: median(times), pricedEndpoints: priced, expectedEndpoints: moduleInstancesEndpointCount(), perRun: times };
}
