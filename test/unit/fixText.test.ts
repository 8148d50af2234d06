// Terraform text written by fixes: expressions copied out of the user's blocks print back to
// the same syntax, inserted blocks follow the file's style, map entries keep the map's layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HclParser } from '../../server/src/core/parse/parseFile';
import type { Expr } from '../../server/src/core/parse/ast';
import { exprText, usesInstanceScope } from '../../server/src/core/fixes/exprText';
import { blockText, styleOf } from '../../server/src/core/fixes/terraformText';
import { appendMapEntries } from '../../server/src/core/fixes/objectEdits';
import { applyEdits } from '../../server/src/core/fixes/apply';

let parser: Promise<HclParser> | undefined;
async function parse(text: string) {
  parser ??= HclParser.create();
  return (await parser).parse(`/m/${Math.random()}.tf`, text);
}

async function valueOf(source: string): Promise<Expr> {
  const file = await parse(`x = ${source}\n`);
  assert.deepEqual(file.syntaxErrors, [], source);
  return file.body.attributes[0]!.expr;
}

const EXPRESSIONS = [
  'aws_vpc.main.id',
  'aws_route_table.private[*].id',
  'values(aws_route_table.app)[*].id',
  '[for s in aws_subnet.private : s.id]',
  '{for k, v in var.m : k => v.id if v.enabled}',
  '[aws_security_group.endpoints.id, "sg-0123"]',
  '"com.amazonaws.${data.aws_region.current.name}.ssm"',
  '"quote \\" backslash \\\\ dollar $${x} percent %%{y}"',
  'var.enabled ? module.vpc.private_subnets : []',
  'concat(local.a, [local.b])',
  'aws_subnet.x["a"].id',
  'tolist(var.ids)[0]',
  '(var.n + 1) * 2',
  '!var.flag',
  '{ a = 1, "b.c" = true, d = null }',
  'aws_instance.web.*.id',
];

test('exprText prints an expression that parses back to the same text', async () => {
  for (const source of EXPRESSIONS) {
    const printed = exprText(await valueOf(source));
    assert.ok(printed !== undefined, source);
    assert.equal(exprText(await valueOf(printed)), printed, `${source} -> ${printed}`);
  }
});

test('exprText keeps literal text exactly (escapes survive a round trip)', async () => {
  const expr = await valueOf('"a\\"b\\\\c$${d}"');
  assert.equal(exprText(expr), '"a\\"b\\\\c$${d}"');
});

test('usesInstanceScope spots each/count/self anywhere', async () => {
  for (const source of ['each.key', '"${each.value.name}-x"', 'var.ids[count.index]', '[for s in each.value : s]', 'self.id']) {
    assert.ok(usesInstanceScope(await valueOf(source)), source);
  }
  for (const source of ['aws_vpc.main.id', '[for s in aws_subnet.private : s.id]', 'local.each_thing']) {
    assert.ok(!usesInstanceScope(await valueOf(source)), source);
  }
});

test('styleOf reads alignment per run of attributes; blocks without a telling run get terraform fmt style', async () => {
  const file = await parse(`resource "a" "aligned" {
  for_each = toset([])

  vpc_id            = 1
  vpc_endpoint_type = 2
}

resource "a" "plain" {
    x = 1
    longer = 2
}

resource "a" "one" {
  x = 1
}
`);
  const [aligned, plain, one] = file.body.blocks;
  assert.deepEqual(styleOf([aligned]), { unit: '  ', aligned: true });
  assert.deepEqual(styleOf([plain]), { unit: '    ', aligned: false });
  assert.deepEqual(styleOf([one]), { unit: '  ', aligned: true });
  assert.deepEqual(styleOf([one, plain]), { unit: '    ', aligned: false });
  const text = blockText('resource "x" "y"', [['a', '1'], ['long_name', '2']], styleOf([aligned]));
  assert.equal(text, 'resource "x" "y" {\n  a         = 1\n  long_name = 2\n}');
  assert.deepEqual((await parse(text)).syntaxErrors, []);
});

test('appendMapEntries keeps the = column of a multi-line map, commas in a one-line map, quoting of keys', async () => {
  const text = 'locals {\n  m = {\n    ssm         = { dns = true }\n    ec2messages = { dns = true }\n  }\n  one = { a = 1 }\n  quoted = {\n    "ssm" = {}\n  }\n}\n';
  const file = await parse(text);
  const [m, one, quoted] = file.body.blocks[0]!.body.attributes.map((a) => a.expr as Extract<Expr, { kind: 'object' }>);
  const out = applyEdits(text, [
    appendMapEntries(file, m!, '{ dns = true }', ['ssmmessages', 'ecr.api']),
    appendMapEntries(file, one!, '1', ['b']),
    appendMapEntries(file, quoted!, '{}', ['kms']),
  ]);
  assert.match(out, /ec2messages = \{ dns = true \}\n {4}ssmmessages = \{ dns = true \}\n {4}"ecr\.api" {3}= \{ dns = true \}\n/);
  assert.match(out, /one = \{ a = 1, b = 1 \}/);
  assert.match(out, /"ssm" = \{\}\n {4}"kms" = \{\}/);
  assert.deepEqual((await parse(out)).syntaxErrors, []);
});
