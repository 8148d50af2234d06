// A priced instance's figures, all but its kind (costReport.ts's ResourceCost adds it, from the
// table of kinds), and the usage-file lookup the cost functions read. Types only, at the bottom of
// pricing, so that the kinds, the usage reader and the report types all read them.
import type { Assumption } from '../model/assumptions';
import type { RegionResolution } from '../model/region';
import type { Range } from '../types';

/** A priced instance, all but its kind. */
export interface ResourceFigures {
  address: string;
  file: string;
  /** The block's header, where hovers and lenses anchor. */
  range: Range;
  endpointType: string | null;
  service: string | null;
  region: string;
  regionSource: RegionResolution['source'];
  regionDetail: string;
  azCount: number | null;
  azCountSource: string;
  hourly: number | null;
  monthlyFixed: number | null;
  perGb: number | null;
  monthlyDataGb: number;
  monthlyDataSource: string;
  monthlyData: number | null;
  monthly: number | null;
  assumptions: string[];
  /** What the Terraform's values rested on without saying it (data sources read with an AZ table, a region setting). */
  assumedFacts: Assumption['about'][];
  overridden: string[];
  /** Why no price could be given (unknown region, unknown type), when none could. */
  error?: string;
}

/** Monthly GB for an address, from a usage file; undefined when it says nothing. */
export type UsageLookup = (address: string) => { gb: number; source: string } | undefined;
