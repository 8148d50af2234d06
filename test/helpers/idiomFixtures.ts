// Reads the idiom fixtures (test/fixtures/idioms/<idiom>/, format in its README) and compares
// what an analysis priced and found with what Terraform would create, as `expect.json` says.
// The unit test feeds it the core's report; the CLI test feeds it `cost`/`check --format json`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const IDIOM_FIXTURES = resolve(__dirname, '../../../test/fixtures/idioms');

type Kind = 'vpc_endpoint' | 'nat_gateway';

/** One instance, or one block's `for_each` instances (`block` + `services`: key -> service). */
interface ExpectedEntry {
  address?: string;
  block?: string;
  services?: Record<string, string>;
  kind: Kind;
  endpointType?: string;
  service?: string;
  region: string;
  azCount?: number | null;
  /** The Terraform does not tell the AZ count (subnets from a data source): the setting's is used, as an assumption. */
  azCountAssumed?: boolean;
  /** Monthly cost of the instance (`monthlyEach` for each instance of a `block`). */
  monthly?: number;
  monthlyEach?: number;
  /** `private_dns_enabled` as Terraform sets it (null: unset); checked on the endpoint view. */
  privateDnsEnabled?: boolean | null;
}

export interface ExpectedInstance {
  address: string;
  kind: Kind;
  endpointType: string | null;
  service: string | null;
  region: string;
  azCount: number | null;
  azCountAssumed: boolean;
  monthly: number;
  privateDnsEnabled?: boolean | null;
}

export interface ExpectedFinding {
  rule: string;
  /** The finding's resource address; null when it is about no one resource. */
  address: string | null;
}

export interface IdiomFixture {
  name: string;
  dir: string;
  /** Analysis settings beyond the defaults (rarely needed: the fixtures say their region). */
  settings: Record<string, unknown>;
  instances: ExpectedInstance[];
  totalMonthly: number;
  findings: ExpectedFinding[];
  /** Patterns (case-insensitive) some assumption must match, and ones none may match. */
  assumptions: { include: string[]; exclude: string[] };
}

/** What a cost entry looks like in both the core's report and the CLI's JSON. */
export interface PricedEntry {
  address: string;
  kind: string;
  endpointType: string | null;
  service: string | null;
  region: string;
  azCount: number | null;
  azCountSource: string;
  monthly: number | null;
  assumptions: string[];
  error?: string;
}

export interface FoundEntry {
  rule: string;
  address?: string;
  suppressed?: boolean;
}

const CENT = 0.005;

export function idiomFixtures(): IdiomFixture[] {
  return readdirSync(IDIOM_FIXTURES).sort()
    .filter((name) => statSync(join(IDIOM_FIXTURES, name)).isDirectory())
    .map((name) => readFixture(name));
}

export function idiomFixture(name: string): IdiomFixture {
  return readFixture(name);
}

function readFixture(name: string): IdiomFixture {
  const dir = join(IDIOM_FIXTURES, name);
  const raw = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as {
    settings?: Record<string, unknown>; resources?: ExpectedEntry[]; totalMonthly?: number;
    findings?: { rule: string; address?: string | null }[]; assumptions?: { include?: string[]; exclude?: string[] };
  };
  if (!Array.isArray(raw.resources) || typeof raw.totalMonthly !== 'number' || !Array.isArray(raw.findings)) {
    throw new Error(`${name}/expect.json needs "resources", "totalMonthly" and "findings"`);
  }
  return {
    name, dir,
    settings: raw.settings ?? {},
    instances: raw.resources.flatMap((entry) => expand(name, entry)),
    totalMonthly: raw.totalMonthly,
    findings: raw.findings.map((f) => ({ rule: f.rule, address: f.address ?? null })),
    assumptions: { include: raw.assumptions?.include ?? [], exclude: raw.assumptions?.exclude ?? [] },
  };
}

