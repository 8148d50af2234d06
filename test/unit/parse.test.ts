// The parse layer: tree-sitter -> HCL syntax objects, syntax errors, incremental re-parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Parser } from 'web-tree-sitter';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HclParser } from '../../server/src/core/parse/parseFile';
import { convertInParts, partsOf } from '../../server/src/core/parse/parts';
import { createTerraformParser } from '../../server/src/core/parse/grammar';
import { convertTree } from '../../server/src/core/parse/convert';
import type { EagerBodyPredicate, Expr } from '../../server/src/core/parse/ast';
import { positionOf } from '../helpers/memoryModule';

const REPO = join(__dirname, '../../..');

const SOURCE = `# endpoints
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.\${var.region}.s3"
  route_table_ids = aws_route_table.private[*].id
  tags = { Name = "s3", "team" = local.team }
}

locals {
  names = [for s in var.list : upper(s) if s != ""]
}
`;

test('blocks, labels and attributes keep their source ranges', async () => {
  const parser = await HclParser.create();
  const file = parser.parse('/m/main.tf', SOURCE);
  assert.deepEqual(file.syntaxErrors, []);
  const [endpoint, locals] = file.body.blocks;
  assert.equal(endpoint?.type, 'resource');
  assert.deepEqual(endpoint?.labels, ['aws_vpc_endpoint', 's3']);
  assert.deepEqual(endpoint?.range.start, positionOf(SOURCE, 'resource'));
  assert.deepEqual(endpoint?.labelRanges[1]?.start, positionOf(SOURCE, '"s3"'));
  assert.equal(endpoint?.complete, true);
  const serviceName = endpoint?.body.attributes.find((a) => a.name === 'service_name');
  assert.deepEqual(serviceName?.nameRange.start, positionOf(SOURCE, 'service_name'));
  assert.equal(serviceName?.expr.kind, 'template');
  assert.equal(locals?.type, 'locals');
  assert.equal(locals?.body.attributes[0]?.expr.kind, 'for');
});

test('expressions: traversals with splats and indexes, objects, templates', async () => {
  const parser = await HclParser.create();
  const file = parser.parse('/m/main.tf', SOURCE);
  const attrs = file.body.blocks[0]!.body.attributes;
  const routeTables = attrs.find((a) => a.name === 'route_table_ids')!.expr as Extract<Expr, { kind: 'traversal' }>;
  assert.equal(routeTables.kind, 'traversal');
  assert.deepEqual(routeTables.steps.map((s) => s.kind), ['attr', 'splat']);
  const splat = routeTables.steps[1] as Extract<Expr, { kind: 'traversal' }>['steps'][number] & { kind: 'splat' };
  assert.equal(splat.full, true);
  assert.deepEqual(splat.steps.map((s) => (s.kind === 'attr' ? s.name : s.kind)), ['id']);
  const tags = attrs.find((a) => a.name === 'tags')!.expr;
  assert.equal(tags.kind, 'object');
  assert.equal(tags.kind === 'object' && tags.items.length, 2);
});

test('a half-typed file keeps everything that parsed and reports where it broke', async () => {
  const text = `resource "aws_vpc_endpoint" "a" {
  service_name = "com.amazonaws.us-east-1.ssm"
}

resource "aws_vpc_endpoint" "b" {
  vpc_endpoint_type = 
}

variable "region" {
  default = "eu-west-1"
}
`;
  const parser = await HclParser.create();
  const file = parser.parse('/m/broken.tf', text);
  assert.ok(file.syntaxErrors.length >= 1, 'a syntax error is reported');
  const error = file.syntaxErrors[0]!;
  assert.ok(error.range.start.line >= positionOf(text, 'vpc_endpoint_type').line, 'the error is at or after the half-typed line');
  assert.ok(error.range.start.line <= positionOf(text, 'variable').line, 'and before the next block');
  const labels = file.body.blocks.map((b) => `${b.type}:${b.labels.join('.')}`);
  assert.ok(labels.includes('resource:aws_vpc_endpoint.a'), `first block kept: ${labels.join(', ')}`);
  assert.ok(labels.includes('variable:region'), `later block kept: ${labels.join(', ')}`);
});

