// AWS partitions and Region descriptions (data/partitions.json): which partition a Region
// belongs to, its DNS suffix, as the AWS SDKs decide it.
import data from './data/partitions.json';

export interface Partition {
  id: string;
  dnsSuffix: string;
  /** `com.amazonaws`, `cn.com.amazonaws`: the DNS suffix's labels reversed. */
  reverseDnsPrefix: string;
}

interface PartitionEntry extends Partition {
  pattern: RegExp;
  regions: Record<string, string>;
}

interface PartitionData { id: string; dnsSuffix: string; regionPattern: string; regions: Record<string, string> }

// JSON import types give each partition its own region keys; they are one shape.
const PARTITIONS: PartitionEntry[] = (data.partitions as unknown as PartitionData[]).map((p) => ({
  id: p.id,
  dnsSuffix: p.dnsSuffix,
  reverseDnsPrefix: p.dnsSuffix.split('.').reverse().join('.'),
  pattern: new RegExp(p.regionPattern),
  regions: p.regions,
}));

const has = (record: Record<string, string>, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/** The partition of a Region: the one listing it, else the first whose pattern matches, else aws. */
export function partitionOf(region: string): Partition {
  return PARTITIONS.find((p) => has(p.regions, region)) ?? PARTITIONS.find((p) => p.pattern.test(region)) ?? PARTITIONS[0]!;
}

/** `Europe (Ireland)`; undefined for a Region the table does not list. */
export function regionDescription(region: string): string | undefined {
  const partition = PARTITIONS.find((p) => has(p.regions, region));
  return partition?.regions[region];
}
