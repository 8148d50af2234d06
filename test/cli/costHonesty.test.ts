// `vpce-lens cost` never shows a total without saying what it left out and what it assumed;
// no flag is silently ignored; input problems are reported; the output reads well.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../../..');
const CLI = join(REPO, 'dist/cli.js');

function run(args: string[], cwd = REPO): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function moduleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-cost-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const UNKNOWN_FOR_EACH = `provider "aws" {
  region = "eu-west-1"
}

variable "services" {
  type = set(string)
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = var.services
  vpc_id              = "vpc-0a1b2c3d"
  service_name        = "com.amazonaws.eu-west-1.\${each.value}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = ["subnet-0a", "subnet-0b"]
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-0a1b2c3d"
  service_name = "com.amazonaws.eu-west-1.s3"
}
`;

test('a for_each without a value is listed as not priced and the total is a lower bound, in text, json and markdown', () => {
  const dir = moduleDir({ 'main.tf': UNKNOWN_FOR_EACH });
  const text = run(['cost', dir]);
  assert.equal(text.code, 0, text.stderr);
  assert.doesNotMatch(text.stdout, /no VPC endpoints or NAT gateways found/);
  assert.match(text.stdout, /Not priced:\n {2}aws_vpc_endpoint\.interface \(.*main\.tf:9\): its for_each cannot be evaluated \(var\.services has no default and no value\)/);
  assert.match(text.stdout, /^Total ≥ \$0\.00\/month \(1 not priced; /m);
  const json = JSON.parse(run(['cost', dir, '--format', 'json']).stdout);
  assert.equal(json.totals.complete, false);
  assert.deepEqual(json.unpriced, [{ address: 'aws_vpc_endpoint.interface', kind: 'vpc_endpoint', reason: 'its for_each cannot be evaluated (var.services has no default and no value)', file: join(dir, 'main.tf'), line: 8, root: dir }]);
  const markdown = run(['cost', dir, '--format', 'markdown']).stdout;
  assert.match(markdown, /\*\*≥ \$0\.00\/month\*\* in total \(1 not priced\)/);
  assert.match(markdown, /### Not priced\n\n.*\n\n- `aws_vpc_endpoint\.interface`: its for_each cannot be evaluated/);
});

test('a complete module says so: totals.complete is true and unpriced is empty', () => {
  const json = JSON.parse(run(['cost', 'examples/seed', '--format', 'json']).stdout);
  assert.equal(json.totals.complete, true);
  assert.deepEqual(json.unpriced, []);
  assert.ok(json.resources.every((r: { root: string }) => r.root === 'examples/seed'));
});

test('assumptions are visible: an assumed region, AZ count and data volume are marked in the row, with a legend; the GB column appears with data', () => {
  const dir = moduleDir({ 'main.tf': `resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = "vpc-1"
  service_name        = "com.amazonaws.us-east-1.ssm"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = var.subnets
  private_dns_enabled = true
}

variable "subnets" {}
` });
  const plain = run(['cost', dir]);
  assert.doesNotMatch(plain.stdout.split('\n')[0]!, /GB\/month/, 'no GB column when every volume is 0');
  const r = run(['cost', dir, '--monthly-gb', '50']);
  const row = r.stdout.split('\n').find((l) => l.startsWith('aws_vpc_endpoint.ssm'))!;
  assert.match(row, /us-east-1\*\s+2\*\s+50\*/);
  assert.match(r.stdout, /^\* assumed: see Assumptions\.$/m);
  assert.match(r.stdout, /Region us-east-1 assumed: no region is set in the Terraform or the settings\./);
  assert.match(r.stdout, /2 AZs assumed \(the default; set --az-count\)/);
  assert.match(r.stdout, /50 GB\/month of data assumed \(--monthly-gb;/);
  const json = JSON.parse(run(['cost', dir, '--format', 'json']).stdout);
  assert.ok(json.resources[0].assumptions.some((a: string) => /^Region us-east-1 assumed/.test(a)));
});

test('--region and --az-count that lose to the module\'s own values are named in a note', () => {
  const r = run(['cost', 'examples/seed', '--region', 'us-west-2', '--az-count', '3', '--format', 'json']);
  const json = JSON.parse(r.stdout);
  assert.ok(json.resources.every((x: { region: string }) => x.region === 'ap-northeast-1'));
  assert.equal(json.notes.length, 2);
  assert.match(json.notes[0], /^--region us-west-2 was not used for 12 resource instances: the Terraform sets their region \(ap-northeast-1\)/);
  assert.match(json.notes[1], /^--az-count 3 was not used for 10 interface endpoints: their subnets were counted/);
  assert.match(run(['cost', 'examples/seed', '--region', 'us-west-2']).stdout, /Notes:\n {2}- --region us-west-2 was not used/);
});

test('--rule with an unknown rule ID is a usage error', () => {
  const r = run(['check', 'examples/seed', '--rule', 'VPCE999=off']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--rule VPCE999: no such rule/);
});

test('--price-overrides prices a region the catalogue lacks; without it that region is not priced, never $0', () => {
  const dir = moduleDir({ 'main.tf': `provider "aws" {
  region = "ap-south-9"
}

resource "aws_nat_gateway" "main" {
  allocation_id = "eipalloc-1"
  subnet_id     = "subnet-1"
}
` });
  const without = JSON.parse(run(['cost', dir, '--format', 'json']).stdout);
  assert.equal(without.totals.complete, false);
  assert.equal(without.unpriced[0].address, 'aws_nat_gateway.main');
  const overrides = join(dir, 'prices.json');
  writeFileSync(overrides, JSON.stringify({ 'ap-south-9': { natHourly: 0.05, natPerGb: 0.05, interfaceHourlyPerAz: 0.01, interfaceDataTiers: [{ fromGb: 0, toGb: null, perGb: 0.01 }], gwlbEndpointHourly: 0.01, gwlbEndpointPerGb: 0.0035 } }));
  const priced = JSON.parse(run(['cost', dir, '--format', 'json', '--price-overrides', overrides]).stdout);
  assert.equal(priced.totals.complete, true);
  assert.ok(Math.abs(priced.resources[0].monthly - 0.05 * 730) < 1e-9);
  writeFileSync(overrides, JSON.stringify({ '*': { natHourly: -1, nonsense: 2 } }));
  const bad = run(['cost', dir, '--price-overrides', overrides]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /natHourly: expected a non-negative number.*nonsense: not a price figure/);
});

test('a var file that is not valid is named on stderr and in JSON problems, exit 2', () => {
  const dir = moduleDir({ 'main.tf': UNKNOWN_FOR_EACH, 'terraform.tfvars.json': '{ "services": [' });
  const r = run(['cost', dir, '--format', 'json']);
  assert.equal(r.code, 2);
  const json = JSON.parse(r.stdout);
  assert.equal(json.problems.length, 1);
  assert.match(json.problems[0].message, /terraform\.tfvars\.json/);
  assert.match(r.stderr, /terraform\.tfvars\.json/);
});

test('several modules are grouped by the paths as given (absolute stays absolute); an empty folder says it has no .tf files; rows fit 120 columns', () => {
  const empty = mkdtempSync(join(tmpdir(), 'vpce-lens-empty-'));
  const seed = resolve(REPO, 'examples/seed');
  const r = run(['cost', seed, 'test/fixtures/cost/registry-modules', empty, '--monthly-gb', '1']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^== ${seed}$`, 'm'));
  assert.match(r.stdout, /^== test\/fixtures\/cost\/registry-modules$/m);
  assert.match(r.stdout, new RegExp(`^${empty}: no \\.tf files here\\.$`, 'm'));
  assert.match(r.stderr, /has no \.tf files/);
  assert.match(r.stdout, /vpce-svc-…0718/);
  for (const line of r.stdout.split('\n')) if (!line.startsWith('  ') && !line.startsWith('Total') && !line.startsWith('==')) assert.ok(line.length <= 120, `${line.length} columns: ${line}`);
  const json = JSON.parse(run(['cost', seed, '--format', 'json']).stdout);
  assert.ok(json.resources.every((x: { file: string }) => x.file.startsWith('/')), 'files of an absolute path are absolute');
  assert.ok(json.resources.some((x: { service: string }) => x.service === 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0a1b2c3d4e5f60718'), 'JSON keeps the full name');
});

test('--recursive on a repository with three roots sharing a child: the child is analysed through its callers, each finding once, each entry with its root', () => {
  const check = JSON.parse(run(['check', 'test/fixtures/modules/monorepo', '--recursive', '--format', 'json']).stdout);
  const keys = check.findings.map((f: { file: string; range: { start: { line: number } }; rule: string; message: string }) => `${f.file}:${f.range.start.line}:${f.rule}:${f.message}`);
  assert.equal(new Set(keys).size, keys.length, 'no finding twice');
  assert.ok(check.findings.length > 0);
  assert.ok(check.findings.every((f: { root: string }) => f.root.startsWith('test/fixtures/modules/monorepo/live/')), 'the shared child is never a root of its own');
  const cost = JSON.parse(run(['cost', 'test/fixtures/modules/monorepo', '--recursive', '--format', 'json']).stdout);
  assert.deepEqual(cost.resources.map((r: { root: string; service: string; azCount: number }) => [r.root.split('/').pop(), r.service, r.azCount]), [
    ['dev', 'logs', 1],
    ['prod', 'ec2messages', 3], ['prod', 'ssm', 3], ['prod', 'ssmmessages', 3],
    ['staging', 'logs', 2],
  ]);
  const text = run(['check', 'test/fixtures/modules/monorepo', '--recursive']).stdout;
  assert.match(text, /^== test\/fixtures\/modules\/monorepo\/live\/dev$/m);
});
