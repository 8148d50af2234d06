// The built CLI (dist/cli.js): both commands, formats, exit codes 0/1/2, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { positionOf } from '../helpers/memoryModule';

const REPO = resolve(__dirname, '../../..');
const CLI = join(REPO, 'dist/cli.js');
const SEED = join(REPO, 'examples/seed');

function run(args: string[], cwd = REPO): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function moduleDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const BROKEN = 'resource "aws_vpc_endpoint" "x" {\n  service_name = "com.amazonaws.us-east-1.s3"\n  vpc_id = \n';

test('check on the example: no findings, exit 0', () => {
  const r = run(['check', SEED]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /no findings/);
});

test('check --format json: the contract shape, 0-based positions, relative files, exit 1 on an error', () => {
  const dir = moduleDir({ 'main.tf': BROKEN });
  const r = run(['check', '.', '--format', 'json'], dir);
  assert.equal(r.code, 1, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.tool, 'vpce-lens');
  assert.match(json.version, /^\d+\.\d+\.\d+$/);
  const [finding] = json.findings;
  assert.equal(finding.rule, 'VPCE000');
  assert.equal(finding.severity, 'error');
  assert.equal(finding.file, 'main.tf');
  assert.ok(finding.range.start.line >= positionOf(BROKEN, 'vpc_id').line);
  assert.deepEqual(Object.keys(finding.range.start).sort(), ['character', 'line']);
  assert.ok(Array.isArray(finding.fixes));
});

test('check --format text: file:line:col with 1-based numbers for people, and a summary', () => {
  const dir = moduleDir({ 'main.tf': BROKEN });
  const r = run(['check', dir]);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  const findings = lines.filter((l) => /main\.tf:\d+:\d+: error VPCE000 Syntax error/.test(l));
  assert.ok(findings.length >= 1, r.stdout);
  assert.match(r.stdout, /missing a value/);
  assert.match(lines.at(-1)!, new RegExp(`^vpce-lens: ${findings.length} errors?, 0 warnings, 0 info/hint in 1 file$`));
});

test('--rule changes severities: off drops the finding, warning keeps the exit code 0', () => {
  const dir = moduleDir({ 'main.tf': BROKEN });
  assert.equal(run(['check', dir, '--rule', 'VPCE000=off']).code, 0);
  const warned = run(['check', dir, '--rule=VPCE000=warning', '--format', 'json']);
  assert.equal(warned.code, 0);
  assert.equal(JSON.parse(warned.stdout).findings[0].severity, 'warning');
});

