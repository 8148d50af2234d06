// What the cost features (hover, code lens, report command) share: the module of a document,
// its analysis and its cost report, computed once per analysis.
import { dirname } from 'node:path';
import type { ModuleAnalysis } from '../core/analysis';
import { isConfigFile } from '../core/configFiles';
import { moduleCosts, type CostReport } from '../core/pricing/moduleCosts';
import type { ServerSettings } from '../config';
import { URI } from '../uri';
import type { FeatureContext } from './context';
import { pricedAnalysis } from '../analysisService';
import type { Cancellation } from '../cancellation';

export interface ModuleCosts {
  path: string;
  dir: string;
  analysis: ModuleAnalysis;
  report: CostReport;
  settings: ServerSettings;
}

const reports = new WeakMap<ModuleAnalysis, CostReport>();

/** The costs of the module holding `uri` (a .tf / .tofu document or a module folder); undefined for other schemes. */
export async function moduleCostsFor(ctx: FeatureContext, uri: string, token?: Cancellation): Promise<ModuleCosts | undefined> {
  const path = URI.toPath(uri);
  if (!path) return undefined;
  const dir = isConfigFile(path) || /\.ya?ml$/.test(path) ? dirname(path) : path;
  const settings = await ctx.settings.get(dir);
  const analysis = pricedAnalysis(await ctx.analyses.analyze(dir, token));
  let report = reports.get(analysis);
  if (!report) {
    report = moduleCosts(analysis);
    reports.set(analysis, report);
  }
  return { path, dir, analysis, report, settings };
}
