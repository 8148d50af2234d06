// The real-world pattern suite (test/fixtures/patterns/): every marked finding present and no
// other, except the known misses and false findings expected-failures.json lists with a reason
// (and those must still happen, so that a fixed one is taken off the list).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PATTERN_FIXTURES, analysePattern, expectedFailures, patternNames, surprises } from '../helpers/patternSuite';

const names = patternNames();
const known = expectedFailures();

test('at least 40 patterns, each with a README', () => {
  assert.ok(names.length >= 40, `${names.length} patterns`);
  assert.deepEqual(names.filter((n) => !existsSync(join(PATTERN_FIXTURES, n, 'README.md'))), []);
});

test('every expected failure names a pattern and says why', () => {
  for (const k of known) {
    assert.ok(names.includes(k.pattern), `${k.pattern} is a pattern`);
    assert.ok(k.why.trim().length > 20, `${k.pattern} ${k.finding}: a reason`);
  }
});

for (const name of names) {
  test(`pattern ${name}: exactly the marked findings`, async () => {
    const { unlisted, stale } = surprises(await analysePattern(name), known);
    assert.deepEqual(unlisted, [], 'misses / false findings not in expected-failures.json');
    assert.deepEqual(stale, [], 'expected-failures.json entries that no longer happen');
  });
}
