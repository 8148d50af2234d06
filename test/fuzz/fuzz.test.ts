// A bounded fuzz run with a fixed seed, part of the suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFuzz, summary } from './run';

test('fuzz (seed 20261128): no crash, every request answered, no fix breaks the syntax', async () => {
  const tally = await runFuzz(160, 20261128);
  const line = summary(tally);
  console.log(line);
  assert.equal(tally.inputs, 160 + 40);
  assert.deepEqual(tally.failures.map((f) => `${f.kind}: ${f.detail.split('\n')[0]}`), [], line);
});
