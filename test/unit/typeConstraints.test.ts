// Variable type constraints beyond the conformance table: values from calling modules (Unknown
// identities kept, resource objects narrowed to an object type), var files in Terraform's order
// and their JSON forms, and an endpoint module in the modern optional() style end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeModule } from '../helpers/memoryModule';
import { plain } from '../helpers/conformance';
import { regionPrices } from '../../server/src/core/pricing/catalogue';
import { moduleCosts } from '../../server/src/core/pricing/moduleCosts';
import { parseTypeConstraint, typeString, unifyTypes } from '../../server/src/core/model/typeConstraints';
import { convertValue } from '../../server/src/core/model/typeConversion';
import { type Value, isError, isUnknown, unknown } from '../../server/src/core/model/values';
import type { ModuleAnalysis } from '../../server/src/core/analysis';
import type { Expr } from '../../server/src/core/parse/ast';

function childVar(a: ModuleAnalysis, prefix: string, name: string): Value {
  const child = a.modules.find((m) => m.prefix === prefix);
  assert.ok(child, `no module ${prefix} among ${a.modules.map((m) => m.prefix).join(', ')}`);
  return child.evaluator.refs.variable(name);
}

const noDefaults = (): Value => {
  throw new Error('no optional() default expected');
};

test('a calling module input converts; Unknowns keep their identity, partly known lists their length', async () => {
  const a = await analyzeModule({
    'main.tf': `
resource "aws_subnet" "private" { count = 2 }
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
module "child" {
  source     = "./child"
  subnet_ids = concat(aws_subnet.private[*].id, ["subnet-literal"])
  zones      = ["b", "a", "b"]
  vpc        = aws_vpc.main
  ports      = ["443", 80]
}`,
    'child/main.tf': `
variable "subnet_ids" { type = list(string) }
variable "zones" { type = set(string) }
variable "vpc" { type = object({ id = string, cidr_block = string }) }
variable "ports" { type = list(number) }
`,
  });
  const subnets = childVar(a, 'module.child.', 'subnet_ids');
  assert.ok(Array.isArray(subnets) && subnets.length === 3);
  assert.deepEqual(subnets.map((s) => (isUnknown(s) ? s.identity : s)), ['aws_subnet.private[0].id', 'aws_subnet.private[1].id', 'subnet-literal']);
  assert.deepEqual(plain(childVar(a, 'module.child.', 'zones')), ['a', 'b']);
  assert.deepEqual(plain(childVar(a, 'module.child.', 'ports')), [443, 80]);
  // A resource object narrowed to an object type: its declared attributes only.
  const vpc = childVar(a, 'module.child.', 'vpc');
  assert.ok(vpc instanceof Map && vpc.size === 2);
  assert.equal(vpc.get('cidr_block'), '10.0.0.0/16');
  assert.equal((vpc.get('id') as { identity?: string }).identity, 'aws_vpc.main.id');
});

test('a set of Unknowns that may be equal is Unknown; with identities it is deduplicated', () => {
  const set = parseTypeConstraint(typeExpr('set'));
  assert.ok(!('invalid' in set));
  const same = convertValue([unknown('x', 'a.id'), unknown('x', 'a.id'), unknown('y', 'b.id')], set, noDefaults);
  assert.ok(Array.isArray(same) && same.length === 2);
  const anonymous = convertValue([unknown('x'), unknown('y')], set, noDefaults);
  assert.ok(isUnknown(anonymous) && !isError(anonymous));
  const whole = unknown('later', 'var.zones');
  assert.equal(convertValue(whole, set, noDefaults), whole, 'an Unknown converts to itself');
});

test('go-cty reads "1" and "0" as bools; numbers must be decimal', () => {
  const bool = { kind: 'bool' } as const;
  const number = { kind: 'number' } as const;
  assert.equal(convertValue('1', bool, noDefaults), true);
  assert.equal(convertValue('0', bool, noDefaults), false);
  assert.equal(convertValue('1e3', number, noDefaults), 1000);
  assert.ok(isError(convertValue('0x10', number, noDefaults)));
  assert.ok(isError(convertValue(' 3', number, noDefaults)));
});

