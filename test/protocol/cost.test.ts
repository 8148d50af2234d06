// Cost hover, code lens and the cost report command through the built server over stdio, on
// the seed example (9 interface endpoints × 2 AZ in ap-northeast-1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeLens, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf } from '../helpers/memoryModule';
import { hoverText, LspTestClient, REPO } from './lspClient';

const SEED = join(REPO, 'examples/seed');
const SEED_FILES = ['endpoints.tf', 'network.tf', 'providers.tf'];
const INTERFACE_HEADER = 'resource "aws_vpc_endpoint" "interface"';

async function openSeed(client: LspTestClient): Promise<Map<string, { uri: string; text: string }>> {
  const opened = new Map<string, { uri: string; text: string }>();
  for (const name of SEED_FILES) {
    const text = readFileSync(join(SEED, name), 'utf8');
    opened.set(name, { uri: client.open(join(SEED, name), text), text });
  }
  // Diagnostics arrive once the module is analysed: a sign the server has the buffers.
  await client.diagnosticsFor(opened.get('endpoints.tf')!.uri, () => true);
  return opened;
}

test('hover on the interface endpoints header: 9 × Interface × 2 AZ in ap-northeast-1, $183.96/month', async () => {
  const client = await LspTestClient.start();
  try {
    const opened = await openSeed(client);
    const endpoints = opened.get('endpoints.tf')!;
    const position = positionOf(endpoints.text, INTERFACE_HEADER);
    const text = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: endpoints.uri }, position }));
    assert.match(text, /\$183\.96/);
    assert.match(text, /ap-northeast-1/);
    assert.match(text, /2 AZ/);
    assert.match(text, /9 × Interface/);
    // The body answers too, and a locals element answers with its one endpoint.
    const body = positionOf(endpoints.text, 'private_dns_enabled = true');
    assert.match(hoverText(await client.request('textDocument/hover', { textDocument: { uri: endpoints.uri }, position: body })), /\$183\.96/);
    const element = positionOf(endpoints.text, '"ecr.dkr"');
    const one = hoverText(await client.request('textDocument/hover', { textDocument: { uri: endpoints.uri }, position: element }));
    assert.match(one, /aws_vpc_endpoint\.interface\["ecr\.dkr"\]/);
    assert.match(one, /\$20\.44/);
    // Outside any priced block: no hover.
    const network = opened.get('network.tf')!;
    const vpc = positionOf(network.text, '"10.0.0.0/16"');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: network.uri }, position: vpc }), null);
  } finally {
    await client.stop();
  }
});

test('code lenses: the interface block, the gateways, and the module summary on the first file', async () => {
  const client = await LspTestClient.start();
  try {
    const endpoints = (await openSeed(client)).get('endpoints.tf')!;
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: endpoints.uri } });
    const titles = lenses.map((l) => l.command?.title ?? '');
    const interfaceLine = positionOf(endpoints.text, INTERFACE_HEADER).line;
    const atInterface = lenses.find((l) => l.range.start.line === interfaceLine);
    assert.equal(atInterface?.command?.title, '$183.96/mo · 9 × Interface × 2 AZ', titles.join('\n'));
    assert.equal(atInterface?.command?.command, 'vpceLens.showCostReport');
    assert.ok(titles.includes('$0.00/mo · Gateway (free)'), titles.join('\n'));
    assert.ok(titles.some((t) => t.startsWith('Module: $204.40/mo')), titles.join('\n'));
  } finally {
    await client.stop();
  }
});

test('code lenses can be switched off with vpceLens.codeLens.enabled', async () => {
  const client = await LspTestClient.start({ configuration: { vpceLens: { codeLens: { enabled: false } } } });
  try {
    const endpoints = (await openSeed(client)).get('endpoints.tf')!;
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: endpoints.uri } }), []);
  } finally {
    await client.stop();
  }
});

