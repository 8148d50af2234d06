// The partial evaluator: literals, references, functions, instances; Unknown, never a guess.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeModule } from '../helpers/memoryModule';
import { MODULE_SCOPE } from '../../server/src/core/model/scope';
import { type Value, formatValue, isError, isUnknown } from '../../server/src/core/model/values';
import type { ModuleAnalysis } from '../../server/src/core/analysis';

/** Evaluates `local.<name>` of an analysed module, rendered for comparison. */
function local(analysis: ModuleAnalysis, name: string): Value {
  return analysis.root.evaluator.refs.local(name);
}
const show = (v: Value) => formatValue(v);

test('literals, lists, maps, templates and operators', async () => {
  const a = await analyzeModule(`
locals {
  n      = 3
  s      = "a\${local.n}b"
  list   = [1, "two", true, null]
  map    = { a = 1, "b-c" = [local.n] }
  math   = (local.n + 1) * 2 - 10 / 5
  cmp    = local.n >= 3 && !false
  cond   = local.n > 2 ? "big" : "small"
  idx    = local.list[1]
  key    = local.map["b-c"][0]
  heredoc = <<EOT
x=\${local.n}
EOT
}`);
  assert.equal(local(a, 'n'), 3);
  assert.equal(local(a, 's'), 'a3b');
  assert.equal(show(local(a, 'list')), '[1, "two", true, null]');
  assert.equal(show(local(a, 'map')), '{ a = 1, b-c = [3] }');
  assert.equal(local(a, 'math'), 6);
  assert.equal(local(a, 'cmp'), true);
  assert.equal(local(a, 'cond'), 'big');
  assert.equal(local(a, 'idx'), 'two');
  assert.equal(local(a, 'key'), 3);
  assert.equal(local(a, 'heredoc'), 'x=3\n');
});

test('functions that decide endpoint sets', async () => {
  const a = await analyzeModule(`
locals {
  base    = ["ssm", "ec2messages"]
  extra   = ["ssm", "logs"]
  all     = concat(local.base, local.extra)
  set     = toset(local.all)
  n       = length(local.set)
  m       = merge({ a = 1, b = 2 }, { b = 3 })
  ks      = keys(local.m)
  vs      = values(local.m)
  d       = distinct(local.all)
  f       = flatten([["a"], ["b", ["c"]]])
  l       = lookup(local.m, "a", 0)
  ld      = lookup(local.m, "zz", "fallback")
  e       = element(local.base, 3)
  tl      = tolist(local.set)
  c       = contains(local.base, "ssm")
  cidr    = cidrsubnet("10.0.0.0/16", 8, 1)
  unknownf = some_function(1)
}`);
  assert.equal(show(local(a, 'all')), '["ssm", "ec2messages", "ssm", "logs"]');
  assert.equal(show(local(a, 'set')), '["ec2messages", "logs", "ssm"]');
  assert.equal(local(a, 'n'), 3);
  assert.equal(show(local(a, 'm')), '{ a = 1, b = 3 }');
  assert.equal(show(local(a, 'ks')), '["a", "b"]');
  assert.equal(show(local(a, 'vs')), '[1, 3]');
  assert.equal(show(local(a, 'd')), '["ssm", "ec2messages", "logs"]');
  assert.equal(show(local(a, 'f')), '["a", "b", "c"]');
  assert.equal(local(a, 'l'), 1);
  assert.equal(local(a, 'ld'), 'fallback');
  assert.equal(local(a, 'e'), 'ec2messages');
  assert.equal(show(local(a, 'tl')), '["ec2messages", "logs", "ssm"]');
  assert.equal(local(a, 'c'), true);
  assert.equal(local(a, 'cidr'), '10.0.1.0/24', 'cidrsubnet as documented');
  assert.ok(isUnknown(local(a, 'unknownf')), 'an unknown function is Unknown');
});

test('variables: default, var files in precedence order, undeclared', async () => {
  const a = await analyzeModule({
    'main.tf': `
variable "region" { default = "eu-west-1" }
variable "azs" { default = ["a", "b"] }
variable "no_default" {}
variable "from_auto" { default = "default" }
locals {
  r  = var.region
  n  = length(var.azs)
  nd = var.no_default
  fa = var.from_auto
  u  = var.undeclared
}`,
    'terraform.tfvars': 'region = "ap-south-1"\nfrom_auto = "tfvars"\n',
    'b.auto.tfvars': 'from_auto = "auto-b"\n',
    'a.auto.tfvars.json': '{ "from_auto": "auto-a", "azs": ["x", "y", "z"] }',
  });
  assert.equal(local(a, 'r'), 'ap-south-1', 'terraform.tfvars beats the default');
  assert.equal(local(a, 'n'), 3, 'a .tfvars.json file is read');
  assert.ok(isUnknown(local(a, 'nd')));
  assert.equal(local(a, 'fa'), 'auto-b', '*.auto.tfvars are applied in name order, after terraform.tfvars');
  assert.ok(isUnknown(local(a, 'u')));
});

