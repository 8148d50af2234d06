// Modules as Terraform loads them: count/for_each on module calls give one instance each (with
// Terraform's addresses), local sources are read beside the caller, and remote sources from the
// `terraform init` cache (.terraform/modules/modules.json); a call that cannot be read is
// reported, never silently empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pricedModule, REPO } from '../helpers/costFixtures';
import { analyzeModule, analyzer, memoryFiles } from '../helpers/memoryModule';
import { moduleInstancesEndpointCount, moduleInstancesWorkload } from '../../bench/moduleWorkload';
import { formatValue, isError, isUnknown } from '../../server/src/core/model/values';
import { DiskModuleFiles } from '../../server/src/diskFiles';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { moduleCosts } from '../../server/src/core/pricing/moduleCosts';

const MODULES = join(REPO, 'test/fixtures/modules');

test('for_each and count on local module calls: one instance per key or index, count = 0 creates nothing', async () => {
  const { report, analysis } = await pricedModule(join(MODULES, 'instances'));
  assert.deepEqual(report.resources.map((r) => [r.address, r.kind, r.service, r.azCount]), [
    ['module.session_manager["ec2messages"].aws_vpc_endpoint.this', 'vpc_endpoint', 'ec2messages', 2],
    ['module.session_manager["ssm"].aws_vpc_endpoint.this', 'vpc_endpoint', 'ssm', 2],
    ['module.session_manager["ssmmessages"].aws_vpc_endpoint.this', 'vpc_endpoint', 'ssmmessages', 2],
    ['module.nat[0].aws_nat_gateway.this', 'nat_gateway', null, null],
    ['module.nat[1].aws_nat_gateway.this', 'nat_gateway', null, null],
  ].sort((a, b) => (a[1] === b[1] ? 0 : a[1] === 'vpc_endpoint' ? -1 : 1)));
  assert.ok(report.resources.every((r) => r.region === 'eu-west-1' && r.monthly !== null), 'every instance is priced in the caller\'s region');
  assert.equal(analysis.root.unreadModules.length, 0);
  // Outputs of a for_each call are a map by key; each instance's own resources answer.
  const output = analysis.root.evaluator.module.outputs.get('ssm_endpoint_id')!;
  assert.equal(formatValue(analysis.root.evaluator.evaluate(output.value!, {})), '(known after apply: module.session_manager["ssm"].aws_vpc_endpoint.this.id)');
});

test('the Session Manager group is complete across the instances of one module call', async () => {
  const { analysis } = await pricedModule(join(MODULES, 'instances'));
  assert.deepEqual(analysis.findings.filter((f) => f.rule === 'VPCE203').map((f) => f.message), []);
});

test('a module call whose for_each cannot be known creates no guessed instance', async () => {
  const { analysis, report } = await pricedModule(join(MODULES, 'unknown-instances'));
  const call = analysis.root.evaluator.module.moduleCalls.get('endpoints')!;
  const instances = analysis.root.evaluator.refs.moduleInstances(call);
  assert.equal(instances.known, false);
  assert.equal(report.resources.length, 0);
  assert.ok(isUnknown(analysis.root.evaluator.refs.moduleCall('endpoints')), 'module.endpoints is Unknown');
});

test('remote sources are read from the terraform init cache, nested keys included; a call not downloaded is reported', async () => {
  const { report, analysis } = await pricedModule(join(MODULES, 'init-cache'));
  assert.deepEqual(report.resources.map((r) => r.address).sort(), [
    'module.endpoints.aws_vpc_endpoint.interface["logs"]',
    'module.endpoints.aws_vpc_endpoint.interface["sts"]',
    'module.endpoints.module.gateway.aws_vpc_endpoint.s3',
    'module.endpoints.module.nat.aws_nat_gateway.this',
    'module.vpc.aws_nat_gateway.this[0]',
  ]);
  const logs = report.resources.find((r) => r.service === 'logs')!;
  assert.equal(logs.region, 'eu-central-1');
  assert.equal(logs.azCount, 3);
  assert.deepEqual(analysis.root.unreadModules.map((u) => [u.address, u.reason]), [['module.missing', 'source not downloaded: run terraform init']]);
  assert.deepEqual(analysis.modules.map((m) => m.key), ['', 'endpoints', 'endpoints.gateway', 'endpoints.nat']);
});

