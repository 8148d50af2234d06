// Test helpers: analyse Terraform given as strings, with no disk involved.
import { basename, dirname } from 'node:path';
import { Analyzer } from '../../server/src/core/analyzer';
import type { ModuleAnalysis } from '../../server/src/core/analysis';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/core/settings';
import type { ModuleFiles, SourceText } from '../../server/src/core/workspace';
import type { Position } from '../../server/src/core/types';
import { DEFAULT_USAGE_FILE } from '../../server/src/core/pricing/usage';
import { configFilesOf } from '../../server/src/core/configFiles';

export const ROOT = '/virtual/module';

/** ModuleFiles over an in-memory map of absolute path -> text. */
export function memoryFiles(files: Record<string, string>): ModuleFiles {
  return {
    list(dir) {
      const inDir = Object.keys(files).filter((p) => dirname(p) === dir).sort();
      const usageFile = inDir.find((p) => basename(p) === DEFAULT_USAGE_FILE);
      return { tf: configFilesOf(inDir), varFiles: inDir.filter((p) => /\.tfvars(\.json)?$/.test(p)), ...(usageFile ? { usageFile } : {}) };
    },
    read(path): SourceText | undefined {
      const text = files[path];
      return text === undefined ? undefined : { path, text };
    },
    readBytes(path) {
      const text = files[path];
      return text === undefined ? 'missing' : new TextEncoder().encode(text);
    },
    listFiles(dir) {
      return Object.keys(files).filter((p) => p.startsWith(`${dir}/`));
    },
  };
}

let shared: Promise<Analyzer> | undefined;
export function analyzer(): Promise<Analyzer> {
  shared ??= Analyzer.create();
  return shared;
}

/** Analyses `main.tf` (and any other files, named relative to the module) in a virtual module. */
export async function analyzeModule(files: Record<string, string> | string, settings: Partial<AnalysisSettings> = {}): Promise<ModuleAnalysis> {
  const named = typeof files === 'string' ? { 'main.tf': files } : files;
  const absolute: Record<string, string> = {};
  for (const [name, text] of Object.entries(named)) absolute[name.startsWith('/') ? name : `${ROOT}/${name}`] = text;
  return (await analyzer()).analyze(ROOT, memoryFiles(absolute), { ...DEFAULT_SETTINGS, ...settings });
}

/** The position of the `occurrence`-th match of `needle` in `text` (0-based line/character). */
export function positionOf(text: string, needle: string, occurrence = 0): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not found in fixture`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return { line, character: index - (before.lastIndexOf('\n') + 1) };
}
