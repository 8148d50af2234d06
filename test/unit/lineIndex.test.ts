// One line index for positions and offsets (core/text.ts): LSP positions clamp to the line end,
// before a CRLF's \r; lines past the end mean the end of the text; offsets round-trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, offsetAt } from '../../server/src/core/text';
import { suppressedRules, suppresses } from '../../server/src/core/suppression';

test('positions to offsets: line ends clamp before \\r\\n, past the last line is the end', () => {
  const text = 'ab\r\ncd\nef';
  const lines = new LineIndex(text);
  assert.equal(lines.offsetAt({ line: 0, character: 1 }), 1);
  assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2, 'before the \\r');
  assert.equal(lines.offsetAt({ line: 1, character: 99 }), 6);
  assert.equal(lines.offsetAt({ line: 2, character: 1 }), 8);
  assert.equal(lines.offsetAt({ line: 2, character: 99 }), text.length);
  assert.equal(lines.offsetAt({ line: 3, character: 0 }), text.length);
  assert.equal(offsetAt(text, { line: 1, character: 0 }), 4);
});

test('offsets to positions round-trip on every offset', () => {
  const text = 'resource "x" "y" {\r\n  a = 1\n}\n';
  const lines = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) {
    if (text[offset - 1] === '\r') continue; // between \r and \n is no position of its own
    assert.equal(lines.offsetAt(lines.positionAt(offset)), offset, `offset ${offset}`);
  }
  assert.deepEqual(lines.positionAt(text.length + 5), { line: 3, character: 0 });
});

test('suppression directives: listed IDs, none (every rule), or no directive', () => {
  assert.deepEqual(suppressedRules('# vpce-lens:ignore VPCE105, VPCE106'), ['VPCE105', 'VPCE106']);
  assert.equal(suppressedRules('  // vpce-lens:ignore'), 'all');
  assert.equal(suppressedRules('# ignore this'), undefined);
  assert.ok(suppresses('# vpce-lens:ignore VPCE105\r', 'VPCE105'));
  assert.ok(!suppresses('# vpce-lens:ignore VPCE105', 'VPCE106'));
  assert.ok(!suppresses('# vpce-lens:ignored VPCE105', 'VPCE105'), 'the directive is a whole word');
});
