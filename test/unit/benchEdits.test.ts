// The keystrokes the latency bench types (bench/editKinds.ts) do what they say: each kind's
// round leaves the file as it was, and the endpoint kind types a whole argument inside an
// endpoint block before erasing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EDIT_KINDS, editsOf } from '../../bench/editKinds';
import { fileOfLines } from '../../bench/workload';
import { applyEdits } from '../../server/src/core/fixes/apply';

const text = fileOfLines(5000);
const lines = text.split('\n');
const typed = (count: number, kind: (typeof EDIT_KINDS)[number]) =>
  editsOf(kind, lines, count).reduce((t, change) => applyEdits(t, ['range' in change ? { range: change.range, newText: change.text } : assert.fail('a ranged change')]), text);

test('every kind of keystroke, a round of it, leaves the file as it was', () => {
  for (const kind of EDIT_KINDS) {
    const round = editsOf(kind, lines, 1000).findIndex((_, i, all) => i > 0 && all[i] === all[0]);
    assert.ok(round > 0, `${kind} repeats`);
    assert.notEqual(typed(1, kind), text, `${kind} changes the file`);
    assert.equal(typed(round, kind), text, `${kind} restores the file after ${round} keystrokes`);
  }
});

test('the endpoint kind types an argument on its own line inside an interface endpoint block, then erases it', () => {
  const half = editsOf('inEndpoint', lines, 1000).findIndex((_, i, all) => i > 0 && all[i] === all[0]) / 2;
  const after = typed(half, 'inEndpoint').split('\n');
  const line = after.indexOf('  auto_accept = true');
  assert.ok(line > 0, 'the argument is typed whole');
  assert.equal(after[line - 1], '  private_dns_enabled = true');
  assert.equal(after[line + 1], '}');
  assert.equal(after.length, lines.length + 1);
  assert.ok(lines.slice(0, line).reverse().find((l) => l.startsWith('resource '))!.startsWith('resource "aws_vpc_endpoint" "interface'));
  assert.ok(line > lines.length / 4 && line < (lines.length * 3) / 4, 'in the middle of the file');
});
