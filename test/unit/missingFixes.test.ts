// What the missing-endpoint fixes write (the fixture harness checks that they work; this checks
// that they are written the user's way): the right for_each list, the user's references and
// style, a region data source only when needed, registry module outputs, and no fix when the
// model endpoint cannot be copied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core/fixes/apply';
import type { Finding } from '../../server/src/core/types';
import { ROOT, analyzeModule } from '../helpers/memoryModule';

async function fixed(files: Record<string, string>, rule: string): Promise<{ finding: Finding; after: Record<string, string> }> {
  const analysis = await analyzeModule(files);
  const finding = analysis.findings.find((f) => f.rule === rule);
  assert.ok(finding, `${rule} fires: ${analysis.findings.map((f) => f.rule).join(', ')}`);
  const after: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    const path = name.startsWith('/') ? name : `${ROOT}/${name}`;
    after[name] = applyEdits(text, finding.fixes[0]?.edits.filter((e) => e.file === path) ?? []);
  }
  return { finding, after };
}

const NETWORK = `data "aws_region" "current" {}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "endpoints" {
  vpc_id = aws_vpc.main.id
}
`;

const interfaceSet = (name: string, local: string) => `resource "aws_vpc_endpoint" "${name}" {
  for_each            = toset(local.${local})
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.\${data.aws_region.current.name}.\${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}
`;

test('a group member goes into the for_each list its group-mates come from, not another list', async () => {
  const endpoints = `locals {
  registry = ["ecr.api", "ecr.dkr"]
  session  = ["ssm"]
}

${interfaceSet('registry', 'registry')}
${interfaceSet('session', 'session')}`;
  const { after } = await fixed({ 'network.tf': NETWORK, 'endpoints.tf': endpoints }, 'VPCE203');
  assert.match(after['endpoints.tf']!, /session {2}= \["ssm", "ssmmessages", "ec2messages"\]/);
  assert.match(after['endpoints.tf']!, /registry = \["ecr\.api", "ecr\.dkr"\]\n/);
});

test('a Gateway endpoint on every route table for S3, with the user\'s region data source and no new one', async () => {
  const { finding, after } = await fixed({ 'network.tf': NETWORK }, 'VPCE201');
  assert.equal(finding.fixes[0]!.title, 'Add an S3 Gateway endpoint (free) on the route tables of VPC aws_vpc.main');
  // No endpoint block in the module yet: it goes after the route tables it names.
  assert.ok(after['network.tf']!.includes(`resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.\${data.aws_region.current.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id]
}

resource "aws_security_group"`), after['network.tf']);
  assert.equal(after['network.tf']!.match(/data "aws_region"/g)!.length, 1);
});

test('without a region data source the fix adds one; a name already taken gets a suffix', async () => {
  const network = NETWORK.replace('data "aws_region" "current" {}\n', '') + `
resource "aws_vpc_endpoint" "s3" {
  count             = 0
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.\${var.region}.s3"
  route_table_ids   = [aws_route_table.private.id]
}

variable "region" {
  default = "eu-west-1"
}
`;
  const { after } = await fixed({ 'network.tf': network }, 'VPCE201');
  assert.match(after['network.tf']!, /resource "aws_vpc_endpoint" "s3_2" \{\n {2}vpc_id {12}= aws_vpc\.main\.id\n {2}service_name {6}= "com\.amazonaws\.\$\{var\.region\}\.s3"/);
  const bare = NETWORK.replace('data "aws_region" "current" {}\n', '');
  const added = (await fixed({ 'network.tf': bare }, 'VPCE201')).after['network.tf']!;
  assert.match(added, /\n\ndata "aws_region" "current" \{\}\n\nresource "aws_vpc_endpoint" "s3" \{\n[^}]*\$\{data\.aws_region\.current\.region\}\.s3"/);
});

test('the region data source is read through `.name` when the AWS provider is pinned below v6', async () => {
  const versions = 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "~> 5.31" }\n  }\n}\n';
  const existing = (await fixed({ 'network.tf': NETWORK, 'versions.tf': versions }, 'VPCE201')).after['network.tf']!;
  assert.match(existing, /service_name {6}= "com\.amazonaws\.\$\{data\.aws_region\.current\.name\}\.s3"/);
  const bare = NETWORK.replace('data "aws_region" "current" {}\n', '');
  const added = (await fixed({ 'network.tf': bare, 'versions.tf': versions }, 'VPCE201')).after['network.tf']!;
  assert.match(added, /\n\ndata "aws_region" "current" \{\}\n\nresource "aws_vpc_endpoint" "s3" \{\n[^}]*\$\{data\.aws_region\.current\.name\}\.s3"/);
});

test('blocks copy a model endpoint\'s references and 4-space, unaligned style', async () => {
  const endpoints = `resource "aws_vpc_endpoint" "ecs" {
    vpc_id = aws_vpc.main.id
    service_name = "com.amazonaws.\${data.aws_region.current.name}.ecs"
    vpc_endpoint_type = "Interface"
    subnet_ids = [for s in [aws_subnet.private] : s.id]
    security_group_ids = [aws_security_group.endpoints.id]
    private_dns_enabled = true
}
`;
  const { finding, after } = await fixed({ 'network.tf': NETWORK, 'endpoints.tf': endpoints }, 'VPCE205');
  assert.equal(finding.fixes[0]!.title, 'Add endpoints for ecs-agent and ecs-telemetry to VPC aws_vpc.main');
  assert.ok(after['endpoints.tf']!.includes(`
resource "aws_vpc_endpoint" "ecs-agent" {
    vpc_id = aws_vpc.main.id
    service_name = "com.amazonaws.\${data.aws_region.current.name}.ecs-agent"
    vpc_endpoint_type = "Interface"
    subnet_ids = [for s in [aws_subnet.private] : s.id]
    security_group_ids = [aws_security_group.endpoints.id]
    private_dns_enabled = true
}`.replace('"ecs-agent" {', '"ecs_agent" {')), after['endpoints.tf']);
});

test('no fix when the model endpoint attaches its subnets through association resources', async () => {
  const endpoints = `resource "aws_vpc_endpoint" "ecs" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.\${data.aws_region.current.name}.ecs"
  vpc_endpoint_type   = "Interface"
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}

resource "aws_vpc_endpoint_subnet_association" "ecs" {
  vpc_endpoint_id = aws_vpc_endpoint.ecs.id
  subnet_id       = aws_subnet.private.id
}
`;
  const { finding } = await fixed({ 'network.tf': NETWORK, 'endpoints.tf': endpoints }, 'VPCE205');
  assert.deepEqual(finding.fixes, []);
});

test('beside a terraform-aws-modules/vpc call the Gateway endpoint uses the module\'s outputs', async () => {
  const main = `module "vpc" {
  source          = "terraform-aws-modules/vpc/aws"
  cidr            = "10.0.0.0/16"
  private_subnets = ["10.0.1.0/24"]
}
`;
  const { finding, after } = await fixed({ 'main.tf': main }, 'VPCE202');
  assert.equal(finding.severity, 'info');
  assert.match(after['main.tf']!, /vpc_id {12}= module\.vpc\.vpc_id\n/);
  assert.match(after['main.tf']!, /route_table_ids {3}= module\.vpc\.private_route_table_ids\n/);
});
