// The typed view of endpoints and their network: type, service, region and its source,
// subnet/AZ counts for each pattern, attachments, NAT gateways, security group rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeModule } from '../helpers/memoryModule';
import type { EndpointView } from '../../server/src/core/model/endpoints';
import type { ModuleAnalysis } from '../../server/src/core/analysis';

function endpoint(a: ModuleAnalysis, address: string): EndpointView {
  const found = a.endpoints.find((e) => e.address === address);
  assert.ok(found, `${address} not found among ${a.endpoints.map((e) => e.address).join(', ')}`);
  return found;
}

test('type: explicit, the provider default Gateway, and Unknown from a reference', async () => {
  const a = await analyzeModule(`
resource "aws_vpc_endpoint_service" "svc" { acceptance_required = false }
resource "aws_vpc_endpoint" "explicit" { vpc_endpoint_type = "Interface" }
resource "aws_vpc_endpoint" "default" { service_name = "com.amazonaws.us-east-1.s3" }
resource "aws_vpc_endpoint" "ref" { vpc_endpoint_type = aws_vpc_endpoint_service.svc.service_type }
variable "t" {}
resource "aws_vpc_endpoint" "var" { vpc_endpoint_type = var.t }
`);
  assert.equal(endpoint(a, 'aws_vpc_endpoint.explicit').type, 'Interface');
  assert.equal(endpoint(a, 'aws_vpc_endpoint.default').type, 'Gateway');
  assert.equal(endpoint(a, 'aws_vpc_endpoint.default').typeSource, 'provider default');
  assert.equal(endpoint(a, 'aws_vpc_endpoint.ref').type, undefined);
  assert.equal(endpoint(a, 'aws_vpc_endpoint.ref').typeSource, 'unknown');
  assert.equal(endpoint(a, 'aws_vpc_endpoint.var').type, undefined);
});

test('service: short names, templates with an unknown region, PrivateLink, data sources', async () => {
  const a = await analyzeModule(`
variable "region" {}
data "aws_vpc_endpoint_service" "s3" { service = "s3" }
provider "aws" { region = "eu-central-1" }
resource "aws_vpc_endpoint" "literal" { service_name = "com.amazonaws.eu-central-1.ecr.dkr" }
resource "aws_vpc_endpoint" "template" { service_name = "com.amazonaws.\${var.region}.ssm" }
resource "aws_vpc_endpoint" "pl" { service_name = "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0" }
resource "aws_vpc_endpoint" "data" { service_name = data.aws_vpc_endpoint_service.s3.service_name }
resource "aws_vpc_endpoint" "arn" { resource_configuration_arn = "arn:aws:vpc-lattice:eu-central-1:1:resourceconfiguration/rcfg-1" }
`);
  assert.deepEqual(endpoint(a, 'aws_vpc_endpoint.literal').service, { kind: 'aws', shortName: 'ecr.dkr', region: 'eu-central-1', known: true });
  const template = endpoint(a, 'aws_vpc_endpoint.template');
  assert.equal(template.service.kind, 'aws');
  assert.equal(template.service.kind === 'aws' && template.service.shortName, 'ssm');
  assert.equal(template.service.kind === 'aws' && template.service.region, undefined, 'the region part is unknown');
  assert.equal(endpoint(a, 'aws_vpc_endpoint.pl').service.kind, 'privatelink');
  assert.equal(endpoint(a, 'aws_vpc_endpoint.data').serviceName, 'com.amazonaws.eu-central-1.s3');
  assert.deepEqual(endpoint(a, 'aws_vpc_endpoint.arn').service, { kind: 'none' });
});

test('region, first that is known: resource argument, aliased provider, variable, setting, us-east-1', async () => {
  const files = `
variable "region" { default = "ap-southeast-2" }
provider "aws" { region = var.region }
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
resource "aws_vpc_endpoint" "own" { region = "sa-east-1" }
resource "aws_vpc_endpoint" "aliased" { provider = aws.west }
resource "aws_vpc_endpoint" "default_provider" {}
data "aws_region" "current" {}
data "aws_region" "west" { provider = aws.west }
resource "aws_vpc_endpoint" "from_data" { service_name = "com.amazonaws.\${data.aws_region.west.name}.sts" }
`;
  const a = await analyzeModule(files);
  const own = endpoint(a, 'aws_vpc_endpoint.own').region;
  assert.deepEqual([own.region, own.source], ['sa-east-1', 'resource']);
  const aliased = endpoint(a, 'aws_vpc_endpoint.aliased').region;
  assert.deepEqual([aliased.region, aliased.source], ['us-west-2', 'provider']);
  const viaVariable = endpoint(a, 'aws_vpc_endpoint.default_provider').region;
  assert.deepEqual([viaVariable.region, viaVariable.source], ['ap-southeast-2', 'variable']);
  assert.match(viaVariable.detail, /var\.region/);
  assert.equal(endpoint(a, 'aws_vpc_endpoint.from_data').serviceName, 'com.amazonaws.us-west-2.sts');

  const noProvider = await analyzeModule('resource "aws_vpc_endpoint" "x" {}\ndata "aws_region" "current" {}\nlocals { r = data.aws_region.current.name }\n', { region: 'eu-west-3' });
  const fromSetting = endpoint(noProvider, 'aws_vpc_endpoint.x').region;
  assert.deepEqual([fromSetting.region, fromSetting.source], ['eu-west-3', 'setting']);
  const read = noProvider.root.evaluator.withAssumptions(() => noProvider.root.evaluator.refs.local('r'));
  assert.equal(read.value, 'eu-west-3', 'data.aws_region is read in the region of the setting when no provider region is written');
  assert.deepEqual(read.assumptions.map((a) => a.about), ['region'], '...and says that it assumed it');
  const fallback = endpoint(await analyzeModule('resource "aws_vpc_endpoint" "x" {}\n'), 'aws_vpc_endpoint.x').region;
  assert.deepEqual([fallback.region, fallback.source], ['us-east-1', 'default']);
});

