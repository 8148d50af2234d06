// An argument whose value is null is not set, whichever way the null comes (a literal, a
// conditional, lookup, try, an object attribute): the typed views read it as absent, and an
// argument whose value cannot be known is neither set nor unset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argumentState, mayBeNull } from '../../server/src/core/model/viewHelpers';
import type { EndpointView } from '../../server/src/core/model/endpoints';
import type { ModuleAnalysis } from '../../server/src/core/analysis';
import { analyzeModule } from '../helpers/memoryModule';

function endpoint(a: ModuleAnalysis, address: string): EndpointView {
  const found = a.endpoints.find((e) => e.address === address);
  assert.ok(found, address);
  return found;
}

const MODULE = `
provider "aws" {
  region = "eu-west-1"
}
variable "maybe" {}
locals {
  settings = { dns = null }
  entries  = { a = {} }
}
resource "aws_vpc_endpoint" "literal" {
  service_name        = "com.amazonaws.eu-west-1.sts"
  vpc_endpoint_type   = null
  private_dns_enabled = null
  subnet_ids          = null
  region              = null
}
resource "aws_vpc_endpoint" "lookup" {
  for_each            = local.entries
  service_name        = "com.amazonaws.eu-west-1.sts"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = lookup(each.value, "private_dns", null)
  subnet_ids          = try(each.value.subnet_ids, null)
  route_table_ids     = local.settings.dns == null ? null : ["rtb-1"]
}
resource "aws_vpc_endpoint" "object" {
  service_name        = "com.amazonaws.eu-west-1.sts"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = local.settings.dns
  route_table_ids     = var.maybe
  policy              = jsonencode({ Statement = var.maybe })
}
resource "aws_vpc_endpoint_subnet_association" "nothing" {
  vpc_endpoint_id = null
  subnet_id       = "subnet-1"
}
`;

test('null written, or computed by a conditional, lookup, try or an object attribute, is not set', async () => {
  const a = await analyzeModule(MODULE);
  const literal = endpoint(a, 'aws_vpc_endpoint.literal');
  assert.equal(literal.type, 'Gateway', 'vpc_endpoint_type = null: the provider default');
  assert.equal(literal.typeSource, 'provider default');
  assert.equal(literal.privateDnsEnabled, undefined);
  assert.deepEqual([literal.subnets.count, literal.subnets.inline, literal.subnets.source], [0, false, 'no subnet_ids']);
  assert.deepEqual([literal.region.region, literal.region.source], ['eu-west-1', 'provider'], 'region = null falls through to the provider');
  const lookup = endpoint(a, 'aws_vpc_endpoint.lookup["a"]');
  assert.equal(lookup.privateDnsEnabled, undefined);
  assert.equal(lookup.subnets.count, 0);
  assert.equal(lookup.routeTables.inline, false);
  assert.equal(endpoint(a, 'aws_vpc_endpoint.object').privateDnsEnabled, undefined);
});

test('argumentState: set, unset, or unknown when the value may be null; never-null expressions are set', async () => {
  const a = await analyzeModule(MODULE);
  const evaluator = a.root.evaluator;
  const state = (address: string, name: string) => argumentState(evaluator, endpoint(a, address).instance, name);
  assert.equal(state('aws_vpc_endpoint.literal', 'subnet_ids'), 'unset');
  assert.equal(state('aws_vpc_endpoint.literal', 'service_name'), 'set');
  assert.equal(state('aws_vpc_endpoint.literal', 'security_group_ids'), 'unset', 'not written');
  assert.equal(state('aws_vpc_endpoint.lookup["a"]', 'route_table_ids'), 'unset');
  assert.equal(state('aws_vpc_endpoint.object', 'route_table_ids'), 'unknown', 'var.maybe has no value: it may be null');
  assert.equal(state('aws_vpc_endpoint.object', 'policy'), 'set', 'jsonencode never returns null');
});

test('mayBeNull: only what can pass a null on', async () => {
  const a = await analyzeModule(`
locals {
  template = "x-\${var.v}"
  wrapped  = "\${var.v}"
  list     = [var.v]
  sum      = var.v + 1
  pick     = var.c ? "a" : var.v
  both     = var.c ? "a" : "b"
  lookup   = lookup(var.m, "k", null)
  upper    = upper(var.v)
  ref      = var.v
}
`);
  const expr = (name: string) => a.root.evaluator.module.locals.get(name)!.attribute.expr;
  const expected: Record<string, boolean> = {
    template: false, wrapped: true, list: false, sum: false, pick: true, both: false, lookup: true, upper: false, ref: true,
  };
  for (const [name, may] of Object.entries(expected)) assert.equal(mayBeNull(expr(name)), may, name);
});

test('an association whose vpc_endpoint_id is null attaches nothing and hides nothing', async () => {
  const a = await analyzeModule(`${MODULE}
resource "aws_vpc_endpoint" "kms" {
  service_name      = "com.amazonaws.eu-west-1.kms"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-2"]
}
resource "aws_vpc_endpoint_subnet_association" "maybe" {
  vpc_endpoint_id = false ? aws_vpc_endpoint.kms.id : null
  subnet_id       = "subnet-3"
}
`);
  assert.equal(endpoint(a, 'aws_vpc_endpoint.kms').subnets.count, 1);
});
