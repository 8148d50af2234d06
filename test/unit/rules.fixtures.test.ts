// Every rule fixture: exactly the marked findings; every quick fix applies cleanly, removes its
// finding and adds none; where a case has `<file>.fixed`, the fix writes exactly that text
// (test/fixtures/rules/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/core/analyzer';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { applyEdits } from '../../server/src/core/fixes/apply';
import type { Finding } from '../../server/src/core/types';
import { memoryFiles } from '../helpers/memoryModule';
import { ruleCases } from '../helpers/ruleFixtures';

let analyzer: Promise<Analyzer> | undefined;
async function findingsOf(dir: string, files: Record<string, string>): Promise<Finding[]> {
  analyzer ??= Analyzer.create();
  return (await analyzer).analyze(dir, memoryFiles(files), DEFAULT_SETTINGS).findings.filter((f) => !f.suppressed);
}

const key = (f: Finding) => `${f.file}:${f.range.start.line}:${f.rule}`;
const identity = (f: Finding) => `${f.rule}|${f.address ?? ''}|${f.message}`;

const cases = ruleCases();

test('there are rule fixtures', () => {
  assert.ok(cases.length > 0);
});

for (const c of cases) {
  test(`${c.rule} ${c.name}: exactly the marked findings`, async () => {
    const found = (await findingsOf(c.dir, c.files)).map(key).sort();
    assert.deepEqual(found, c.expected);
  });
}

for (const c of cases.filter((c) => Object.keys(c.fixed).length > 0)) {
  test(`${c.rule} ${c.name}: the preferred fix of the first finding writes the .fixed text`, async () => {
    const first = (await findingsOf(c.dir, c.files)).sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.rule.localeCompare(b.rule))[0];
    const fix = first?.fixes[0];
    assert.ok(fix, `the first finding (${first?.rule ?? 'none'}) has a fix`);
    for (const [file, expected] of Object.entries(c.fixed)) {
      assert.ok(c.files[file] !== undefined, `${file}.fixed names a file of the case`);
      assert.equal(applyEdits(c.files[file]!, fix.edits.filter((e) => e.file === file)), expected, `${file} after "${fix.title}"`);
    }
  });
}

for (const c of cases) {
  test(`${c.rule} ${c.name}: every quick fix applies cleanly, removes its finding and adds none`, async () => {
    const before = await findingsOf(c.dir, c.files);
    for (const finding of before) {
      for (const fix of finding.fixes) {
        const after: Record<string, string> = { ...c.files };
        const byFile = new Map<string, typeof fix.edits>();
        for (const edit of fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
        for (const [file, edits] of byFile) after[file] = applyEdits(after[file] ?? '', edits);
        const result = await findingsOf(c.dir, after);
        const label = `${finding.rule} "${fix.title}"`;
        assert.ok(!result.some((f) => f.rule === 'VPCE000'), `${label} broke the syntax:\n${[...byFile.keys()].map((f) => after[f]).join('\n---\n')}`);
        assert.ok(!result.some((f) => identity(f) === identity(finding)), `${label} did not remove its finding`);
        const old = new Set(before.map(identity));
        // A fix may bring up a finding its title names (the quality bar in docs/rules.md).
        const named = new Set(fix.title.match(/VPCE\d{3}/g) ?? []);
        const added = result.filter((f) => !old.has(identity(f)) && !named.has(f.rule));
        assert.deepEqual(added.map(identity), [], `${label} added findings`);
      }
    }
  });
}
