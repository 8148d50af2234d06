// diffOverCost: `vpce-lens diff` of the ~2 MB module against its base commit, over one `vpce-lens
// cost` of it, both run as the CLI runs them (its main(), a new analyzer each, nothing parsed
// before), in a packed git repository (as a CI clone is) where the last commit added an
// endpoint and changed an AZ list. Each run times cost then diff; the median of the per-run
// ratios is reported. Needs git to build the repository: without it, not measured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../server/src/cli';
import { timed } from './parseVsAnalysis';
import { median } from './stats';
import { moduleOfSize } from './workload';

export interface DiffVsCost {
  costMs: number | null;
  diffMs: number | null;
  diffOverCost: number | null;
  /** How many changes the diff found (the workload makes some), so a run shows it compared something. */
  changes: number;
  perRun: { cost: number[]; diff: number[] };
  note?: string;
}

const ENV = { GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };

function git(cwd: string, ...args: string[]): boolean {
  return spawnSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, env: { ...process.env, ...ENV }, stdio: 'ignore' }).status === 0;
}

export async function diffVsCost(runs: number): Promise<DiffVsCost> {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-bench-diff-'));
  try {
    const files = moduleOfSize(2_000_000);
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
    if (!git(dir, 'init', '-q') || !git(dir, 'add', '-A') || !git(dir, 'commit', '-q', '-m', 'base')) {
      return { costMs: null, diffMs: null, diffOverCost: null, changes: 0, perRun: { cost: [], diff: [] }, note: 'diffOverCost not measured: git is not installed' };
    }
    // The change under review: one more service in the first network file's endpoint set, and one more AZ.
    const [first, text] = [...files][0]!;
    writeFileSync(join(dir, first), text.replace(/endpoints_0 = \[/, 'endpoints_0 = ["sqs", ').replace(/azs_0 = \[/, 'azs_0 = ["us-east-1d", '));
    git(dir, 'commit', '-q', '-am', 'change');
    git(dir, 'gc', '-q');
    const silent = () => undefined;
    const cost: number[] = [];
    const diff: number[] = [];
    let changes = 0;
    for (let run = 0; run < runs; run++) {
      cost.push(await timed(() => main(['cost', dir, '--format', 'json'], silent, silent)));
      let json = '';
      diff.push(await timed(() => main(['diff', dir, '--base', 'HEAD~1', '--format', 'json'], (s) => { json = s; }, silent)));
      changes = (JSON.parse(json) as { changes: unknown[] }).changes.length;
    }
    return {
      costMs: median(cost), diffMs: median(diff), diffOverCost: median(diff.map((d, i) => d / cost[i]!)), changes, perRun: { cost, diff },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
