// data "aws_availability_zones": `names` and `zone_ids` are lists of one Unknown per zone
// (`data.aws_availability_zones.a.names[0]`), as many as the Region has zones in the shipped
// table (data/availability-zones.json), so that `length(...)` and `slice(..., 0, 3)` are known.
// The count is an assumption and travels as one. What the table cannot answer (a Region it
// does not list, Local Zones, a filter it cannot read) leaves the lists Unknown, never a guess.
import { findAttribute } from '../parse/ast';
import { assume, assumption } from './assumptions';
import { computed, dataSourceRegion } from './dataArguments';
import { evaluateArgument } from './viewHelpers';
import type { Evaluation } from './evaluation';
import type { Instance } from './scope';
import { type Value, asString, isList, isUnknown, unknown } from './values';
import table from './data/availability-zones.json';

const ZONES: Record<string, string[]> = table.regions;
const VARIES: Record<string, string> = table.varies;

/**
 * Filters the table can answer, when they list exactly one value: the value that keeps every
 * Availability Zone of the Region, and whether the filter also drops Local and Wavelength Zones.
 */
const READABLE_FILTERS: Record<string, { keeps: (region: string) => string; zonesOnly: boolean }> = {
  'opt-in-status': { keeps: () => 'opt-in-not-required', zonesOnly: true },
  'zone-type': { keeps: () => 'availability-zone', zonesOnly: true },
  'region-name': { keeps: (region) => region, zonesOnly: false },
};

type ZoneCount = { count: number; note: string } | { reason: string };

export function availabilityZonesAttribute(evaluator: Evaluation, instance: Instance, attribute: string): Value | undefined {
  if (attribute !== 'names' && attribute !== 'zone_ids' && attribute !== 'id' && attribute !== 'group_names') return undefined;
  const region = dataSourceRegion(evaluator, instance);
  if (attribute === 'id') return region;
  if (attribute === 'group_names' || typeof region !== 'string') return computed(instance, attribute);
  const zones = zoneCount(evaluator, instance, region);
  if ('reason' in zones) return computed(instance, attribute, zones.reason);
  assume(assumption('zones', zones.note));
  return Array.from({ length: zones.count }, (_, i) => unknown(`${instance.address}.${attribute}[${i}] is known only after apply`, `${instance.address}.${attribute}[${i}]`));
}

function zoneCount(evaluator: Evaluation, instance: Instance, region: string): ZoneCount {
  const ids = Object.prototype.hasOwnProperty.call(ZONES, region) ? ZONES[region]! : undefined;
  if (!ids) return { reason: `the Availability Zones of ${region} are not in the shipped table` };
  if (VARIES[region]) return { reason: `the number of Availability Zones of ${region} depends on the account: ${VARIES[region]}` };
  const argument = (name: string) => evaluateArgument(evaluator, instance, name);
  const all = argument('all_availability_zones');
  if (all !== undefined && all !== false) return { reason: 'all_availability_zones may add Local and Wavelength Zones' };
  const state = argument('state');
  if (state !== undefined && state !== 'available') return { reason: 'only zones in a given state are listed, which cannot be known' };
  const filtered = filtersKeepZones(evaluator, instance, region);
  if (typeof filtered === 'string') return { reason: filtered };
  const excludedIds = stringSet(argument('exclude_zone_ids'));
  const excludedNames = stringSet(argument('exclude_names'));
  if (excludedIds === undefined || excludedNames === undefined) return { reason: 'the excluded zones cannot be known' };
  const ownName = new RegExp(`^${region.replace(/-/g, '\\-')}[a-z]$`);
  const namesOut = [...excludedNames].filter((name) => ownName.test(name)).length;
  const count = Math.max(0, ids.filter((id) => !excludedIds.has(id)).length - namesOut);
  const excluded = ids.length - count;
  const details = [
    `AWS documentation, as of ${table.asOf}`,
    ...(filtered ? [] : ['Local Zones not opted in']),
    ...(state === 'available' ? ['all of them available'] : []),
    ...(excluded > 0 ? [`${count} once ${excluded} excluded${namesOut > 0 ? ', each excluded name taken to be one of them' : ''}`] : []),
  ];
  return { count, note: `${region} has ${ids.length} Availability Zones (${details.join('; ')}).` };
}

/**
 * `filter` blocks: true when one of them keeps only Availability Zones, false when none does
 * (Local Zones the account opted in would be listed too); a reason when a filter may drop
 * Availability Zones or cannot be read.
 */
function filtersKeepZones(evaluator: Evaluation, instance: Instance, region: string): boolean | string {
  const blocks = instance.resource.block.body.blocks;
  if (blocks.some((b) => b.type === 'dynamic')) return 'dynamic filter blocks cannot be read';
  let zonesOnly = false;
  for (const filter of blocks.filter((b) => b.type === 'filter')) {
    const read = (name: string) => {
      const attribute = findAttribute(filter.body, name);
      return attribute ? evaluator.evaluate(attribute.expr, instance.scope) : null;
    };
    const name = read('name');
    const readable = typeof name === 'string' ? READABLE_FILTERS[name] : undefined;
    const values = stringSet(read('values'));
    if (!readable || values?.size !== 1 || !values.has(readable.keeps(region))) return 'a filter selects zones that cannot be known';
    zonesOnly ||= readable.zonesOnly;
  }
  return zonesOnly;
}

/** A list of known strings as a set; empty for an unset argument; undefined when not known. */
function stringSet(value: Value | undefined): Set<string> | undefined {
  if (value === undefined || value === null) return new Set();
  if (isUnknown(value) || !isList(value)) return undefined;
  const strings = value.map(asString);
  return strings.every((s): s is string => s !== undefined) ? new Set(strings) : undefined;
}
