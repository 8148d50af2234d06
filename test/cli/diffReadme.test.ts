// The README's CI examples, run as written: each `vpce-lens diff` line (and GitLab's fetch of
// the base) of its GitHub Actions and GitLab CI jobs, through npx, in a clone of a fixture
// repository set up as each CI checks out a pull request, with the variables the CI sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLI, fixtureRepository, git, REPO, runCli, tempDir } from '../helpers/gitRepo';

/** The shell lines of the README's YAML block that starts with `first`, that run git or vpce-lens. */
function ciLines(first: string): string[] {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const block = readme.split('```yaml\n').map((b) => b.split('```')[0]!).find((b) => b.startsWith(first));
  assert.ok(block, `README has a yaml block starting with ${first}`);
  return block.split('\n')
    .map((line) => line.replace(/^\s*- (run: )?/, ''))
    .filter((line) => /^(npx --no -- vpce-lens diff|git fetch)/.test(line));
}

/** A clone of the fixture with vpce-lens installed as a project installs it (node_modules/.bin). */
function checkout(depth: string[]): string {
  const origin = fixtureRepository('infra');
  git(origin, 'checkout', '-q', 'main'); // a server's HEAD is its default branch
  const clone = join(tempDir('ci'), 'clone');
  git(origin, 'clone', '-q', ...depth, '--branch', 'change', `file://${origin}`, clone);
  writeFileSync(join(clone, 'package.json'), '{ "private": true }\n');
  mkdirSync(join(clone, 'node_modules/.bin'), { recursive: true });
  symlinkSync(CLI, join(clone, 'node_modules/.bin/vpce-lens'));
  return clone;
}

function shell(line: string, cwd: string, env: Record<string, string>): { code: number | null; stderr: string } {
  const result = spawnSync('sh', ['-c', line], {
    cwd, encoding: 'utf8', timeout: 120_000,
    env: { ...process.env, ...env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, npm_config_offline: 'true', npm_config_update_notifier: 'false' },
  });
  return { code: result.status, stderr: result.stderr };
}

function runJob(lines: string[], clone: string, env: Record<string, string>, baseVariable: string): void {
  for (const line of lines) {
    const r = shell(line, clone, env);
    if (line.includes('--fail-above')) {
      const json = runCli(['diff', 'infra/network', '--base', 'origin/main', '--format', 'json'], clone);
      assert.equal(json.code, 0, `the base can be read once the job has fetched it: ${json.stderr}`);
      const delta = (JSON.parse(json.stdout) as { totals: { delta: number } }).totals.delta;
      const limit = Number(/--fail-above (\S+)/.exec(line)![1]);
      assert.equal(r.code, delta > limit ? 1 : 0, `${line}: ${r.stderr}`);
    } else {
      assert.equal(r.code, 0, `${line}: ${r.stderr}`);
    }
  }
  assert.ok(lines.some((l) => l.includes(baseVariable)), `the job names the base with ${baseVariable}`);
  const comment = readFileSync(join(clone, 'vpce-lens-diff.md'), 'utf8');
  assert.match(comment, /^\*\*vpce-lens: [+-]\$[\d.,]+\/month.*\*\* against `origin\/main@[0-9a-f]{7}`/);
  assert.match(comment, /\| added \| `module\.ep\["b"\]\.aws_vpc_endpoint\.ecr_api` \|/);
}

test('the README GitHub Actions job runs as written (a full checkout, GITHUB_BASE_REF)', () => {
  const lines = ciLines('on: pull_request');
  assert.equal(lines.length, 2);
  const clone = checkout([]);
  runJob(lines, clone, { GITHUB_BASE_REF: 'main' }, '$GITHUB_BASE_REF');
});

test('the README GitLab CI job runs as written (a clone of the merge request branch only; its fetch of the base makes the diff work)', () => {
  const lines = ciLines('vpce-lens:');
  assert.equal(lines.length, 3);
  const clone = checkout(['--single-branch']);
  const before = runCli(['diff', 'infra/network', '--base', 'origin/main'], clone);
  assert.equal(before.code, 2, 'without the fetch, the base is not there');
  runJob(lines, clone, { CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' }, '$CI_MERGE_REQUEST_TARGET_BRANCH_NAME');
});
