// What a change costs, in the real editor: a git repository made by the test in the workspace
// (main, and a branch `change` checked out that grows an endpoint from 2 to 3 AZs in us-east-1,
// +$7.30/month). The hover and a lens say the delta against main's merge-base; moving `main` to
// the branch's commit (as a merge or a fetch does; HEAD stays) takes the delta away.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EditorTest } from './harness';
import { DEADLINE, codeLenses, hoverText, openFixture, positionOf, waitFor, workspaceRoot } from './helpers';

const FOLDER = 'compare-git';
const GROWN = 'resource "aws_vpc_endpoint" "grown"';
const DELTA_LENS = '+$7.30/mo vs main · AZ count 2 → 3';

const moduleText = (subnets: number) => `provider "aws" {
  region = "us-east-1"
}

${GROWN} {
  vpc_id              = "vpc-0main"
  service_name        = "com.amazonaws.us-east-1.logs"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [${['a', 'b', 'c'].slice(0, subnets).map((s) => `"subnet-0${s}"`).join(', ')}]
  private_dns_enabled = true
}
`;

/** Runs git with a fixed identity and default branch, whatever the machine's configuration. */
function git(cwd: string, ...args: string[]): string {
  try {
    return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=vpce-lens tests', '-c', 'user.email=tests@example.invalid', ...args], {
      cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    }).trim();
  } catch (error) {
    throw new Error(`git ${args.join(' ')} failed (is git installed?): ${(error as Error).message}`);
  }
}

export const compareEditorTests: EditorTest[] = [
  {
    name: 'vpceLens.compareTo: on a branch, the hover and a lens say +$7.30/month vs main; moving main to the branch (HEAD stays) takes the delta away',
    async run() {
      const dir = join(workspaceRoot().fsPath, FOLDER);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      try {
        writeFileSync(join(dir, 'main.tf'), moduleText(2));
        git(dir, 'init', '-q');
        git(dir, 'add', '-A');
        git(dir, 'commit', '-q', '-m', 'base');
        git(dir, 'checkout', '-q', '-b', 'change');
        writeFileSync(join(dir, 'main.tf'), moduleText(3));
        git(dir, 'commit', '-q', '-am', 'three AZs');
        const main = git(dir, 'rev-parse', '--short=7', 'main');
        const document = await openFixture(`${FOLDER}/main.tf`);
        const at = positionOf(document, GROWN);
        let seen = '';
        await waitFor(async () => (seen = await hoverText(document.uri, at)).includes(`+$7.30/month vs main@${main} (AZ count 2 → 3)`),
          DEADLINE.firstResult, 'the delta in the hover', () => seen.split('\n').pop() ?? '');
        const lensTitles = async () => (await codeLenses(document.uri)).filter((l) => l.range.start.line === at.line).map((l) => l.command?.title ?? '');
        await waitFor(async () => (await lensTitles()).includes(DELTA_LENS), DEADLINE.update, `the lens "${DELTA_LENS}"`, () => seen);
        git(dir, 'branch', '-f', 'main', 'change');
        const head = git(dir, 'rev-parse', '--short=7', 'HEAD');
        await waitFor(async () => (seen = await hoverText(document.uri, at)).includes(`unchanged vs main@${head}`),
          DEADLINE.update, 'the hover to say unchanged once main moved', () => seen.split('\n').pop() ?? '');
        await waitFor(async () => !(await lensTitles()).includes(DELTA_LENS), DEADLINE.update, 'the delta lens to go', () => seen);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
