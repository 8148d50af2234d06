// Fix composition ("fix all"), the "suppress here" fix, and the alignment run inserted
// attributes follow.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { composeFixes } from '../../server/src/core/fixes/compose';
import { insertAttribute } from '../../server/src/core/fixes/edits';
import { suppressionFix } from '../../server/src/core/fixes/suppress';
import { HclParser } from '../../server/src/core/parse/parseFile';
import { createTerraformParser } from '../../server/src/core/parse/grammar';
import type { Fix, TextEdit } from '../../server/src/core/types';
import { analyzeModule, positionOf, ROOT } from '../helpers/memoryModule';

const FILE = '/m/main.tf';
const at = (line: number, character: number) => ({ line, character });
const insert = (line: number, character: number, newText: string): TextEdit => ({ file: FILE, range: { start: at(line, character), end: at(line, character) }, newText });
const fix = (title: string, ...edits: TextEdit[]): Fix => ({ title, edits });

// Composition reads inserted blocks from their syntax tree: the grammar is loaded, as after any analysis.
before(() => createTerraformParser());

test('composeFixes keeps fixes whole, makes a shared edit once, and skips a fix that overlaps one taken', () => {
  const text = 'a = 1\nb = 2\n';
  const shared = insert(1, 5, ' # shared');
  const replaceA = { file: FILE, range: { start: at(0, 4), end: at(0, 5) }, newText: '10' };
  const overlapping = { file: FILE, range: { start: at(0, 0), end: at(0, 5) }, newText: 'a = 3' };
  const result = composeFixes([fix('one', replaceA, shared), fix('two', shared), fix('three', overlapping, insert(1, 0, '# lost\n'))], () => text);
  assert.deepEqual(result.applied.map((f) => f.title), ['one', 'two']);
  assert.deepEqual(result.skipped.map((f) => f.title), ['three']);
  assert.equal(applyEdits(text, result.edits), 'a = 10\nb = 2 # shared\n');
});

test('composeFixes inserts a block two fixes both add only once, whichever fix carries it', () => {
  const text = 'resource "a" "x" {}\nresource "a" "y" {}\n';
  const region = 'data "aws_region" "current" {}';
  const alone = fix('region only', insert(0, 19, `\n\n${region}`));
  const withEndpoint = fix('region and endpoint', insert(1, 19, `\n\n${region}\n\nresource "aws_vpc_endpoint" "s3" {\n  vpc_id = "vpc-1"\n}`));
  for (const order of [[alone, withEndpoint], [withEndpoint, alone]]) {
    const result = composeFixes(order, () => text);
    assert.equal(result.applied.length, 2);
    const out = applyEdits(text, result.edits);
    assert.equal(out.match(/data "aws_region"/g)?.length, 1, out);
    assert.match(out, /resource "aws_vpc_endpoint" "s3"/);
  }
});

test('composeFixes knows an inserted block whole: nested blocks, braces in strings, CRLF, and spacing in its header', () => {
  const text = 'resource "a" "x" {}\r\n';
  const endpoint = 'resource  "aws_vpc_endpoint"   "s3" {\r\n  tags = { Name = "}{" }\r\n  dns_options {\r\n    dns_record_ip_type = "ipv4"\r\n  }\r\n}';
  const first = fix('first', insert(0, 19, `\r\n\r\n${endpoint}`));
  const second = fix('second', insert(1, 0, `\r\nresource "aws_vpc_endpoint" "s3" {\r\n  tags = { Name = "}{" }\r\n}\r\n# kept`));
  const result = composeFixes([first, second], () => text);
  assert.equal(result.applied.length, 2);
  const out = applyEdits(text, result.edits);
  assert.equal(out.match(/"aws_vpc_endpoint"/g)?.length, 1, out);
  assert.match(out, /dns_options/);
  assert.match(out, /\r\n# kept$/, 'text after the dropped block stays');
});

test('composeFixes skips a fix whose file cannot be read', () => {
  assert.deepEqual(composeFixes([fix('x', insert(0, 0, 'y'))], () => undefined).skipped.length, 1);
});

test('suppressionFix adds an indented comment line, or joins the directive already above', () => {
  const text = 'resource "a" "b" {\n  # vpce-lens:ignore VPCE105\n  private_dns_enabled = false\n  subnet_ids = []\n}\n';
  const on = (needle: string, rule: string) => ({ file: FILE, rule, range: { start: positionOf(text, needle), end: positionOf(text, needle) } });
  const joined = suppressionFix(on('private_dns_enabled', 'VPCE102'), text);
  assert.equal(applyEdits(text, joined.edits), text.replace('ignore VPCE105', 'ignore VPCE105 VPCE102'));
  assert.deepEqual(suppressionFix(on('private_dns_enabled', 'VPCE105'), text).edits, [], 'already suppressed');
  const added = suppressionFix(on('subnet_ids', 'VPCE103'), text);
  assert.equal(applyEdits(text, added.edits), text.replace('  subnet_ids', '  # vpce-lens:ignore VPCE103\n  subnet_ids'));
  const crlf = text.replace(/\n/g, '\r\n');
  assert.ok(!/[^\r]\n/.test(applyEdits(crlf, suppressionFix(on('resource', 'VPCE101'), crlf).edits)), 'CRLF stays CRLF');
});

test('a suppression comment above a block hides findings on its arguments; one above an attribute hides findings inside it', async () => {
  const endpoint = (comment: string) => `provider "aws" {\n  region = "eu-west-1"\n}\n\n${comment}resource "aws_vpc_endpoint" "s3" {\n  vpc_id          = "vpc-1"\n  route_table_ids = ["rtb-1"]\n  service_name    = "com.amazonaws.eu-west-1.s3"\n}\n`;
  const visible = (await analyzeModule(endpoint(''))).findings.filter((f) => !f.suppressed);
  assert.deepEqual(visible.map((f) => f.rule), ['VPCE108']);
  const hidden = (await analyzeModule(endpoint('# vpce-lens:ignore VPCE108\n'))).findings;
  assert.deepEqual(hidden.map((f) => [f.rule, f.suppressed]), [['VPCE108', true]]);
  const list = 'locals {\n  # vpce-lens:ignore VPCE107\n  names = [\n    "kmss",\n  ]\n}\n';
  const module = `${endpoint('')}\n${list}resource "aws_vpc_endpoint" "i" {\n  for_each          = toset(local.names)\n  vpc_id            = "vpc-1"\n  vpc_endpoint_type = "Interface"\n  subnet_ids        = ["subnet-1"]\n  service_name      = "com.amazonaws.\${var.region}.\${each.key}"\n}\nvariable "region" {}\n`;
  const typo = (await analyzeModule(module)).findings.find((f) => f.rule === 'VPCE107');
  assert.equal(typo?.file, `${ROOT}/main.tf`);
  assert.equal(typo?.suppressed, true);
});

test('insertAttribute aligns with the last run of attributes, as terraform fmt does', async () => {
  const text = 'resource "a" "b" {\n  for_each = toset([])\n\n  vpc_id              = "x"\n  private_dns_enabled = true\n}\n';
  const file = (await HclParser.create()).parse('/m/a.tf', text);
  const out = applyEdits(text, [insertAttribute(file, file.body.blocks[0]!, 'vpc_endpoint_type', '"Interface"')]);
  assert.match(out, /\n {2}vpc_endpoint_type {3}= "Interface"\n/);
});
