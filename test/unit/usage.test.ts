// The Infracost usage file: addresses with and without instance keys, wildcards, precedence,
// module addresses, and malformed files reported with positions instead of crashing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAddress, parseUsageFile, usageLookup } from '../../server/src/core/pricing/usage';
import { analyzeModule, positionOf, ROOT } from '../helpers/memoryModule';
import { near, pricedModule } from '../helpers/costFixtures';

const PATH = '/m/infracost-usage.yml';

test('addresses parse into module and resource parts with normalised keys', () => {
  assert.deepEqual(parseAddress('aws_vpc_endpoint.x["ssm"]'), [{ name: 'aws_vpc_endpoint.x', index: '"ssm"' }]);
  assert.deepEqual(parseAddress('module.net[0].aws_nat_gateway.this[*]'), [
    { name: 'module.net', index: '0' },
    { name: 'aws_nat_gateway.this', index: '*' },
  ]);
  assert.deepEqual(parseAddress('data.aws_region.current'), [{ name: 'data.aws_region.current', index: undefined }]);
  for (const bad of ['', 'aws_vpc_endpoint', 'module.x', 'aws_x.y[ssm]', 'aws_x.y["a"]extra', 'aws_x.y.']) assert.equal(parseAddress(bad), undefined, bad);
});

test('exact instance beats the whole block, which beats the wildcard, whatever the order in the file', () => {
  const file = parseUsageFile(PATH, [
    'version: 0.1',
    'resource_usage:',
    '  aws_vpc_endpoint.x[*]:',
    '    monthly_data_processed_gb: 1',
    '  aws_vpc_endpoint.x:',
    '    monthly_data_processed_gb: 2',
    '  \'aws_vpc_endpoint.x["ssm"]\':',
    '    monthly_data_processed_gb: 3',
    '  aws_vpc_endpoint.y[*]:',
    '    monthly_data_processed_gb: 4',
    '  module.endpoints.aws_vpc_endpoint.this["s3"]:',
    '    monthly_data_processed_gb: 5',
    '  module.per_env[*].aws_nat_gateway.this[0]:',
    '    monthly_data_processed_gb: 6',
    '  aws_nat_gateway.other:',
    '    hours: 100',
  ].join('\n'));
  assert.deepEqual(file.problems, []);
  const lookup = usageLookup(file);
  assert.deepEqual(lookup('aws_vpc_endpoint.x["ssm"]'), { gb: 3, source: 'infracost-usage.yml (aws_vpc_endpoint.x["ssm"])' });
  assert.equal(lookup('aws_vpc_endpoint.x["logs"]')?.gb, 2);
  assert.equal(lookup('aws_vpc_endpoint.y[0]')?.gb, 4);
  assert.equal(lookup('aws_vpc_endpoint.y')?.gb, 4, 'a wildcard also covers a block without instances');
  assert.equal(lookup('module.endpoints.aws_vpc_endpoint.this["s3"]')?.gb, 5);
  assert.equal(lookup('aws_vpc_endpoint.this["s3"]'), undefined, 'a module address does not match the root');
  assert.equal(lookup('module.per_env["prod"].aws_nat_gateway.this[0]')?.gb, 6);
  assert.equal(lookup('aws_nat_gateway.other'), undefined, 'other usage keys are not data volumes');
  assert.equal(lookup('aws_vpc_endpoint.z'), undefined);
});

test('an empty file, or one without resource_usage, is no problem', () => {
  for (const text of ['', '# nothing\n', 'version: 0.1\n', 'resource_usage:\n']) {
    const file = parseUsageFile(PATH, text);
    assert.deepEqual(file.problems, [], JSON.stringify(text));
    assert.equal(file.parses, true);
  }
});

test('broken YAML is one problem at its position and no usage is taken from the file', () => {
  const text = 'resource_usage:\n  aws_vpc_endpoint.x:\n    monthly_data_processed_gb: [1, 2\n';
  const file = parseUsageFile(PATH, text);
  assert.equal(file.parses, false);
  assert.equal(file.entries.length, 0);
  assert.ok(file.problems.length >= 1);
  assert.match(file.problems[0]!.message, /^infracost-usage\.yml: .*ignored until it parses\.$/);
  assert.ok(file.problems[0]!.range.start.line >= positionOf(text, '[1, 2').line);
});

