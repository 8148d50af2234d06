// Git repositories built by tests, independent of the machine's git configuration (author,
// default branch). Tests that need git FAIL when it is missing, with a message that says so:
// a skipped test must never count as a passing one.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../../..');
export const CLI = join(REPO, 'dist/cli.js');

const IDENTITY = {
  GIT_AUTHOR_NAME: 'vpce-lens tests', GIT_AUTHOR_EMAIL: 'tests@example.invalid',
  GIT_COMMITTER_NAME: 'vpce-lens tests', GIT_COMMITTER_EMAIL: 'tests@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Runs git in `cwd`; throws (failing the test) with git's message, or with how to install git when it is missing. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'protocol.file.allow=always', ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY },
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error('git is not installed: the diff tests build git repositories (Debian: apt-get install git; .ci/run installs it)');
  }
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr}`);
  return result.stdout.trim();
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `vpce-lens-${prefix}-`));
}

/** Replaces everything but `.git` in `dir` with a copy of `from`. */
export function replaceTree(dir: string, from: string): void {
  for (const name of readdirSync(dir)) if (name !== '.git') rmSync(join(dir, name), { recursive: true, force: true });
  cpSync(from, dir, { recursive: true });
}

/**
 * A repository with test/fixtures/diff/base committed on main and, on the branch `change`
 * (checked out), the files of test/fixtures/diff/change written over it: `network/` and
 * `modules/` in `under` (default: the root).
 */
export function fixtureRepository(under = ''): string {
  const dir = tempDir('repo');
  const fixture = join(REPO, 'test/fixtures/diff');
  git(dir, 'init', '-q');
  mkdirSync(join(dir, under), { recursive: true });
  replaceTree(join(dir, under), join(fixture, 'base'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  git(dir, 'checkout', '-q', '-b', 'change');
  cpSync(join(fixture, 'change'), join(dir, under), { recursive: true });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'change');
  return dir;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
