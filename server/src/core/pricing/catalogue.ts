// The shipped price catalogue (data/prices.json, generated from the reference facts) and the
// user's overrides on top of it, e.g. an enterprise discount.
import priceData from './data/prices.json';
import { closestMatches } from '../services/editDistance';

export interface DataTier {
  fromGb: number;
  /** null: the last, open-ended tier. */
  toGb: number | null;
  perGb: number;
}

/** The figures a price override may replace. */
interface PriceFigures {
  interfaceHourlyPerAz: number;
  interfaceDataTiers: DataTier[];
  gwlbEndpointHourly: number;
  gwlbEndpointPerGb: number;
  natHourly: number;
  natPerGb: number;
}

export type PriceFigure = keyof PriceFigures;

export interface RegionPrices extends PriceFigures {
  region: string;
  /** Display name, e.g. "Asia Pacific (Tokyo)". */
  name: string;
  /** Source ids (keys of `priceSources`) the catalogue figures rest on. */
  sources: string[];
  /** Catalogue figures a second, independent source confirms (e.g. "nat_gateway.hourly"). */
  corroborated: string[];
  /** The figures that come from overrides rather than the catalogue. */
  overridden: PriceFigure[];
  /** Override values that were ignored, each with why (bad number, broken tiers). */
  rejectedOverrides: string[];
}

/**
 * Per-region figures, or `"*"` for every region; a region's own entry wins over `"*"`.
 * Example: `{ "*": { interfaceHourlyPerAz: 0.008 } }`.
 */
export type PriceOverrides = Record<string, Partial<PriceFigures>>;

interface CatalogueRegion extends PriceFigures {
  name: string;
  sources: string[];
  corroborated: string[];
}

const regions: Record<string, CatalogueRegion> = priceData.regions;

export const currency: string = priceData.currency;
export const priceFeedDates: { vpcFeed: string; natFeed: string } = priceData.asOf;
/** The oldest feed date, so that freshness is never overstated. */
export const pricesAsOf: string = [priceData.asOf.vpcFeed, priceData.asOf.natFeed].sort()[0];

const figureNames: PriceFigure[] = [
  'interfaceHourlyPerAz',
  'interfaceDataTiers',
  'gwlbEndpointHourly',
  'gwlbEndpointPerGb',
  'natHourly',
  'natPerGb',
];

export function knownRegions(): string[] {
  return Object.keys(regions).sort();
}

function isKnownRegion(region: string): boolean {
  return Object.prototype.hasOwnProperty.call(regions, region);
}

/**
 * Known regions whose names are close to `region` (typos, a neighbouring number). A well-formed
 * region name is only matched within its own geography, so that cn-north-1 (another partition,
 * not in the catalogue) is not "corrected" to eu-north-1.
 */
export function closeRegions(region: string, limit = 3): string[] {
  const wellFormed = /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region);
  const geography = region.split('-')[0];
  const candidates = knownRegions().filter((known) => !wellFormed || known.split('-')[0] === geography);
  return closestMatches(region, candidates, limit, Math.max(2, Math.floor(region.length / 3)));
}

/**
 * The prices of `region` with overrides applied, or undefined when the catalogue does not know
 * the region and the overrides do not supply every figure for it.
 */
export function regionPrices(region: string, overrides?: PriceOverrides): RegionPrices | undefined {
  const base = isKnownRegion(region) ? regions[region] : undefined;
  const applied = applyOverrides(region, base, overrides ?? {});
  if (!base && applied.overridden.length < figureNames.length) return undefined;
  // Every figure is known here: either from the catalogue or (for an unknown region) overridden.
  const figures = { ...pickFigures(base), ...applied.figures } as PriceFigures;
  return {
    region,
    name: base?.name ?? region,
    sources: base ? [...base.sources] : [],
    corroborated: base ? [...base.corroborated] : [],
    ...figures,
    interfaceDataTiers: figures.interfaceDataTiers.map((tier) => ({ ...tier })),
    overridden: applied.overridden,
    rejectedOverrides: applied.rejected,
  };
}

function pickFigures(region: CatalogueRegion | undefined): Partial<PriceFigures> {
  return region ? Object.fromEntries(figureNames.map((name) => [name, region[name]])) : {};
}

function applyOverrides(
  region: string,
  base: CatalogueRegion | undefined,
  overrides: PriceOverrides,
): { figures: Partial<PriceFigures>; overridden: PriceFigure[]; rejected: string[] } {
  const figures: Partial<PriceFigures> = {};
  const rejected: string[] = [];
  // '*' first so that the region's own figures replace it.
  for (const scope of ['*', region]) {
    const override = Object.prototype.hasOwnProperty.call(overrides, scope) ? overrides[scope] : undefined;
    if (!override) continue;
    for (const name of figureNames) {
      if (!(name in override)) continue;
      const value: unknown = override[name];
      const problem = name === 'interfaceDataTiers' ? tiersProblem(value) : rateProblem(value);
      if (problem) {
        rejected.push(`${scope}.${name}: ${problem}`);
      } else if (name === 'interfaceDataTiers') {
        figures.interfaceDataTiers = value as DataTier[];
      } else {
        figures[name] = value as number;
      }
    }
  }
  const overridden = figureNames.filter(
    (name) => name in figures && JSON.stringify(figures[name]) !== JSON.stringify(base?.[name]),
  );
  return { figures, overridden, rejected };
}

/** Problems of a price overrides object (the setting's or a --price-overrides file's shape), one per line. */
export function overridesProblems(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return ['expected an object of regions ("*" for all) to price figures'];
  const problems: string[] = [];
  for (const [scope, figures] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof figures !== 'object' || figures === null || Array.isArray(figures)) {
      problems.push(`${scope}: expected an object of price figures`);
      continue;
    }
    for (const [name, value] of Object.entries(figures as Record<string, unknown>)) {
      if (!(figureNames as readonly string[]).includes(name)) problems.push(`${scope}.${name}: not a price figure (${figureNames.join(', ')})`);
      else {
        const problem = name === 'interfaceDataTiers' ? tiersProblem(value) : rateProblem(value);
        if (problem) problems.push(`${scope}.${name}: ${problem}`);
      }
    }
  }
  return problems;
}

function rateProblem(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? undefined
    : `expected a non-negative number, got ${JSON.stringify(value)}`;
}

// Tiers must start at 0, be contiguous and end open-ended, or the tier arithmetic would drop GB.
function tiersProblem(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return 'expected a non-empty list of tiers';
  let expectedFrom = 0;
  for (const [i, tier] of value.entries()) {
    if (typeof tier !== 'object' || tier === null) return `tier ${i} is not an object`;
    const { fromGb, toGb, perGb } = tier as Record<string, unknown>;
    if (fromGb !== expectedFrom) return `tier ${i} must start at ${expectedFrom} GB`;
    if (rateProblem(perGb)) return `tier ${i} perGb: ${rateProblem(perGb)}`;
    const last = i === value.length - 1;
    if (last && toGb !== null) return 'the last tier must have toGb null (open-ended)';
    if (!last && (typeof toGb !== 'number' || !(toGb > expectedFrom))) return `tier ${i} needs toGb above ${expectedFrom}`;
    expectedFrom = toGb as number;
  }
  return undefined;
}
