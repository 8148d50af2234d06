// Grammar snapshot tests: every test/fixtures/grammar/*.tf is tokenized with the shipped grammars and
// compared with its committed .tf.snap. Run with UPDATE_SNAPSHOTS=1 to rewrite the snapshots after an
// intended grammar change, then review the diff like code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderSnapshot, repoRoot, tokenize } from './textmate';
import { syntaxProblems } from './hclSyntax';

const fixtureDir = path.join(repoRoot, 'test/fixtures/grammar');
const fixtures = readdirSync(fixtureDir).filter((name) => name.endsWith('.tf')).sort();
const updating = process.env.UPDATE_SNAPSHOTS === '1';

test('grammar fixtures exist', () => {
  assert.ok(fixtures.length >= 5, `expected the grammar fixtures in ${fixtureDir}, found ${fixtures.length}`);
});

for (const fixture of fixtures) {
  test(`snapshot: ${fixture}`, async () => {
    const source = readFileSync(path.join(fixtureDir, fixture), 'utf8');
    const actual = renderSnapshot(source, await tokenize(source));
    const snapshotFile = path.join(fixtureDir, `${fixture}.snap`);
    if (updating) {
      writeFileSync(snapshotFile, actual);
      return;
    }
    assert.ok(existsSync(snapshotFile), `${snapshotFile} is missing: run the grammar tests with UPDATE_SNAPSHOTS=1`);
    const expected = readFileSync(snapshotFile, 'utf8');
    if (actual !== expected) {
      const actualLines = actual.split('\n');
      const expectedLines = expected.split('\n');
      const at = actualLines.findIndex((line, i) => line !== expectedLines[i]);
      assert.fail(
        `${fixture}: tokens differ from ${path.basename(snapshotFile)} at snapshot line ${at + 1}\n` +
          `  expected: ${expectedLines[at] ?? '(end of snapshot)'}\n` +
          `  actual:   ${actualLines[at] ?? '(end of output)'}\n` +
          'If the grammar change is intended, rerun with UPDATE_SNAPSHOTS=1 and review the .snap diff.',
      );
    }
  });

  test(`fixture is valid Terraform: ${fixture}`, async () => {
    const source = readFileSync(path.join(fixtureDir, fixture), 'utf8');
    assert.deepEqual(await syntaxProblems(source), []);
  });
}
