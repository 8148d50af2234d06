// Real-world Terraform idioms end to end: each fixture of test/fixtures/idioms is analysed and
// priced as the CLI does (core analysis + moduleCosts), and compared with what Terraform would
// create, find and assume (expect.json, written from Terraform's semantics).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModuleAnalysis } from '../../server/src/core/analyzer';
import type { EndpointView } from '../../server/src/core/model/endpoints';
import { moduleCosts } from '../../server/src/core/pricing/moduleCosts';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { DiskModuleFiles } from '../../server/src/diskFiles';
import { analyzer } from '../helpers/memoryModule';
import { type IdiomFixture, costMismatches, findingMismatches, idiomFixtures } from '../helpers/idiomFixtures';

const fixtures = idiomFixtures();

test('at least 15 idiom fixtures', () => {
  assert.ok(fixtures.length >= 15, `${fixtures.length} fixtures`);
});

/** Every endpoint view of the analysis, resources and registry module calls alike. */
function endpointViews(analysis: ModuleAnalysis): Map<string, EndpointView> {
  return new Map(analysis.modules.flatMap((m) => [...m.endpoints, ...m.registry.endpoints]).map((v) => [v.address, v]));
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
      ...costMismatches(fixture, report.resources, report.totals.monthly),
      ...privateDnsMismatches(fixture, analysis),
      ...findingMismatches(fixture, analysis.findings),
    ];
    if (problems.length > 0) assert.fail(`${fixture.name}:\n  ${problems.join('\n  ')}`);
  });
}