test('usage errors and unreadable paths exit 2 with a message, never a stack trace', () => {
  for (const args of [['check', '/nonexistent/path'], ['frobnicate'], ['check', '--format', 'xml'], ['cost', '--az-count', 'two'], ['check', '--monthly-gb', '5'], ['cost', '--region', 'mars'], ['check', '--var-file', '/nonexistent.tfvars']]) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, /^vpce-lens: /, args.join(' '));
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('--version and --help', () => {
  const version = run(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /vpce-lens check/);
});

test('a binary .tf file is a VPCE000 finding, not a crash', () => {
  const dir = moduleDir({ 'main.tf': 'locals { a = 1 }\n', 'bin.tf': Buffer.from([0, 1, 2, 255, 254]) });
  const r = run(['check', dir, '--format', 'json']);
  assert.equal(r.code, 1);
  const finding = JSON.parse(r.stdout).findings.find((f: { file: string }) => f.file.endsWith('bin.tf'));
  assert.match(finding.message, /not valid UTF-8/);
});

test('a single .tf file is analysed with its directory but reported alone; --recursive finds nested modules', () => {
  const dir = moduleDir({ 'good.tf': 'locals { a = 1 }\n', 'bad.tf': 'locals {\n', 'nested/child/x.tf': 'resource {\n' });
  assert.equal(run(['check', join(dir, 'good.tf')]).code, 0);
  assert.equal(run(['check', join(dir, 'bad.tf')]).code, 1);
  const recursive = JSON.parse(run(['check', dir, '--recursive', '--format', 'json']).stdout);
  assert.ok(recursive.findings.some((f: { file: string }) => f.file.endsWith('x.tf')), 'the nested module is checked');
  const flat = JSON.parse(run(['check', dir, '--format', 'json']).stdout);
  assert.ok(!flat.findings.some((f: { file: string }) => f.file.endsWith('x.tf')), 'without --recursive it is not');
});

test('cost --format json on the example: every for_each instance priced in ap-northeast-1', () => {
  const r = run(['cost', SEED, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.currency, 'USD');
  assert.equal(json.hoursPerMonth, 730);
  assert.match(json.pricesAsOf, /^\d{4}-\d{2}-\d{2}$/);
  const interface_ = json.resources.filter((x: { address: string }) => x.address.startsWith('aws_vpc_endpoint.interface['));
  assert.equal(interface_.length, 9);
  const ssm = interface_.find((x: { address: string }) => x.address === 'aws_vpc_endpoint.interface["ssm"]');
  assert.deepEqual(
    [ssm.kind, ssm.endpointType, ssm.service, ssm.region, ssm.regionSource, ssm.azCount, ssm.hourly],
    ['vpc_endpoint', 'Interface', 'ssm', 'ap-northeast-1', 'variable', 2, 0.028],
  );
  assert.ok(Math.abs(ssm.monthly - 20.44) < 1e-9);
  const sum = interface_.reduce((s: number, x: { monthly: number }) => s + x.monthly, 0);
  assert.ok(Math.abs(sum - 183.96) < 1e-9, `9 x 2 AZ in ap-northeast-1 = $183.96, got ${sum}`);
  const s3 = json.resources.find((x: { address: string }) => x.address === 'aws_vpc_endpoint.s3');
  assert.equal(s3.monthly, 0, 'a gateway endpoint is free');
  assert.equal(s3.line, positionOf(require('node:fs').readFileSync(join(SEED, 'endpoints.tf'), 'utf8'), 'resource "aws_vpc_endpoint" "s3"').line);
});

test('cost flags: --region when no provider says, --az-count when subnets are unknown, --hours-per-month', () => {
  const dir = moduleDir({ 'main.tf': 'variable "subnets" {}\nresource "aws_vpc_endpoint" "x" {\n  vpc_endpoint_type = "Interface"\n  service_name = "com.amazonaws.sa-east-1.sts"\n  subnet_ids = var.subnets\n}\n' });
  const json = JSON.parse(run(['cost', dir, '--format', 'json', '--region', 'sa-east-1', '--az-count', '3', '--hours-per-month', '720']).stdout);
  const [x] = json.resources;
  assert.deepEqual([x.region, x.regionSource, x.azCount, x.azCountSource], ['sa-east-1', 'setting', 3, '--az-count']);
  assert.ok(Math.abs(x.monthly - 0.021 * 3 * 720) < 1e-9);
  assert.ok(x.assumptions.some((s: string) => /3 AZs assumed/.test(s)));
});

test('cost --var-file overrides a variable default', () => {
  const dir = moduleDir({
    'main.tf': 'variable "region" { default = "us-east-1" }\nprovider "aws" { region = var.region }\nresource "aws_nat_gateway" "n" {}\n',
    'prod.tfvars': 'region = "eu-central-1"\n',
  });
  const json = JSON.parse(run(['cost', dir, '--format', 'json', '--var-file', join(dir, 'prod.tfvars')]).stdout);
  assert.equal(json.resources[0].region, 'eu-central-1');
  assert.equal(json.resources[0].kind, 'nat_gateway');
});

test('cost --format text prints a table and the total', () => {
  const r = run(['cost', SEED]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /aws_vpc_endpoint\.interface\["ssm"\]\s+Interface\s+ssm\s+ap-northeast-1\s+2\s+\$0\.0280\s+\$20\.44/);
  assert.match(r.stdout, /Total \$204\.40\/month/);
});

test('the bundle runs with node_modules absent (dist/ copied elsewhere)', () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'vpce-lens-dist-'));
  cpSync(join(REPO, 'dist'), join(elsewhere, 'dist'), { recursive: true });
  const result = spawnSync(process.execPath, [join(elsewhere, 'dist/cli.js'), 'cost', SEED, '--format', 'json'], { cwd: elsewhere, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).resources.length, 12);
  const server = spawnSync(process.execPath, [join(elsewhere, 'dist/server.js'), '--stdio'], { input: '', encoding: 'utf8', timeout: 10_000 });
  assert.doesNotMatch(server.stderr, /Cannot find module/);
});
