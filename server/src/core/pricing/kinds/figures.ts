// What every kind's cost function shares: the data volume (usage file, else the setting), the
// region's fields and whether it was assumed, and a ResourceFigures from a catalogue estimate.
import type { ModuleAnalysis } from '../../analysis';
import type { Assumption } from '../../model/assumptions';
import type { RegionResolution } from '../../model/region';
import { isPricingError, type CostEstimate, type PricingError } from '../cost';
import type { ResourceFigures, UsageLookup } from '../resourceFigures';

export function dataVolume(analysis: ModuleAnalysis, address: string, usage?: UsageLookup): { gb: number; source: string; assumption?: string } {
  const fromUsage = usage?.(address);
  if (fromUsage) return fromUsage;
  const gb = analysis.settings.monthlyDataGb;
  return {
    gb,
    source: 'setting',
    assumption: `${gb} GB/month of data assumed (${analysis.settings.labels.monthlyDataGb}; an infracost-usage.yml entry sets it per resource).`,
  };
}

export type Base = Omit<ResourceFigures, 'hourly' | 'monthlyFixed' | 'perGb' | 'monthlyData' | 'monthly' | 'assumptions' | 'overridden' | 'error'>;

/** A region not read from the Terraform is an assumption, said where the figure is. */
export function regionAssumption(region: RegionResolution): string | undefined {
  if (region.source === 'default') return `Region ${region.region} assumed: no region is set in the Terraform or the settings.`;
  return region.source === 'setting' ? `Region ${region.region} assumed: ${region.detail}.` : undefined;
}

export function factsOf(assumptions: readonly Assumption[]): Assumption['about'][] {
  return [...new Set(assumptions.map((a) => a.about))];
}

export function regionFields(region: RegionResolution): Pick<ResourceFigures, 'region' | 'regionSource' | 'regionDetail'> {
  return { region: region.region, regionSource: region.source, regionDetail: region.detail };
}

export function unpriced(base: Base, assumptions: string[], error: string): ResourceFigures {
  return { ...base, hourly: null, monthlyFixed: null, perGb: null, monthlyData: null, monthly: null, assumptions, overridden: [], error };
}

export function withEstimate(base: Base, assumptions: string[], estimate: CostEstimate | PricingError): ResourceFigures {
  if (isPricingError(estimate)) return unpriced(base, assumptions, estimate.message);
  const all = [...assumptions, ...estimate.assumptions];
  if (!estimate.priced) return unpriced(base, all, estimate.notPriced);
  return {
    ...base, hourly: estimate.hourly, monthlyFixed: estimate.monthlyFixed, perGb: estimate.perGb, monthlyData: estimate.monthlyData,
    monthly: estimate.monthly, assumptions: all, overridden: estimate.overridden,
  };
}
