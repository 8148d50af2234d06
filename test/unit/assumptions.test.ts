// Assumptions travel with values: what a data source read from the AZ table or an assumed
// region reaches the endpoint and NAT views, the cost entries, the CLI text and the lenses,
// through cached values, instances, registry module calls and child module inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costText as runText } from '../../server/src/cli/costText';
import type { CostReport } from '../../server/src/core/pricing/moduleCosts';
import type { ModuleAnalysis } from '../../server/src/core/analysis';
import { assume, assumption, withAssumptions } from '../../server/src/core/model/assumptions';
import { costTargetAt } from '../../server/src/core/model/locate';
import { explainCost } from '../../server/src/core/pricing/explain';
import { costLenses } from '../../server/src/core/pricing/lenses';
import { moduleCosts, type ResourceCost } from '../../server/src/core/pricing/moduleCosts';
import { analyzeModule, positionOf, ROOT } from '../helpers/memoryModule';

/** The CLI's text output for one module's report. */
const costText = (report: CostReport) => runText({ sections: [{ label: '.', report, file: (f) => f, empty: false }], total: report, problems: [], notes: [] });

const AZ_NOTE = /^eu-west-1 has 3 Availability Zones \(AWS documentation, as of \d{4}-\d{2}/;

const SUBNETS_PER_AZ = `
provider "aws" {
  region = "eu-west-1"
}
data "aws_availability_zones" "available" {
  state = "available"
}
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "private" {
  count             = length(data.aws_availability_zones.available.names)
  vpc_id            = aws_vpc.main.id
  availability_zone = data.aws_availability_zones.available.names[count.index]
}
`;

const INTERFACE_ENDPOINT = `
resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  private_dns_enabled = true
}
`;

function cost(analysis: ModuleAnalysis, address: string): ResourceCost {
  const found = moduleCosts(analysis).resources.find((r) => r.address === address);
  assert.ok(found, `${address} is priced`);
  return found;
}

test('an interface endpoint in subnets counted from the AZ table: 3 AZs, and the cost entry says so', async () => {
  const a = await analyzeModule(SUBNETS_PER_AZ + INTERFACE_ENDPOINT);
  const view = a.endpoints.find((e) => e.address === 'aws_vpc_endpoint.ssm')!;
  assert.equal(view.subnets.count, 3);
  assert.deepEqual(view.assumptions.map((x) => x.about), ['zones']);
  const entry = cost(a, 'aws_vpc_endpoint.ssm');
  assert.equal(entry.azCount, 3);
  assert.ok(entry.assumptions.some((x) => AZ_NOTE.test(x)), entry.assumptions.join(' | '));
  assert.deepEqual(entry.assumedFacts, ['zones']);
  const lens = costLenses(a.modules, moduleCosts(a), `${ROOT}/main.tf`, { firstFile: undefined }).find((l) => !l.summary);
  assert.match(lens!.title, /3 AZ · AZ count assumed$/);
  assert.match(costText(moduleCosts(a)), /\nAssumptions:\n( {2}- .*\n)* {2}- eu-west-1 has 3 Availability Zones/);
  const text = SUBNETS_PER_AZ + INTERFACE_ENDPOINT;
  const target = costTargetAt(a.modules, `${ROOT}/main.tf`, positionOf(text, 'resource "aws_vpc_endpoint"'));
  const hover = explainCost(target!, { report: moduleCosts(a), overrides: {} });
  assert.match(hover, /\*\*AZs\*\* 3: aws_subnet\.private \(count = 3\)/);
  assert.match(hover, /\*\*Assumption\*\* eu-west-1 has 3 Availability Zones/);
});

test('nothing assumed, nothing said: literal subnets carry no assumption', async () => {
  const a = await analyzeModule(`
provider "aws" {
  region = "eu-west-1"
}
resource "aws_vpc_endpoint" "ssm" {
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-1", "subnet-2"]
}
`);
  assert.deepEqual(a.endpoints[0]!.assumptions, []);
  const entry = cost(a, 'aws_vpc_endpoint.ssm');
  assert.deepEqual(entry.assumedFacts, []);
  assert.doesNotMatch(costText(moduleCosts(a)), /Availability Zones|Region .* assumed/);
});

test('a cached value keeps its assumptions: every later read of it gets them again', async () => {
  const a = await analyzeModule(`${SUBNETS_PER_AZ}
locals {
  zones = data.aws_availability_zones.available.names
  count = length(local.zones)
}
`);
  const refs = a.root.evaluator.refs;
  refs.local('zones'); // computed outside any recording: its notes are kept all the same
  for (let i = 0; i < 2; i++) {
    const read = withAssumptions(() => refs.local('count'));
    assert.equal(read.value, 3);
    assert.equal(read.assumptions.length, 1, `read ${i + 1}`);
    assert.match(read.assumptions[0]!.text, AZ_NOTE);
  }
});

test('a note made outside any recording is dropped; nested recordings pass notes outwards', () => {
  assume(assumption('zones', 'dropped'));
  const outer = withAssumptions(() => {
    const inner = withAssumptions(() => assume(assumption('region', 'inner note')));
    assert.deepEqual(inner.assumptions.map((x) => x.text), ['inner note']);
    return 1;
  });
  assert.deepEqual(outer.assumptions.map((x) => x.text), ['inner note']);
  assert.deepEqual(withAssumptions(() => 0).assumptions, []);
});

test('NAT gateways counted from the AZ table carry the assumption', async () => {
  const a = await analyzeModule(`${SUBNETS_PER_AZ}
resource "aws_nat_gateway" "nat" {
  count     = length(data.aws_availability_zones.available.names)
  subnet_id = aws_subnet.private[count.index].id
}
`);
  const nats = moduleCosts(a).resources.filter((r) => r.kind === 'nat_gateway');
  assert.equal(nats.length, 3);
  for (const nat of nats) assert.ok(nat.assumptions.some((x) => AZ_NOTE.test(x)), nat.address);
});

test('the vpc module with one NAT gateway per AZ of the table: 3 gateways, each with the assumption', async () => {
  const a = await analyzeModule(`
provider "aws" {
  region = "eu-west-1"
}
data "aws_availability_zones" "available" {}
module "vpc" {
  source                 = "terraform-aws-modules/vpc/aws"
  azs                    = slice(data.aws_availability_zones.available.names, 0, 3)
  private_subnets        = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]
  public_subnets         = ["10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"]
  enable_nat_gateway     = true
  one_nat_gateway_per_az = true
}
`);
  const nats = moduleCosts(a).resources.filter((r) => r.kind === 'nat_gateway');
  assert.equal(nats.length, 3);
  assert.deepEqual(nats[0]!.assumedFacts, ['zones']);
});

test('a child module input computed from the AZ table brings the assumption into the child', async () => {
  const a = await analyzeModule({
    'main.tf': `
provider "aws" {
  region = "eu-west-1"
}
data "aws_availability_zones" "available" {}
module "endpoints" {
  source = "./endpoints"
  azs    = slice(data.aws_availability_zones.available.names, 0, 2)
}
`,
    'endpoints/main.tf': `
variable "azs" {}
resource "aws_subnet" "private" {
  count             = length(var.azs)
  availability_zone = var.azs[count.index]
}
resource "aws_vpc_endpoint" "sts" {
  service_name      = "com.amazonaws.eu-west-1.sts"
  vpc_endpoint_type = "Interface"
  subnet_ids        = aws_subnet.private[*].id
}
`,
  });
  const view = a.endpoints.find((e) => e.address === 'module.endpoints.aws_vpc_endpoint.sts')!;
  assert.equal(view.subnets.count, 2);
  assert.ok(view.assumptions.some((x) => AZ_NOTE.test(x.text)));
});

test('the vpc-endpoints module pattern: data sources per entry, service_name = null unset, the endpoint reads the computed name', async () => {
  const a = await analyzeModule(`
provider "aws" {
  region = "eu-west-1"
}
locals {
  endpoints = {
    s3  = { service = "s3", service_type = "Gateway" }
    sts = { service = "sts", service_type = "Interface" }
  }
}
data "aws_vpc_endpoint_service" "this" {
  for_each     = local.endpoints
  service      = lookup(each.value, "service", null)
  service_name = lookup(each.value, "service_name", null)
  service_type = lookup(each.value, "service_type", null)
}
resource "aws_vpc_endpoint" "this" {
  for_each          = local.endpoints
  vpc_id            = "vpc-0123"
  service_name      = data.aws_vpc_endpoint_service.this[each.key].service_name
  vpc_endpoint_type = data.aws_vpc_endpoint_service.this[each.key].service_type
}
`);
  const byKey = new Map(a.endpoints.map((e) => [e.instance.key, e]));
  assert.deepEqual(byKey.get('s3')!.service, { kind: 'aws', shortName: 's3', region: 'eu-west-1', known: true });
  assert.equal(byKey.get('s3')!.type, 'Gateway');
  assert.equal(byKey.get('sts')!.serviceName, 'com.amazonaws.eu-west-1.sts');
  assert.equal(byKey.get('sts')!.type, 'Interface');
  assert.deepEqual(byKey.get('sts')!.assumptions, [], 'the region is the provider\'s: nothing assumed');
});

test('no provider region: a data source reads the fallback region, and says so', async () => {
  const a = await analyzeModule(`
data "aws_vpc_endpoint_service" "sts" { service = "sts" }
resource "aws_vpc_endpoint" "sts" {
  service_name      = data.aws_vpc_endpoint_service.sts.service_name
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-1"]
}
`);
  const view = a.endpoints[0]!;
  assert.equal(view.serviceName, 'com.amazonaws.us-east-1.sts');
  assert.deepEqual(view.assumptions.map((x) => x.about), ['region']);
  const entry = cost(a, 'aws_vpc_endpoint.sts');
  assert.ok(entry.assumptions.some((x) => /us-east-1, the fallback region/.test(x)), entry.assumptions.join(' | '));
});

test('a resource argument written as null is the computed attribute (with its identity), not null', async () => {
  const a = await analyzeModule(`
resource "aws_subnet" "a" { availability_zone = null }
resource "aws_subnet" "b" { availability_zone = null }
locals {
  same = aws_subnet.a.availability_zone == aws_subnet.a.availability_zone
  zones = [aws_subnet.a.availability_zone, aws_subnet.b.availability_zone]
}
`);
  const refs = a.root.evaluator.refs;
  assert.equal(refs.local('same'), true, 'the same unknown zone twice is the same value');
  const zones = refs.local('zones');
  assert.ok(Array.isArray(zones) && zones.length === 2 && zones.every((z) => typeof z === 'object' && z !== null));
});
