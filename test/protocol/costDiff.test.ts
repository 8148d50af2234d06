// What a change costs, in the editor (`vpceLens.compareTo`), through the built server over stdio
// on git repositories built by the test: hovers say the change since the base, changed blocks and
// the module get delta lenses, the cost report lists the changes (removed resources too), a
// commit moves the base, `off` and a ref that does not exist show none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import { git, tempDir } from '../helpers/gitRepo';
import { positionOf } from '../helpers/memoryModule';
import { hoverText, LspTestClient, type ClientOptions } from './lspClient';

const endpoint = (name: string, service: string, subnets: number) => `resource "aws_vpc_endpoint" "${name}" {
  vpc_id              = "vpc-0main"
  service_name        = "com.amazonaws.us-east-1.${service}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [${['a', 'b', 'c'].slice(0, subnets).map((s) => `"subnet-0${s}"`).join(', ')}]
  private_dns_enabled = true
}
`;
const PROVIDER = 'provider "aws" {\n  region = "us-east-1"\n}\n';
/** At the base: three interface endpoints in 2 AZs ($14.60/month each in us-east-1). */
const BASE = [PROVIDER, endpoint('kept', 'ssm', 2), endpoint('grown', 'logs', 2), endpoint('dropped', 'sts', 2)].join('\n');
/** The change: `grown` in 3 AZs (+$7.30), `dropped` removed (−$14.60), `added` new (+$14.60). */
const CHANGE = [PROVIDER, endpoint('kept', 'ssm', 2), endpoint('grown', 'logs', 3), endpoint('added', 'ecr.api', 2)].join('\n');

/** A repository with BASE committed on main and, when `branch`, CHANGE committed on it (checked out). */
function repository(branch?: string): string {
  const dir = tempDir('editor-diff');
  git(dir, 'init', '-q');
  writeFileSync(join(dir, 'main.tf'), BASE);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  if (branch) {
    git(dir, 'checkout', '-q', '-b', branch);
    writeFileSync(join(dir, 'main.tf'), CHANGE);
    git(dir, 'commit', '-q', '-am', 'change');
  }
  return dir;
}

async function start(dir: string, options: ClientOptions = {}): Promise<{ client: LspTestClient; uri: string; text: string }> {
  const client = await LspTestClient.start({ rootPath: dir, ...options });
  const text = CHANGE;
  const uri = client.open(join(dir, 'main.tf'), text);
  await client.diagnosticsFor(uri, () => true);
  return { client, uri, text };
}

const hoverAt = async (client: LspTestClient, uri: string, text: string, header: string) =>
  hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, header) }));

const lensTitles = async (client: LspTestClient, uri: string, text: string, line?: string) => {
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  const at = line === undefined ? 0 : positionOf(text, line).line;
  return lenses.filter((l) => l.range.start.line === at).map((l) => l.command?.title ?? '');
};

const costReport = (client: LspTestClient, uri: string) => client.request<string>('workspace/executeCommand', { command: 'vpceLens.costReport', arguments: [uri] });

test('on a branch: hovers say the change since the merge-base with main, new and unchanged blocks say so', async () => {
  const dir = repository('change');
  const main = git(dir, 'rev-parse', '--short=7', 'main');
  const { client, uri, text } = await start(dir);
  try {
    const grown = await hoverAt(client, uri, text, 'resource "aws_vpc_endpoint" "grown"');
    assert.match(grown, new RegExp(`\\+\\$7\\.30/month vs main@${main} \\(AZ count 2 → 3\\)`), grown);
    const added = await hoverAt(client, uri, text, 'resource "aws_vpc_endpoint" "added"');
    assert.match(added, new RegExp(`new vs main@${main}: \\+\\$14\\.60/month`), added);
    const kept = await hoverAt(client, uri, text, 'resource "aws_vpc_endpoint" "kept"');
    assert.match(kept, new RegExp(`unchanged vs main@${main}`), kept);
    assert.doesNotMatch(kept, /\/month vs main/, kept);
  } finally {
    await client.stop();
  }
});

