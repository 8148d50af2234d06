// How `vpce-lens diff` reads the base from git: loose objects and packfiles alike, a linked
// worktree (its `.git` is a file), --base with a branch, a commit or `~N`, and a shallow clone
// that lacks the base (the message says what to fetch). Nothing is checked out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureRepository, git, runCli, tempDir } from '../helpers/gitRepo';

interface Change { address: string; change: string; monthlyDelta: number }
const diffJson = (cwd: string, ...args: string[]) => {
  const r = runCli(['diff', 'network', '--format', 'json', ...args], cwd);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as { base: string; changes: Change[] };
};

const loose = fixtureRepository();
const reference = diffJson(loose);

test('a packed repository (git gc) gives the same diff as loose objects', () => {
  const packed = fixtureRepository();
  git(packed, 'gc', '-q', '--aggressive', '--prune=now');
  const objects = readdirSync(join(packed, '.git/objects')).filter((d) => /^[0-9a-f]{2}$/.test(d));
  assert.deepEqual(objects, [], 'no loose objects are left');
  assert.ok(readdirSync(join(packed, '.git/objects/pack')).some((f) => f.endsWith('.pack')));
  assert.deepEqual(diffJson(packed).changes, reference.changes);
});

test('a linked worktree (.git is a file pointing at the shared git folder) finds its own HEAD', () => {
  const main = fixtureRepository();
  git(main, 'checkout', '-q', 'main');
  const linked = join(tempDir('worktree'), 'change');
  git(main, 'worktree', 'add', '-q', linked, 'change');
  assert.ok(!existsSync(join(linked, '.git/objects')), 'the worktree has no objects of its own');
  assert.deepEqual(diffJson(linked).changes, reference.changes);
  // In the main checkout (on main) there is nothing to compare.
  assert.deepEqual(diffJson(main).changes, []);
});

test('--base takes a branch, a commit id or REF~N, and compares with its merge-base with HEAD', () => {
  const repo = fixtureRepository();
  const main = git(repo, 'rev-parse', 'main');
  assert.deepEqual(diffJson(repo, '--base', 'main').changes, reference.changes);
  const byCommit = diffJson(repo, '--base', main.slice(0, 10));
  assert.equal(byCommit.base, `${main.slice(0, 10)}@${main.slice(0, 7)}`);
  assert.deepEqual(byCommit.changes, reference.changes);
  assert.deepEqual(diffJson(repo, '--base', 'HEAD~1').changes, reference.changes);
  assert.deepEqual(diffJson(repo, '--base', 'HEAD').changes, []);
  // main moved on after the branch: the merge-base, not main's tip, is the base.
  git(repo, 'checkout', '-q', 'main');
  git(repo, 'rm', '-q', '-r', 'modules');
  git(repo, 'commit', '-q', '-m', 'main moves on');
  git(repo, 'checkout', '-q', 'change');
  assert.deepEqual(diffJson(repo).changes, reference.changes);
  const tooFar = runCli(['diff', 'network', '--base', 'HEAD~5'], repo);
  assert.equal(tooFar.code, 2);
  assert.match(tooFar.stderr, /--base HEAD~5: that commit does not exist \(the history is shorter\)/);
});

test('a shallow clone without the base says what to fetch; once fetched, the diff works', () => {
  const origin = fixtureRepository();
  git(origin, 'checkout', '-q', 'main'); // a server's HEAD is its default branch
  const clone = join(tempDir('shallow'), 'clone');
  git(origin, 'clone', '-q', '--depth', '1', '--branch', 'change', `file://${origin}`, clone);
  assert.ok(existsSync(join(clone, '.git/shallow')));
  const noBranch = runCli(['diff', 'network'], clone);
  assert.equal(noBranch.code, 2, noBranch.stdout);
  assert.match(noBranch.stderr, /no default branch to compare with: origin\/HEAD, main and master are not in this repository \(a shallow clone\); fetch the base branch \(git fetch origin main\) or name the base with --base REF/);
  const unknown = runCli(['diff', 'network', '--base', 'origin/main'], clone);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--base origin\/main: no branch, tag or commit called origin\/main in this repository; a CI checkout may lack it: git fetch origin main/);
  git(clone, 'fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');
  const cut = runCli(['diff', 'network', '--base', 'origin/main'], clone);
  assert.equal(cut.code, 2, cut.stdout);
  assert.match(cut.stderr, /the merge-base of HEAD and origin\/main is not in this shallow clone: fetch more history \(git fetch --deepen=100, or git fetch --unshallow\) and the base branch \(git fetch origin main\)/);
  git(clone, 'fetch', '-q', '--unshallow');
  assert.deepEqual(diffJson(clone, '--base', 'origin/main').changes, reference.changes);
});

test('uncommitted edits are "now": the diff prices the work tree against the base', () => {
  const repo = fixtureRepository();
  git(repo, 'checkout', '-q', 'main');
  assert.deepEqual(diffJson(repo, '--base', 'main').changes, []);
  git(repo, 'checkout', '-q', 'change', '--', 'network');
  const changed = diffJson(repo, '--base', 'main').changes.map((c) => c.address);
  assert.ok(changed.includes('aws_vpc_endpoint.interface["sts"]'), changed.join(', '));
  assert.ok(!changed.some((a) => a.includes('ecr_dkr')), 'modules/ is still as at main');
});
