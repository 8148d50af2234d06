// One `vpce-lens cost` run: a section per module analysed (labelled as the user named it), the
// merged report, the input problems, and notes where a flag did not apply because the module's
// own value won.
import { relative } from 'node:path';
import type { CostReport } from '../core/pricing/moduleCosts';
import { totalsOf } from '../core/pricing/moduleCosts';
import type { AnalysisSettings } from '../core/settings';

export interface CostSection {
  /** The module path as the user gave it (`infra/network`, `/abs/infra`, `.`). */
  label: string;
  report: CostReport;
  /** How a file of this module is printed: relative to the current folder, or absolute when the path was given so. */
  file: (path: string) => string;
  /** True when the folder has no .tf file. */
  empty: boolean;
}

/** Input that could not be used, and the file it is about. */
export interface Problem {
  file: string;
  message: string;
}

export interface CostRun {
  sections: CostSection[];
  total: CostReport;
  problems: Problem[];
  notes: string[];
}

export function mergedReport(sections: readonly CostSection[], settings: AnalysisSettings, base: Pick<CostReport, 'currency' | 'pricesAsOf'>): CostReport {
  const resources = sections.flatMap((s) => s.report.resources);
  const unpriced = sections.flatMap((s) => s.report.unpriced);
  return { ...base, hoursPerMonth: settings.hoursPerMonth, resources, unpriced, totals: totalsOf(resources, unpriced), labels: settings.labels };
}

/** `file` printed for a module given as `given`: absolute stays absolute, else relative to the current folder. */
export function filePrinter(given: string): (path: string) => string {
  const absolute = given.startsWith('/');
  return (path) => (absolute ? path : relative(process.cwd(), path) || path);
}

/** Where --region / --az-count were given but the module's own values won, say so. */
export function flagNotes(report: CostReport, flags: { region?: string; azCount?: number }): string[] {
  const notes: string[] = [];
  if (flags.region !== undefined) {
    const fromCode = report.resources.filter((r) => r.regionSource === 'resource' || r.regionSource === 'provider' || r.regionSource === 'variable');
    if (fromCode.length > 0) {
      const regions = [...new Set(fromCode.map((r) => r.region))].join(', ');
      notes.push(`--region ${flags.region} was not used for ${count(fromCode.length, 'resource instance')}: the Terraform sets their region (${regions}); --region applies only where it does not.`);
    }
  }
  if (flags.azCount !== undefined) {
    const counted = report.resources.filter((r) => r.endpointType === 'Interface' && r.azCountSource !== report.labels.defaultAzCount);
    if (counted.length > 0) {
      notes.push(`--az-count ${flags.azCount} was not used for ${count(counted.length, 'interface endpoint')}: their subnets were counted; --az-count applies only where they cannot be.`);
    }
  }
  return notes;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
