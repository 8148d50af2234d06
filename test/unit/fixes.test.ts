// Edit builders: each result parses, keeps the file's style and line endings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HclParser } from '../../server/src/core/parse/parseFile';
import { applyEdits } from '../../server/src/core/fixes/apply';
import {
  appendListElement, appendToFile, insertAfterBlock, insertAttribute, removeAttribute, removeListElement, setAttribute, suppressionComment,
} from '../../server/src/core/fixes/edits';
import { uniqueName } from '../../server/src/core/fixes/names';
import type { Expr } from '../../server/src/core/parse/ast';

async function parse(text: string) {
  const parser = await HclParser.create();
  return parser.parse(`/m/${Math.random()}.tf`, text);
}

async function assertParses(text: string): Promise<void> {
  const file = await parse(text);
  assert.deepEqual(file.syntaxErrors, [], `does not parse:\n${text}`);
}

const ALIGNED = `resource "aws_vpc_endpoint" "x" {
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.us-east-1.ssm"
}
`;

test('insertAttribute aligns = like its neighbours; setAttribute replaces only the value', async () => {
  const file = await parse(ALIGNED);
  const block = file.body.blocks[0]!;
  const inserted = applyEdits(ALIGNED, [insertAttribute(file, block, 'vpc_endpoint_type', '"Interface"')]);
  assert.equal(inserted, ALIGNED.replace('ssm"\n', 'ssm"\n  vpc_endpoint_type = "Interface"\n'));
  await assertParses(inserted);
  const replaced = applyEdits(ALIGNED, [setAttribute(file, block, 'vpc_id', 'aws_vpc.main.id')]);
  assert.match(replaced, /vpc_id {12}= aws_vpc\.main\.id/);
});

test('insertAttribute in an unaligned, tab-less, 4-space block and in an empty one-line block', async () => {
  const text = 'resource "a" "b" {\n    x = 1\n}\nresource "c" "d" {}\n';
  const file = await parse(text);
  const out = applyEdits(text, [insertAttribute(file, file.body.blocks[0]!, 'y', '2'), insertAttribute(file, file.body.blocks[1]!, 'z', 'true')]);
  assert.equal(out, 'resource "a" "b" {\n    x = 1\n    y = 2\n}\nresource "c" "d" {\n  z = true\n}\n');
  await assertParses(out);
});

test('CRLF files get CRLF line ends', async () => {
  const text = ALIGNED.replace(/\n/g, '\r\n');
  const file = await parse(text);
  const out = applyEdits(text, [insertAttribute(file, file.body.blocks[0]!, 'private_dns_enabled', 'true')]);
  assert.ok(!/[^\r]\n/.test(out), 'no bare LF');
  await assertParses(out);
});

test('removeAttribute drops the whole line; list element edits keep the list valid', async () => {
  const text = 'locals {\n  list = [\n    "a",\n    "b",\n  ]\n  one = ["x", "y"]\n  drop = 1\n}\n';
  const file = await parse(text);
  const block = file.body.blocks[0]!;
  const list = block.body.attributes[0]!.expr as Extract<Expr, { kind: 'tuple' }>;
  const one = block.body.attributes[1]!.expr as Extract<Expr, { kind: 'tuple' }>;
  const out = applyEdits(text, [appendListElement(file, list, '"c"'), appendListElement(file, one, '"z"'), removeAttribute(file, block.body.attributes[2]!)]);
  assert.equal(out, 'locals {\n  list = [\n    "a",\n    "b",\n    "c",\n  ]\n  one = ["x", "y", "z"]\n}\n');
  await assertParses(out);
  const removed = applyEdits(text, [removeListElement(file, list, 1), removeListElement(file, one, 0)]);
  assert.match(removed, /one = \["y"\]/);
  await assertParses(removed);
});

test('blocks inserted after a block or at the end of a file; suppression comments', async () => {
  const text = 'resource "a" "b" {\n  x = 1\n}\n';
  const file = await parse(text);
  const out = applyEdits(text, [insertAfterBlock(file, file.body.blocks[0]!, 'data "aws_region" "current" {}')]);
  assert.equal(out, 'resource "a" "b" {\n  x = 1\n}\n\ndata "aws_region" "current" {}\n');
  await assertParses(out);
  await assertParses(applyEdits(text, [appendToFile(file, 'locals {\n  a = 1\n}')]));
  const empty = await parse('');
  assert.equal(applyEdits('', [appendToFile(empty, 'locals {}')]), 'locals {}\n');
  const suppressed = applyEdits(text, [suppressionComment(file, 0, 0, 'VPCE201')]);
  assert.ok(suppressed.startsWith('# vpce-lens:ignore VPCE201\nresource'));
});

test('uniqueName avoids taken names', () => {
  const taken = new Set(['s3', 's3_2']);
  assert.equal(uniqueName('s3', (n) => taken.has(n)), 's3_3');
  assert.equal(uniqueName('ecr.api', () => false), 'ecr_api');
  assert.equal(uniqueName('3x', () => false), '_3x');
});

test('applyEdits rejects overlapping edits instead of corrupting text', () => {
  const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
  assert.throws(() => applyEdits('abcdef', [{ range: r, newText: 'x' }, { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }, newText: 'y' }]), /overlapping/);
});
