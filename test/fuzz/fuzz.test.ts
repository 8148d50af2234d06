// A bounded fuzz run with a fixed seed, part of the suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFuzz, summary } from './run';

test('fuzz (seed 20261128): no crash, every request answered, no fix breaks the syntax', async () => {
  const tally = await runFuzz(160, 20261128);
  const line = summary(tally);
  console.log(line);
  assert.equal(tally.inputs, 160 + 40);
  // The checks below mean something only if fixes were offered and requests were sent.
  assert.ok(tally.fixesApplied > 0, 'no quick fix was applied: the broken-fix check ran on nothing');
  assert.ok(tally.requestsSent >= 4 * 40, `only ${tally.requestsSent} requests reached the server`);
  assert.deepEqual(tally.failures.map((f) => `${f.kind}: ${f.detail.split('\n')[0]}`), [], line);
});
