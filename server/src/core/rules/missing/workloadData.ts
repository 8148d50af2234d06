// The workload signals (data/workload-signals.json), typed.
import signalData from '../data/workload-signals.json';

export interface WorkloadSignal {
  id: string;
  resourceType: string;
  describe: string;
  /** Match an object key anywhere inside `attribute` whose value text matches `pattern`. */
  attribute?: string;
  key?: string;
  pattern?: RegExp;
  /** Or a nested argument (`vpc_config.endpoint_public_access`) equal to `equals`. */
  path?: string[];
  equals?: boolean | string | number;
  needs: string[];
  needsGroup?: string;
  sources: string[];
}

interface Placement {
  via?: { resourceType: string; reference: string };
  subnets: string[];
}

export interface WorkloadData {
  signals: WorkloadSignal[];
  placement: Record<string, Placement>;
  serviceUse: Record<string, string[]>;
}

interface SignalEntry {
  resourceType: string;
  describe: string;
  attribute?: string;
  key?: string;
  pattern?: string;
  path?: string[];
  equals?: boolean | string | number;
  needs?: string[];
  needsGroup?: string;
  sources: string[];
}

let loaded: WorkloadData | undefined;

export function readWorkloadData(): WorkloadData {
  loaded ??= {
    signals: Object.entries(signalData.signals as Record<string, SignalEntry>).map(([id, s]) => ({
      id,
      resourceType: s.resourceType,
      describe: s.describe,
      ...(s.attribute !== undefined ? { attribute: s.attribute } : {}),
      ...(s.key !== undefined ? { key: s.key } : {}),
      ...(s.pattern !== undefined ? { pattern: new RegExp(s.pattern) } : {}),
      ...(s.path !== undefined ? { path: s.path } : {}),
      ...(s.equals !== undefined ? { equals: s.equals } : {}),
      needs: s.needs ?? [],
      ...(s.needsGroup !== undefined ? { needsGroup: s.needsGroup } : {}),
      sources: s.sources,
    })),
    placement: signalData.placement as Record<string, Placement>,
    serviceUse: signalData.serviceUse,
  };
  return loaded;
}
