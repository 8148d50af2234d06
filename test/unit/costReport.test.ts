// The Markdown cost report, the NAT-vs-endpoints comparison and the code lens titles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costLenses } from '../../server/src/core/pricing/lenses';
import { natComparisons, type NatComparison } from '../../server/src/core/pricing/natComparison';
import { costReportMarkdown } from '../../server/src/core/pricing/report';
import { SEED, near, pricedModule, type PricedModule } from '../helpers/costFixtures';
import { analyzeModule } from '../helpers/memoryModule';
import { moduleCosts } from '../../server/src/core/pricing/moduleCosts';

function comparison(m: PricedModule): NatComparison {
  const [only, ...rest] = natComparisons(m.report, {});
  assert.equal(rest.length, 0);
  assert.ok(only && !('error' in only));
  return only;
}

function lensTitles(m: PricedModule, file: string): Map<number, string> {
  const lenses = costLenses(m.analysis.modules, m.report, m.path(file), { firstFile: m.analysis.files[0]?.path });
  return new Map(lenses.map((l) => [l.range.start.line, l.title]));
}

test('seed report: every instance, totals by type, and the NAT comparison for ap-northeast-1', async () => {
  const markdown = costReportMarkdown((await pricedModule(SEED)).report, { title: 'seed', overrides: {} });
  const lines = markdown.split('\n');
  assert.equal(lines[0], '## vpce-lens cost report: seed');
  assert.ok(lines.includes('**$204.40/month** in total: VPC endpoints $204.40, NAT gateways $0.00 (12 resource instances).'));
  assert.ok(lines.includes('| `aws_vpc_endpoint.interface["ssm"]` | Interface | ssm | ap-northeast-1 | 2 | $0.0280 | 0 | $20.44 | endpoints.tf:46 |'), markdown);
  assert.ok(lines.includes('| `aws_vpc_endpoint.s3` | Gateway | s3 | ap-northeast-1 |  | $0.00 | 0 | $0.00 | endpoints.tf:2 |'));
  assert.ok(lines.includes('| Interface | 10 | $204.40 |'));
  assert.ok(lines.includes('| Gateway | 2 | $0.00 |'));
  assert.ok(lines.includes('### NAT gateway or VPC endpoints? (ap-northeast-1)'));
  assert.ok(lines.includes('| fixed | $45.26 (1 NAT gateway, assumed: the module has none) | $204.40 (10 interface, 2 gateway) |'), markdown);
  assert.ok(lines.includes('| **per month** | **$45.26** | **$204.40** |'));
  assert.ok(lines.includes('The endpoints cost less than that NAT gateway above **3,061 GB/month** of interface traffic.'));
  assert.match(lines[lines.length - 1]!, /^_Prices from the AWS price list as of 2025-10-28 for ap-northeast-1 \(Asia Pacific \(Tokyo\)\); 730 hours per month\._$/);
});

test('the comparison follows the configured data volume: 100 GB per endpoint', async () => {
  const c = comparison(await pricedModule(SEED, { monthlyDataGb: 100 }));
  near(c.dataGb, 1200, 'GB through 12 endpoints');
  near(c.nat.monthly, 0.062 * 730 + 1200 * 0.062, 'NAT');
  near(c.endpoints.monthly, 204.4 + 1000 * 0.01, 'endpoints: 10 interface × 100 GB × $0.01, gateways free');
  near(c.breakEvenGb, (204.4 - 0.062 * 730) / (0.062 - 0.01), 'break-even');
  assert.equal(c.breakEvenKeepingNatGb, undefined, 'no NAT gateway to keep');
});

