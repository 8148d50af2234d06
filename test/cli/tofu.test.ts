// OpenTofu's *.tofu files through the built CLI: a .tofu PATH, module folders of .tofu files
// (also found by --recursive), and a x.tofu that replaces its x.tf twin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../../..');
const CLI = join(REPO, 'dist/cli.js');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function moduleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-tofu-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const PROVIDER = 'provider "aws" {\n  region = "eu-west-1"\n}\n';
const NAT = (name: string) => `resource "aws_nat_gateway" "${name}" {\n  allocation_id = "eipalloc-1"\n  subnet_id     = "subnet-1"\n}\n`;

function addresses(stdout: string): string[] {
  return (JSON.parse(stdout).resources as { address: string }[]).map((r) => r.address).sort();
}

test('cost on a folder of .tofu and .tf files prices both; a .tofu PATH is reported alone, read with its folder', () => {
  const dir = moduleDir({ 'providers.tf': PROVIDER, 'main.tofu': NAT('main'), 'other.tf': NAT('other') });
  const all = run(['cost', dir, '--format', 'json']);
  assert.equal(all.code, 0, all.stderr);
  assert.deepEqual(addresses(all.stdout), ['aws_nat_gateway.main', 'aws_nat_gateway.other']);
  const one = run(['cost', join(dir, 'main.tofu'), '--format', 'json']);
  assert.equal(one.code, 0, one.stderr);
  assert.deepEqual(addresses(one.stdout), ['aws_nat_gateway.main']);
  assert.equal(JSON.parse(one.stdout).resources[0].region, 'eu-west-1', 'the provider comes from the .tf sibling');
});

test('x.tofu replaces x.tf, as in OpenTofu', () => {
  const dir = moduleDir({ 'main.tf': PROVIDER + NAT('terraform'), 'main.tofu': PROVIDER + NAT('tofu') });
  assert.deepEqual(addresses(run(['cost', dir, '--format', 'json']).stdout), ['aws_nat_gateway.tofu']);
});

test('check --recursive finds a module folder that holds only .tofu files', () => {
  const dir = moduleDir({ 'main.tf': 'locals { a = 1 }\n', 'modules/net/main.tofu': 'resource "aws_nat_gateway" "n" {\n' });
  const r = run(['check', dir, '--recursive', '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const files = (JSON.parse(r.stdout).findings as { file: string; rule: string }[]).map((f) => `${f.rule} ${f.file}`);
  assert.ok(files.some((f) => /^VPCE000 .*modules\/net\/main\.tofu$/.test(f)), files.join('\n'));
});

test('a PATH that is neither a folder nor a .tf / .tofu file is a usage error', () => {
  const dir = moduleDir({ 'notes.txt': 'hello\n' });
  const r = run(['cost', join(dir, 'notes.txt')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /not a \.tf or \.tofu file or a directory/);
});
