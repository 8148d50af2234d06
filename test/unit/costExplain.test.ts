// Which priced thing is under the cursor (locate) and the hover text for it (explain), on the
// seed example and the cost fixtures; positions come from searching the fixture text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { costTargetAt } from '../../server/src/core/model/locate';
import { explainCost } from '../../server/src/core/pricing/explain';
import { moduleCosts } from '../../server/src/core/pricing/moduleCosts';
import { analyzeModule, positionOf, ROOT } from '../helpers/memoryModule';
import { SEED, pricedModule, type PricedModule } from '../helpers/costFixtures';

function hover(m: PricedModule, file: string, needle: string, occurrence = 0): string | undefined {
  const target = costTargetAt(m.analysis.modules, m.path(file), m.at(file, needle, occurrence));
  return target && explainCost(target, { report: m.report, overrides: {} });
}

test('seed: the interface block, header or body, is 9 × Interface × 2 AZ in ap-northeast-1 at $183.96', async () => {
  const seed = await pricedModule(SEED);
  for (const needle of ['resource "aws_vpc_endpoint" "interface"', 'for_each = toset', 'private_dns_enabled = true']) {
    const text = hover(seed, 'endpoints.tf', needle)!;
    assert.ok(text, needle);
    assert.match(text, /^\*\*`aws_vpc_endpoint\.interface`\*\* · 9 × Interface × 2 AZ · \*\*\$183\.96\/month\*\* \(\$0\.2520\/hour\)/);
    assert.match(text, /\*\*Region\*\* ap-northeast-1: provider "aws" region = var\.region \("ap-northeast-1"\)/);
    assert.match(text, /\*\*AZs\*\* 2: aws_subnet\.private \(count = 2\)/);
    assert.match(text, /\*\*Rates\*\* \$0\.0140 per AZ-hour \+ \$0\.0100\/GB for the first 1 PB, \$0\.0060\/GB for the next 4 PB, \$0\.0040\/GB above 5 PB/);
    assert.match(text, /\*\*Per instance\*\* 2 AZ × \$0\.0140 × 730 h = \$20\.44/);
    assert.match(text, /\| `\["ssm"\]` \| ssm \| 2 \| \$0\.0280 \| \$20\.44 \|/);
    assert.match(text, /\| \*\*total\*\* \|  \|  \| \*\*\$0\.2520\*\* \| \*\*\$183\.96\*\* \|/);
    assert.match(text, /\*\*Data\*\* 0 GB\/month each, assumed \(vpceLens\.monthlyDataGb/);
    assert.match(text, /as of 2025-10-28 for ap-northeast-1 \(Asia Pacific \(Tokyo\)\); 730 hours per month/);
  }
});

test('seed: an element of the locals list is that one endpoint', async () => {
  const seed = await pricedModule(SEED);
  const text = hover(seed, 'endpoints.tf', '"secretsmanager"')!;
  assert.match(text, /^`"secretsmanager"` → `aws_vpc_endpoint\.interface\["secretsmanager"\]` · Interface × 2 AZ · \*\*\$20\.44\/month\*\*/);
  assert.doesNotMatch(text, /\| instance \|/, 'one instance: no table');
});

test('seed: a gateway endpoint is free, and says what NAT would charge for its traffic', async () => {
  const seed = await pricedModule(SEED, { monthlyDataGb: 100 });
  const text = hover(seed, 'endpoints.tf', 'resource "aws_vpc_endpoint" "s3"')!;
  assert.match(text, /Gateway \(free\) · \*\*\$0\.00\/month\*\*/);
  assert.match(text, /The same traffic through a NAT gateway \(the module has none\) would cost \$0\.0620\/GB .*: \$6\.20\/month at 100 GB\/month/);
});

test('seed: nothing priced outside endpoint and NAT blocks', async () => {
  const seed = await pricedModule(SEED);
  assert.equal(hover(seed, 'network.tf', 'resource "aws_vpc" "main"'), undefined);
  assert.equal(hover(seed, 'endpoints.tf', 'resource "aws_security_group"'), undefined);
  assert.equal(hover(seed, 'providers.tf', 'provider "aws"'), undefined);
});

test('usage fixture: count = 0 costs nothing; a gateway compares with the module\'s own NAT gateway; NAT data from the usage file', async () => {
  const m = await pricedModule('nat-and-usage');
  assert.equal(hover(m, 'main.tf', 'resource "aws_vpc_endpoint" "optional"'), '**`aws_vpc_endpoint.optional`** · count = 0: no instance is created, so it costs nothing.');
  assert.match(hover(m, 'main.tf', 'resource "aws_vpc_endpoint" "s3"')!, /through the module's NAT gateway \(`aws_nat_gateway\.main`\) would cost \$0\.0450\/GB .*: \$22\.50\/month at 500 GB\/month/);
  const nat = hover(m, 'main.tf', 'allocation_id')!;
  assert.match(nat, /^\*\*`aws_nat_gateway\.main`\*\* · NAT gateway · \*\*\$77\.85\/month\*\*/);
  assert.match(nat, /\*\*Per month\*\* \$0\.0450 × 730 h = \$32\.85 \+ \$45\.00 data \(1,000 GB\)/);
  assert.match(nat, /\*\*Data\*\* 1,000 GB\/month, from infracost-usage\.yml \(aws_nat_gateway\.main\)/);
  const logs = hover(m, 'main.tf', 'logs = {')!;
  assert.match(logs, /→ `aws_vpc_endpoint\.interface\["logs"\]` · Interface × 2 AZ · \*\*\$16\.60\/month\*\*/);
});

test('registry modules: the call, one entry of its endpoints map, and the vpc module\'s NAT gateways', async () => {
  const m = await pricedModule('registry-modules');
  const call = hover(m, 'main.tf', 'module "vpc_endpoints"')!;
  assert.match(call, /^\*\*`module\.vpc_endpoints`\*\* · 2 × Interface × 3–4 AZ, 1 × Gateway \(free\) · \*\*\$56\.21\/month\*\*/);
  assert.match(call, /the module's service_type default is Interface/);
  const entry = hover(m, 'main.tf', 'service             = "ssm"')!;
  assert.match(entry, /^`"ssm"` → `module\.vpc_endpoints\.aws_vpc_endpoint\.this\["ssm"\]` · Interface × 3 AZ/);
  assert.match(entry, /\*\*AZs\*\* 3: module\.vpc\.private_subnets \(3\)/);
  const vpc = hover(m, 'main.tf', 'single_nat_gateway = true')!;
  assert.match(vpc, /^\*\*`module\.vpc`\*\* · NAT gateway · \*\*\$35\.04\/month\*\*/);
  assert.match(vpc, /\*\*NAT gateways\*\* 1: single_nat_gateway = true/);
  assert.equal(hover(m, 'main.tf', 'module "no_nat_vpc"'), '**`module.no_nat_vpc`** · enable_nat_gateway = false (module default): no instance is created, so it costs nothing.');
});

test('a half-typed file still answers for the blocks that parse', async () => {
  const text = readFileSync(join(SEED, 'endpoints.tf'), 'utf8').replace('private_dns_enabled = false\n}', 'private_dns_enabled = \n');
  const files = { 'endpoints.tf': text, 'network.tf': readFileSync(join(SEED, 'network.tf'), 'utf8'), 'providers.tf': readFileSync(join(SEED, 'providers.tf'), 'utf8') };
  const analysis = await analyzeModule(files);
  assert.ok(analysis.findings.some((f) => f.rule === 'VPCE000'));
  const report = moduleCosts(analysis);
  const at = (needle: string) => costTargetAt(analysis.modules, `${ROOT}/endpoints.tf`, positionOf(text, needle));
  assert.match(explainCost(at('resource "aws_vpc_endpoint" "interface"')!, { report, overrides: {} }), /\$183\.96\/month/);
  const broken = at('private_dns_enabled = \n');
  if (broken) assert.doesNotThrow(() => explainCost(broken, { report, overrides: {} }));
});

test('an unknown instance count is said, not priced', async () => {
  const analysis = await analyzeModule('variable "n" {}\nresource "aws_vpc_endpoint" "x" {\n  count = var.n\n  service_name = "com.amazonaws.us-east-1.s3"\n}\n');
  const target = costTargetAt(analysis.modules, `${ROOT}/main.tf`, { line: 2, character: 3 })!;
  assert.match(explainCost(target, { report: moduleCosts(analysis), overrides: {} }), /the number of instances cannot be known \(var\.n has no default and no value\), so it is not priced/);
});