test('unterminated string and missing brace produce syntax errors, not exceptions', async () => {
  const parser = await HclParser.create();
  for (const text of ['resource "a" "b" {\n  x = "open\n', 'locals {\n  a = [1, 2\n', '}}}}', '"', '${', 'a = <<EOT\nno end\n']) {
    const file = parser.parse('/m/x.tf', text);
    assert.ok(file.syntaxErrors.length > 0, `syntax error reported for ${JSON.stringify(text)}`);
    for (const e of file.syntaxErrors) assert.match(e.message, /^Syntax error: /);
  }
});

test('columns are UTF-16 code units, CRLF line ends parse', async () => {
  const parser = await HclParser.create();
  const text = 'locals {\r\n  name = "café ☕"\r\n  after = 1\r\n}\r\n';
  const file = parser.parse('/m/crlf.tf', text);
  assert.deepEqual(file.syntaxErrors, []);
  const after = file.body.blocks[0]!.body.attributes.find((a) => a.name === 'after')!;
  assert.deepEqual(after.nameRange.start, { line: 2, character: 2 });
  const name = file.body.blocks[0]!.body.attributes.find((a) => a.name === 'name')!;
  assert.equal(name.expr.kind === 'literal' && name.expr.value, 'café ☕');
  assert.equal(name.range.end.character, '  name = "café ☕"'.length);
});

test('string escapes are decoded', async () => {
  const parser = await HclParser.create();
  const file = parser.parse('/m/e.tf', 'a = "x\\ty\\n\\"q\\" \\u00e9 $${lit}"\n');
  const expr = file.body.attributes[0]!.expr;
  assert.equal(expr.kind === 'literal' && expr.value, 'x\ty\n"q" é ${lit}');
});

/** Files that parse cleanly, cut by partsOf where a whole parse would not cut them too. */
const CLEAN_FILES = [
  SOURCE,
  'locals {\n  policy = <<EOT\nresource "not" "a_block" {\n}\nEOT\n}\n\nresource "aws_vpc_endpoint" "x" {\n  vpc_id = "v"\n}\n',
  '/*\nresource "commented" "out" {\n}\n*/\n# vpce-lens:ignore VPCE108\nresource "a" "b" {\n  c = 1 # trailing\n}\n',
  'region = "eu-west-1"\nnames  = ["ssm"]\n',
  'terraform {\r\n  required_version = ">= 1.5"\r\n}\r\n\r\nvariable "v" {\r\n  default = { a = 1 }\r\n}\r\n',
  '\n\n  \n',
];

/**
 * Asserts that `text`, parsed in parts, reads as parsed whole: blocks, attributes, errors,
 * directive comments and line ending. Returns how many parts it was cut into; undefined (and
 * nothing asserted) when the whole text does not parse cleanly.
 */
function assertPartsReadAsWhole(parser: Parser, path: string, text: string, eager: EagerBodyPredicate): number | undefined {
  const tree = parser.parse(text)!;
  const clean = !tree.rootNode.hasError;
  const whole = clean ? convertTree(path, tree, { source: text, eager, lineEnding: text.includes('\r\n') ? '\r\n' : '\n' }) : undefined;
  tree.delete();
  if (!whole) return undefined;
  const parts = convertInParts(path, text, parser, { eager });
  assert.equal(plain({ body: parts.body.blocks }), plain({ body: whole.body.blocks }), path);
  assert.equal(plain({ body: parts.body.attributes }), plain({ body: whole.body.attributes }), path);
  assert.deepEqual([parts.syntaxErrors, [...parts.comments], parts.lineEnding], [whole.syntaxErrors, [...whole.comments], whole.lineEnding], path);
  return partsOf(text).length;
}

test('a file parsed in parts reads exactly as the whole file when it parses cleanly', async () => {
  const parser = await createTerraformParser();
  for (const text of CLEAN_FILES) {
    assert.notEqual(assertPartsReadAsWhole(parser, text, text, (type) => type !== 'resource'), undefined, `parses cleanly: ${text}`);
  }
  assert.ok(partsOf(CLEAN_FILES[1]!).length > 2, 'the heredoc is cut, and read whole again');
});

test('every fixture and example that parses cleanly reads the same in parts as whole', async () => {
  const parser = await createTerraformParser();
  const eager = (type: string, labels: readonly string[]) => type !== 'resource' || labels[0] === 'aws_vpc_endpoint';
  const counts = ['test/fixtures', 'examples'].flatMap((dir) => tfFilesUnder(join(REPO, dir)))
    .map((path) => assertPartsReadAsWhole(parser, path, readFileSync(path, 'utf8'), eager))
    .filter((n): n is number => n !== undefined);
  assert.ok(counts.length > 200, `only ${counts.length} clean files compared`);
  assert.ok(counts.filter((n) => n > 1).length > 150, 'most of them are cut into several parts, so the comparison tests the cutting');
});

function tfFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tfFilesUnder(path);
    return /\.(tf|tofu|tfvars)$/.test(entry.name) ? [path] : [];
  });
}

test('a half-typed block keeps its syntax error where it is typed; the blocks after it stay whole', async () => {
  const text = 'resource "aws_vpc_endpoint" "x" {\n  vpc_id = "v"\n  servi\n}\n\nresource "aws_subnet" "a" {\n  cidr_block = "10.0.0.0/24"\n}\n';
  const file = (await HclParser.create()).parse('/m/typing.tf', text);
  assert.deepEqual(file.body.blocks.map((b) => [b.type, ...b.labels, b.complete]), [['resource', 'aws_vpc_endpoint', 'x', false], ['resource', 'aws_subnet', 'a', true]]);
  assert.ok(file.syntaxErrors.length > 0 && file.syntaxErrors.every((e) => e.range.start.line >= 2 && e.range.end.line <= 5), JSON.stringify(file.syntaxErrors));
  assert.equal(file.body.blocks[1]!.body.attributes[0]!.range.start.line, 6);
});

test('the parser returns the cached syntax for unchanged text', async () => {
  const parser = await HclParser.create();
  const first = parser.parse('/m/a.tf', 'a = 1\n');
  assert.equal(parser.parse('/m/a.tf', 'a = 1\n'), first);
  assert.notEqual(parser.parse('/m/a.tf', 'a = 2\n'), first);
});

test('deferred bodies: converted on first read, with positions in the whole file', async () => {
  const text = `locals { a = 1 }

  resource "aws_instance" "app" {
    count     = 2
    subnet_id = "subnet-\${count.index}"
    tags      = { Name = "x" }
  }
`;
  const parser = await HclParser.create((type, labels) => type !== 'resource' || labels[0] !== 'aws_instance');
  const file = parser.parse('/m/deferred.tf', text);
  const block = file.body.blocks[1]!;
  assert.ok(block.deferredMeta, 'the aws_instance body is deferred');
  assert.deepEqual([...block.deferredMeta.keys()], ['count']);
  const subnet = block.body.attributes.find((a) => a.name === 'subnet_id')!;
  assert.deepEqual(subnet.nameRange.start, positionOf(text, 'subnet_id'));
  assert.deepEqual(subnet.expr.range.start, positionOf(text, '"subnet-'));
  assert.equal(block.body.attributes.length, 3);
  assert.equal(file.body.blocks[0]!.deferredMeta, undefined, 'other blocks are converted eagerly');
});

test('an edited buffer re-converts only the blocks whose text or place changed', async () => {
  const parser = await HclParser.create();
  const before = 'locals {\n  a = 1\n}\n\nresource "x" "y" {\n  b = 2\n}\n';
  const first = parser.parse('/m/edit.tf', before, 1);
  const after = before.replace('b = 2', 'b = 3');
  const second = parser.parse('/m/edit.tf', after, 2);
  assert.equal(second.body.blocks[0], first.body.blocks[0], 'the untouched block is reused');
  assert.notEqual(second.body.blocks[1], first.body.blocks[1], 'the edited block is converted again');
  const value = second.body.blocks[1]!.body.attributes[0]!.expr;
  assert.equal(value.kind === 'literal' && value.value, 3);
  const shifted = parser.parse('/m/edit.tf', `\n${after}`, 3);
  assert.notEqual(shifted.body.blocks[0], second.body.blocks[0], 'a moved block is a copy at its new lines');
  assert.equal(shifted.body.blocks[0]!.range.start.line, 1);
});

/** A file's syntax as plain data, deferred bodies read: what a reused block must equal. */
function plain(file: { body: unknown }): string {
  return JSON.stringify(file.body, (_key, value: unknown) => (value instanceof Map ? [...value] : value));
}

