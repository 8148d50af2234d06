// server/src/baseline.ts on repositories built by the test: the base is priced once per
// (folder, setting, HEAD) and kept while the user types; a moved HEAD picks the base again
// (a base commit priced before is not priced again); a new `terraform init` prices it again;
// `off` and a folder outside any repository give nothing, silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BaselineService, isGitMetadata, type Baseline } from '../../server/src/baseline';
import { DEFAULT_COMPARE_TO, DEFAULT_SETTINGS, compareToSetting } from '../../server/src/core/settings';
import { git, tempDir } from '../helpers/gitRepo';
import { analyzer } from '../helpers/memoryModule';

const ENDPOINT = (subnets: string) => `provider "aws" {\n  region = "us-east-1"\n}\nresource "aws_vpc_endpoint" "x" {\n  vpc_id = "v"\n  service_name = "com.amazonaws.us-east-1.ssm"\n  vpc_endpoint_type = "Interface"\n  subnet_ids = ${subnets}\n}\n`;
const MERGE_BASE = compareToSetting(undefined);

function repository(): string {
  const dir = tempDir('baseline');
  git(dir, 'init', '-q');
  writeFileSync(join(dir, 'main.tf'), ENDPOINT('["a", "b"]'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

const reportOf = (b: Baseline) => {
  assert.equal(b.kind, 'base', JSON.stringify(b));
  return (b as Extract<Baseline, { kind: 'base' }>).report;
};

test('the base is priced once while HEAD stays, again when HEAD moves to a new base, and kept for a base seen before', async () => {
  const dir = repository();
  const logs: string[] = [];
  const service = new BaselineService(await analyzer(), (m) => logs.push(m));
  const settings = { ...DEFAULT_SETTINGS };
  const first = await service.baseline(dir, settings, MERGE_BASE);
  assert.equal(reportOf(first).totals.monthly, 14.6);
  assert.equal(await service.baseline(dir, settings, MERGE_BASE).then(reportOf), reportOf(first), 'the same report object: not priced again');
  writeFileSync(join(dir, 'main.tf'), ENDPOINT('["a", "b", "c"]'));
  git(dir, 'commit', '-q', '-am', 'three AZs');
  service.invalidate();
  const moved = await service.baseline(dir, settings, MERGE_BASE);
  assert.equal(reportOf(moved).totals.monthly, 21.9);
  assert.match((moved as { label: string }).label, /^main@[0-9a-f]{7}$/);
  git(dir, 'reset', '-q', '--hard', 'HEAD~1');
  service.invalidate();
  assert.equal(await service.baseline(dir, settings, MERGE_BASE).then(reportOf), reportOf(first), 'the first base again, from the cache');
  service.forgetReports();
  const again = reportOf(await service.baseline(dir, settings, MERGE_BASE));
  assert.notEqual(again, reportOf(first));
  assert.equal(again.totals.monthly, 14.6);
  assert.deepEqual(logs, []);
});

test('the base branch moved while HEAD stays (a merge, a fetch): seen by the next request, with no event', async () => {
  const dir = repository();
  git(dir, 'checkout', '-q', '-b', 'change');
  writeFileSync(join(dir, 'main.tf'), ENDPOINT('["a", "b", "c"]'));
  git(dir, 'commit', '-q', '-am', 'three AZs');
  const service = new BaselineService(await analyzer(), () => undefined);
  assert.equal(reportOf(await service.baseline(dir, DEFAULT_SETTINGS, MERGE_BASE)).totals.monthly, 14.6);
  git(dir, 'branch', '-f', 'main', 'change');
  assert.equal(reportOf(await service.baseline(dir, DEFAULT_SETTINGS, MERGE_BASE)).totals.monthly, 21.9);
});

test('other analysis settings price the base again; off and a folder outside any repository give nothing, silently', async () => {
  const dir = repository();
  const logs: string[] = [];
  const service = new BaselineService(await analyzer(), (m) => logs.push(m));
  const settings = { ...DEFAULT_SETTINGS };
  const first = reportOf(await service.baseline(dir, settings, MERGE_BASE));
  const other = reportOf(await service.baseline(dir, { ...DEFAULT_SETTINGS, hoursPerMonth: 720 }, MERGE_BASE));
  assert.notEqual(other, first);
  assert.equal(other.totals.monthly, 14.4);
  assert.deepEqual(await service.baseline(dir, settings, compareToSetting('off')), { kind: 'none' });
  assert.deepEqual(await service.baseline(tempDir('no-repo'), settings, MERGE_BASE), { kind: 'none' });
  assert.deepEqual(logs, []);
});

test('a ref that does not exist: why, worded for the setting, logged once', async () => {
  const dir = repository();
  const logs: string[] = [];
  const service = new BaselineService(await analyzer(), (m) => logs.push(m));
  const nope = compareToSetting('nope');
  const first = await service.baseline(dir, DEFAULT_SETTINGS, nope);
  assert.equal(first.kind, 'none');
  assert.match((first as { why: string }).why, /^vpceLens\.compareTo "nope": no branch, tag or commit called nope in this repository; a CI checkout may lack it: git fetch origin nope$/);
  await service.baseline(dir, DEFAULT_SETTINGS, nope);
  assert.equal(logs.length, 1, logs.join('\n'));
});

test('git metadata paths and the setting\'s values', () => {
  assert.ok(isGitMetadata('/r/.git/HEAD'));
  assert.ok(isGitMetadata('/r/.git/refs/heads/main'));
  assert.ok(!isGitMetadata('/r/.github/workflows/x.yml'));
  assert.ok(!isGitMetadata('/r/main.tf'));
  assert.deepEqual(compareToSetting(undefined), { kind: 'merge-base' });
  assert.deepEqual(compareToSetting(' origin/main '), { kind: 'ref', ref: 'origin/main' });
  assert.deepEqual(compareToSetting('off'), { kind: 'off' });
  assert.deepEqual(compareToSetting(42), { kind: 'merge-base' });
  assert.equal(DEFAULT_COMPARE_TO, 'merge-base');
});