function expand(fixture: string, entry: ExpectedEntry): ExpectedInstance[] {
  const common = {
    kind: entry.kind, endpointType: entry.endpointType ?? null, region: entry.region, azCount: entry.azCount ?? null, azCountAssumed: entry.azCountAssumed ?? false,
    ...(entry.privateDnsEnabled !== undefined ? { privateDnsEnabled: entry.privateDnsEnabled } : {}),
  };
  if (entry.block && entry.services && entry.monthlyEach !== undefined) {
    return Object.entries(entry.services).map(([key, service]) => ({
      ...common, address: `${entry.block}[${JSON.stringify(key)}]`, service, monthly: entry.monthlyEach!,
    }));
  }
  if (entry.address && entry.monthly !== undefined) return [{ ...common, address: entry.address, service: entry.service ?? null, monthly: entry.monthly }];
  throw new Error(`${fixture}/expect.json: an entry needs "address" + "monthly", or "block" + "services" + "monthlyEach"`);
}

/** A report's totals; `complete` where the report says whether anything was left unpriced. */
export interface Totals {
  monthly: number;
  complete?: boolean;
}

/** What a report lists as existing or maybe existing without a price, where it lists that. */
export interface UnpricedEntry {
  address: string;
  reason: string;
}

/**
 * Every way the priced entries differ from what the fixture expects (empty when they agree).
 * Terraform knows every instance of every fixture, so nothing may be left unpriced.
 */
export function costMismatches(fixture: IdiomFixture, entries: readonly PricedEntry[], totals: Totals, unpriced: readonly UnpricedEntry[] = []): string[] {
  const problems: string[] = unpriced.map((u) => `${u.address}: listed as not priced (${u.reason}), but Terraform knows what it creates`);
  if (totals.complete === false) problems.push('the total is marked incomplete');
  const totalMonthly = totals.monthly;
  const byAddress = new Map(entries.map((e) => [e.address, e]));
  for (const want of fixture.instances) {
    const got = byAddress.get(want.address);
    if (!got) {
      problems.push(`${want.address}: not priced (Terraform creates it)`);
      continue;
    }
    const differs = (what: string, expected: unknown, actual: unknown) => {
      if (expected !== actual) problems.push(`${want.address}: ${what} ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    };
    differs('kind', want.kind, got.kind);
    differs('endpoint type', want.endpointType, got.endpointType);
    differs('service', want.service, got.service);
    differs('region', want.region, got.region);
    differs('AZ count', want.azCount, got.azCount);
    const assumed = got.azCountSource === 'vpceLens.defaultAzCount';
    if (want.azCount !== null && assumed !== want.azCountAssumed) {
      problems.push(want.azCountAssumed ? `${want.address}: AZ count from ${got.azCountSource}, but the Terraform cannot tell it` : `${want.address}: AZ count assumed from the setting, but the Terraform says ${want.azCount}`);
    }
    if (got.error !== undefined) problems.push(`${want.address}: not priced: ${got.error}`);
    else if (got.monthly === null || Math.abs(got.monthly - want.monthly) > CENT) differs('monthly', want.monthly, got.monthly);
  }
  const expected = new Set(fixture.instances.map((i) => i.address));
  for (const e of entries) if (!expected.has(e.address)) problems.push(`${e.address}: priced, but Terraform creates no such instance`);
  if (Math.abs(totalMonthly - fixture.totalMonthly) > CENT) problems.push(`total ${totalMonthly}/month, expected ${fixture.totalMonthly}`);
  const assumptions = entries.flatMap((e) => e.assumptions);
  for (const pattern of fixture.assumptions.include) {
    if (!assumptions.some((a) => new RegExp(pattern, 'i').test(a))) problems.push(`no assumption matches /${pattern}/ (got: ${[...new Set(assumptions)].join(' | ')})`);
  }
  for (const pattern of fixture.assumptions.exclude) {
    const hit = assumptions.find((a) => new RegExp(pattern, 'i').test(a));
    if (hit) problems.push(`an assumption matches /${pattern}/: ${hit}`);
  }
  return problems;
}

/** Findings (rule and address) that differ from the expected ones; suppressed ones do not count. */
export function findingMismatches(fixture: IdiomFixture, found: readonly FoundEntry[]): string[] {
  const key = (f: { rule: string; address?: string | null }) => `${f.rule} ${f.address ?? '(no address)'}`;
  const want = fixture.findings.map(key).sort();
  const got = found.filter((f) => !f.suppressed).map(key).sort();
  const problems: string[] = [];
  const remaining = [...got];
  for (const w of want) {
    const i = remaining.indexOf(w);
    if (i < 0) problems.push(`missing finding: ${w}`);
    else remaining.splice(i, 1);
  }
  for (const r of remaining) problems.push(`unexpected finding: ${r}`);
  return problems;
}