test('blocks moved by lines inserted or removed above them equal a fresh conversion, deferred bodies too', async () => {
  const text = [
    'locals {\n  names = ["ssm", "kms"]\n}\n',
    'resource "aws_vpc_endpoint" "x" {\n  for_each     = toset(local.names)\n  service_name = "com.amazonaws.eu-west-1.${each.key}"\n  subnet_ids   = [for s in var.subnets : s.id]\n}\n',
    'resource "aws_subnet" "a" {\n  count      = 2\n  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)\n  tags = {\n    Name = "a-${count.index}"\n  }\n}\n',
  ].join('\n');
  // Endpoint blocks eager, the others deferred (converted on first read), as the analyzer does.
  const eager = (type: string, labels: readonly string[]) => type !== 'resource' || labels[0] === 'aws_vpc_endpoint';
  const editing = await HclParser.create(eager);
  editing.parse('/m/moved.tf', text, 1);
  for (const [version, moved] of [[2, `\n\n${text}`], [3, `# top\n${text}`], [4, text]] as const) {
    const reused = editing.parse('/m/moved.tf', moved, version);
    const fresh = (await HclParser.create(eager)).parse('/m/moved.tf', moved);
    assert.equal(plain(reused), plain(fresh), `version ${version}: the reused blocks are where a fresh parse puts them`);
  }
});

test('blocks swallowed by a half-typed block above them are reused, and equal a fresh conversion', async () => {
  const text = [
    'resource "aws_vpc_endpoint" "x" {\n  vpc_id = "vpc-1"\n}\n',
    'resource "aws_subnet" "a" {\n  count      = 2\n  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)\n}\n',
    'locals {\n  names = ["ssm"]\n}\n',
  ].join('\n');
  const eager = (type: string, labels: readonly string[]) => type !== 'resource' || labels[0] === 'aws_vpc_endpoint';
  const editing = await HclParser.create(eager);
  const first = editing.parse('/m/typing.tf', text, 1);
  // `  a` typed on a line of its own: error recovery nests every block below inside the endpoint.
  const halfTyped = text.replace('"vpc-1"\n', '"vpc-1"\n  a\n');
  const typing = editing.parse('/m/typing.tf', halfTyped, 2);
  assert.ok(typing.syntaxErrors.length > 0);
  const fresh = (await HclParser.create(eager)).parse('/m/typing.tf', halfTyped);
  assert.equal(plain(typing), plain(fresh), 'the reused blocks are where a fresh parse puts them');
  const locals = typing.body.blocks.find((b) => b.type === 'locals');
  assert.ok(locals, 'the swallowed locals block is lifted back to the top level');
  assert.equal(locals.range.start.line, first.body.blocks.find((b) => b.type === 'locals')!.range.start.line + 1);
  const finished = editing.parse('/m/typing.tf', halfTyped.replace('  a\n', '  a = 1\n'), 3);
  assert.equal(finished.body.blocks.at(-1), locals, 'once the line parses, the block kept while it did not is reused');
  assert.deepEqual(finished.syntaxErrors, []);
});

test('failing parts are joined with the next failing part, and after 8 joins the rest of the file is one part', async () => {
  const parser = await createTerraformParser();
  const broken = (i: number) => `resource "a" "b${i}" {\n  x = (\n}\n`;
  const text = [...Array.from({ length: 12 }, (_, i) => broken(i)), 'resource "a" "ok" {\n  y = 1\n}\n'].join('');
  assert.equal(partsOf(text).length, 13);
  const file = convertInParts('/m/broken.tf', text, parser, {});
  assert.ok(file.syntaxErrors.length > 0);
  const names = file.body.blocks.map((b) => b.labels[1]);
  assert.ok(names.includes('b0'), names.join());
  // Every part fails but the last: all twelve are joined (8 one by one, then the rest), so the
  // clean block after them is read as a whole parse of that text reads it.
  const whole = parser.parse(text)!;
  const wholeNames = convertTree('/m/broken.tf', whole, { source: text }).body.blocks.map((b) => b.labels[1]);
  whole.delete();
  assert.deepEqual(names, wholeNames);
});

test('a parse over its time budget is reported, not analysed, and the next parse is clean', async () => {
  const parser = await HclParser.create(undefined, 1);
  const huge = Array.from({ length: 40_000 }, (_, i) => `resource "a" "r${i}" {\n  x = ${i}\n}\n`).join('');
  const file = parser.parse('/m/huge.tf', huge);
  assert.equal(file.body.blocks.length, 0);
  assert.match(file.syntaxErrors[0]!.message, /^Not analysed: parsing took longer than/);
  const small = parser.parse('/m/small.tf', 'locals {\n  a = 1\n}\n');
  assert.deepEqual(small.syntaxErrors, []);
  assert.equal(small.body.blocks[0]?.type, 'locals', 'the cancelled parse does not leak into the next one');
});
