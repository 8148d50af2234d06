// `vpce-lens diff` on a repository built from test/fixtures/diff (base on main, change on a
// branch): every kind of change the fixture's README lists, the JSON contract, the reviewed
// Markdown, text, --fail-above, and the other two kinds of base (--base-dir, --base-json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureRepository, git, REPO, runCli, tempDir } from '../helpers/gitRepo';

interface Entry { address: string; monthly: number | null; region: string; azCount: number | null; monthlyDataGb: number }
interface Change { address: string; change: string; before: Entry | null; after: Entry | null; monthlyDelta: number; why: string[] }
interface Unpriced { address: string; change: string; reason: string; kind: string }
interface DiffJson {
  base: string; changes: Change[]; unpricedChanges: Unpriced[]; unchanged: { address: string }[];
  totals: { before: number; after: number; delta: number; complete: boolean; afterComplete: boolean; beforeComplete: boolean };
  modules: { root: string; totals: { delta: number } }[];
  assumptions: { before: string[]; after: string[] };
}

const repo = fixtureRepository();
const json = (): DiffJson => {
  const r = runCli(['diff', 'network', '--format', 'json'], repo);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as DiffJson;
};
const result = json();
const change = (address: string) => {
  const found = result.changes.find((c) => c.address === address);
  assert.ok(found, `${address} is a change: ${result.changes.map((c) => c.address).join(', ')}`);
  return found;
};
const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);

test('the default base is the merge-base with main, named with its commit', () => {
  const mergeBase = git(repo, 'merge-base', 'HEAD', 'main');
  assert.equal(result.base, `main@${mergeBase.slice(0, 7)}`);
});

test('an added and a removed endpoint; a for_each key rename is a removal plus an addition', () => {
  assert.equal(change('aws_vpc_endpoint.interface["sts"]').change, 'added');
  assert.equal(change('aws_vpc_endpoint.interface["kms"]').change, 'removed');
  assert.equal(change('aws_vpc_endpoint.interface["logs"]').change, 'removed');
  const renamed = change('aws_vpc_endpoint.interface["cloudwatch"]');
  assert.equal(renamed.change, 'added');
  assert.deepEqual(renamed.why, ['new instance']);
  assert.equal(renamed.before, null);
  close(renamed.monthlyDelta, renamed.after!.monthly!, 'an added instance adds its price');
  const removed = change('aws_nat_gateway.main');
  assert.equal(removed.after, null);
  close(removed.monthlyDelta, -removed.before!.monthly!, 'a removed instance takes its price off');
});

test('an AZ count change through the subnet list, a data volume from the usage file, a region change: each says why', () => {
  const ssm = change('aws_vpc_endpoint.interface["ssm"]');
  assert.equal(ssm.change, 'changed');
  assert.deepEqual(ssm.why, [`AZ count ${ssm.before!.azCount} → ${ssm.after!.azCount}`, 'data volume 0 GB/month → 100 GB/month']);
  assert.equal(ssm.after!.azCount! - ssm.before!.azCount!, 1);
  close(ssm.monthlyDelta, ssm.after!.monthly! - ssm.before!.monthly!, 'delta');
  const partner = change('aws_vpc_endpoint.partner');
  assert.deepEqual(partner.why, ['region ap-northeast-1 → us-east-1']);
  assert.ok(partner.monthlyDelta < 0, 'us-east-1 is cheaper than Tokyo');
});

test('a module instance added, and the called module read at the base (its new endpoint is new in instance "a" too)', () => {
  for (const address of ['module.ep["b"].aws_vpc_endpoint.ecr_api', 'module.ep["b"].aws_vpc_endpoint.ecr_dkr', 'module.ep["a"].aws_vpc_endpoint.ecr_dkr']) {
    assert.equal(change(address).change, 'added', address);
  }
  assert.deepEqual(change('module.ep["a"].aws_vpc_endpoint.ecr_api').why, ['AZ count 2 → 3']);
});

test('what cannot be priced is a not-priced change, never $0; the totals say they are incomplete', () => {
  assert.deepEqual(result.unpricedChanges.map((u) => [u.address, u.change, u.kind]), [['aws_vpc_endpoint.extra', 'added', 'vpc_endpoint']]);
  assert.match(result.unpricedChanges[0]!.reason, /for_each cannot be evaluated/);
  assert.ok(!result.changes.some((c) => c.address.startsWith('aws_vpc_endpoint.extra')));
  assert.equal(result.totals.complete, false);
  assert.equal(result.totals.beforeComplete, true);
  assert.equal(result.totals.afterComplete, false);
});

test('totals: the delta is the sum of the changes, and after minus before where everything is priced', () => {
  const sum = result.changes.reduce((n, c) => n + c.monthlyDelta, 0);
  close(result.totals.delta, sum, 'delta = sum of changes');
  // The only unpriced item is a block with no instances priced now, so here after - before is the delta too.
  close(result.totals.after - result.totals.before, sum, 'after - before');
  assert.deepEqual(result.modules.map((m) => m.root), ['network']);
  close(result.modules[0]!.totals.delta, result.totals.delta, 'one module: its delta is the total');
  assert.deepEqual(result.unchanged.map((u) => u.address), ['aws_vpc_endpoint.s3', 'aws_vpc_endpoint.ec2']);
  assert.ok(result.assumptions.after.some((a) => /GB\/month of data assumed/.test(a)));
});

