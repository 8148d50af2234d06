// core/diff/compare.ts on reports of in-memory modules: what is a change and what is not, and
// that anything without a price on a side is a not-priced change, never a $0 one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareCosts, sumDiffTotals } from '../../server/src/core/diff/compare';
import { moduleCosts, type CostReport } from '../../server/src/core/pricing/moduleCosts';
import { analyzeModule } from '../helpers/memoryModule';

const priced = async (text: string): Promise<CostReport> => moduleCosts(await analyzeModule(text));

const endpoint = (name: string, body: string) => `resource "aws_vpc_endpoint" "${name}" {\n  vpc_id = "vpc-1"\n${body}\n}\n`;
const provider = (region: string) => `provider "aws" {\n  region = "${region}"\n}\n`;
const interfaceIn = (subnets: string) => `  service_name = "com.amazonaws.eu-west-1.ssm"\n  vpc_endpoint_type = "Interface"\n  subnet_ids = ${subnets}\n`;

test('the same module on both sides: no change, every instance unchanged, the delta 0', async () => {
  const text = provider('eu-west-1') + endpoint('ssm', interfaceIn('["s-1", "s-2"]'));
  const diff = compareCosts(await priced(text), await priced(text));
  assert.deepEqual(diff.changes, []);
  assert.deepEqual(diff.unpricedChanges, []);
  assert.deepEqual(diff.unchanged.map((r) => r.address), ['aws_vpc_endpoint.ssm']);
  assert.equal(diff.totals.delta, 0);
  assert.equal(diff.totals.complete, true);
  assert.equal(diff.totals.before, diff.totals.after);
});

test('a free gateway endpoint moved to another region is a change of $0 that says why', async () => {
  const s3 = endpoint('s3', '  service_name = "com.amazonaws.eu-west-1.s3"');
  const diff = compareCosts(await priced(provider('eu-west-1') + s3), await priced(provider('us-east-1') + s3));
  assert.equal(diff.changes.length, 1);
  assert.deepEqual(diff.changes[0]!.why, ['region eu-west-1 → us-east-1']);
  assert.equal(diff.changes[0]!.monthlyDelta, 0);
});

test('priced at the base, not priced now: a not-priced change with the base price, left out of the delta', async () => {
  const before = await priced(provider('eu-west-1') + endpoint('x', interfaceIn('["s-1"]')));
  const after = await priced(`${provider('eu-west-1')}variable "kind" {\n  type = string\n}\n${endpoint('x', '  service_name = "com.amazonaws.eu-west-1.ssm"\n  vpc_endpoint_type = var.kind\n  subnet_ids = ["s-1"]\n')}`);
  assert.equal(after.resources[0]!.monthly, null, 'the fixture is not priced now');
  const diff = compareCosts(before, after);
  assert.deepEqual(diff.changes, []);
  assert.equal(diff.unpricedChanges.length, 1);
  const [change] = diff.unpricedChanges;
  assert.equal(change!.change, 'changed');
  assert.deepEqual(change!.pricedSide, { side: 'before', monthly: before.resources[0]!.monthly });
  assert.match(change!.reason, /vpc_endpoint_type/);
  assert.equal(diff.totals.delta, 0);
  assert.equal(diff.totals.complete, false);
  assert.equal(diff.totals.beforeComplete, true);
  assert.equal(diff.totals.afterComplete, false);
  // And the other way round: priced now, not at the base.
  const reverse = compareCosts(after, before);
  assert.deepEqual(reverse.unpricedChanges[0]!.pricedSide, { side: 'after', monthly: before.resources[0]!.monthly });
  assert.match(reverse.unpricedChanges[0]!.reason, /^not priced at the base: /);
});

test('not priced on both sides for the same reason: listed as unchanged, and the totals stay incomplete', async () => {
  const text = `variable "services" {\n  type = set(string)\n}\n${endpoint('many', '  for_each = var.services\n  service_name = each.value')}`;
  const diff = compareCosts(await priced(text), await priced(text));
  assert.deepEqual(diff.unpricedChanges.map((u) => [u.address, u.change]), [['aws_vpc_endpoint.many', 'unchanged']]);
  assert.equal(diff.totals.complete, false);
});

test('a module call that cannot be read, added and removed', async () => {
  const call = 'module "far" {\n  source = "./nowhere"\n}\n';
  const none = await priced(provider('eu-west-1'));
  const withCall = await priced(provider('eu-west-1') + call);
  assert.deepEqual(compareCosts(none, withCall).unpricedChanges.map((u) => [u.address, u.kind, u.change]), [['module.far', 'module', 'added']]);
  assert.deepEqual(compareCosts(withCall, none).unpricedChanges.map((u) => [u.address, u.kind, u.change]), [['module.far', 'module', 'removed']]);
});

test('sumDiffTotals adds the sides and deltas and is complete only when every part is', () => {
  const part = (delta: number, complete: boolean) => ({ before: 10, after: 10 + delta, delta, complete, beforeComplete: true, afterComplete: complete });
  assert.deepEqual(sumDiffTotals([part(5, true), part(-2, false)]), { before: 20, after: 23, delta: 3, complete: false, beforeComplete: true, afterComplete: false });
  assert.deepEqual(sumDiffTotals([]), { before: 0, after: 0, delta: 0, complete: true, beforeComplete: true, afterComplete: true });
});