test('a downloaded registry module is read from its code, not from the built-in model', async () => {
  const files = {
    'main.tf': `module "vpc" {
  source          = "terraform-aws-modules/vpc/aws"
  private_subnets = ["10.0.1.0/24"]
  enable_nat_gateway = true
}`,
    '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Version: '5.8.1', Dir: '.terraform/modules/vpc' }] }),
    '.terraform/modules/vpc/main.tf': 'variable "private_subnets" {}\nvariable "enable_nat_gateway" {}\nresource "aws_vpc" "this" {}\n',
  };
  const analysis = await analyzeModule(files);
  assert.deepEqual(analysis.root.registry.calls, [], 'no built-in model for a downloaded module');
  assert.deepEqual(analysis.modules.map((m) => m.prefix), ['', 'module.vpc.']);
});

test('a local source that does not exist is reported with its reason', async () => {
  const analysis = await analyzeModule({ 'main.tf': 'module "gone" {\n  source = "./modules/gone"\n}\n' });
  assert.deepEqual(analysis.root.unreadModules.map((u) => [u.address, u.reason]), [['module.gone', 'folder not found (or without .tf files): ./modules/gone']]);
});

test('a broken terraform init manifest is reported, not ignored', async () => {
  const analysis = await analyzeModule({ 'main.tf': 'module "x" {\n  source = "acme/x/aws"\n}\n', '.terraform/modules/modules.json': '{ not json' });
  assert.ok(analysis.inputProblems.some((p) => /modules\.json is not valid JSON/.test(p.message)), analysis.inputProblems.map((p) => p.message).join('; '));
});

const TWO_REGISTRY_VPCS = `
provider "aws" {
  region = "eu-west-1"
}

module "app_vpc" {
  source             = "terraform-aws-modules/vpc/aws"
  azs                = ["eu-west-1a", "eu-west-1b"]
  private_subnets    = ["10.0.1.0/24", "10.0.2.0/24"]
  public_subnets     = ["10.0.101.0/24", "10.0.102.0/24"]
  enable_nat_gateway = true
}

module "data_vpc" {
  source             = "terraform-aws-modules/vpc/aws"
  azs                = ["eu-west-1a", "eu-west-1b"]
  private_subnets    = ["10.1.1.0/24", "10.1.2.0/24"]
  public_subnets     = ["10.1.101.0/24", "10.1.102.0/24"]
  enable_nat_gateway = true
}

module "endpoints" {
  source = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  vpc_id = module.app_vpc.vpc_id
  endpoints = {
    s3       = { service = "s3", service_type = "Gateway", route_table_ids = module.app_vpc.private_route_table_ids }
    dynamodb = { service = "dynamodb", service_type = "Gateway", route_table_ids = module.app_vpc.private_route_table_ids }
  }
}
`;

test('endpoints of a vpc-endpoints call belong to the VPC its vpc_id names: the second VPC lacks its S3 gateway', async () => {
  const analysis = await analyzeModule(TWO_REGISTRY_VPCS);
  const s3 = analysis.findings.filter((f) => f.rule === 'VPCE201');
  assert.deepEqual(s3.map((f) => f.message.split(' has ')[0]), ['VPC module.data_vpc']);
});