test('diff --format markdown is the reviewed pull-request comment (test/fixtures/diff/pr-comment.md)', () => {
  const r = runCli(['diff', 'network', '--format', 'markdown'], repo);
  assert.equal(r.code, 0, r.stderr);
  // The base's commit id differs per repository: the golden file says <base>.
  const comment = r.stdout.replace(/main@[0-9a-f]{7}/g, 'main@<base>');
  const golden = join(REPO, 'test/fixtures/diff/pr-comment.md');
  if (process.env.VPCE_LENS_UPDATE_GOLDEN === '1') writeFileSync(golden, `${comment}\n`);
  assert.equal(`${comment}\n`, readFileSync(golden, 'utf8'));
});

test('diff text: the totals first, a line per change, the not-priced change with its reason', () => {
  const r = runCli(['diff', 'network'], repo);
  assert.equal(r.code, 0, r.stderr);
  const [first] = r.stdout.split('\n');
  assert.match(first!, /^vpce-lens diff against main@[0-9a-f]{7}: [+-]\$[\d.,]+\/month from the priced changes \(\$[\d.,]+ → ≥ \$[\d.,]+\); 1 item not priced, so the real change may be more or less; 5 added, 3 removed, 3 changed\.$/);
  const sts = change('aws_vpc_endpoint.interface["sts"]').after!.monthly!.toFixed(2).replace('.', '\\.');
  assert.match(r.stdout, new RegExp(`^\\+ +aws_vpc_endpoint\\.interface\\["sts"\\] +— +→ +\\$${sts} +\\+\\$${sts}/month +new instance$`, 'm'));
  assert.match(r.stdout, /^~ +aws_vpc_endpoint\.partner .*region ap-northeast-1 → us-east-1$/m);
  assert.match(r.stdout, /aws_vpc_endpoint\.extra \(network\/main\.tf:\d+, added\): its for_each cannot be evaluated/);
  assert.match(r.stdout, /^Unchanged: 2 resource instances, \$[\d.,]+\/month\.$/m);
  assert.doesNotMatch(r.stdout, /extra.*\$0\.00/);
});

test('--fail-above: exit 1 with a message when the monthly increase is above it, 0 when not', () => {
  const delta = result.totals.delta;
  assert.ok(delta > 1, 'the fixture raises the cost');
  const above = runCli(['diff', 'network', '--fail-above', String(Math.floor(delta - 1))], repo);
  assert.equal(above.code, 1, above.stderr);
  assert.match(above.stderr, /the monthly cost rises by \+\$[\d.,]+, above --fail-above \$/);
  const below = runCli(['diff', 'network', '--fail-above', String(Math.ceil(delta + 1))], repo);
  assert.equal(below.code, 0, below.stderr);
  assert.match(below.stderr, /--fail-above saw only the priced changes: 1 not priced/);
  const bad = runCli(['diff', 'network', '--fail-above', 'lots'], repo);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--fail-above needs a number >= 0, got "lots"/);
});

test('--base-dir DIR and --base-json FILE give the same changes as the git base', () => {
  const baseCheckout = join(tempDir('base-dir'), 'main');
  git(repo, 'worktree', 'add', '-q', baseCheckout, 'main');
  const fromDir = JSON.parse(runCli(['diff', 'network', '--format', 'json', '--base-dir', baseCheckout], repo).stdout) as DiffJson;
  assert.deepEqual(fromDir.changes, result.changes);
  assert.deepEqual(fromDir.unpricedChanges, result.unpricedChanges);
  const cost = runCli(['cost', 'network', '--format', 'json'], baseCheckout);
  assert.equal(cost.code, 0, cost.stderr);
  const file = join(tempDir('base-json'), 'base.json');
  writeFileSync(file, cost.stdout);
  const fromJson = runCli(['diff', 'network', '--format', 'json', '--base-json', file], repo);
  assert.equal(fromJson.code, 0, fromJson.stderr);
  const parsed = JSON.parse(fromJson.stdout) as DiffJson;
  assert.equal(parsed.base, `--base-json ${file}`);
  assert.deepEqual(parsed.changes.map((c) => [c.address, c.change, c.why, c.monthlyDelta]), result.changes.map((c) => [c.address, c.change, c.why, c.monthlyDelta]));
  close(parsed.totals.delta, result.totals.delta, 'delta');
});

test('bad bases are usage errors with a clear message, never a stack trace', () => {
  const cases: [string[], RegExp][] = [
    [['--base', 'no-such-branch'], /--base no-such-branch: no branch, tag or commit called no-such-branch in this repository; a CI checkout may lack it: git fetch origin no-such-branch/],
    [['--base', 'main', '--base-dir', '.'], /--base and --base-dir cannot be used together/],
    [['--base-dir', 'nowhere'], /--base-dir nowhere: not a folder/],
    [['--base-json', 'network/main.tf'], /--base-json network\/main\.tf is not valid JSON/],
    [['--base-json', 'missing.json'], /--base-json missing\.json cannot be read/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(['diff', 'network', ...args], repo);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\bat .*\.js:\d+/);
  }
  const notGit = runCli(['diff', '.'], tempDir('not-git'));
  assert.equal(notGit.code, 2);
  assert.match(notGit.stderr, /\. is not in a git repository: give the base with --base-dir DIR or --base-json FILE/);
});