test('on a branch: a delta lens on changed blocks only, the module lens gives the module delta, the report lists removed resources', async () => {
  const dir = repository('change');
  const { client, uri, text } = await start(dir);
  try {
    assert.ok((await lensTitles(client, uri, text, 'resource "aws_vpc_endpoint" "grown"')).includes('+$7.30/mo vs main · AZ count 2 → 3'));
    assert.ok((await lensTitles(client, uri, text, 'resource "aws_vpc_endpoint" "added"')).includes('new · +$14.60/mo vs main'));
    assert.deepEqual(await lensTitles(client, uri, text, 'resource "aws_vpc_endpoint" "kept"'), ['$14.60/mo · Interface × 2 AZ']);
    const top = await lensTitles(client, uri, text);
    assert.ok(top.includes('vs main: +$7.30/month ($43.80 → $51.10) · 1 added, 1 removed, 1 changed'), top.join('\n'));
    const report = await costReport(client, uri);
    const section = report.slice(report.indexOf('### Changes vs `main@'));
    assert.ok(report.includes('### Changes vs `main@'), report);
    assert.match(section, /\| removed \| `aws_vpc_endpoint\.dropped` \| Interface \| \$14\.60 \| — \| \*\*-\$14\.60\*\* \| instance removed \|/, section);
    assert.match(section, /\| added \| `aws_vpc_endpoint\.added` \|/, section);
    assert.match(section, /1 resource instance unchanged \(\$14\.60\/month\)/, section);
  } finally {
    await client.stop();
  }
});

test('a commit moves the base: the delta of uncommitted edits on main goes once they are committed', async () => {
  const dir = repository();
  writeFileSync(join(dir, 'main.tf'), CHANGE); // uncommitted
  const { client, uri, text } = await start(dir, { workspace: { codeLens: { refreshSupport: true } } });
  try {
    const before = git(dir, 'rev-parse', '--short=7', 'HEAD');
    const header = 'resource "aws_vpc_endpoint" "grown"';
    assert.match(await hoverAt(client, uri, text, header), new RegExp(`\\+\\$7\\.30/month vs main@${before}`));
    assert.ok((await lensTitles(client, uri, text)).includes('vs main: +$7.30/month ($43.80 → $51.10) · 1 added, 1 removed, 1 changed'));
    git(dir, 'commit', '-q', '-am', 'three AZs');
    const after = git(dir, 'rev-parse', '--short=7', 'HEAD');
    const refreshes = client.codeLensRefreshes;
    // What the VS Code client's watcher on .git/refs reports.
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.git/refs/heads/main')).toString(), type: 2 }] });
    await client.waitFor('a code lens refresh', () => client.codeLensRefreshes > refreshes);
    const hover = await hoverAt(client, uri, text, header);
    assert.match(hover, new RegExp(`unchanged vs main@${after}`), hover);
    assert.deepEqual(await lensTitles(client, uri, text), ['Module: $51.10/mo · endpoints $51.10 · NAT gateways $0.00 · cost report']);
  } finally {
    await client.stop();
  }
});