test('a VPC in a child module and endpoints in the root (and the reverse) meet through outputs and inputs', async () => {
  const analysis = await analyzeModule({
    'main.tf': `
provider "aws" {
  region = "eu-west-1"
}

module "network" {
  source = "./network"
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id          = module.network.vpc_id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = module.network.private_route_table_ids
}

resource "aws_vpc" "second" {
  cidr_block = "10.9.0.0/16"
}

resource "aws_route_table" "second_private" {
  vpc_id = aws_vpc.second.id
}

module "second_endpoints" {
  source          = "./gateway"
  vpc_id          = aws_vpc.second.id
  route_table_ids = [aws_route_table.second_private.id]
}
`,
    'network/main.tf': `
resource "aws_vpc" "this" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id
}

output "vpc_id" {
  value = aws_vpc.this.id
}

output "private_route_table_ids" {
  value = [aws_route_table.private.id]
}
`,
    'gateway/main.tf': `
variable "vpc_id" {}
variable "route_table_ids" {}

resource "aws_vpc_endpoint" "s3" {
  vpc_id          = var.vpc_id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = var.route_table_ids
}
`,
  });
  const endpoints = analysis.endpoints.map((e) => [e.address, e.vpc]);
  assert.deepEqual(endpoints, [
    ['aws_vpc_endpoint.s3', 'module.network.aws_vpc.this'],
    ['module.second_endpoints.aws_vpc_endpoint.s3', 'aws_vpc.second'],
  ]);
  assert.deepEqual(analysis.findings.filter((f) => f.rule === 'VPCE201' || f.rule === 'VPCE104').map((f) => `${f.rule} ${f.message}`), []);
});

test('a module that cannot be read keeps the missing-endpoint rules silent for the VPC it is given, and only that one', async () => {
  const analysis = await analyzeModule(`
provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_route_table" "a_private" {
  vpc_id = aws_vpc.a.id
}

resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_route_table" "b_private" {
  vpc_id = aws_vpc.b.id
}

module "endpoints_a" {
  source = "acme-corp/endpoints/aws"
  vpc_id = aws_vpc.a.id
}

module "tags" {
  source = "acme-corp/tags/aws"
  name   = "x"
}
`);
  assert.deepEqual(analysis.root.unreadModules.map((u) => u.address), ['module.endpoints_a', 'module.tags']);
  assert.deepEqual(analysis.findings.filter((f) => f.rule === 'VPCE201').map((f) => f.message.split(' has ')[0]), ['VPC aws_vpc.b']);
});

test('a module call whose instances cannot be known is reported as unread', async () => {
  const analysis = await analyzeModule({
    'main.tf': 'variable "names" {}\nmodule "ep" {\n  source   = "./ep"\n  for_each = var.names\n  vpc_id   = "vpc-1"\n}\n',
    'ep/main.tf': 'variable "vpc_id" {}\n',
  });
  assert.deepEqual(analysis.root.unreadModules.map((u) => [u.address, u.reason.split(' (')[0]]), [['module.ep', 'its instances cannot be known']]);
});

test('a reusable module opened alone: a "" default is a placeholder (no malformed service name), a variable without default is Unknown', async () => {
  const module = `variable "region" {
  type    = string
  default = ""
}

variable "vpc_id" {}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = var.vpc_id
  service_name = "com.amazonaws.\${var.region}.s3"
}
`;
  const alone = await analyzeModule(module);
  assert.equal(alone.endpoints[0]!.serviceName, 'com.amazonaws.${…}.s3');
  assert.deepEqual(alone.findings.filter((f) => f.rule === 'VPCE107'), []);
  const vpcId = alone.root.evaluator.refs.variable('vpc_id');
  assert.ok(isUnknown(vpcId) && !isError(vpcId), 'a variable without default is Unknown, not an error');
  // A root module (it configures its provider) means its "" literally.
  const root = await analyzeModule(`provider "aws" {\n  region = "eu-west-1"\n}\n${module}`);
  assert.equal(root.endpoints[0]!.serviceName, 'com.amazonaws..s3');
});