test('unification: objects of one shape stay objects, of different shapes become maps', () => {
  const obj = (entries: [string, string][]) => ({
    kind: 'object' as const,
    attributes: new Map(entries.map(([k, t]) => [k, { type: { kind: t } as never, optional: false }])),
  });
  assert.equal(typeString(unifyTypes([obj([['a', 'number']]), obj([['a', 'string']])])!), 'object({a = string})');
  assert.equal(typeString(unifyTypes([obj([['a', 'number']]), obj([['b', 'string']])])!), 'map(string)');
  assert.equal(unifyTypes([obj([['a', 'number']]), obj([['a', 'bool']])]), undefined);
  assert.equal(unifyTypes([{ kind: 'number' }, { kind: 'bool' }]), undefined);
});

test('var files: the last one that sets a variable wins, then its value converts; JSON forms too', async () => {
  const a = await analyzeModule({
    'main.tf': `
variable "count_of" { type = number }
variable "flags" {
  type = map(object({
    on    = optional(bool, false)
    level = optional(number, 1)
  }))
}
variable "names" { type = set(string) }
`,
    'terraform.tfvars': 'count_of = "1"\nnames = ["x"]',
    'a.auto.tfvars': 'count_of = "2"',
    'b.auto.tfvars.json': JSON.stringify({ count_of: '3', flags: { dns: { on: 'true' }, ha: {} }, names: ['y', 'x', 'y'] }),
  });
  const v = (name: string) => plain(a.root.evaluator.refs.variable(name));
  assert.equal(v('count_of'), 3);
  assert.deepEqual(v('flags'), { dns: { on: true, level: 1 }, ha: { on: false, level: 1 } });
  assert.deepEqual(v('names'), ['x', 'y']);
});

const ENDPOINT_MODULE = `
variable "vpc_id" { type = string }
variable "subnet_ids" {
  type    = list(string)
  default = []
}
variable "endpoints" {
  description = "Endpoints to create, by key"
  type = map(object({
    service             = string
    service_type        = optional(string, "Interface")
    private_dns_enabled = optional(bool, true)
    subnet_ids          = optional(list(string), [])
    route_table_ids     = optional(list(string), [])
    tags                = optional(map(string), {})
  }))
  default = {}
}

data "aws_region" "current" {}

locals {
  interface = { for k, v in var.endpoints : k => v if v.service_type == "Interface" }
  gateway   = { for k, v in var.endpoints : k => v if v.service_type == "Gateway" }
}

resource "aws_security_group" "endpoints" {
  vpc_id = var.vpc_id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = local.interface
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.\${data.aws_region.current.region}.\${each.value.service}"
  vpc_endpoint_type   = each.value.service_type
  private_dns_enabled = each.value.private_dns_enabled
  subnet_ids          = length(each.value.subnet_ids) > 0 ? each.value.subnet_ids : var.subnet_ids
  security_group_ids  = [aws_security_group.endpoints.id]
  tags                = each.value.tags
}

resource "aws_vpc_endpoint" "gateway" {
  for_each          = local.gateway
  vpc_id            = var.vpc_id
  service_name      = "com.amazonaws.\${data.aws_region.current.region}.\${each.value.service}"
  vpc_endpoint_type = each.value.service_type
  route_table_ids   = each.value.route_table_ids
}
`;