test('bad entries are reported where they are written; the good ones are still used', () => {
  const text = [
    'resource_usage:',
    '  aws_vpc_endpoint.a:',
    '    monthly_data_processed_gb: lots',
    '  aws_vpc_endpoint.b:',
    '    monthly_data_processed_gb: -5',
    '  not an address:',
    '    monthly_data_processed_gb: 1',
    '  aws_vpc_endpoint.c: 12',
    '  aws_vpc_endpoint.d:',
    '    monthly_data_processed_gb: 7.5',
  ].join('\n');
  const file = parseUsageFile(PATH, text);
  assert.equal(file.parses, true);
  assert.deepEqual(file.entries.map((e) => [e.address, e.gb]), [['aws_vpc_endpoint.d', 7.5]]);
  const where = file.problems.map((p) => p.range.start);
  assert.deepEqual(where, [positionOf(text, 'lots'), positionOf(text, '-5'), positionOf(text, 'not an address'), positionOf(text, '12')]);
  assert.match(file.problems[0]!.message, /monthly_data_processed_gb of aws_vpc_endpoint\.a must be a number of GB \(0 or more\), got "lots"\. This entry is ignored\./);
  assert.match(file.problems[2]!.message, /"not an address" is not a resource address/);
});

test('resource_usage that is not a mapping is reported', () => {
  const file = parseUsageFile(PATH, 'resource_usage:\n  - aws_vpc_endpoint.a\n');
  assert.equal(file.problems.length, 1);
  assert.match(file.problems[0]!.message, /must map resource addresses/);
  assert.equal(file.problems[0]!.range.start.line, 1);
});

test('the usage file beside the module prices data per instance (golden us-east-1 figures)', async () => {
  const { report, analysis } = await pricedModule('nat-and-usage');
  assert.deepEqual(analysis.findings.filter((f) => f.rule === 'VPCE000'), [], 'the usage file reads cleanly');
  const byAddress = new Map(report.resources.map((r) => [r.address, r]));
  const ssm = byAddress.get('aws_vpc_endpoint.interface["ssm"]')!;
  near(ssm.monthlyFixed, 14.6, 'two subnets: $14.60');
  near(ssm.monthlyDataGb, 50, 'wildcard GB');
  near(ssm.monthly, 15.1, 'ssm monthly');
  assert.equal(ssm.monthlyDataSource, 'infracost-usage.yml (aws_vpc_endpoint.interface[*])');
  assert.deepEqual(ssm.assumptions, [], 'no data-volume assumption when the usage file says');
  near(byAddress.get('aws_vpc_endpoint.interface["logs"]')!.monthly, 16.6, 'exact entry wins: 14.60 + 200 GB × $0.01');
  const nat = byAddress.get('aws_nat_gateway.main')!;
  near(nat.monthlyFixed, 32.85, 'NAT month');
  near(nat.monthly, 32.85 + 45, 'NAT + 1000 GB × $0.045');
  near(byAddress.get('aws_vpc_endpoint.s3')!.monthly, 0, 'gateway is free');
});

test('a malformed usage file is a finding on that file, and the analysis goes on', async () => {
  const usage = 'resource_usage:\n  aws_vpc_endpoint.s3:\n    monthly_data_processed_gb: "x"\n';
  const analysis = await analyzeModule(
    { 'main.tf': 'resource "aws_vpc_endpoint" "s3" {\n  service_name = "com.amazonaws.us-east-1.s3"\n}\n', 'usage.yml': usage },
    { usageFile: 'usage.yml', monthlyDataGb: 3 },
  );
  const finding = analysis.findings.find((f) => f.file === `${ROOT}/usage.yml`);
  assert.ok(finding, JSON.stringify(analysis.findings));
  assert.equal(finding.rule, 'VPCE000');
  assert.equal(finding.severity, 'warning');
  assert.deepEqual(finding.range.start, positionOf(usage, '"x"'));
  assert.equal(analysis.endpoints.length, 1);
});

test('a configured usage file that cannot be read is an error finding naming it', async () => {
  const analysis = await analyzeModule({ 'main.tf': 'locals {}\n' }, { usageFile: 'missing.yml' });
  const finding = analysis.findings.find((f) => f.file === `${ROOT}/missing.yml`);
  assert.ok(finding);
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /Cannot read the usage file .*missing\.yml; data volumes fall back to vpceLens\.monthlyDataGb\./);
});
