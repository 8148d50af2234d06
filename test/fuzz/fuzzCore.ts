// Fuzzes the core: every mutated module is analysed, priced and its quick fixes applied; none
// may throw, and no fix may add a syntax error.
import { Analyzer } from '../../server/src/core/analyzer';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { moduleCosts } from '../../server/src/core/pricing/moduleCosts';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { memoryFiles } from '../helpers/memoryModule';
import type { CorpusModule } from './corpus';
import { mutate, type Random } from './mutate';

export interface FuzzFailure {
  kind: 'crash' | 'broken fix';
  detail: string;
  input: string;
}

export interface FuzzTally {
  inputs: number;
  fixesApplied: number;
  /** LSP requests sent to the server (its announced features). */
  requestsSent: number;
  failures: FuzzFailure[];
}

const syntaxErrorCount = (analysis: ReturnType<Analyzer['analyze']>) => analysis.files.reduce((n, f) => n + f.syntaxErrors.length, 0);

export async function fuzzCore(modules: CorpusModule[], iterations: number, random: Random, tally: FuzzTally): Promise<void> {
  const analyzer = await Analyzer.create();
  for (let i = 0; i < iterations; i++) {
    const module = modules[Math.floor(random() * modules.length)]!;
    const paths = Object.keys(module.files);
    const target = paths[Math.floor(random() * paths.length)]!;
    const files = { ...module.files, [target]: mutate(module.files[target]!, random) };
    tally.inputs++;
    try {
      const analysis = analyzer.analyze(module.dir, memoryFiles(files), DEFAULT_SETTINGS);
      moduleCosts(analysis);
      const before = syntaxErrorCount(analysis);
      for (const finding of analysis.findings) {
        for (const fix of finding.fixes) {
          const fixed = { ...files };
          for (const edit of fix.edits) fixed[edit.file] = fixed[edit.file] ?? '';
          for (const file of new Set(fix.edits.map((e) => e.file))) fixed[file] = applyEdits(fixed[file]!, fix.edits.filter((e) => e.file === file));
          const after = syntaxErrorCount(analyzer.analyze(module.dir, memoryFiles(fixed), DEFAULT_SETTINGS));
          tally.fixesApplied++;
          if (after > before) tally.failures.push({ kind: 'broken fix', detail: `${finding.rule} "${fix.title}": ${before} -> ${after} syntax errors`, input: files[target]! });
        }
      }
    } catch (error) {
      tally.failures.push({ kind: 'crash', detail: (error as Error).stack ?? String(error), input: files[target]! });
    }
  }
  analyzer.dispose();
}
