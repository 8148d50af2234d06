// The rules are listed in four places that must agree: the rule table (server/src/core/rules/
// table.ts, one file per rule named by its ID), their metadata (rules/data/rules.json: a rule
// missing there would silently default to a warning), the catalogue in docs/rules.md, and the
// fixture folders (test/fixtures/rules/<ID>/, with cases that fire and cases that stay silent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core/rules/table';
import type { Rule } from '../../server/src/core/rules/rule';
import ruleData from '../../server/src/core/rules/data/rules.json';
import { REPO } from '../helpers/costFixtures';

const RULES_DIR = join(REPO, 'server/src/core/rules');
const FIXTURES = join(REPO, 'test/fixtures/rules');
const ids = RULES.map((r) => r.id);
const ID_FILE = /^(VPCE\d{3})-[a-z0-9-]+\.ts$/;

test('the rule table lists each rule once, in ID order', () => {
  assert.deepEqual(ids, [...new Set(ids)].sort());
  assert.ok(ids.length >= 22);
});

test('each rule is in its own file named by its ID, and that file exports that rule only', () => {
  const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && /^VPCE/.test(f));
  for (const file of files) assert.match(file, ID_FILE, `${file} is not named <ID>-<what-it-checks>.ts`);
  assert.deepEqual(files.map((f) => ID_FILE.exec(f)![1]).sort(), ids, 'one file per rule of the table, and no other rule file');
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(join(__dirname, '../../server/src/core/rules', file.replace(/\.ts$/, '')))) as Rule[];
    const rules = exported.filter((e) => typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.run === 'function');
    assert.deepEqual(rules.map((r) => r.id), [ID_FILE.exec(file)![1]], `${file} exports exactly its own rule`);
    assert.ok(RULES.includes(rules[0]!), `the table holds the rule object ${file} exports`);
  }
});

test('rules.json describes exactly the rules of the table', () => {
  const described = Object.keys(ruleData.rules).sort();
  assert.deepEqual(described, ids);
  for (const [id, data] of Object.entries(ruleData.rules)) {
    assert.match(data.defaultSeverity, /^(error|warning|info|hint)$/, `${id}'s default severity`);
    assert.ok(data.title.length > 0 && data.help.length > 0, `${id} has a title and help`);
  }
});

test('docs/rules.md has a catalogue row for each rule, with its default severity', () => {
  const doc = readFileSync(join(REPO, 'docs/rules.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| (VPCE\d{3}) \| ([^|]+) \|/gm)].map((m) => ({ id: m[1]!, severity: m[2]!.trim() }));
  assert.deepEqual(rows.map((r) => r.id).sort(), ids, 'one row per rule, none for a rule that does not exist');
  for (const row of rows) {
    const severity = ruleData.rules[row.id as keyof typeof ruleData.rules].defaultSeverity;
    assert.ok(row.severity.includes(severity), `${row.id}: docs say "${row.severity}", rules.json says ${severity}`);
  }
});

test('every rule has fixture cases that fire and cases that stay silent, and no fixture folder names an unknown rule', () => {
  const folders = readdirSync(FIXTURES).filter((f) => statSync(join(FIXTURES, f)).isDirectory()).sort();
  assert.deepEqual(folders, ids);
  for (const id of ids) {
    const cases = readdirSync(join(FIXTURES, id));
    assert.ok(cases.some((c) => c.startsWith('fires-')), `${id} has no fires-* case`);
    assert.ok(cases.some((c) => c.startsWith('silent-')), `${id} has no silent-* case`);
    for (const c of cases) assert.match(c, /^(fires-|silent-|_shared$|fires$|silent$)/, `${id}/${c}: a case is named fires-… or silent-…`);
  }
});