test('a malformed var file is reported, not thrown', async () => {
  const a = await analyzeModule({ 'main.tf': 'variable "x" { default = 1 }\n', 'bad.auto.tfvars.json': '{ nope' });
  const problem = a.findings.find((f) => f.file.endsWith('bad.auto.tfvars.json'));
  assert.ok(problem, 'a finding names the var file');
  assert.match(problem.message, /not valid JSON/);
});

test('reference cycles end as Unknown', async () => {
  const a = await analyzeModule(`
locals {
  a = local.b
  b = local.a
  self = [local.self]
  ok = "fine"
}`);
  assert.ok(isUnknown(local(a, 'a')));
  assert.match((local(a, 'a') as { reason: string }).reason, /cycle/);
  assert.ok(isUnknown(local(a, 'b')));
  const self = local(a, 'self');
  assert.ok(Array.isArray(self) && isUnknown(self[0]!), 'a self-reference inside a list is Unknown');
  assert.equal(local(a, 'ok'), 'fine');
});

const SUBNETS = `
locals { azs = ["a", "b", "c"] }
resource "aws_subnet" "private" {
  count      = length(local.azs)
  cidr_block = "10.0.\${count.index}.0/24"
}
resource "aws_subnet" "app" {
  for_each          = { a = "10.1.0.0/24", b = "10.1.1.0/24" }
  cidr_block        = each.value
  availability_zone = "eu-west-1\${each.key}"
}
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
`;

test('resource instances: count and for_each, with addresses', async () => {
  const a = await analyzeModule(SUBNETS);
  const refs = a.root.evaluator.refs;
  const private_ = refs.instances(a.root.evaluator.module.resources.get('aws_subnet.private')!);
  assert.ok(private_.known);
  assert.deepEqual(private_.instances.map((i) => i.address), ['aws_subnet.private[0]', 'aws_subnet.private[1]', 'aws_subnet.private[2]']);
  const app = refs.instances(a.root.evaluator.module.resources.get('aws_subnet.app')!);
  assert.ok(app.known);
  assert.deepEqual(app.instances.map((i) => i.address), ['aws_subnet.app["a"]', 'aws_subnet.app["b"]']);
  assert.equal(refs.instanceAttribute(app.instances[1]!, 'availability_zone'), 'eu-west-1b');
  assert.equal(refs.instanceAttribute(private_.instances[2]!, 'cidr_block'), '10.0.2.0/24');
});

test('references to resource instances: splat, values(), for, index', async () => {
  const a = await analyzeModule(`${SUBNETS}
locals {
  splat   = aws_subnet.private[*].id
  values  = values(aws_subnet.app)[*].id
  for     = [for s in aws_subnet.private : s.id]
  one     = aws_subnet.app["a"].id
  cidr    = aws_vpc.main.cidr_block
  app_azs = [for k, s in aws_subnet.app : s.availability_zone]
  missing = aws_subnet.nope.id
}`);
  assert.equal(show(local(a, 'splat')), '[(known after apply: aws_subnet.private[0].id), (known after apply: aws_subnet.private[1].id), (known after apply: aws_subnet.private[2].id)]');
  assert.equal(show(local(a, 'values')), '[(known after apply: aws_subnet.app["a"].id), (known after apply: aws_subnet.app["b"].id)]');
  assert.equal(show(local(a, 'for')), show(local(a, 'splat')));
  assert.equal(show(local(a, 'one')), '(known after apply: aws_subnet.app["a"].id)');
  assert.equal(local(a, 'cidr'), '10.0.0.0/16');
  assert.equal(show(local(a, 'app_azs')), '["eu-west-1a", "eu-west-1b"]');
  assert.ok(isUnknown(local(a, 'missing')));
});

test('count and for_each that cannot be known give unknown instances, never a guess', async () => {
  const a = await analyzeModule(`
variable "n" {}
resource "aws_subnet" "x" { count = var.n }
resource "aws_subnet" "y" { for_each = toset([var.n, "a"]) }
resource "aws_subnet" "z" { count = var.n > 0 ? 1 : 0 }
`);
  const refs = a.root.evaluator.refs;
  for (const name of ['x', 'y', 'z']) {
    const instances = refs.instances(a.root.evaluator.module.resources.get(`aws_subnet.${name}`)!);
    assert.equal(instances.known, false, `aws_subnet.${name}`);
  }
});

