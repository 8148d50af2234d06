// `vpce-lens cost --format markdown` and `--usage-file` on the built CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../../..');
const CLI = join(REPO, 'dist/cli.js');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('cost --format markdown prints the report fit for a pull-request comment', () => {
  const r = run(['cost', 'examples/seed', '--format', 'markdown']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^## vpce-lens cost report: examples\/seed\n/);
  assert.match(r.stdout, /\| `aws_vpc_endpoint\.interface\["kms"\]` \| Interface \| kms \| ap-northeast-1 \| 2 \| \$0\.0280 \| 0 \| \$20\.44 \| examples\/seed\/endpoints\.tf:46 \|/);
  assert.match(r.stdout, /### NAT gateway or VPC endpoints\? \(ap-northeast-1\)/);
  assert.match(r.stdout, /\*\*\$204\.40\/month\*\* in total/);
});

test('cost --monthly-gb changes the comparison; --format json keeps the contract with usage-file volumes', () => {
  const md = run(['cost', 'examples/seed', '--format', 'markdown', '--monthly-gb', '100']);
  assert.match(md.stdout, /\| data processing at 1,200 GB\/month \| \$74\.40 \(\$0\.0620\/GB\) \| \$10\.00 /);
  const json = JSON.parse(run(['cost', 'test/fixtures/cost/nat-and-usage', '--format', 'json']).stdout);
  const logs = json.resources.find((r: { address: string }) => r.address === 'aws_vpc_endpoint.interface["logs"]');
  assert.equal(logs.monthlyDataGb, 200);
  assert.ok(Math.abs(logs.monthly - 16.6) < 1e-9);
});

test('--usage-file names the file to read; one that is not a usage file is a problem (JSON problems, stderr, exit 2); one that cannot be read is a usage error', () => {
  const other = run(['cost', 'test/fixtures/cost/nat-and-usage', '--format', 'json', '--usage-file', 'test/fixtures/cost/registry-modules/main.tf']);
  assert.equal(other.code, 2, other.stderr);
  assert.match(other.stderr, /main\.tf: expected a mapping with a `resource_usage` key/);
  const json = JSON.parse(other.stdout);
  assert.ok(json.resources.every((r: { monthlyDataGb: number }) => r.monthlyDataGb === 0), 'not the default usage file');
  assert.deepEqual(json.problems.map((p: { file: string }) => p.file), ['test/fixtures/cost/registry-modules/main.tf']);
  const missing = run(['cost', 'examples/seed', '--usage-file', 'no-such-usage.yml']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--usage-file no-such-usage\.yml cannot be read/);
});
