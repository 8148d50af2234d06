// `npm run bench [-- --quick]`: every figure of issue 7, each measured in this run beside its
// reference; writes bench/results/latest.json and latest.md.
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { idiomAnalysis } from './idiomAnalysis';
import { moduleInstancesBench } from './moduleInstances';
import { parseVsAnalysis } from './parseVsAnalysis';
import { serverLatency } from './serverLatency';
import { coldWorkspace } from './coldWorkspace';
import { diffVsCost } from './diffVsCost';
import { round } from './stats';

const TARGETS = {
  analysisOverParse: { max: 1.5 },
  singleThreadAnalysisOverParse: { max: 1.5 },
  hcl2jsonOverAnalysis: { min: 2 },
  hoverP95Ms: { max: 20 },
  'editToDiagnosticsP95Ms.lineEnd': { max: 30 },
  'editToDiagnosticsP95Ms.inEndpoint': { max: 30 },
  'editToDiagnosticsP95Ms.newlineAtTop': { max: 30 },
  workspace1000FilesMs: { max: 5000 },
  peakRssMb: { max: 400 },
  diffOverCost: { max: 2 },
} as const;

(async () => {
  const quick = process.argv.includes('--quick');
  const runs = quick ? 3 : 7;
  const samples = quick ? 60 : 200;
  const started = Date.now();
  const parse = await parseVsAnalysis(runs);
  const idioms = await idiomAnalysis(runs);
  const modules = await moduleInstancesBench(runs);
  const latency = await serverLatency(samples);
  const workspace = coldWorkspace(1000);
  const diff = await diffVsCost(runs);
  const figures: Record<string, number | null> = {
    parseOnlyMs: parse.parseOnlyMs, analysisMs: parse.analysisMs, analysisOverParse: parse.analysisOverParse,
    singleThreadAnalysisMs: parse.singleThreadAnalysisMs, singleThreadAnalysisOverParse: parse.singleThreadAnalysisOverParse,
    hcl2jsonMs: parse.hcl2jsonMs, hcl2jsonOverAnalysis: parse.hcl2jsonOverAnalysis, hcl2jsonOverParse: parse.hcl2jsonOverParse,
    idiomParseOnlyMs: idioms.idiomParseOnlyMs, idiomAnalysisMs: idioms.idiomAnalysisMs, idiomAnalysisOverParse: idioms.idiomAnalysisOverParse,
    modules100AnalysisMs: modules.modules100AnalysisMs,
    hoverP95Ms: latency.hoverP95Ms,
    ...Object.fromEntries(Object.entries(latency.editToDiagnosticsP95Ms).map(([kind, ms]) => [`editToDiagnosticsP95Ms.${kind}`, ms])),
    workspace1000FilesMs: workspace.workspace1000FilesMs, peakRssMb: workspace.peakRssMb,
    costRunMs: diff.costMs, diffRunMs: diff.diffMs, diffOverCost: diff.diffOverCost,
  };
  const verdicts = Object.fromEntries(Object.entries(TARGETS).map(([name, target]: [string, { max: number } | { min: number }]) => {
    const value = figures[name];
    if (value === null || value === undefined) return [name, 'not measured'];
    const ok = 'max' in target ? value <= target.max : value >= target.min;
    return [name, `${ok ? 'meets' : 'MISSES'} ${'max' in target ? `<= ${target.max}` : `>= ${target.min}`}`];
  }));
  const notes = [
    ...(latency.hoverNote ? [latency.hoverNote] : []),
    ...(diff.note ? [diff.note] : []),
    ...(parse.heapCollectedBetweenSections ? [] : ['node ran without --expose-gc: sections were timed without collecting the heap between them (npm run bench passes it)']),
  ];
  const result = {
    date: new Date().toISOString(), quick, runs, samples, durationS: round((Date.now() - started) / 1000, 1),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, platform: process.platform },
    workload: {
      analysis: { bytes: parse.workloadBytes, files: parse.workloadFiles, endpoints: parse.endpoints },
      idioms: { bytes: idioms.workloadBytes, files: idioms.workloadFiles, resources: idioms.resources, priced: idioms.pricedResources },
      moduleInstances: { instances: 100, endpointsPriced: modules.pricedEndpoints, endpointsCreated: modules.expectedEndpoints },
      latencyFileLines: latency.fileLines,
      workspace: { files: workspace.files, modules: workspace.modules, bytes: workspace.bytes },
      diff: { module: 'the analysis workload in a packed git repository', changes: diff.changes },
    },
    figures: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v === null ? null : round(v)])),
    targets: verdicts,
    perRunMs: Object.fromEntries(Object.entries({ ...parse.perRun, idiomParse: idioms.perRun.parse, idiomAnalysis: idioms.perRun.analysis, modules100Analysis: modules.perRun, costRun: diff.perRun.cost, diffRun: diff.perRun.diff })
      .map(([k, v]) => [k, v.map((ms) => round(ms, 0))])),
    notes,
  };
  const dir = resolve(__dirname, '../../bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const table = ['| figure | value | target |', '|---|---|---|', ...Object.entries(result.figures).map(([k, v]) => `| ${k} | ${v ?? 'n/a'} | ${verdicts[k] ?? ''} |`)].join('\n');
  const idiomLine = `Idiom workload (bench/idiomWorkload.ts): ${result.workload.idioms.priced} of ${result.workload.idioms.resources} endpoint and NAT gateway instances priced.`;
  const moduleLine = `Module-instances workload (bench/moduleWorkload.ts): 100 module instances (60 local, 40 from the terraform init cache); ${modules.pricedEndpoints} of the ${modules.expectedEndpoints} endpoints they create priced.`;
  writeFileSync(join(dir, 'latest.md'), `# Benchmark ${result.date}\n\n${table}\n\n${idiomLine}\n\n${moduleLine}\n`);
  console.log(table);
  console.log(`\n${idiomLine}\n${moduleLine}`);
  console.log(`\n${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGb} GB, node ${result.machine.node}; ${result.durationS} s${quick ? ' (quick)' : ''}`);
  for (const note of notes) console.log(note);
})().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