test('with the module\'s own NAT gateway: interface endpoints are cheaper at any volume, and pay off above 835 GB when NAT stays', async () => {
  const m = await pricedModule('nat-and-usage');
  const c = comparison(m);
  assert.equal(c.nat.assumed, false);
  near(c.dataGb, 50 + 200 + 500, 'usage-file GB of the endpoints');
  assert.equal(c.breakEvenGb, 0);
  near(c.breakEvenKeepingNatGb, 29.2 / (0.045 - 0.01), 'keeping NAT');
  const markdown = costReportMarkdown(m.report, { title: 'nat-and-usage', overrides: {} });
  assert.match(markdown, /The endpoints cost less than that NAT gateway at any volume\./);
  assert.match(markdown, /If the NAT gateway stays for internet access anyway, the endpoints pay for themselves above \*\*835 GB\/month\*\* of interface traffic\./);
  assert.match(markdown, /\| fixed \| \$32\.85 \(the module's 1 NAT gateway\) \|/);
});

test('overridden prices are used and named in the report', async () => {
  const m = await pricedModule(SEED, { pricingOverrides: { '*': { interfaceHourlyPerAz: 0.01 } } });
  const markdown = costReportMarkdown(m.report, { title: 'seed', overrides: { '*': { interfaceHourlyPerAz: 0.01 } } });
  assert.match(markdown, /\*\*\$146\.00\/month\*\* in total/);
  assert.match(markdown, /Overridden by vpceLens\.pricing\.overrides: interfaceHourlyPerAz\._$/);
});

test('a region without prices is named as not priced, never a zero, and the total says it is a lower bound', async () => {
  const analysis = await analyzeModule(`provider "aws" {
  region = "ap-northeast-9"
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-1"
  service_name = "com.amazonaws.ap-northeast-9.s3"
}
`);
  const report = moduleCosts(analysis);
  assert.equal(report.totals.complete, false);
  assert.deepEqual(report.unpriced.map((u) => u.address), ['aws_vpc_endpoint.s3']);
  const markdown = costReportMarkdown(report, { title: 'x', overrides: {} });
  assert.match(markdown, /\*\*≥ \$0\.00\/month\*\* in total \(1 not priced\)/);
  assert.match(markdown, /### Not priced/);
  assert.match(markdown, /- `aws_vpc_endpoint\.s3`: .*ap-northeast-9/);
});

test('an empty module says so', async () => {
  const m = await pricedModule(SEED);
  assert.match(costReportMarkdown({ ...m.report, resources: [] }, { title: 'empty', overrides: {} }), /No VPC endpoints or NAT gateways found\./);
});

test('lens titles: per block, count = 0, the module call, and the summary on the first file only', async () => {
  const seed = await pricedModule(SEED);
  const titles = lensTitles(seed, 'endpoints.tf');
  assert.equal(titles.get(seed.at('endpoints.tf', 'resource "aws_vpc_endpoint" "interface"').line), '$183.96/mo · 9 × Interface × 2 AZ');
  assert.equal(titles.get(seed.at('endpoints.tf', 'resource "aws_vpc_endpoint" "partner"').line), '$20.44/mo · Interface × 2 AZ');
  assert.equal(titles.get(seed.at('endpoints.tf', 'resource "aws_vpc_endpoint" "s3"').line), '$0.00/mo · Gateway (free)');
  assert.equal(titles.get(0), 'Module: $204.40/mo · endpoints $204.40 · NAT gateways $0.00 · cost report');
  assert.equal(lensTitles(seed, 'network.tf').size, 0, 'no lens on a file without priced blocks, and no second summary');

  const usage = await pricedModule('nat-and-usage');
  const usageTitles = lensTitles(usage, 'main.tf');
  assert.equal(usageTitles.get(usage.at('main.tf', 'resource "aws_vpc_endpoint" "optional"').line), '$0.00/mo · no instance: count = 0');
  assert.equal(usageTitles.get(usage.at('main.tf', 'resource "aws_nat_gateway" "main"').line), '$77.85/mo · NAT gateway');

  const registry = await pricedModule('registry-modules');
  const registryTitles = lensTitles(registry, 'main.tf');
  assert.equal(registryTitles.get(registry.at('main.tf', 'module "vpc_endpoints"').line), '$56.21/mo · 2 × Interface × 3–4 AZ, 1 × Gateway (free)');
  assert.equal(registryTitles.get(registry.at('main.tf', 'module "per_az_vpc"').line), '$70.08/mo · 2 × NAT gateway');
  assert.equal(registryTitles.get(registry.at('main.tf', 'module "no_nat_vpc"').line), '$0.00/mo · no instance: enable_nat_gateway = false (module default)');
});
