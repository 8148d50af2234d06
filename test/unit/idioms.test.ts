// Real-world Terraform idioms end to end: each fixture of test/fixtures/idioms is analysed and
// priced as the CLI does (core analysis + moduleCosts), and compared with what Terraform would
// create, find and assume (expect.json, written from Terraform's semantics).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModuleAnalysis } from '../../server/src/core/analysis';
import type { EndpointView } from '../../server/src/core/model/endpoints';
import { costLenses } from '../../server/src/core/pricing/lenses';
import { moduleCosts } from '../../server/src/core/pricing/moduleCosts';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { DiskModuleFiles } from '../../server/src/diskFiles';
import { ROOT, analyzeModule, analyzer, positionOf } from '../helpers/memoryModule';
import { type IdiomFixture, type UnpricedEntry, costMismatches, findingMismatches, idiomFixtures } from '../helpers/idiomFixtures';

const fixtures = idiomFixtures();

test('at least 15 idiom fixtures', () => {
  assert.ok(fixtures.length >= 15, `${fixtures.length} fixtures`);
});

/** Every endpoint view of the analysis, resources and registry module calls alike. */
function endpointViews(analysis: ModuleAnalysis): Map<string, EndpointView> {
  return new Map(analysis.modules.flatMap((m) => [...m.endpoints, ...m.registry.endpoints]).map((v) => [v.address, v]));
}

/** The report's list of what has no price, where the report keeps one. */
function unpricedOf(report: object): UnpricedEntry[] {
  return 'unpriced' in report && Array.isArray(report.unpriced) ? (report.unpriced as UnpricedEntry[]) : [];
}

function privateDnsMismatches(fixture: IdiomFixture, analysis: ModuleAnalysis): string[] {
  const views = endpointViews(analysis);
  return fixture.instances.flatMap((want) => {
    if (want.privateDnsEnabled === undefined) return [];
    const view = views.get(want.address);
    if (!view) return [];
    const got = view.privateDnsEnabled === undefined ? null : view.privateDnsEnabled;
    return got === want.privateDnsEnabled ? [] : [`${want.address}: private_dns_enabled ${JSON.stringify(got)}, expected ${JSON.stringify(want.privateDnsEnabled)}`];
  });
}

for (const fixture of fixtures) {
  test(`idiom ${fixture.name}: priced and checked as Terraform would create it`, async () => {
    const analysis = (await analyzer()).analyze(fixture.dir, new DiskModuleFiles(), { ...DEFAULT_SETTINGS, ...fixture.settings });
    const syntax = analysis.findings.filter((f) => f.rule === 'VPCE000').map((f) => f.message);
    assert.deepEqual(syntax, [], 'the fixture parses');
    const report = moduleCosts(analysis);
    const problems = [
      ...costMismatches(fixture, report.resources, report.totals, unpricedOf(report)),
      ...privateDnsMismatches(fixture, analysis),
      ...findingMismatches(fixture, analysis.findings),
    ];
    if (problems.length > 0) assert.fail(`${fixture.name}:\n  ${problems.join('\n  ')}`);
  });
}

// A stack whose inputs come from elsewhere (-var on the command line): Terraform creates NAT
// gateways and endpoints, how many is unknown here. Unknown is never shown as none or $0.
const UNKNOWN_INPUTS = `
variable "endpoints" {
  type = any
}

variable "single_nat" {
  type = bool
}

module "vpc" {
  source             = "terraform-aws-modules/vpc/aws"
  azs                = ["eu-west-1a", "eu-west-1b"]
  private_subnets    = ["10.0.1.0/24", "10.0.2.0/24"]
  public_subnets     = ["10.0.101.0/24", "10.0.102.0/24"]
  enable_nat_gateway = true
  single_nat_gateway = var.single_nat
}

module "vpc_endpoints" {
  source    = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  vpc_id    = module.vpc.vpc_id
  endpoints = var.endpoints
}
`;

test('registry calls whose NAT count or endpoints cannot be known: their lenses say unknown, not "$0.00 · no instance"', async () => {
  const analysis = await analyzeModule(UNKNOWN_INPUTS, { region: 'eu-west-1' });
  const lenses = costLenses(analysis.modules, moduleCosts(analysis), `${ROOT}/main.tf`, { firstFile: undefined });
  for (const header of ['module "vpc"', 'module "vpc_endpoints"']) {
    const line = positionOf(UNKNOWN_INPUTS, header).line;
    const title = lenses.find((l) => l.range.start.line === line)?.title ?? '(no lens)';
    assert.doesNotMatch(title, /no instance|^\$0\.00/, `${header}: ${title}`);
    assert.match(title, /unknown/, `${header}: ${title}`);
  }
});
