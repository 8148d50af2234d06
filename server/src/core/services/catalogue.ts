// The shipped endpoint-service catalogue (data/services.json) and dependency groups
// (data/groups.json), both generated from the reference facts, and lookups over them.
import serviceData from './data/services.json';
import groupData from './data/groups.json';
import { closestMatches } from './editDistance';

export interface EndpointService {
  /** The key used everywhere: `ssm`, `ecr.dkr`, `s3-global.accesspoint`. */
  shortName: string;
  /** Usable as an Interface endpoint; null when the sources do not confirm it (s3express). */
  interface: boolean | null;
  /** Usable as a free Gateway endpoint (s3, dynamodb, s3express). */
  gateway: boolean;
  description: string;
  /** Full service name with `<region>`, or the fixed name of a global service. */
  template: string;
  /** The service name has no region segment (com.amazonaws.iam, aws.api.global.codecatalyst). */
  global: boolean;
  port: number;
  fips: boolean;
  sources: string[];
}

export interface EndpointGroup {
  id: string;
  title: string;
  /** One line: why these endpoints travel together. */
  why: string;
  /** Interface endpoints that must all be present. */
  required: string[];
  /** Gateway endpoints the group cannot work without (an Interface endpoint does not count). */
  requiredGateway: string[];
  /** Interface endpoints some setups need; `when` says which. */
  optional: string[];
  /** Gateway endpoints recommended alongside (free). */
  companionGateway: string[];
  /** Per member short name: in which case it is needed. */
  when: Record<string, string>;
  /** Where in the facts file the group comes from. */
  facts: string;
  sources: string[];
}

type ServiceEntry = Omit<EndpointService, 'shortName'>;

interface GroupEntry {
  title: string;
  why: string;
  required: string[];
  requiredGateway?: string[];
  optional?: string[];
  companionGateway?: string[];
  when?: Record<string, string>;
  facts: string;
  sources: string[];
}

const serviceEntries: Record<string, ServiceEntry> = serviceData.services;
const groupEntries: Record<string, GroupEntry> = groupData.groups;

export const servicesAsOf: string = serviceData.asOf;

const REGION_PLACEHOLDER = '<region>';

const servicesByShortName = new Map<string, Readonly<EndpointService>>();

/** The catalogue entry of a service; one frozen object per service, shared by every caller. */
export function serviceByShortName(shortName: string): Readonly<EndpointService> | undefined {
  if (!Object.prototype.hasOwnProperty.call(serviceEntries, shortName)) return undefined;
  let service = servicesByShortName.get(shortName);
  if (!service) {
    const entry = serviceEntries[shortName];
    service = Object.freeze({ shortName, ...entry, sources: Object.freeze([...entry.sources]) as string[] });
    servicesByShortName.set(shortName, service);
  }
  return service;
}

export function knownServiceShortNames(): string[] {
  return Object.keys(serviceEntries);
}

/**
 * The full service name of `shortName` in `region` (any text, e.g. a literal region or an
 * interpolation such as `${data.aws_region.current.region}`); global services ignore the region.
 */
export function serviceNameFor(shortName: string, region: string): string | undefined {
  const service = serviceByShortName(shortName);
  return service?.template.replace(REGION_PLACEHOLDER, region);
}

/** Whether the service has a (free) Gateway endpoint. Unknown services: false. */
export function isGatewayCapable(shortName: string): boolean {
  return serviceByShortName(shortName)?.gateway === true;
}

const globalNames = new Map(
  Object.entries(serviceEntries)
    .filter(([, entry]) => entry.global)
    .map(([shortName, entry]) => [entry.template, shortName]),
);

export function groups(): EndpointGroup[] {
  return Object.entries(groupEntries).map(([id, entry]) => ({
    id,
    title: entry.title,
    why: entry.why,
    required: [...entry.required],
    requiredGateway: [...(entry.requiredGateway ?? [])],
    optional: [...(entry.optional ?? [])],
    companionGateway: [...(entry.companionGateway ?? [])],
    when: { ...(entry.when ?? {}) },
    facts: entry.facts,
    sources: [...entry.sources],
  }));
}

export function groupById(id: string): EndpointGroup | undefined {
  return groups().find((group) => group.id === id);
}

export type ParsedServiceName =
  | {
      kind: 'aws';
      shortName: string;
      /** The literal region in the name; undefined for global names and unresolved regions. */
      region: string | undefined;
      /** The name is exactly the catalogue's name for this service. */
      known: boolean;
      /** When the service is known but the name is malformed: the name it should be. */
      canonical?: string;
    }
  | { kind: 'privatelink'; region: string | undefined; serviceId: string }
  /** The service part is still an unresolved interpolation: nothing can be said about it. */
  | { kind: 'unresolved' }
  | { kind: 'unrecognized' };

// Prefixes (as dot-separated segments) that AWS-owned service names start with.
const AWS_PREFIXES = [['com', 'amazonaws'], ['aws', 'sagemaker'], ['aws', 'api'], ['api', 'aws'], ['cn', 'com', 'amazonaws']];
/** An AWS region name: `eu-west-1`, `us-gov-west-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const PRIVATELINK_ID = /^vpce-svc-[0-9a-z]+$/i;

/**
 * Classifies a `service_name` value. Accepts names whose region (or more) is still an
 * interpolation, e.g. `com.amazonaws.${var.region}.ssm`, or the `<region>` placeholder.
 */