test('a downloaded vpc-endpoints module (in its own style) and the built-in model of the same call agree', async () => {
  const dir = join(MODULES, 'downloaded-vpc-endpoints');
  const downloaded = await pricedModule(dir);
  assert.equal(downloaded.analysis.root.registry.calls.length, 0, 'the downloaded code is read, not the model');
  // The same call without the init cache: the built-in model prices it.
  const files = new DiskModuleFiles();
  const withoutCache = { list: (d: string) => files.list(d), read: (p: string) => (p.includes('/.terraform/') ? undefined : files.read(p)) };
  const modelled = (await analyzer()).analyze(dir, withoutCache, DEFAULT_SETTINGS);
  assert.equal(modelled.root.registry.calls.length, 1, 'the built-in model prices the call when it is not downloaded');
  const row = (r: { address: string; endpointType: string | null; service: string | null; azCount: number | null; monthly: number | null }) =>
    [r.address, r.endpointType, r.service, r.azCount, r.monthly === null ? null : Math.round(r.monthly * 100) / 100];
  const fromCode = downloaded.report.resources.map(row).sort();
  const fromModel = moduleCosts(modelled).resources.map(row).sort();
  assert.deepEqual(fromCode, fromModel);
  assert.deepEqual(fromCode.map((r) => r[0]), [
    'module.endpoints.aws_vpc_endpoint.this["ecr_api"]',
    'module.endpoints.aws_vpc_endpoint.this["s3"]',
    'module.endpoints.aws_vpc_endpoint.this["ssm"]',
  ]);
  assert.deepEqual(downloaded.report.unpriced, []);
  const dns = (a: { endpoints: { address: string; privateDnsEnabled: unknown }[] }[]) => a.flatMap((m) => m.endpoints).map((e) => [e.address, e.privateDnsEnabled]);
  assert.deepEqual(dns(downloaded.analysis.modules), [
    ['module.endpoints.aws_vpc_endpoint.this["ecr_api"]', undefined],
    ['module.endpoints.aws_vpc_endpoint.this["s3"]', undefined],
    ['module.endpoints.aws_vpc_endpoint.this["ssm"]', true],
  ]);
});

test('findings on a downloaded vpc-endpoints module go to the entries the user wrote, as for the built-in model; no fix edits downloaded code', async () => {
  const dir = join(MODULES, 'downloaded-vpc-endpoints');
  const downloaded = (await pricedModule(dir)).analysis;
  const files = new DiskModuleFiles();
  const withoutCache = { list: (d: string) => files.list(d), read: (p: string) => (p.includes('/.terraform/') ? undefined : files.read(p)) };
  const modelled = (await analyzer()).analyze(dir, withoutCache, DEFAULT_SETTINGS);
  const placed = (a: typeof modelled) => a.findings.map((f) => `${f.file.slice(dir.length + 1)}:${f.range.start.line}:${f.rule}:${f.address ?? ''}`).sort();
  assert.deepEqual(placed(downloaded), [
    'main.tf:20:VPCE203:module.endpoints.aws_vpc_endpoint.this["ssm"]',
    'main.tf:24:VPCE105:module.endpoints.aws_vpc_endpoint.this["ecr_api"]',
    'main.tf:24:VPCE204:module.endpoints.aws_vpc_endpoint.this["ecr_api"]',
  ]);
  assert.deepEqual(placed(downloaded), placed(modelled));
  const edits = downloaded.findings.flatMap((f) => f.fixes.flatMap((fix) => fix.edits));
  assert.ok(edits.length > 0, 'the private DNS fix is offered');
  assert.ok(edits.every((e) => !e.file.includes('/.terraform/')), edits.map((e) => e.file).join(', '));
});

test('the bench\'s module-instances workload (100 instances, local and cached) prices every endpoint it creates', async () => {
  const absolute: Record<string, string> = {};
  for (const [name, text] of moduleInstancesWorkload()) absolute[`/bench/modules/${name}`] = text;
  const analysis = (await analyzer()).analyze('/bench/modules', memoryFiles(absolute), DEFAULT_SETTINGS);
  const report = moduleCosts(analysis);
  assert.equal(analysis.modules.length, 101);
  assert.deepEqual(report.unpriced, []);
  assert.equal(report.resources.filter((r) => r.kind === 'vpc_endpoint' && r.monthly !== null).length, moduleInstancesEndpointCount());
});