test('each.key and each.value over a map of objects; conditional on a known flag', async () => {
  const a = await analyzeModule(`
variable "enable_kms" { default = false }
locals {
  endpoints = {
    ssm  = { private_dns = true }
    logs = { private_dns = false }
  }
}
resource "aws_vpc_endpoint" "this" {
  for_each            = local.endpoints
  service_name        = "com.amazonaws.eu-west-1.\${each.key}"
  private_dns_enabled = each.value.private_dns
}
resource "aws_vpc_endpoint" "kms" {
  count        = var.enable_kms ? 1 : 0
  service_name = "com.amazonaws.eu-west-1.kms"
}
`);
  const views = a.endpoints.map((e) => `${e.address} ${e.serviceName} dns=${String(e.privateDnsEnabled)}`);
  assert.deepEqual(views, [
    'aws_vpc_endpoint.this["logs"] com.amazonaws.eu-west-1.logs dns=false',
    'aws_vpc_endpoint.this["ssm"] com.amazonaws.eu-west-1.ssm dns=true',
  ]);
  const kms = a.root.evaluator.refs.instances(a.root.evaluator.module.resources.get('aws_vpc_endpoint.kms')!);
  assert.ok(kms.known && kms.instances.length === 0, 'count = 0 gives zero instances');
});

test('evaluation of deeply nested expressions stops instead of overflowing', async () => {
  const depth = 4000;
  const a = await analyzeModule(`locals {\n  deep = ${'['.repeat(depth)}1${']'.repeat(depth)}\n}\n`);
  const deep = local(a, 'deep');
  assert.ok(deep !== undefined);
  assert.equal(a.root.evaluator.evaluate({ kind: 'literal', value: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, MODULE_SCOPE), 1);
});

test('attributes of resources whose bodies are deferred still evaluate', async () => {
  const a = await analyzeModule(`
resource "aws_instance" "app" {
  count         = 2
  instance_type = "t3.micro"
  ami           = "ami-\${count.index}"
}
locals {
  types = aws_instance.app[*].instance_type
  ami1  = aws_instance.app[1].ami
}`);
  assert.equal(show(local(a, 'types')), '["t3.micro", "t3.micro"]');
  assert.equal(local(a, 'ami1'), 'ami-1');
});

test('== on Unknowns: the same identity is the same value; otherwise Unknown', async () => {
  const a = await analyzeModule(`${SUBNETS}
locals {
  same      = aws_subnet.private[0].id == aws_subnet.private[0].id
  other     = aws_subnet.private[0].id == aws_subnet.private[1].id
  same_list = aws_subnet.private[*].id == aws_subnet.private[*].id
  instance  = aws_vpc.main == aws_vpc.main
}`);
  assert.equal(local(a, 'same'), true);
  assert.ok(isUnknown(local(a, 'other')));
  assert.equal(local(a, 'same_list'), true);
  assert.equal(local(a, 'instance'), true);
});

test('templateParts renders directives, so known pieces of a name stay readable', async () => {
  const a = await analyzeModule(`
variable "fips" { default = true }
variable "region" {}
locals {
  name = "com.amazonaws.%{ if var.fips }fips.%{ endif }\${var.region}.s3"
}`);
  const expr = a.root.evaluator.module.locals.get('name')!.attribute.expr;
  assert.equal(expr.kind, 'template');
  const pieces = a.root.evaluator.templateParts(expr.kind === 'template' ? expr.parts : [], MODULE_SCOPE);
  assert.deepEqual(pieces.map((p) => (isUnknown(p) ? '?' : p)), ['com.amazonaws.', 'fips.', '?', '.s3']);
});

test('each and count outside their blocks: errors where Terraform rejects them, Unknown where no instance is chosen', async () => {
  const a = await analyzeModule(`
resource "aws_subnet" "x" {
  for_each   = toset(["a"])
  cidr_block = each.key
}
locals { bad = each.key }`);
  assert.ok(isError(local(a, 'bad')), 'each in a local is an error');
  const resource = a.root.evaluator.module.resources.get('aws_subnet.x')!;
  const cidr = resource.block.body.attributes.find((attr) => attr.name === 'cidr_block')!;
  const unchosen = a.root.evaluator.evaluate(cidr.expr, MODULE_SCOPE);
  assert.ok(isUnknown(unchosen) && !isError(unchosen), 'a block argument read without an instance is Unknown');
});