const NETWORK = `
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "private" {
  count  = 3
  vpc_id = aws_vpc.main.id
}
resource "aws_subnet" "app" {
  for_each = toset(["a", "b"])
  vpc_id   = aws_vpc.main.id
}
resource "aws_subnet" "single" { vpc_id = aws_vpc.main.id }
variable "subnet_ids" {}
variable "subnet_ids_default" { default = ["subnet-1", "subnet-2", "subnet-1"] }
module "vpc" {
  source          = "terraform-aws-modules/vpc/aws"
  version         = "~> 5.0"
  cidr            = "10.0.0.0/16"
  private_subnets = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24", "10.0.4.0/24"]
}
`;

test('AZ count = distinct subnets, for every pattern real modules use', async () => {
  const a = await analyzeModule(`${NETWORK}
resource "aws_vpc_endpoint" "for_expr" { subnet_ids = [for s in aws_subnet.private : s.id] }
resource "aws_vpc_endpoint" "splat" { subnet_ids = aws_subnet.private[*].id }
resource "aws_vpc_endpoint" "values" { subnet_ids = values(aws_subnet.app)[*].id }
resource "aws_vpc_endpoint" "index" { subnet_ids = [aws_subnet.app["a"].id, aws_subnet.single.id] }
resource "aws_vpc_endpoint" "literal" { subnet_ids = var.subnet_ids_default }
resource "aws_vpc_endpoint" "module" { subnet_ids = module.vpc.private_subnets }
resource "aws_vpc_endpoint" "unknown" { subnet_ids = var.subnet_ids }
resource "aws_vpc_endpoint" "slice" { subnet_ids = slice(aws_subnet.private[*].id, 0, 2) }
resource "aws_vpc_endpoint" "none" {}
resource "aws_vpc_endpoint" "assoc" { subnet_ids = [aws_subnet.single.id] }
resource "aws_vpc_endpoint_subnet_association" "extra" {
  count           = 2
  vpc_endpoint_id = aws_vpc_endpoint.assoc.id
  subnet_id       = aws_subnet.private[count.index].id
}
`);
  const count = (name: string) => endpoint(a, `aws_vpc_endpoint.${name}`).subnets.count;
  assert.equal(count('for_expr'), 3);
  assert.equal(count('splat'), 3);
  assert.equal(count('values'), 2);
  assert.equal(count('index'), 2);
  assert.equal(count('literal'), 2, 'duplicate literal ids count once');
  assert.equal(count('module'), 4, 'one subnet per element of the vpc module input');
  assert.equal(count('unknown'), undefined, 'a variable without a value is unknown, not a guess');
  assert.equal(count('slice'), 2);
  assert.equal(count('none'), 0);
  assert.equal(count('assoc'), 3, 'association resources count towards the AZs');
  assert.equal(endpoint(a, 'aws_vpc_endpoint.assoc').subnets.viaAssociations, 2);
  assert.match(endpoint(a, 'aws_vpc_endpoint.for_expr').subnets.source, /aws_subnet\.private \(count = 3\)/);
  assert.match(endpoint(a, 'aws_vpc_endpoint.module').subnets.source, /module\.vpc\.private_subnets/);
});

