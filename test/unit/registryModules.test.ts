// terraform-aws-modules vpc-endpoints and vpc module calls, priced from their inputs: addresses,
// the module's Interface default, subnet counts from module.vpc.private_subnets, NAT counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeModuleSource } from '../../server/src/core/model/registryModules/sources';
import { regionPrices } from '../../server/src/core/pricing/catalogue';
import { analyzeModule } from '../helpers/memoryModule';
import { near, pricedModule } from '../helpers/costFixtures';

const HOURS = 730;

test('module sources are recognised with registry host, git URL, ref and version pins', () => {
  assert.equal(normalizeModuleSource('registry.terraform.io/terraform-aws-modules/vpc/aws//modules/vpc-endpoints'), 'terraform-aws-modules/vpc/aws//modules/vpc-endpoints');
  assert.equal(normalizeModuleSource('git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git//modules/vpc-endpoints?ref=v5.8.1'), 'github.com/terraform-aws-modules/terraform-aws-vpc//modules/vpc-endpoints');
  assert.equal(normalizeModuleSource('git@github.com:terraform-aws-modules/terraform-aws-vpc.git'), 'github.com/terraform-aws-modules/terraform-aws-vpc');
});

test('vpc-endpoints entries: Interface by default, subnets from module.vpc.private_subnets plus the entry, create = false skipped', async () => {
  const { report, analysis } = await pricedModule('registry-modules');
  const prices = regionPrices('eu-west-1')!;
  const endpoints = report.resources.filter((r) => r.kind === 'vpc_endpoint');
  assert.deepEqual(endpoints.map((r) => [r.address, r.endpointType, r.service, r.azCount]), [
    ['module.vpc_endpoints.aws_vpc_endpoint.this["ecr_api"]', 'Interface', 'ecr.api', 4],
    ['module.vpc_endpoints.aws_vpc_endpoint.this["s3"]', 'Gateway', 's3', null],
    ['module.vpc_endpoints.aws_vpc_endpoint.this["ssm"]', 'Interface', 'ssm', 3],
  ]);
  const ssm = endpoints.find((r) => r.service === 'ssm')!;
  assert.equal(ssm.region, 'eu-west-1');
  assert.equal(ssm.regionSource, 'provider');
  assert.equal(ssm.azCountSource, 'module.vpc.private_subnets (3)');
  assert.deepEqual(ssm.assumptions.filter((a) => !a.includes('monthlyDataGb')), []);
  near(ssm.monthly, 3 * prices.interfaceHourlyPerAz * HOURS, 'ssm');
  assert.equal(endpoints.find((r) => r.service === 'ecr.api')!.azCountSource, 'module.vpc.private_subnets (3) + endpoints["ecr_api"].subnet_ids (1)');
  assert.deepEqual(analysis.endpoints.filter((e) => e.address.startsWith('module.')), [], 'registry endpoints are not mixed into the rules\' endpoint list');
  const view = analysis.root.registry.endpoints.find((e) => e.address.endsWith('["ssm"]'))!;
  assert.equal(view.privateDnsEnabled, true);
  assert.equal(view.typeSource, 'argument');
});

test('vpc module NAT gateways: single_nat_gateway, one per AZ, none by default', async () => {
  const { report, analysis } = await pricedModule('registry-modules');
  const prices = regionPrices('eu-west-1')!;
  const nats = report.resources.filter((r) => r.kind === 'nat_gateway');
  assert.deepEqual(nats.map((r) => r.address), [
    'module.vpc.aws_nat_gateway.this[0]',
    'module.per_az_vpc.aws_nat_gateway.this[0]',
    'module.per_az_vpc.aws_nat_gateway.this[1]',
  ]);
  for (const nat of nats) near(nat.monthly, prices.natHourly * HOURS, nat.address);
  const sources = new Map(analysis.root.registry.calls.map((c) => [c.call.name, c.natCountSource]));
  assert.equal(sources.get('vpc'), 'single_nat_gateway = true');
  assert.equal(sources.get('per_az_vpc'), 'one_nat_gateway_per_az = true, 2 AZs in azs');
  assert.equal(sources.get('no_nat_vpc'), 'enable_nat_gateway = false (module default)');
});

test('without single or per-AZ, one NAT gateway per subnet of the longest private-side list', async () => {
  const analysis = await analyzeModule(`
module "vpc" {
  source             = "terraform-aws-modules/vpc/aws"
  enable_nat_gateway = true
  private_subnets    = ["10.0.1.0/24", "10.0.2.0/24"]
  database_subnets   = ["10.0.11.0/24", "10.0.12.0/24", "10.0.13.0/24"]
}
`);
  assert.equal(analysis.root.registry.natGateways.length, 3);
  assert.equal(analysis.root.registry.natGateways[0]!.region.source, 'default');
});

test('count on the call, unknown inputs and provider aliases', async () => {
  const analysis = await analyzeModule(`
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
variable "endpoints" {}
module "off" {
  source    = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  count     = 0
  endpoints = { ssm = { service = "ssm" } }
}
module "two" {
  source    = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  count     = 2
  providers = { aws = aws.west }
  endpoints = { sts = { service = "sts", subnet_ids = ["subnet-a"] } }
}
module "unknown" {
  source    = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  endpoints = var.endpoints
}
module "disabled" {
  source    = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  create    = false
  endpoints = { sts = { service = "sts" } }
}
`);
  const calls = new Map(analysis.root.registry.calls.map((c) => [c.call.name, c]));
  assert.deepEqual(calls.get('off')!.endpoints, []);
  assert.match(calls.get('off')!.notes[0]!, /no instances \(count = 0\)/);
  const two = calls.get('two')!.endpoints;
  assert.deepEqual(two.map((e) => e.address), ['module.two[0].aws_vpc_endpoint.this["sts"]', 'module.two[1].aws_vpc_endpoint.this["sts"]']);
  assert.equal(two[0]!.region.region, 'us-west-2');
  assert.equal(two[0]!.serviceName, 'com.amazonaws.us-west-2.sts');
  assert.equal(two[0]!.subnets.count, 1);
  assert.match(calls.get('unknown')!.notes[0]!, /endpoints input of module\.unknown cannot be evaluated/);
  assert.match(calls.get('disabled')!.notes[0]!, /create = false/);
});
