// Open buffers: ranged and full-text changes are applied in order, reading one has no side
// effect, and a source read earlier keeps describing its own version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpenDocuments } from '../../server/src/documents';

const URI_ = 'file:///m/main.tf';
const edit = (line: number, from: number, to: number, text: string) => ({ range: { start: { line, character: from }, end: { line, character: to } }, text });

test('ranged and full-text changes are applied, and reading changes nothing', () => {
  const docs = new OpenDocuments();
  docs.open(URI_, 1, '\ufeffa = 1\n');
  assert.equal(docs.get('/m/main.tf')!.text, 'a = 1\n', 'the byte order mark is not text');
  docs.change(URI_, 2, [edit(0, 4, 5, '2')]);
  docs.change(URI_, 3, [edit(0, 4, 5, '3'), edit(0, 0, 0, '# x\n')]);
  const first = docs.get('/m/main.tf')!;
  const second = docs.get('/m/main.tf')!;
  assert.deepEqual([first.text, first.version], ['# x\na = 3\n', 3]);
  assert.deepEqual(second, first);
  docs.change(URI_, 4, [{ text: 'b = 1\n' }]);
  assert.deepEqual([docs.get('/m/main.tf')!.text, docs.get('/m/main.tf')!.version], ['b = 1\n', 4]);
  assert.equal(first.text, '# x\na = 3\n', 'a source read earlier still describes its own version');
  docs.close(URI_);
  assert.equal(docs.get('/m/main.tf'), undefined);
});