test('vpceLens.compareTo "off": no delta anywhere', async () => {
  const dir = repository('change');
  const { client, uri, text } = await start(dir, { configuration: { vpceLens: { compareTo: 'off' } } });
  try {
    const hover = await hoverAt(client, uri, text, 'resource "aws_vpc_endpoint" "grown"');
    assert.match(hover, /\$21\.90/, hover);
    assert.doesNotMatch(hover, / vs /, hover);
    assert.deepEqual(await lensTitles(client, uri, text, 'resource "aws_vpc_endpoint" "grown"'), ['$21.90/mo · Interface × 3 AZ']);
    assert.ok(!(await lensTitles(client, uri, text)).some((t) => t.startsWith('vs ')));
    assert.doesNotMatch(await costReport(client, uri), /### Changes/);
  } finally {
    await client.stop();
  }
});

test('vpceLens.compareTo naming a ref that does not exist: no delta, one log line and a note in the report saying why', async () => {
  const dir = repository('change');
  const { client, uri, text } = await start(dir, { configuration: { vpceLens: { compareTo: 'no-such-branch' } } });
  try {
    assert.doesNotMatch(await hoverAt(client, uri, text, 'resource "aws_vpc_endpoint" "grown"'), / vs /);
    const why = 'vpceLens.compareTo "no-such-branch": no branch, tag or commit called no-such-branch in this repository';
    await client.waitFor('the log line', () => client.logs.some((l) => l.includes(why)));
    assert.match(await costReport(client, uri), new RegExp(`### Changes\\n\\nNo comparison with a base: ${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await lensTitles(client, uri, text);
    assert.equal(client.logs.filter((l) => l.includes(why)).length, 1, client.logs.join('\n'));
  } finally {
    await client.stop();
  }
});

test('with a given ref: compared with its merge-base with HEAD', async () => {
  const dir = repository('change');
  git(dir, 'checkout', '-q', '-b', 'next');
  const change = git(dir, 'rev-parse', '--short=7', 'change');
  const { client, uri, text } = await start(dir, { configuration: { vpceLens: { compareTo: 'change' } } });
  try {
    assert.match(await hoverAt(client, uri, text, 'resource "aws_vpc_endpoint" "grown"'), new RegExp(`unchanged vs change@${change}`));
  } finally {
    await client.stop();
  }
});

test('with vpceLens.costDisplay "hint": a changed block gets a delta inlay hint beside its cost', async () => {
  const dir = repository('change');
  const { client, uri, text } = await start(dir, { configuration: { vpceLens: { costDisplay: 'hint' } } });
  try {
    const hints = await client.request<{ position: { line: number }; label: { value: string }[] }[]>('textDocument/inlayHint', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
    });
    const at = (header: string) => hints.filter((h) => h.position.line === positionOf(text, header).line).map((h) => h.label[0]!.value);
    assert.deepEqual(at('resource "aws_vpc_endpoint" "grown"'), ['$21.90/mo · Interface × 3 AZ', '+$7.30/mo vs main · AZ count 2 → 3']);
    assert.deepEqual(at('resource "aws_vpc_endpoint" "kept"'), ['$14.60/mo · Interface × 2 AZ']);
  } finally {
    await client.stop();
  }
});

test('the base branch moves while HEAD stays (a merge or a fetch): the next request sees it, the ref event refreshes the lenses', async () => {
  const dir = repository('change');
  const { client, uri, text } = await start(dir, { workspace: { codeLens: { refreshSupport: true } } });
  try {
    const header = 'resource "aws_vpc_endpoint" "grown"';
    assert.match(await hoverAt(client, uri, text, header), /\+\$7\.30\/month vs main@/);
    git(dir, 'branch', '-f', 'main', 'change');
    const head = git(dir, 'rev-parse', '--short=7', 'HEAD');
    const hover = await hoverAt(client, uri, text, header);
    assert.match(hover, new RegExp(`unchanged vs main@${head}`), hover);
    const refreshes = client.codeLensRefreshes;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.git/refs/heads/main')).toString(), type: 2 }] });
    await client.waitFor('a code lens refresh', () => client.codeLensRefreshes > refreshes);
  } finally {
    await client.stop();
  }
});

test('a shallow clone without the base branch: no delta, and the log and the report say what to fetch', async () => {
  const origin = repository('change');
  git(origin, 'checkout', '-q', 'main'); // a server's HEAD is its default branch
  const clone = join(tempDir('editor-diff-clone'), 'clone');
  git(origin, 'clone', '-q', '--depth', '1', '--branch', 'change', pathToFileURL(origin).toString(), clone);
  const { client, uri, text } = await start(clone);
  try {
    assert.doesNotMatch(await hoverAt(client, uri, text, 'resource "aws_vpc_endpoint" "grown"'), / vs /);
    const report = await costReport(client, uri);
    assert.match(report, /No comparison with a base: no default branch to compare with: origin\/HEAD, main and master are not in this repository \(a shallow clone\); fetch the base branch \(git fetch origin main\)/, report);
    assert.ok(client.logs.some((l) => l.includes(`no cost comparison for ${clone}: no default branch`)), client.logs.join('\n'));
  } finally {
    await client.stop();
  }
});