export function parseServiceName(fullName: string): ParsedServiceName {
  const global = globalNames.get(fullName);
  if (global !== undefined) return { kind: 'aws', shortName: global, region: undefined, known: true };
  const segments = splitOutsideInterpolations(fullName);
  if (segments.length >= 4 && segments[0] === 'com' && segments[1] === 'amazonaws' && segments[2] === 'vpce') {
    const serviceId = segments.slice(4).join('.');
    if (segments.length === 5 && isRegionSegment(segments[3]) && (PRIVATELINK_ID.test(serviceId) || isInterpolation(serviceId))) {
      return { kind: 'privatelink', region: literalRegion(segments[3]), serviceId };
    }
    return { kind: 'unrecognized' };
  }
  const prefix = AWS_PREFIXES.find((p) => p.every((segment, i) => segments[i] === segment));
  if (!prefix || segments.length <= prefix.length) {
    return hasInterpolation(fullName) ? { kind: 'unresolved' } : { kind: 'unrecognized' };
  }
  const rest = segments.slice(prefix.length);
  const restName = rest.slice(1).join('.');
  // A region segment, or something in its place (a typo like "us-east1") before a known service.
  const regional = rest.length >= 2 && (isRegionSegment(rest[0]) || serviceByShortName(restName)?.global === false);
  const shortName = regional ? restName : rest.join('.');
  if (rest.some(isInterpolation) && !regional) return { kind: 'unresolved' };
  if (regional && rest.slice(1).some(hasInterpolation)) return { kind: 'unresolved' };
  const regionText = regional ? rest[0] : undefined;
  const region = regionText === undefined ? undefined : literalRegion(regionText);
  const service = serviceByShortName(shortName);
  const expected = service && regionText !== undefined ? serviceNameFor(shortName, regionText) : service?.template;
  // China partitions prefix many regional names with "cn."; the catalogue lists the global form.
  const chinaForm = prefix[0] === 'cn' && service?.global === false ? `cn.${expected}` : undefined;
  const regionValid = regionText === undefined || isRegionSegment(regionText);
  const known = regionValid && (expected === fullName || chinaForm === fullName);
  const parsed: ParsedServiceName = { kind: 'aws', shortName, region, known };
  if (!known && regionValid && expected !== undefined && expected !== fullName) parsed.canonical = expected;
  return parsed;
}

/**
 * Did-you-mean for a misspelt service: given a full name, full names in the same region (the
 * region text is kept as written, interpolation included); given a short name, short names.
 * Nearest first; empty when the name is already right or nothing is close.
 */
export function suggestServiceNames(nameOrShort: string, limit = 3): string[] {
  const input = nameOrShort.trim();
  if (serviceByShortName(input)) return [];
  const parsed = parseServiceName(input);
  if (parsed.kind === 'privatelink' || parsed.kind === 'unresolved') return [];
  if (parsed.kind === 'aws') {
    if (parsed.known) return [];
    const regionText = regionTextOf(input, parsed.shortName);
    return closestMatches(parsed.shortName, knownServiceShortNames(), limit)
      .map((shortName) => serviceNameFor(shortName, regionText ?? REGION_PLACEHOLDER) ?? shortName)
      .filter((name) => name !== input && !(regionText === undefined && name.includes(REGION_PLACEHOLDER)));
  }
  const segments = splitOutsideInterpolations(input);
  const regionIndex = segments.findIndex(isRegionSegment);
  if (regionIndex < 0) return closestMatches(input, knownServiceShortNames(), limit);
  // A mangled full name with a recognisable region: compare against every full name there.
  const regionText = segments[regionIndex];
  const names = knownServiceShortNames().map((shortName) => serviceNameFor(shortName, regionText) ?? shortName);
  return closestMatches(input, names, limit, Math.max(2, Math.floor(input.length / 6)));
}

function regionTextOf(fullName: string, shortName: string): string | undefined {
  const segments = splitOutsideInterpolations(fullName.slice(0, fullName.length - shortName.length - 1));
  const last = segments[segments.length - 1];
  return last !== undefined && isRegionSegment(last) ? last : undefined;
}

function isInterpolation(segment: string): boolean {
  return /^\$\{.*\}$/s.test(segment) && findClosingBrace(segment, 2) === segment.length - 1;
}

function hasInterpolation(segment: string): boolean {
  return segment.includes('${');
}

/** A region name, the `<region>` placeholder, or a `${…}` interpolation standing for one. */
export function isRegionSegment(segment: string): boolean {
  return REGION_PATTERN.test(segment) || segment === REGION_PLACEHOLDER || isInterpolation(segment);
}

function literalRegion(segment: string): string | undefined {
  return REGION_PATTERN.test(segment) ? segment : undefined;
}

// Splits on '.' except inside ${...}, where references like data.aws_region.current.name live.
function splitOutsideInterpolations(text: string): string[] {
  const segments: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      i = findClosingBrace(text, i + 2);
    } else if (text[i] === '.') {
      segments.push(text.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(text.slice(start));
  return segments;
}

/** Index of the `}` closing an interpolation whose body starts at `from` (end of text if none). */
function findClosingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}
