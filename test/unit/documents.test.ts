// Open buffers: reading one has no side effect, and the edits between any logged version and
// the current one are available for an incremental re-parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpenDocuments } from '../../server/src/documents';
import { HclParser } from '../../server/src/core/parse/parseFile';

const URI_ = 'file:///m/main.tf';
const edit = (line: number, from: number, to: number, text: string) => ({ range: { start: { line, character: from }, end: { line, character: to } }, text });

test('the edits since any logged version are returned, and reading changes nothing', () => {
  const docs = new OpenDocuments();
  docs.open(URI_, 1, 'a = 1\n');
  docs.change(URI_, 2, [edit(0, 4, 5, '2')]);
  docs.change(URI_, 3, [edit(0, 4, 5, '3')]);
  const first = docs.get('/m/main.tf')!;
  const second = docs.get('/m/main.tf')!;
  assert.equal(first.text, 'a = 3\n');
  for (const source of [first, second]) {
    assert.deepEqual(source.changesSince?.(1)?.map((c) => c.text), ['2', '3']);
    assert.deepEqual(source.changesSince?.(2)?.map((c) => c.text), ['3']);
    assert.equal(source.changesSince?.(0), undefined, 'no log reaches back to an unknown version');
  }
  docs.change(URI_, 4, [{ text: 'b = 1\n' }]);
  assert.equal(docs.get('/m/main.tf')!.changesSince?.(3), undefined, 'a full-text change starts the log afresh');
  assert.deepEqual(first.changesSince?.(2)?.map((c) => c.text), ['3'], 'a source read earlier still describes its own version');
});

test('the parser asks for the edits since the version of the tree it keeps', async () => {
  const parser = await HclParser.create();
  const docs = new OpenDocuments();
  docs.open(URI_, 1, 'locals {\n  a = 1\n}\n');
  const v1 = docs.get('/m/main.tf')!;
  parser.parse(v1.path, v1.text, v1.version, v1.changesSince);
  docs.change(URI_, 2, [edit(1, 6, 7, '[2]')]);
  docs.change(URI_, 3, [edit(1, 7, 8, '3')]);
  const v3 = docs.get('/m/main.tf')!;
  const asked: number[] = [];
  const file = parser.parse(v3.path, v3.text, v3.version, (since) => {
    asked.push(since);
    return v3.changesSince?.(since);
  });
  assert.deepEqual(asked, [1]);
  const value = file.body.blocks[0]!.body.attributes[0]!.expr;
  assert.equal(value.kind, 'tuple');
});
