// What vpce-lens's functions keep beyond Terraform's plan-time answers (the conformance table
// holds Terraform's own behaviour): values identified only by their address still count as
// distinct, partly known collections keep their shape, and unknown names are not errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FUNCTION_NAMES, callFunction } from '../../server/src/core/model/functions';
import { type Value, isError, isUnknown, unknown } from '../../server/src/core/model/values';
import { analyzeModule } from '../helpers/memoryModule';

test('Unknowns with an identity count as distinct values in sets', async () => {
  const a = await analyzeModule(`
resource "aws_subnet" "a" {}
resource "aws_subnet" "b" {}
locals {
  ids   = toset([aws_subnet.a.id, aws_subnet.b.id, aws_subnet.a.id])
  n     = length(local.ids)
  mixed = toset([aws_subnet.a.id, "subnet-123"])
  has   = contains([aws_subnet.a.id, aws_subnet.b.id], aws_subnet.b.id)
}`);
  const local = (name: string) => a.root.evaluator.refs.local(name);
  assert.equal(local('n'), 2);
  assert.ok(isUnknown(local('mixed')), 'a known id may equal an unknown one: the set size is not known');
  assert.equal(local('has'), true);
});

test('a function Terraform does not define is Unknown, not an error', () => {
  for (const name of ['provider::aws::arn_parse', 'no_such_function', 'toString', 'constructor']) {
    const v = callFunction(name, ['x']);
    assert.ok(isUnknown(v) && !isError(v), name);
  }
  assert.ok(FUNCTION_NAMES.includes('try') && FUNCTION_NAMES.includes('can'));
});

test('an identified Unknown element stays itself through conversions', () => {
  const id = unknown('known after apply', 'aws_subnet.a.id');
  const list = callFunction('tolist', [[id, 'b']]);
  assert.ok(Array.isArray(list) && list[0] === id);
  assert.equal(callFunction('length', [[id, id]]), 2);
  assert.deepEqual(callFunction('keys', [new Map<string, Value>([['z', id], ['a', 1]])]), ['a', 'z']);
});
