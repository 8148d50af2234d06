// Permission denial that really denies. Root reads everything whatever the modes, and tests and
// CI run as root: then the subject (the built CLI or server) runs as an unprivileged user
// (uid/gid 65534, `nobody`) through setpriv or runuser. Not root: plain chmod is enough.
// When neither way denies a read, `lockedTree` throws, so the test FAILS with the reason: a
// skipped test must never count as a passing one.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { accessSync, chmodSync, constants, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../../..');
const NOBODY = 65534;

export interface LockedTree {
  /** The temp folder (mode 0755) holding the fixture and, when needed, a readable copy of dist/. */
  root: string;
  /** Words that start node as a user the file modes apply to: `[]` when not root, else setpriv/runuser. */
  launcher: string[];
  /** dist/ as that user can read it: the repository's, or a copy under `root`. */
  dist: string;
  /** Who the subject runs as, for messages. */
  runAs: string;
  /** Runs the built CLI as that user, in `root`. */
  cli(args: string[]): { code: number | null; stdout: string; stderr: string };
  /** Makes everything writable again and deletes the tree. */
  remove(): void;
}

function findProgram(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/bin', '/bin', '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The launcher for an unprivileged user, or throws why there is none. */
function unprivilegedLauncher(): { launcher: string[]; runAs: string } {
  if (process.getuid?.() !== 0) return { launcher: [], runAs: `uid ${process.getuid?.()} (the test's own user)` };
  const setpriv = findProgram('setpriv');
  if (setpriv) return { launcher: [setpriv, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'], runAs: `uid ${NOBODY} via setpriv` };
  const runuser = findProgram('runuser');
  if (runuser) return { launcher: [runuser, '-u', 'nobody', '--'], runAs: 'nobody via runuser' };
  throw new Error('permission-denial test: the tests run as root, where chmod 000 denies nothing, and neither setpriv nor runuser (util-linux) is installed to run the subject as an unprivileged user. Install util-linux or run the tests as a non-root user.');
}

/** Node, run as the test user, reports for each path `ok` or the error code of reading it. */
const PROBE = "const fs=require('fs');const r={};for(const p of process.argv.slice(1)){try{fs.statSync(p).isDirectory()?fs.readdirSync(p):fs.readFileSync(p);r[p]='ok'}catch(e){r[p]=e.code}}process.stdout.write(JSON.stringify(r))";

function probe(launcher: string[], runAs: string, paths: string[]): Record<string, string> {
  const [command, ...args] = [...launcher, process.execPath, '-e', PROBE, ...paths];
  const result: SpawnSyncReturns<string> = spawnSync(command!, args, { encoding: 'utf8' });
  try {
    return JSON.parse(result.stdout) as Record<string, string>;
  } catch {
    throw new Error(`permission-denial test: cannot run ${process.execPath} as ${runAs} (${command} exited ${result.status}${result.error ? `, ${result.error.message}` : ''}): ${result.stderr.trim()}`);
  }
}

/**
 * Writes `files` (paths relative to a new temp folder; folders 0755, files 0644), then takes all
 * permissions from the `locked` paths (files or folders of the tree), and checks that the user the
 * subject runs as can read the rest of the tree and the bundle, and cannot read the locked paths.
 */
export function lockedTree(files: Record<string, string>, locked: string[]): LockedTree {
  const { launcher, runAs } = unprivilegedLauncher();
  const root = mkdtempSync(join(tmpdir(), 'vpce-lens-noperm-'));
  chmodSync(root, 0o755);
  for (const [name, text] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    for (let dir = dirname(path); dir !== root; dir = dirname(dir)) chmodSync(dir, 0o755);
    writeFileSync(path, text);
    chmodSync(path, 0o644);
  }
  const lockedPaths = locked.map((name) => join(root, name));
  const modes = lockedPaths.map((path) => statSync(path).mode & 0o777);
  for (const path of lockedPaths) chmodSync(path, 0);
  const remove = () => {
    lockedPaths.forEach((path, i) => chmodSync(path, modes[i]!));
    rmSync(root, { recursive: true, force: true });
  };
  try {
    let dist = join(REPO, 'dist');
    // What the CLI and the server need from dist/: all but the source maps.
    const bundleNames = readdirSync(dist).filter((name) => !name.endsWith('.map'));
    const readable = Object.keys(files).map((name) => join(root, name)).filter((path) => !lockedPaths.some((l) => path === l || path.startsWith(`${l}/`)));
    const bundle = bundleNames.map((name) => join(dist, name));
    let seen = probe(launcher, runAs, [...readable, ...bundle, ...lockedPaths]);
    if (bundle.some((path) => seen[path] !== 'ok')) {
      // The checkout is not readable by that user (e.g. under /root): use a copy of the bundle.
      dist = join(root, 'dist');
      mkdirSync(dist, { mode: 0o755 });
      for (const name of bundleNames) {
        cpSync(join(REPO, 'dist', name), join(dist, name));
        chmodSync(join(dist, name), 0o644);
      }
      chmodSync(dist, 0o755);
      seen = { ...seen, ...probe(launcher, runAs, bundleNames.map((name) => join(dist, name))) };
    }
    const wrong = [
      ...readable.filter((path) => seen[path] !== 'ok').map((path) => `${path} should be readable but gives ${seen[path]} (the temp folder ${tmpdir()} must be traversable by that user: set TMPDIR)`),
      ...bundleNames.map((name) => join(dist, name)).filter((path) => seen[path] !== 'ok').map((path) => `${path} should be readable but gives ${seen[path]}`),
      ...lockedPaths.filter((path) => seen[path] !== 'EACCES').map((path) => `${path} is mode 000 but reading it gives ${seen[path]}, not EACCES (does that user bypass file modes?)`),
    ];
    if (wrong.length > 0) throw new Error(`permission-denial test: running as ${runAs} does not give the fixture it needs:\n${wrong.join('\n')}`);
    const cli = (args: string[]) => {
      const [command, ...rest] = [...launcher, process.execPath, join(dist, 'cli.js'), ...args];
      const result = spawnSync(command!, rest, { cwd: root, encoding: 'utf8' });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    return { root, launcher, dist, runAs, cli, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** The readable file of `unreadableModule`: findings of its own, a NAT gateway, a call of the unreadable folder. */
export const READABLE_MAIN = `provider "aws" {
  region = "eu-west-1"
}

resource "aws_nat_gateway" "n" {}

resource "aws_vpc_endpoint" "sts" {
  vpc_id       = "vpc-1"
  service_name = "com.amazonaws.eu-west-1.sts"
}

module "child" {
  source = "./child"
}
`;

/**
 * A module `m` whose `main.tf` is readable, beside `secret.tf` (mode 000, a NAT gateway) and two
 * folders of mode 000: `child` (the local module `main.tf` calls) and `scratch` (not called: only
 * `--recursive` reaches it).
 */
export function unreadableModule(): LockedTree {
  return lockedTree({
    'm/main.tf': READABLE_MAIN,
    'm/secret.tf': 'resource "aws_nat_gateway" "hidden" {}\n',
    'm/child/main.tf': 'resource "aws_nat_gateway" "child" {}\n',
    'm/scratch/notes.tf': 'resource "x" {\n',
  }, ['m/secret.tf', 'm/child', 'm/scratch']);
}
