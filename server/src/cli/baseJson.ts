// `diff --base-json FILE`: the base as an earlier `cost --format json` printed it (a pipeline that
// priced the base in another job). Its entries become cost reports per root module again, so
// the base is compared as if it had been priced here; a file that is not such output is a
// message, never a half-read base.
import { resolve } from 'node:path';
import type { CostReport, ResourceCost } from '../core/pricing/moduleCosts';
import { totalsOf } from '../core/pricing/moduleCosts';
import type { UnpricedItem } from '../core/pricing/unpriced';
import type { SettingLabels } from '../core/settings';
import { isPricedKind } from '../core/pricing/pricedKinds';
import { readJsonFile } from './jsonFile';
import { filePrinter, type CostSection } from './costRun';

export interface BaseJson {
  sections: CostSection[];
  pricesAsOf: string;
  hoursPerMonth: number;
}

type Json = Record<string, unknown>;

export function readBaseJson(path: string, labels: SettingLabels): BaseJson | string {
  const read = readJsonFile('--base-json', path);
  if (typeof read === 'string') return read;
  const raw = read.json;
  const json = raw as Json;
  if (typeof raw !== 'object' || raw === null || json.tool !== 'vpce-lens' || !Array.isArray(json.resources) || !Array.isArray(json.unpriced)
    || typeof json.pricesAsOf !== 'string' || typeof json.hoursPerMonth !== 'number') {
    return `--base-json ${path} is not the output of vpce-lens cost --format json`;
  }
  const resources = json.resources as Json[];
  const unpriced = json.unpriced as Json[];
  const bad = [...resources.filter((r) => !isResource(r)), ...unpriced.filter((u) => !isUnpriced(u))];
  if (bad.length > 0) return `--base-json ${path}: ${bad.length} entr${bad.length === 1 ? 'y does' : 'ies do'} not have the shape of cost --format json (docs/cli.md)`;
  const roots = [...new Set([...resources, ...unpriced].map((e) => e.root as string))];
  const sections = roots.map((root): CostSection => {
    const own = resources.filter((r) => r.root === root).map(resourceCost);
    const items = unpriced.filter((u) => u.root === root).map(unpricedItem);
    const report: CostReport = {
      currency: String(json.currency ?? 'USD'), pricesAsOf: json.pricesAsOf as string, hoursPerMonth: json.hoursPerMonth as number,
      resources: own, unpriced: items, totals: totalsOf(own, items), labels,
    };
    return { label: root, report, file: filePrinter(root), empty: false };
  });
  return { sections, pricesAsOf: json.pricesAsOf as string, hoursPerMonth: json.hoursPerMonth as number };
}

const money = (v: unknown) => v === null || typeof v === 'number';

function isResource(r: Json): boolean {
  return typeof r === 'object' && r !== null && typeof r.address === 'string' && typeof r.root === 'string' && typeof r.file === 'string'
    && typeof r.line === 'number' && isPricedKind(r.kind) && typeof r.region === 'string'
    && (r.azCount === null || typeof r.azCount === 'number') && typeof r.monthlyDataGb === 'number' && Array.isArray(r.assumptions)
    && ['hourly', 'monthlyFixed', 'perGb', 'monthlyData', 'monthly'].every((k) => money(r[k]));
}

function isUnpriced(u: Json): boolean {
  return typeof u === 'object' && u !== null && typeof u.address === 'string' && typeof u.root === 'string' && typeof u.file === 'string'
    && typeof u.line === 'number' && typeof u.reason === 'string' && (isPricedKind(u.kind) || u.kind === 'module');
}

function rangeAt(line: number): ResourceCost['range'] {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

function resourceCost(r: Json): ResourceCost {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    address: r.address as string, file: resolve(r.file as string), range: rangeAt(r.line as number), kind: r.kind as ResourceCost['kind'],
    endpointType: text(r.endpointType), service: text(r.service), region: r.region as string,
    regionSource: (text(r.regionSource) ?? 'default') as ResourceCost['regionSource'], regionDetail: '',
    azCount: r.azCount as number | null, azCountSource: text(r.azCountSource) ?? '',
    hourly: r.hourly as number | null, monthlyFixed: r.monthlyFixed as number | null, perGb: r.perGb as number | null,
    monthlyDataGb: r.monthlyDataGb as number, monthlyDataSource: text(r.monthlyDataSource) ?? '', monthlyData: r.monthlyData as number | null,
    monthly: r.monthly as number | null, assumptions: (r.assumptions as unknown[]).map(String), assumedFacts: [], overridden: [],
    ...(typeof r.error === 'string' ? { error: r.error } : {}),
  };
}

function unpricedItem(u: Json): UnpricedItem {
  return { address: u.address as string, kind: u.kind as UnpricedItem['kind'], reason: u.reason as string, file: resolve(u.file as string), range: rangeAt(u.line as number) };
}
