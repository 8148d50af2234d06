// The example module (the seed article's layout) is the pattern vpce-lens recommends: it must
// raise no warning and no error, and today nothing at all (docs/rules.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { analyzer, memoryFiles } from '../helpers/memoryModule';

const SEED = resolve(__dirname, '../../../examples/seed');

async function seedFindings(settings = DEFAULT_SETTINGS) {
  const files: Record<string, string> = {};
  for (const name of readdirSync(SEED)) if (name.endsWith('.tf')) files[join(SEED, name)] = readFileSync(join(SEED, name), 'utf8');
  return (await analyzer()).analyze(SEED, memoryFiles(files), settings).findings;
}

test('examples/seed raises no warning or error', async () => {
  const serious = (await seedFindings()).filter((f) => f.severity === 'error' || f.severity === 'warning');
  assert.deepEqual(serious.map((f) => `${f.rule} ${f.message}`), []);
});

test('examples/seed raises nothing at all with the default settings', async () => {
  assert.deepEqual((await seedFindings()).map((f) => `${f.rule} ${f.severity} ${f.message}`), []);
});

test('examples/seed: with a data volume set, the NAT comparison hint (VPCE302) is the only finding, and it is a hint', async () => {
  const findings = await seedFindings({ ...DEFAULT_SETTINGS, monthlyDataGb: 10 });
  assert.deepEqual(findings.map((f) => `${f.rule} ${f.severity}`), ['VPCE302 hint']);
  assert.match(findings[0]!.message, /^The 9 interface endpoints of VPC aws_vpc\.main cost \$\d+\.\d\d\/month at 90 GB\/month, more than one NAT gateway/);
});