test('workspace/executeCommand vpceLens.costReport returns the Markdown report with the NAT comparison', async () => {
  const client = await LspTestClient.start();
  try {
    const endpoints = (await openSeed(client)).get('endpoints.tf')!;
    const markdown = await client.request<string>('workspace/executeCommand', { command: 'vpceLens.costReport', arguments: [endpoints.uri] });
    assert.match(markdown, /^## vpce-lens cost report: seed/);
    assert.match(markdown, /\*\*\$204\.40\/month\*\* in total/);
    assert.match(markdown, /NAT gateway or VPC endpoints\? \(ap-northeast-1\)/);
    assert.match(markdown, /aws_vpc_endpoint\.interface\["ssm"\]/);
    await assert.rejects(client.request('workspace/executeCommand', { command: 'vpceLens.costReport', arguments: [] }), /needs the URI/);
  } finally {
    await client.stop();
  }
});

test('an open usage-file buffer wins over the disk, and a broken one is a diagnostic on it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-cost-'));
  cpSync(join(REPO, 'test/fixtures/cost/nat-and-usage'), dir, { recursive: true });
  const client = await LspTestClient.start();
  try {
    const main = readFileSync(join(dir, 'main.tf'), 'utf8');
    const mainUri = client.open(join(dir, 'main.tf'), main);
    await client.diagnosticsFor(mainUri, () => true);
    const logs = { textDocument: { uri: mainUri }, position: positionOf(main, 'logs = {') };
    assert.match(hoverText(await client.request('textDocument/hover', logs)), /\$16\.60\/month/, '200 GB from the file on disk');
    const usagePath = join(dir, 'infracost-usage.yml');
    const usage = readFileSync(usagePath, 'utf8');
    const usageUri = client.open(usagePath, usage.replace('monthly_data_processed_gb: 200', 'monthly_data_processed_gb: 300'));
    assert.match(hoverText(await client.request('textDocument/hover', logs)), /\$17\.60\/month/, '300 GB from the unsaved buffer');
    const broken = usage.replace('monthly_data_processed_gb: 200', 'monthly_data_processed_gb: many');
    client.change(usageUri, 2, [{ text: broken }]);
    const [problem] = await client.diagnosticsFor(usageUri, (d) => d.length > 0, 2);
    assert.equal(problem!.code, 'VPCE000');
    assert.deepEqual(problem!.range.start, positionOf(broken, 'many'));
    assert.match(String(problem!.message), /monthly_data_processed_gb of aws_vpc_endpoint\.interface\["logs"\] must be a number of GB/);
    assert.match(hoverText(await client.request('textDocument/hover', logs)), /\$15\.10\/month/, 'the broken entry is ignored: the wildcard applies');
  } finally {
    await client.stop();
  }
});

test('hover and code lens on a half-typed file answer at every line and never fail', async () => {
  const client = await LspTestClient.start();
  try {
    const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-cost-'));
    const text = readFileSync(join(SEED, 'endpoints.tf'), 'utf8').replace('subnet_ids          = [for s in', 'subnet_ids          = [for s').replace(/\}\s*$/, '');
    const uri = client.open(join(dir, 'endpoints.tf'), text);
    await client.diagnosticsFor(uri, (d) => d.length > 0);
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: Math.min(2, lines[line]!.length) } });
      if (hover) assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    }
    assert.ok(Array.isArray(await client.request('textDocument/codeLens', { textDocument: { uri } })));
    const header = hoverText(await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'resource "aws_vpc_endpoint" "s3"') }));
    assert.match(header, /Gateway \(free\)/);
    assert.doesNotMatch(client.stderr, /Error/);
  } finally {
    await client.stop();
  }
});

test('editing the usage file asks the client to refresh code lenses, which then show the new price', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-cost-'));
  cpSync(join(REPO, 'test/fixtures/cost/nat-and-usage'), dir, { recursive: true });
  const client = await LspTestClient.start({ workspace: { codeLens: { refreshSupport: true } } });
  try {
    const main = readFileSync(join(dir, 'main.tf'), 'utf8');
    const mainUri = client.open(join(dir, 'main.tf'), main);
    const natLine = positionOf(main, 'resource "aws_nat_gateway" "main"').line;
    const natLens = async () => (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: mainUri } })).find((l) => l.range.start.line === natLine)?.command?.title;
    assert.equal(await natLens(), '$77.85/mo · NAT gateway');
    const usagePath = join(dir, 'infracost-usage.yml');
    client.open(usagePath, readFileSync(usagePath, 'utf8').replace('monthly_data_processed_gb: 1000', 'monthly_data_processed_gb: 0'));
    await client.waitFor('a code lens refresh', () => client.codeLensRefreshes > 0);
    assert.equal(await natLens(), '$32.85/mo · NAT gateway');
  } finally {
    await client.stop();
  }
});
