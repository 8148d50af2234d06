// The built CLI on idiom fixtures (test/fixtures/idioms): `check --format json` reports exactly
// the findings Terraform's semantics call for and `cost --format json` prices exactly the
// instances Terraform would create, as each fixture's expect.json says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import {
  type FoundEntry, type PricedEntry, type Totals, type UnpricedEntry, costMismatches, findingMismatches, idiomFixture,
} from '../helpers/idiomFixtures';

const REPO = resolve(__dirname, '../../..');
const CLI = join(REPO, 'dist/cli.js');

/** The headline false error (VPCE102 on null), a child module typed with optional(), two VPCs told apart through try(). */
const FIXTURES = ['null-route-tables-on-interface', 'optional-endpoint-objects', 'try-vpc-id-fallback'];

function run(args: string[]): { code: number | null; json: unknown; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8' });
  let json: unknown;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    json = undefined;
  }
  return { code: result.status, json, stderr: result.stderr };
}

for (const name of FIXTURES) {
  const fixture = idiomFixture(name);

  test(`check --format json on ${name}: the expected findings, no error among them (exit 0)`, () => {
    const r = run(['check', fixture.dir, '--format', 'json']);
    const findings = (r.json as { findings?: FoundEntry[] } | undefined)?.findings;
    assert.ok(findings, `JSON output (stderr: ${r.stderr})`);
    const problems = findingMismatches(fixture, findings);
    if (problems.length > 0) assert.fail(`${name}:\n  ${problems.join('\n  ')}`);
    assert.equal(r.code, 0, r.stderr);
  });

  test(`cost --format json on ${name}: every instance Terraform creates, priced, and the total`, () => {
    const r = run(['cost', fixture.dir, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const report = r.json as { resources: PricedEntry[]; totals: Totals; unpriced?: UnpricedEntry[] };
    const problems = costMismatches(fixture, report.resources, report.totals, report.unpriced);
    if (problems.length > 0) assert.fail(`${name}:\n  ${problems.join('\n  ')}`);
  });
}
