// core/diff/targets.ts, summary.ts and lenses.ts on in-memory modules: a block's share of its
// module's diff (its removed instances included), and the words hovers and lenses use for it;
// a side without a price is said, never counted as $0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareCosts } from '../../server/src/core/diff/compare';
import { deltaLenses } from '../../server/src/core/diff/lenses';
import { moduleDeltaLabel, targetDeltaLabel, targetDeltaText } from '../../server/src/core/diff/summary';
import { targetDiff } from '../../server/src/core/diff/targets';
import { costTargetAt } from '../../server/src/core/model/locate';
import { moduleCosts } from '../../server/src/core/pricing/moduleCosts';
import { analyzeModule, positionOf, ROOT } from '../helpers/memoryModule';

const PROVIDER = 'provider "aws" {\n  region = "us-east-1"\n}\n';
const forEach = (keys: string[], type = '"Interface"') => `resource "aws_vpc_endpoint" "set" {
  for_each          = toset([${keys.map((k) => `"${k}"`).join(', ')}])
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.us-east-1.\${each.key}"
  vpc_endpoint_type = ${type}
  subnet_ids        = ["s-1", "s-2"]
}
`;

async function compared(before: string, after: string) {
  const then = await analyzeModule(before);
  const now = await analyzeModule(after);
  const diff = compareCosts(moduleCosts(then), moduleCosts(now));
  const file = `${ROOT}/main.tf`;
  const target = costTargetAt(now.modules, file, positionOf(after, 'resource "aws_vpc_endpoint" "set"'))!;
  return { diff, target, now, file };
}

test('a for_each key dropped and one added: both belong to the block, the delta sums them', async () => {
  const { diff, target } = await compared(PROVIDER + forEach(['ssm', 'sts']), PROVIDER + forEach(['ssm', 'logs']));
  const share = targetDiff(target, diff);
  assert.deepEqual(share.changes.map((c) => `${c.change} ${c.address}`), ['added aws_vpc_endpoint.set["logs"]', 'removed aws_vpc_endpoint.set["sts"]']);
  assert.equal(share.delta, 0);
  assert.equal(share.isNew, false);
  assert.equal(targetDeltaText(share, 'main@1234567'), '$0.00/month vs main@1234567 (new instance; instance removed)');
  assert.equal(targetDeltaLabel(share, 'main'), '$0.00/mo vs main · new instance; instance removed');
});

test('a block that did not exist: new; one that did not change: unchanged, and no lens', async () => {
  const added = await compared(PROVIDER, PROVIDER + forEach(['ssm']));
  const share = targetDiff(added.target, added.diff);
  assert.equal(share.isNew, true);
  assert.equal(targetDeltaText(share, 'main@1234567'), 'new vs main@1234567: +$14.60/month');
  const same = await compared(PROVIDER + forEach(['ssm']), PROVIDER + forEach(['ssm']));
  const unchanged = targetDiff(same.target, same.diff);
  assert.equal(targetDeltaText(unchanged, 'main@1234567'), 'unchanged vs main@1234567');
  assert.equal(targetDeltaLabel(unchanged, 'main'), undefined);
  assert.equal(moduleDeltaLabel(same.diff, 'main'), undefined);
  assert.deepEqual(deltaLenses(same.now.modules, same.diff, same.file, { base: 'main@1234567', firstFile: same.file }), []);
});

test('not priced now: the block says so, never a $0 change, and the module delta is from the priced changes', async () => {
  const unknownType = `variable "kind" {\n  type = string\n}\n`;
  const { diff, target, now, file } = await compared(PROVIDER + forEach(['ssm']), PROVIDER + unknownType + forEach(['ssm'], 'var.kind'));
  const share = targetDiff(target, diff);
  assert.equal(share.changes.length, 0, 'the fixture is not priced now');
  assert.ok(share.unpriced.length > 0);
  assert.doesNotMatch(targetDeltaText(share, 'main@1234567'), /\$0\.00/);
  assert.match(targetDeltaText(share, 'main@1234567'), /^changed vs main@1234567, not priced: /);
  const lenses = deltaLenses(now.modules, diff, file, { base: 'main@1234567', firstFile: file });
  assert.deepEqual(lenses.map((l) => l.title), [moduleDeltaLabel(diff, 'main'), 'changed vs main · not priced']);
  assert.match(lenses[0]!.title, /^vs main: \$0\.00\/month from the priced changes .* · 1 not priced$/);
});