test('an endpoint module in the optional() style: types, private DNS and subnets from the defaults, priced and checked', async () => {
  const a = await analyzeModule({
    'main.tf': `
provider "aws" { region = "eu-west-1" }
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "private" {
  count  = 3
  vpc_id = aws_vpc.main.id
}
resource "aws_route_table" "private" { vpc_id = aws_vpc.main.id }

module "endpoints" {
  source     = "./modules/endpoints"
  vpc_id     = aws_vpc.main.id
  subnet_ids = aws_subnet.private[*].id
  endpoints = {
    ssm         = { service = "ssm" }
    ssmmessages = { service = "ssmmessages" }
    ec2messages = { service = "ec2messages", subnet_ids = [aws_subnet.private[0].id] }
    logs        = { service = "logs", private_dns_enabled = false }
    s3          = { service = "s3", service_type = "Gateway", route_table_ids = [aws_route_table.private.id] }
  }
}`,
    'modules/endpoints/main.tf': ENDPOINT_MODULE,
  });
  const view = (key: string, kind = 'interface') => {
    const address = `module.endpoints.aws_vpc_endpoint.${kind}["${key}"]`;
    const found = a.endpoints.find((e) => e.address === address);
    assert.ok(found, `${address} among ${a.endpoints.map((e) => e.address).join(', ')}`);
    return found;
  };
  assert.equal(a.endpoints.length, 5);
  const ssm = view('ssm');
  assert.equal(ssm.type, 'Interface');
  assert.equal(ssm.serviceName, 'com.amazonaws.eu-west-1.ssm');
  assert.equal(ssm.privateDnsEnabled, true, 'optional(bool, true) when the caller leaves it out');
  assert.equal(ssm.subnets.count, 3, 'the module-wide subnets: optional(list(string), []) is empty');
  assert.equal(view('ec2messages').subnets.count, 1);
  assert.equal(view('logs').privateDnsEnabled, false);
  const s3 = view('s3', 'gateway');
  assert.equal(s3.type, 'Gateway');
  assert.equal(s3.routeTables.count, 1);

  const costs = moduleCosts(a).resources.filter((r) => r.kind === 'vpc_endpoint');
  const ssmCost = costs.find((r) => r.address === ssm.address);
  assert.ok(ssmCost && ssmCost.error === undefined && ssmCost.hourly !== null, JSON.stringify(ssmCost));
  assert.equal(ssmCost.region, 'eu-west-1');
  assert.equal(ssmCost.azCount, 3);
  const perAz = regionPrices('eu-west-1')!.interfaceHourlyPerAz;
  assert.ok(Math.abs(ssmCost.monthlyFixed! - perAz * 3 * 730) < 1e-9, `${ssmCost.monthlyFixed} for 3 AZs at ${perAz}/hour`);
  assert.equal(costs.find((r) => r.address === s3.address)?.monthly, 0);

  const findings = a.findings.filter((f) => !f.suppressed).map((f) => `${f.rule} ${f.address ?? ''}`);
  assert.deepEqual(findings.filter((f) => /VPCE10[1-6]/.test(f)), ['VPCE105 module.endpoints.aws_vpc_endpoint.interface["logs"]'], findings.join('\n'));
});

test('the same module at the root, its endpoints given in terraform.tfvars.json', async () => {
  const a = await analyzeModule({
    'main.tf': `provider "aws" { region = "eu-west-1" }\n${ENDPOINT_MODULE}`,
    'terraform.tfvars.json': JSON.stringify({
      vpc_id: 'vpc-0123',
      subnet_ids: ['subnet-a', 'subnet-b'],
      endpoints: { ecr_api: { service: 'ecr.api', private_dns_enabled: 'true', extra: 'dropped' } },
    }),
  });
  const [only, ...rest] = a.endpoints;
  assert.ok(only && rest.length === 0);
  assert.equal(only.address, 'aws_vpc_endpoint.interface["ecr_api"]');
  assert.equal(only.type, 'Interface');
  assert.equal(only.privateDnsEnabled, true, '"true" converts to bool');
  assert.equal(only.subnets.count, 2);
});

test('a value that does not fit the type is an error: nothing is claimed about its endpoints', async () => {
  const a = await analyzeModule({
    'main.tf': `provider "aws" { region = "eu-west-1" }\n${ENDPOINT_MODULE}`,
    'terraform.tfvars': 'vpc_id = "vpc-1"\nendpoints = { ssm = { private_dns_enabled = false } }',
  });
  assert.ok(isError(a.root.evaluator.refs.variable('endpoints')));
  assert.equal(a.endpoints.length, 0);
  assert.deepEqual(a.findings.filter((f) => /VPCE10[1-6]/.test(f.rule)).map((f) => f.rule), []);
});

/** `set(string)` etc. as an Expr, without a parser: a call of the constructor on a keyword. */
function typeExpr(constructor: string): Expr {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { kind: 'call', name: constructor, args: [{ kind: 'variable', name: 'string', range }], expandFinal: false, range };
}
