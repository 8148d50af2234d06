// Test helpers for the cost features: analyse a fixture module from disk (test/fixtures/cost or
// the example), price it, and find positions by searching its text.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ModuleAnalysis } from '../../server/src/core/analysis';
import { moduleCosts, type CostReport } from '../../server/src/core/pricing/moduleCosts';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/core/settings';
import type { Position } from '../../server/src/core/types';
import { DiskModuleFiles } from '../../server/src/diskFiles';
import { analyzer, positionOf } from './memoryModule';

export const REPO = resolve(__dirname, '../../..');
export const COST_FIXTURES = join(REPO, 'test/fixtures/cost');
export const SEED = join(REPO, 'examples/seed');

export interface PricedModule {
  dir: string;
  analysis: ModuleAnalysis;
  report: CostReport;
  /** Absolute path of a file of the module. */
  path(file: string): string;
  /** Position of `needle` in `file` (0-based). */
  at(file: string, needle: string, occurrence?: number): Position;
}

/** `name` is a folder under test/fixtures/cost, or an absolute module folder. */
export async function pricedModule(name: string, settings: Partial<AnalysisSettings> = {}): Promise<PricedModule> {
  const dir = name.startsWith('/') ? name : join(COST_FIXTURES, name);
  const analysis = (await analyzer()).analyze(dir, new DiskModuleFiles(), { ...DEFAULT_SETTINGS, ...settings });
  return {
    dir,
    analysis,
    report: moduleCosts(analysis),
    path: (file) => join(dir, file),
    at: (file, needle, occurrence = 0) => positionOf(readFileSync(join(dir, file), 'utf8'), needle, occurrence),
  };
}

export function near(actual: number | null | undefined, expected: number, what = 'value'): void {
  if (actual === null || actual === undefined || Math.abs(actual - expected) > 1e-9) {
    throw new Error(`${what}: expected ${expected}, got ${actual}`);
  }
}