test('route tables, security groups, private DNS and VPC of an endpoint', async () => {
  const a = await analyzeModule(`${NETWORK}
resource "aws_route_table" "private" {
  count  = 2
  vpc_id = aws_vpc.main.id
}
resource "aws_security_group" "endpoints" { vpc_id = aws_vpc.main.id }
resource "aws_vpc_endpoint" "gw" {
  vpc_id          = aws_vpc.main.id
  route_table_ids = aws_route_table.private[*].id
}
resource "aws_vpc_endpoint" "if" {
  vpc_id              = "vpc-0abc"
  vpc_endpoint_type   = "Interface"
  security_group_ids  = [aws_security_group.endpoints.id, "sg-123"]
  private_dns_enabled = true
}
resource "aws_vpc_endpoint_route_table_association" "x" {
  vpc_endpoint_id = aws_vpc_endpoint.gw.id
  route_table_id  = "rtb-1"
}
`);
  const gw = endpoint(a, 'aws_vpc_endpoint.gw');
  assert.equal(gw.routeTables.count, 3);
  assert.deepEqual(gw.routeTables.members, ['aws_route_table.private[0]', 'aws_route_table.private[1]', 'rtb-1']);
  assert.equal(gw.vpc, 'aws_vpc.main');
  assert.equal(gw.privateDnsEnabled, undefined);
  const iface = endpoint(a, 'aws_vpc_endpoint.if');
  assert.deepEqual(iface.securityGroups.members, ['aws_security_group.endpoints', 'sg-123']);
  assert.equal(iface.privateDnsEnabled, true);
  assert.equal(iface.vpc, 'vpc-0abc');
});

test('network view: subnets, routes to IGW and NAT, NAT gateways, security group ingress rules', async () => {
  const a = await analyzeModule(`
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_internet_gateway" "igw" { vpc_id = aws_vpc.main.id }
resource "aws_subnet" "public" { vpc_id = aws_vpc.main.id }
resource "aws_nat_gateway" "nat" { subnet_id = aws_subnet.public.id }
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}
resource "aws_route_table" "private" { vpc_id = aws_vpc.main.id }
resource "aws_route" "private_nat" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat.id
}
resource "aws_security_group" "inline" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}
resource "aws_security_group" "separate" { vpc_id = aws_vpc.main.id }
resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.separate.id
  cidr_ipv4         = "10.0.0.0/8"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}
resource "aws_security_group_rule" "legacy" {
  type                     = "ingress"
  security_group_id        = aws_security_group.separate.id
  from_port                = 0
  to_port                  = 65535
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.inline.id
}
`);
  const net = a.root.network;
  assert.deepEqual(net.vpcs.map((v) => [v.address, v.cidr]), [['aws_vpc.main', '10.0.0.0/16']]);
  assert.deepEqual(net.natGateways.map((n) => [n.address, n.subnet, n.connectivity]), [['aws_nat_gateway.nat', 'aws_subnet.public', 'public']]);
  const routes = Object.fromEntries(net.routeTables.map((t) => [t.address, t.routes.map((r) => r.target)]));
  assert.deepEqual(routes, { 'aws_route_table.public': ['internet_gateway'], 'aws_route_table.private': ['nat_gateway'] });
  const inline = net.securityGroups.find((g) => g.address === 'aws_security_group.inline')!;
  assert.deepEqual(inline.ingress.map((r) => [r.fromPort, r.toPort, r.protocol, r.cidrs]), [[443, 443, 'tcp', ['10.0.0.0/16']]]);
  const separate = net.securityGroups.find((g) => g.address === 'aws_security_group.separate')!;
  assert.deepEqual(separate.ingress.map((r) => [r.address, r.fromPort, r.toPort, r.otherSources]), [
    ['aws_vpc_security_group_ingress_rule.https', 443, 443, false],
    ['aws_security_group_rule.legacy', 0, 65535, true],
  ]);
});

test('local child modules are read and evaluated with the caller inputs, under their address', async () => {
  const a = await analyzeModule({
    'main.tf': `
provider "aws" { region = "eu-north-1" }
module "network" {
  source    = "./modules/endpoints"
  services  = ["ssm", "kms"]
  az_count  = 3
}
module "remote" {
  source = "git::https://example.invalid/x.git"
}
`,
    'modules/endpoints/main.tf': `
variable "services" {}
variable "az_count" { default = 1 }
resource "aws_subnet" "s" { count = var.az_count }
resource "aws_vpc_endpoint" "this" {
  for_each          = toset(var.services)
  service_name      = "com.amazonaws.eu-north-1.\${each.key}"
  vpc_endpoint_type = "Interface"
  subnet_ids        = aws_subnet.s[*].id
}
output "ids" { value = [for e in aws_vpc_endpoint.this : e.id] }
`,
  });
  assert.deepEqual(a.endpoints.map((e) => e.address), ['module.network.aws_vpc_endpoint.this["kms"]', 'module.network.aws_vpc_endpoint.this["ssm"]']);
  const kms = a.endpoints[0]!;
  assert.equal(kms.subnets.count, 3);
  assert.deepEqual([kms.region.region, kms.region.source], ['eu-north-1', 'provider'], 'a child module inherits the caller provider');
  assert.equal(a.modules.length, 2, 'the remote module is not downloaded');
});

test('a module that calls itself does not loop', async () => {
  const a = await analyzeModule({ 'main.tf': 'module "me" {\n  source = "./"\n}\nresource "aws_vpc_endpoint" "x" {}\n' });
  assert.ok(a.endpoints.length >= 1);
});
